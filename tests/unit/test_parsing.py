"""Paragraphs, sentences and sections: readable, and not a word lost."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article.paragraphs import MAX_QUOTED_SENTENCES, MAX_SENTENCES
from tests.conftest import article_from_text


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def test_bundled_body_keeps_every_word_in_order(bundled_article, bundled_path):
    source = bundled_path.read_text(encoding="utf-8")
    body_blocks = [
        b
        for b in source.split("\n\n")
        if "(AP)" not in b and "(AFP)" not in b and "(Reuters)" not in b
    ]
    assert _words(bundled_article.body) == _words("\n\n".join(body_blocks))


def test_bundled_paragraphs_are_readable(bundled_article):
    assert len(bundled_article.paragraphs) >= 5
    assert all(1 <= len(p.sentences) <= 6 for p in bundled_article.paragraphs)


def test_sentence_offsets_point_into_the_text(bundled_article):
    for sentence in bundled_article.sentences:
        assert bundled_article.text[sentence.start : sentence.end] == sentence.text
    indexes = [s.index for s in bundled_article.sentences]
    assert indexes == list(range(len(indexes)))


def test_abbreviations_do_not_end_sentences():
    article = article_from_text(
        "Gen. Mark Milley met Prof. Kim in the U.S. capital on Jan. 5. The talks lasted three hours. "
        "Mr. Smith arrived at 9 a.m. on Tuesday."
    )
    assert [s.text for s in article.sentences] == [
        "Gen. Mark Milley met Prof. Kim in the U.S. capital on Jan. 5.",
        "The talks lasted three hours.",
        "Mr. Smith arrived at 9 a.m. on Tuesday.",
    ]


def test_bundled_article_is_one_section_with_no_invented_heading(bundled_article):
    # Six paragraphs: the reader makes no parts up for them (] then moves by paragraph).
    sections = bundled_article.sections
    assert len(sections) == 1 and sections[0].derived and not sections[0].heading
    assert [p.index for s in sections for p in s.paragraphs] == list(
        range(len(bundled_article.paragraphs))
    )


def test_bundled_article_metadata_from_its_sidecar(bundled_article):
    assert bundled_article.title == "Kim, Putin meet at Russian spaceport, pledge support"
    assert bundled_article.source == "The Korea Herald"
    assert (bundled_article.author, bundled_article.date) == ("Ji Da-gyum", "2023-09-13")


def test_derived_title_is_short_whole_and_never_cut_with_an_ellipsis():
    text = (
        "North Korean leader Kim Jong-un and Russian President Vladimir Putin on Wednesday met "
        "at the spaceport in the Russian Far East, officials said. The talks lasted hours.\n"
    )
    title = article_from_text(text).title
    assert title == "North Korean leader Kim Jong-un"
    assert not title.endswith(("\u2026", "...", ",")) and len(title) <= 60


def test_front_matter_gives_title_and_source():
    from reader.article.build import build_article
    from reader.sources.load import document_from_bytes

    data = b"---\ntitle: Budget passes\nsource: City Times\ndate: 2024-05-01\n---\nThe council voted. It was late.\n"
    article = build_article(document_from_bytes(data, name="x.txt", source="x.txt"))
    assert (article.title, article.source, article.date) == (
        "Budget passes",
        "City Times",
        "2024-05-01",
    )
    assert article.body == "The council voted. It was late."


def test_long_block_split_at_a_quote_boundary():
    text = (
        "The storm hit the coast on Monday. Roads were closed across the region. Schools shut their doors. "
        "Power lines fell in three towns. Crews worked through the night. "
        '"We have never seen water this high," said Maria Lopez, a resident of the harbour district. '
        '"The whole street was a river." Officials promised aid. The governor visited on Tuesday.'
    )
    article = article_from_text(text)
    assert len(article.paragraphs) == 2
    assert article.paragraphs[1].text.startswith('"We have never seen water this high,"')


SENTENCE = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]),
    min_size=1,
    max_size=80,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(SENTENCE, min_size=1, max_size=14), min_size=1, max_size=6))
def test_parsing_never_loses_or_reorders_words(blocks):
    text = "\n\n".join(". ".join(block) for block in blocks)
    if not text.strip():
        return
    from reader.errors import ReaderError

    try:
        article = article_from_text(text)
    except ReaderError:
        return
    body_words = _words(article.body)
    caption_words = [w for c in article.captions for w in _words(c.text)]
    # Every body word is a source word, in order; what is missing is caption text.
    source_words = _words(text)
    it = iter(source_words)
    assert all(any(w == s for s in it) for w in body_words)
    assert len(body_words) + len(caption_words) <= len(source_words)
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
        # Six sentences at most, twelve to keep a quotation whole (not cut at a paragraph break).
        quoting = any(mark in paragraph.text for mark in "\"\u201c\u201d\u2018\u2019'")
        limit = MAX_QUOTED_SENTENCES if quoting else MAX_SENTENCES
        assert len(paragraph.sentences) <= limit or len(paragraph.sentences) < 2


def test_a_headline_line_becomes_the_title_not_body():
    article = article_from_text(
        "Budget Passes After a Long Night\n\nThe council voted at 2 a.m. Members went home."
    )
    assert article.title == "Budget Passes After a Long Night"
    assert article.body == "The council voted at 2 a.m. Members went home."


def test_an_opening_sentence_is_body_not_headline():
    article = article_from_text(
        "The council voted on Monday to approve the budget.\n\nIt was late. Members went home."
    )
    assert article.body.startswith("The council voted on Monday")
    assert article.title == "The council voted on Monday to approve the budget"


def test_a_quote_over_several_sentences_is_not_cut_by_a_paragraph_break():
    quote = '"We lost the harvest. We lost the barn. We lost the animals. We will rebuild. We always have."'
    text = (
        "The flood reached the farm on Monday. Water rose fast. The family fled at night. "
        f"Neighbours helped them. {quote} said Ana Ruiz, who has farmed there for 30 years. "
        "The county opened a shelter. It housed 40 people."
    )
    article = article_from_text(text)
    assert any(quote in p.text for p in article.paragraphs)


def test_short_texts_get_no_derived_sections():
    text = (
        "The heat could not stop the runners. The wind did not slow them.\n\nThe crowd cheered.\n"
    )
    sections = article_from_text(text).sections
    assert len(sections) == 1 and sections[0].derived


def test_a_sentence_break_with_no_space_is_never_a_paragraph_break():
    text = ". ".join(["One", "Two", "Three", "Four", "Five", 'Six?"Seven', "Eight"])
    article = article_from_text(text)
    assert _words(article.body) == _words(text)
