"""Markdown sources: plain text, headings as sections, images as captions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.sources.load import load_source
from reader.sources.markdown import markdown_document

SAMPLE = """\
---
title: Night trains return
author: Erika Example
date: 2024-05-01
---
# Night trains return

Europe's *night trains* are back, with **new routes** from [Vienna](https://example.org/vienna "Vienna")
to Paris &amp; Brussels.

![A sleeper carriage at the platform. Photo: Jane Doe/Reuters](sleeper.jpg "Sleeper")

## The routes

- Vienna to Paris, *three times a week*
- Vienna to Brussels
  1. via Munich
  2. via Cologne

> "We sold out in a day," said a spokesperson.
> Demand is strong.

```python
seats = 240
print(seats)
```

## Prices

| Route | Fare |
|-------|------|
| Paris | 89 EUR |

Fares start at `89` euros.<br>Bunks cost more.
"""


@pytest.fixture
def doc(tmp_path: Path):
    path = tmp_path / "night-trains.md"
    path.write_text(SAMPLE, encoding="utf-8")
    return load_source(str(path))


def test_metadata_and_kind(doc):
    assert doc.kind == "markdown"
    assert doc.title == "Night trains return"
    assert doc.author == "Erika Example"
    assert doc.date == "2024-05-01"
    assert doc.name == "night-trains"


def test_text_has_no_markdown_syntax(doc):
    for marker in ("*", "#", "](", "![", "`", "> ", "|", "<br", "&amp;", "---"):
        assert marker not in doc.text, marker
    assert (
        "Europe's night trains are back, with new routes from Vienna to Paris & Brussels."
        in doc.text
    )


def test_paragraphs_lists_quotes_and_code(doc):
    paragraphs = doc.text.split("\n\n")
    assert paragraphs == [
        "Europe's night trains are back, with new routes from Vienna to Paris & Brussels.",
        "Vienna to Paris, three times a week",
        "Vienna to Brussels",
        "via Munich",
        "via Cologne",
        '"We sold out in a day," said a spokesperson. Demand is strong.',
        "seats = 240\nprint(seats)",
        "Route  Fare\nParis  89 EUR",
        "Fares start at 89 euros.\nBunks cost more.",
    ]


def test_headings_become_sections_and_the_h1_is_the_title(doc):
    assert [h for _, h in doc.headings] == ["The routes", "Prices"]
    routes, prices = (offset for offset, _ in doc.headings)
    assert doc.text[routes:].startswith("Vienna to Paris")
    assert doc.text[prices:].startswith("Route  Fare")
    assert "Night trains return" not in doc.text


def test_images_are_captions_with_credits_and_positions(doc):
    (caption,) = doc.captions
    assert caption.text == "A sleeper carriage at the platform."
    assert caption.credit == "Jane Doe/Reuters"
    assert doc.text[caption.position :].startswith("Vienna to Paris")
    assert "sleeper" not in doc.text.lower()


def test_first_h1_is_the_title_without_front_matter():
    doc = markdown_document(
        "# A title\n\nBody text here.\n\n## Part\n\nMore.", name="a.md", source="a.md"
    )
    assert doc.title == "A title"
    assert doc.text == "Body text here.\n\nMore."
    assert doc.headings == ((17, "Part"),)


def test_h2_first_stays_a_section_and_front_matter_title_is_kept():
    doc = markdown_document("## Intro\n\nBody.", name="a.md", source="a.md", title="Given")
    assert doc.title == "Given"
    assert doc.headings == ((0, "Intro"),)


def test_consecutive_headings_label_one_section():
    doc = markdown_document(
        "Lead.\n\n## Part one\n### Background\n\nText.", name="a.md", source="a.md"
    )
    assert doc.headings == ((7, "Part one \u2014 Background"),)


def test_html_figure_in_markdown_is_a_caption():
    text = "Lead paragraph.\n\n<figure><img src='a.jpg' alt='x'><figcaption>Crowds gather at the square. (AP)</figcaption></figure>\n\nNext paragraph."
    doc = markdown_document(text, name="a.md", source="a.md")
    assert doc.text == "Lead paragraph.\n\nNext paragraph."
    assert [(c.text, c.credit, c.position) for c in doc.captions] == [
        ("Crowds gather at the square.", "AP", 17)
    ]


def test_image_only_document_is_an_error():
    with pytest.raises(ReaderError, match=r"no text found in pic\.md"):
        markdown_document("![only a picture](a.png)", name="pic.md", source="pic.md")


def test_markdown_from_standard_input_needs_no_suffix():
    # Without a suffix or content type, text without "# Heading" lines stays plain text.
    doc = load_source("-", stdin=io.BytesIO(b"Plain words."))
    assert doc.kind == "text"


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)


@st.composite
def inline_words(draw):
    words = draw(st.lists(WORD, min_size=1, max_size=6))
    styled = []
    for word in words:
        style = draw(st.sampled_from(["plain", "em", "strong", "code", "link", "strike"]))
        styled.append(
            {
                "plain": word,
                "em": f"*{word}*",
                "strong": f"**{word}**",
                "code": f"`{word}`",
                "link": f"[{word}](http://x.test/{word})",
                "strike": f"~~{word}~~",
            }[style]
        )
    return words, " ".join(styled)


@st.composite
def markdown_docs(draw):
    blocks, words = [], []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["p", "h2", "ul", "ol", "quote", "image"]))
        plain, styled = draw(inline_words())
        if kind == "image":
            blocks.append(f"![{' '.join(plain)}](pic.png)")
            continue
        if kind != "h2":  # a heading with nothing after it labels no section
            words.extend(plain)
        blocks.append(
            {
                "p": styled,
                "h2": f"## {styled}",
                "ul": f"- {styled}",
                "ol": f"1. {styled}",
                "quote": f"> {styled}",
            }[kind]
        )
    return "\n\n".join(blocks), words


@settings(max_examples=60, deadline=None)
@given(markdown_docs())
def test_no_syntax_survives_and_no_word_is_lost(case):
    text, words = case
    try:
        doc = markdown_document(text, name="gen.md", source="gen.md")
    except ReaderError:
        return  # nothing but headings or images: a clear error is fine
    for marker in ("*", "`", "](", "![", "~~", "> ", "## ", "- ", "1. "):
        assert marker not in doc.text
    rendered = doc.text + " " + " ".join(h for _, h in doc.headings) + " " + (doc.title or "")
    for word in words:
        assert word in rendered
