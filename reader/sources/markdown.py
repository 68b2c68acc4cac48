"""Markdown to a Document: plain text, headings as sections, images as captions.

Parsed with markdown-it-py (CommonMark plus tables and strikethrough); no
Markdown syntax reaches ``Document.text``: links become their text (their
addresses and offsets go in ``Document.links``), images
become captions, code is kept as plain lines, each list item becomes a
paragraph of its own (never merged with the next item). What the syntax
meant is kept beside the text: list items (with a numbered item's marker),
block quotes and code blocks in ``Document.blocks``, emphasis, strong
emphasis and inline code in ``Document.styles``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.sources.document import Document, RawCaption
from reader.sources.html import (
    TextBlock,
    assemble_blocks,
    block_styles,
    short_name,
    split_credit,
)
from reader.sources.links import (
    LINK_CLOSE,
    LINK_MARK,
    MARK_CHARACTERS,
    MAX_LINKS,
    block_links,
    link_number,
    link_open,
    link_url,
    trimmed_links,
)

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

_CELL_GAP = "  "
# Emphasis is marked in the inline text with private-use characters while a block is put
# together (whitespace is collapsed on the way), then taken out as offsets.
_OPEN = {"em": "\ue000", "strong": "\ue002", "code_inline": "\ue004"}
_CLOSE = {"em": "\ue001", "strong": "\ue003", "code_inline": "\ue005"}
_STYLE_OF = {"\ue000": "emphasis", "\ue002": "strong", "\ue004": "code"}
_CLOSING = {"\ue001": "\ue000", "\ue003": "\ue002", "\ue005": "\ue004"}
_STYLE_MARK = re.compile("[\ue000-\ue005]")
# Every mark: emphasis and links (reader.sources.links).
_SENTINELS = re.compile(f"{_STYLE_MARK.pattern}|{MARK_CHARACTERS.pattern}")
_MARKS = re.compile(f"{_STYLE_MARK.pattern}|{LINK_MARK.pattern}")
_EDGE_SPACE = re.compile(r"^(\s*)(.*?)(\s*)$", re.S)


@dataclass
class _Out:
    """Blocks collected so far and captions waiting for their position."""

    blocks: list[TextBlock] = field(default_factory=list)
    # (caption, index of the block the image stood before or in)
    captions: list[tuple[RawCaption, int]] = field(default_factory=list)
    kind: str = "text"  # how blocks added now are set ("quote" inside a block quote)
    urls: list[str] = field(default_factory=list)  # link addresses, by the number in their mark

    def add(self, text: str, heading: bool = False, kind: str = "", marker: str = "") -> None:
        text = "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))
        if heading:
            text = " ".join(_SENTINELS.sub("", text).split())
        plain, styles, links = _take_styles(text)
        if plain.strip():
            lead = len(plain) - len(plain.lstrip())
            plain = plain.strip()
            styles = tuple(
                (max(0, a - lead), min(len(plain), b - lead), style)
                for a, b, style in styles
                if min(len(plain), b - lead) > max(0, a - lead)
            )
            spans = [(a - lead, b - lead, number) for a, b, number in links]
            self.blocks.append(
                TextBlock(
                    plain,
                    heading,
                    (kind or self.kind) if not heading else "text",
                    marker,
                    styles,
                    trimmed_links(plain, spans, self.urls) if not heading else (),
                )
            )


def _take_styles(
    text: str,
) -> tuple[str, tuple[tuple[int, int, str], ...], tuple[tuple[int, int, int], ...]]:
    """``text`` without its emphasis and link marks, the (start, end, style) spans of
    emphasis and the (start, end, number) spans of links they marked."""
    plain: list[str] = []
    length = 0
    opened: dict[str, list[int]] = {}
    spans: list[tuple[int, int, str]] = []
    links: list[tuple[int, int, int]] = []
    opened_links: list[tuple[int, int]] = []
    position = 0
    for match in _MARKS.finditer(text):
        chunk = text[position : match.start()]
        plain.append(chunk)
        length += len(chunk)
        mark = match.group()
        if mark == LINK_CLOSE:
            if opened_links:
                start, number = opened_links.pop()
                links.append((start, length, number))
        elif len(mark) == 2:
            opened_links.append((length, link_number(mark) or 0))
        elif mark in _STYLE_OF:
            opened.setdefault(mark, []).append(length)
        elif opened.get(_CLOSING[mark]):
            start = opened[_CLOSING[mark]].pop()
            if length > start:
                spans.append((start, length, _STYLE_OF[_CLOSING[mark]]))
        position = match.end()
    plain.append(text[position:])
    return "".join(plain), tuple(sorted(spans)), tuple(links)


def markdown_document(
    text: str,
    *,
    name: str,
    source: str,
    url: str | None = None,
    title: str | None = None,
    date: str | None = None,
    author: str | None = None,
    site: str | None = None,
) -> Document:
    """Turn Markdown ``text`` (front matter already removed) into a Document."""
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    root = SyntaxTreeNode(parser.parse(text))
    out = _Out()
    for node in root.children:
        _block(node, out)
    blocks, captions = out.blocks, out.captions
    if blocks and blocks[0].heading and (_same(blocks[0].text, title) if title else _is_h1(root)):
        # The first heading is the title: metadata, not a section.
        title = title or blocks[0].text
        blocks = blocks[1:]
        captions = [(c, max(0, i - 1)) for c, i in captions]
    body, headings, starts = assemble_blocks(blocks)
    if not body.strip():
        raise ReaderError(f"no text found in {name}")
    kinds, styles = block_styles(blocks, starts)
    return Document(
        text=body,
        kind="markdown",
        source=source,
        title=title,
        date=date,
        url=url,
        author=author,
        site=site,
        headings=headings,
        captions=tuple(_placed(captions, starts, len(body))),
        blocks=kinds,
        styles=styles,
        links=block_links(blocks, starts),
        name=short_name(name, url) if name != "standard input" else None,
    )


def _block(node: SyntaxTreeNode, out: _Out) -> None:
    """Render one block node (recursively for containers) into ``out``."""
    kind = node.type
    if kind == "heading":
        out.add(_inline(node, out), heading=True)
    elif kind == "paragraph":
        out.add(_inline(node, out))
    elif kind in ("bullet_list", "ordered_list"):
        # A block each: lines of one block read as one wrapped paragraph.
        for line, marker in _list_lines(node, out):
            out.add(line, kind="item", marker=marker)
    elif kind == "blockquote":
        outer, out.kind = out.kind, "quote"
        for child in node.children:
            _block(child, out)
        out.kind = outer
    elif kind in ("fence", "code_block"):
        out.add(_SENTINELS.sub("", node.content), kind="code")
    elif kind == "table":
        out.add("\n".join(_table_rows(node, out)))
    elif kind == "html_block":
        _html_block(node.content, out)
    # hr and anything unknown carry no text


def _list_lines(node: SyntaxTreeNode, out: _Out, depth: int = 0) -> list[tuple[str, str]]:
    """(line, marker) per list item (its paragraphs joined), nested items after it.

    The marker is a numbered item's number ("3."), a bullet for the others
    ("\u2022", "\u25e6" when nested).
    """
    lines: list[tuple[str, str]] = []
    numbered = node.type == "ordered_list"
    for item in node.children:
        marker = f"{item.info}{item.markup}" if numbered and item.info else ""
        marker = marker or ("\u2022" if depth == 0 else "\u25e6")
        own: list[str] = []
        for child in item.children:
            if child.type in ("bullet_list", "ordered_list"):
                if own:
                    lines.append((" ".join(own), marker))
                    own, marker = [], ""
                lines.extend(_list_lines(child, out, depth + 1))
            elif child.type in ("fence", "code_block"):
                own.append(" ".join(_SENTINELS.sub("", child.content).split()))
            elif child.type == "paragraph":
                own.append(" ".join(_inline(child, out).split()))
            else:
                sub = _Out(captions=out.captions, urls=out.urls)
                _block(child, sub)
                own.extend(" ".join(b.text.split()) for b in sub.blocks)
        if own:
            lines.append((" ".join(own), marker))
    return [(line, marker) for line, marker in lines if line]


def _table_rows(node: SyntaxTreeNode, out: _Out) -> list[str]:
    rows = []
    for row in _descendants(node, "tr"):
        cells = [" ".join(_inline(cell, out).split()) for cell in row.children]
        line = _CELL_GAP.join(c for c in cells if c)
        if line:
            rows.append(line)
    return rows


def _descendants(node: SyntaxTreeNode, kind: str) -> list[SyntaxTreeNode]:
    found = []
    for child in node.children:
        if child.type == kind:
            found.append(child)
        else:
            found.extend(_descendants(child, kind))
    return found


def _inline(node: SyntaxTreeNode, out: _Out) -> str:
    """Plain text of a block's inline content; images are recorded as captions."""
    parts: list[str] = []
    for inline in node.children:
        if inline.type == "inline":
            _inline_parts(inline.children, parts, out)
    return "".join(parts).strip()


def _inline_parts(nodes: list[SyntaxTreeNode], parts: list[str], out: _Out) -> None:
    for node in nodes:
        kind = node.type
        if kind in ("text", "text_special"):
            parts.append(_SENTINELS.sub("", node.content))
        elif kind == "code_inline":
            parts += [_OPEN[kind], _SENTINELS.sub("", node.content), _CLOSE[kind]]
        elif kind in _OPEN:  # em, strong: their text, marked
            parts.append(_OPEN[kind])
            _inline_parts(node.children, parts, out)
            parts.append(_CLOSE[kind])
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "image":
            _image_caption(node, out)
        elif kind == "html_inline":
            if node.content.lower().startswith("<br"):
                parts.append("\n")
        elif kind == "link":
            _link_parts(node, parts, out)
        else:  # s and the like: keep their text only
            _inline_parts(node.children, parts, out)


def _link_parts(node: SyntaxTreeNode, parts: list[str], out: _Out) -> None:
    """A link's text, marked as a link (the white space at its ends left outside the marks)."""
    inner: list[str] = []
    _inline_parts(node.children, inner, out)
    match = _EDGE_SPACE.match("".join(inner))
    assert match is not None
    lead, core, trail = match.groups()
    url = link_url(str(node.attrs.get("href") or ""))
    if not url or not _SENTINELS.sub("", core).strip() or len(out.urls) >= MAX_LINKS:
        parts.append(match.group())
        return
    parts += [lead, link_open(len(out.urls)), core, LINK_CLOSE, trail]
    out.urls.append(url)


def _image_caption(node: SyntaxTreeNode, out: _Out) -> None:
    alt_parts: list[str] = []
    _inline_parts(node.children, alt_parts, _Out())
    alt = " ".join(_SENTINELS.sub("", "".join(alt_parts)).split())
    title = " ".join(str(node.attrs.get("title") or "").split())
    text, credit = split_credit(alt or title)
    if title and alt and title != alt and credit is None:
        rest, title_credit = split_credit(title)
        if title_credit and not rest:
            credit = title_credit
    if text:
        out.captions.append((RawCaption(text=text, credit=credit), len(out.blocks)))


def _html_block(markup: str, out: _Out) -> None:
    """Raw HTML in Markdown: figures become captions, other text is kept."""
    import lxml.html

    from reader.sources.html import figure_caption

    try:
        fragments = lxml.html.fragments_fromstring(markup)
    except Exception:  # lxml raises several types on junk; junk has no text for us
        return
    for fragment in fragments:
        if isinstance(fragment, str):
            out.add(_SENTINELS.sub("", fragment))
            continue
        if not isinstance(fragment.tag, str):
            continue  # a comment
        for figure in list(fragment.iter("figure", "img")):
            if figure.tag == "img" and next(figure.iterancestors("figure"), None) is not None:
                continue
            caption = figure_caption(figure)
            if caption is not None:
                out.captions.append((caption, len(out.blocks)))
            if figure is not fragment and figure.getparent() is not None:
                figure.drop_tree()
        if fragment.tag in ("figure", "img", "script", "style"):
            continue
        for junk in list(fragment.iter("script", "style")):
            junk.drop_tree()
        out.add(" ".join(_SENTINELS.sub("", fragment.text_content()).split()))


def _placed(
    captions: list[tuple[RawCaption, int]], starts: list[int | None], length: int
) -> list[RawCaption]:
    """Give each caption the offset of the first paragraph at or after its block."""
    placed = []
    for caption, index in captions:
        position = next((s for s in starts[index:] if s is not None), length)
        placed.append(RawCaption(caption.text, caption.credit, position))
    return placed


def _is_h1(root: SyntaxTreeNode) -> bool:
    first = root.children[0] if root.children else None
    return first is not None and first.type == "heading" and first.tag == "h1"


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())
