"""The first part of a long text reads as the start of the whole article."""

from __future__ import annotations

from reader.article.build import build_article
from reader.article.preview import HEAD_CHARS, head_document
from reader.sources.document import BlockStyle, Document, SpanStyle
from reader.sources.markdown import markdown_document


def _paragraphs(count: int) -> list[str]:
    return [
        f"Part {n} of the plan was agreed on Tuesday. "
        f"\u201cWe will start at once,\u201d said Mayor Ann Lee of the works in part {n}. "
        "Engineers from the ministry came to look at the sea wall and the old harbour."
        for n in range(count)
    ]


def test_a_short_text_has_no_first_part():
    text = "Harbour reopens\n\n" + "\n\n".join(_paragraphs(20))
    assert head_document(Document(text)) is None


def test_the_first_part_has_the_first_paragraphs_of_the_whole():
    text = "Harbour reopens\n\n" + "\n\n".join(_paragraphs(400))
    document = Document(text, source="long.txt", name="long.txt")
    head = head_document(document)
    assert head is not None
    assert HEAD_CHARS <= len(head.text) < HEAD_CHARS + 400
    part, whole = build_article(head), build_article(document)
    assert part.title == whole.title == "Harbour reopens"
    shown = len(part.paragraphs) - 1  # the last may end differently: the cut is after it
    assert shown > 10
    assert [(p.text, [s.text for s in p.sentences]) for p in part.paragraphs[:shown]] == [
        (p.text, [s.text for s in p.sentences]) for p in whole.paragraphs[:shown]
    ]


def test_markup_past_the_cut_is_left_out():
    parts = ("\n\n".join(p.replace("at once", "at *once*") for p in _paragraphs(3)),) * 100
    body = "\n\n".join(
        f"## Part {n}\n\n- an item\n- another\n\n{part}" for n, part in enumerate(parts)
    )
    document = markdown_document("# Harbour reopens\n\n" + body, name="plan.md", source="plan.md")
    assert document.styles and document.blocks
    head = head_document(document)
    assert head is not None
    cut = len(head.text)
    assert head.headings and all(offset < cut for offset, _ in head.headings)
    assert all(b.start < cut and b.end <= cut for b in head.blocks)
    assert all(s.start < cut and s.end <= cut for s in head.styles)
    assert build_article(head).sections[0].label == build_article(document).sections[0].label
    plain = Document(
        document.text,
        blocks=(BlockStyle(0, len(document.text), "quote"),),
        styles=(SpanStyle(5, len(document.text), "emphasis"),),
    )
    cut_plain = head_document(plain)
    assert cut_plain is not None
    assert cut_plain.blocks[0].end == cut_plain.styles[0].end == len(cut_plain.text)
