"""The default news summarizer and the out-of-context filter (issue 4, points 3-4)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.summary.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, DESCRIPTIONS, summarize
from reader.summary.context import leans_on_context, readable, reasons, text_reasons
from reader.summary.news import NewsSummarizer
from tests.conftest import article_from_text

STORY = """\
The city council of Riverton approved a new budget for public transport on Monday after a long debate.

The budget adds forty electric buses and two new tram lines to the network by the end of next year.

But the plan was opposed by several members, who said the cost of the trams was too high.

He said the council should have waited for the regional government to share the cost.

"We cannot wait another ten years for trams," said Maria Lopez, the mayor of Riverton.

"The buses are old. They break down every week."

Transport officials estimate that the new lines will carry thirty thousand passengers a day.

The electric buses will replace diesel buses that are more than fifteen years old.

However, the unions have warned that drivers will need training before the buses arrive.

Work on the first tram line is expected to start in the spring.
"""


@pytest.fixture(scope="module")
def story():
    return article_from_text(STORY)


def _leaning(article):
    return {s.index: why for s, why in zip(article.sentences, reasons(article.sentences))}


# -- the default ----------------------------------------------------------


def test_key_points_are_the_default_and_news_is_listed():
    assert DEFAULT_ALGORITHM == "keypoints"
    assert ALGORITHMS[:2] == ("news", "keypoints")
    assert "news" in DESCRIPTIONS and "keypoints" in DESCRIPTIONS


@pytest.mark.parametrize("length", [1, 2, 3, 5])
def test_default_picks_n_sentences_in_article_order(story, length):
    summary = summarize(story) if length == 3 else summarize(story, length=length)
    indexes = summary.indexes
    assert summary.algorithm == "keypoints"
    assert len(indexes) == length
    assert list(indexes) == sorted(set(indexes))
    texts = {s.text for s in story.sentences}
    assert all(s.text in texts for s in summary.sentences)


def test_default_is_deterministic(story):
    first = summarize(story, "news", 4).indexes
    for _ in range(3):
        assert summarize(article_from_text(STORY), "news", 4).indexes == first


def test_default_starts_with_the_lead(story):
    assert summarize(story, "news", 3).indexes[0] == 0


def test_default_never_picks_a_caption():
    caption = "The mayor of Riverton (left) greets bus drivers at the depot on Monday. (Reuters)"
    article = article_from_text(caption + "\n\n" + STORY)
    assert article.captions and article.captions[0].text.startswith("The mayor of Riverton")
    for length in (1, 3, 6):
        chosen = summarize(article, "news", length).sentences
        assert all("greets bus drivers" not in s.text for s in chosen)


def test_title_words_pull_a_sentence_in():
    titled = article_from_text(
        STORY, title="Thirty thousand passengers a day expected on new lines, officials estimate"
    )
    untitled = summarize(article_from_text(STORY), "news", 3).indexes
    picked = summarize(titled, "news", 3).sentences
    assert any(s.text.startswith("Transport officials estimate") for s in picked)
    assert untitled != tuple(s.index for s in picked)


def test_whole_article_when_it_is_short():
    article = article_from_text("One short report about a fire in a shed. Nobody was hurt in it.")
    assert summarize(article, "news", 3).indexes == (0, 1)


# -- the summarizer on sumy's document model ------------------------------


def _document(paragraphs):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    from reader.nlp.tokenize import EnglishTokenizer

    tokenizer = EnglishTokenizer()
    return ObjectDocumentModel(
        tuple(Paragraph([Sentence(t, tokenizer) for t in p]) for p in paragraphs)
    )


def _summarizer():
    from sumy.nlp.stemmers import Stemmer

    from reader.nlp.stopwords import STOP_WORDS

    summarizer = NewsSummarizer(Stemmer("english"))
    summarizer.stop_words = STOP_WORDS
    return summarizer


def test_is_a_sumy_summarizer_and_takes_sumy_counts():
    from sumy.summarizers._summarizer import AbstractSummarizer

    assert issubclass(NewsSummarizer, AbstractSummarizer)
    document = _document(
        [[s.text for s in p.sentences] for p in article_from_text(STORY).paragraphs]
    )
    summarizer = _summarizer()
    assert len(summarizer(document, 3)) == 3
    assert len(summarizer(document, "20%")) == 2
    assert len(summarizer(document, 50)) == len(document.sentences)
    assert summarizer(_document([]), 3) == ()
    ratings = summarizer.rate_sentences(document)
    assert ratings.shape == (len(document.sentences),)


def test_word_budget_prefers_the_shorter_of_two_equal_sentences():
    summarizer = _summarizer()
    summarizer.FORWARD = summarizer.BACKWARD = summarizer.TITLE = 0.0
    summarizer.POSITION_DECAY = 0.0
    long = "Officials said the new bridge " + "and the new road " * 8 + "will open soon."
    document = _document([["Officials said the new bridge will open soon.", long]])
    ratings = summarizer.rate_sentences(document)
    assert ratings[0] > ratings[1]


def test_fast_on_a_long_text():
    words = [f"w{i}x" for i in range(3000)]
    words = ["".join(chr(97 + int(c)) for c in w if c.isdigit()) + "word" for w in words]
    paragraphs = []
    for p in range(600):  # about 3,000 sentences, 50,000 words
        paragraphs.append(
            [
                " ".join(words[(p * 31 + s * 17 + k * k) % 3000] for k in range(17)).capitalize()
                + "."
                for s in range(5)
            ]
        )
    document = _document(paragraphs)
    start = time.perf_counter()
    chosen = _summarizer()(document, 3)
    assert time.perf_counter() - start < 15
    assert len(chosen) == 3


# -- out of context -------------------------------------------------------


def test_what_leans_on_context(story):
    why = _leaning(story)
    by_start = {s.text.split()[0].strip('"'): why[s.index] for s in story.sentences}
    assert why[0] is None
    assert by_start["But"] == "connective"
    assert by_start["He"] == "pronoun"
    assert by_start["However,"] == "connective"
    assert by_start["Transport"] is None
    assert by_start["We"] is None  # a quotation with its speaker named
    assert by_start["The"] is None
    bare = next(s for s in story.sentences if s.text.startswith('"The buses are old.'))
    assert why[bare.index] == "quote"  # a quotation with no speaker
    inside = next(s for s in story.sentences if s.text.startswith("They break down"))
    assert why[inside.index] == "quote"  # inside a quotation opened before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This year the council spent more on roads.", None),
        ("This decision angered the unions.", "pronoun"),
        ("It's a fantastic opportunity, he added.", "pronoun"),
        ("Meanwhile, prices rose again.", "connective"),
        ("Italy's economy grew in March.", None),
        ("\u2018It was fine,\u2019 said Mr Smith.", None),
        ("\u2018It was fine,\u2019 he said.", "pronoun"),
        ("\u2018It was fine.\u2019", "quote"),
        ("Andrew Smith, the chief executive, resigned.", None),
        ("Theirs was the best offer.", "pronoun"),
    ],
)
def test_opening_words(text, expected):
    assert text_reasons([["A first sentence opens the text.", text]]) == [None, expected]


def test_a_quote_over_paragraphs_is_one_quotation():
    why = text_reasons(
        [
            ["Officials spoke on Monday.", "\u201cWe will build it.", "We have the money."],
            ["\u201cWe will finish it.\u201d"],
        ]
    )
    assert why == [None, "quote", "quote", "quote"]
    assert (
        text_reasons(
            [
                ["Officials spoke.", "\u201cWe will build it,\u201d said Ms Lee."],
                ["\u201cSoon.\u201d"],
            ]
        )[2]
        == "quote"
    )


def test_the_first_sentence_leans_on_nothing():
    article = article_from_text("But nobody expected the storm. It hit the coast at night.")
    assert leans_on_context(article.sentences[0]) is None
    assert leans_on_context(article.sentences[1]) == "pronoun"


def test_readable_drops_leaning_candidates_unless_too_few(story):
    why = _leaning(story)
    kept = readable(story.sentences, story.sentences, 3)
    assert kept and all(why[s.index] is None for s in kept)
    assert len(kept) < len(story.sentences)
    assert readable(story.sentences, story.sentences, len(story.sentences)) == list(
        story.sentences
    )


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_no_summary_opens_out_of_context(story, algorithm):
    why = _leaning(story)
    for length in (1, 2, 3, 4):
        chosen = summarize(story, algorithm, length).sentences
        assert why[chosen[0].index] is None
        for before, sentence in zip(chosen, chosen[1:]):
            assert why[sentence.index] is None or before.index == sentence.index - 1


def test_in_context_turns_the_filter_off(story):
    alone = readable(story.sentences, story.sentences, 1)
    assert summarize(story, "lexrank", len(alone)).sentences == tuple(alone)
    assert summarize(story, "lexrank", len(alone), in_context=True).sentences != tuple(alone)


SENTENCES = [
    "The council met on Monday.",
    "But members disagreed about the trams.",
    "He said the cost was too high.",
    "The mayor defended the plan for new buses.",
    "However, the unions warned about training.",
    "They want more drivers before the buses arrive.",
    "Officials expect thirty thousand passengers a day.",
    "It will take two years to build the lines.",
]


@settings(max_examples=40, deadline=None)
@given(order=st.permutations(SENTENCES), length=st.integers(1, 5))
def test_news_keeps_leaning_sentences_after_their_predecessor(order, length):
    article = article_from_text(" ".join(order))
    why = _leaning(article)
    chosen = summarize(article, "news", length).sentences
    assert len(chosen) == min(length, len(article.sentences))
    for k, sentence in enumerate(chosen):
        if why[sentence.index] is not None:
            assert k > 0 and chosen[k - 1].index == sentence.index - 1
