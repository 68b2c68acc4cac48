"""Links of an article: how extraction keeps them beside the text, and where one leads.

Markdown: while a block of text is put together (whitespace collapsed), each
link's text is wrapped in private-use marks (an opening mark and a character
that numbers the link, then a closing mark); reader.sources.markdown takes
them out again with the emphasis marks and keeps the links' offsets
(:func:`trimmed_links`, :func:`block_links`).

HTML: trafilatura extracts the body without links (its ``include_links``
changes which paragraphs it keeps), so the page's links are read from its
tree before extraction (:func:`page_anchors`, per source block) and found
again, by their text, in the body blocks matched to those source blocks
(:func:`placed_links`). Links of the page's menus and footers go with them.

:func:`link_target` says what following a link opens: a web page, a local
file (a relative link of a local file), or nothing, with the reason (a
``mailto:`` or ``javascript:`` link, a place in the same page).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import unquote, urljoin, urlsplit

from reader.inert import clean, shown_name
from reader.sources.document import RawLink
from reader.sources.url import public_url

if TYPE_CHECKING:
    from lxml.etree import _Element

LINK_OPEN = "\ue006"
LINK_CLOSE = "\ue007"
_NUMBER_BASE = 0xF0000  # Supplementary Private Use Area-A: one character numbers a link
MAX_LINKS = 5000  # links kept per article (a page with more keeps the first)
# A link's opening (with its number) or closing mark.
LINK_MARK = re.compile("\ue006[\U000f0000-\U000ffffd]|\ue007")
# Every character the marks use: taken out of the source's own text before marking.
MARK_CHARACTERS = re.compile("[\ue006\ue007\U000f0000-\U000ffffd]")
WEB_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_URL_PREFIX = re.compile(r"^([a-z][a-z0-9+.-]+)://", re.I)  # as reader.sources.spec reads a spec


def link_open(number: int) -> str:
    """The mark before the text of link ``number``."""
    return LINK_OPEN + chr(_NUMBER_BASE + number)


def link_number(mark: str) -> int | None:
    """The number an opening mark carries (None for a closing mark)."""
    return ord(mark[1]) - _NUMBER_BASE if len(mark) == 2 else None


def link_url(target: str) -> str:
    """A link's address as kept: inert, on one line, without a user name and password.

    ``https://bank.example@evil.example/`` is a link to evil.example: it is kept as that.
    """
    return public_url("".join(clean(target).split()))


@dataclass(frozen=True)
class TextLink:
    """A link in one block of text: its span, its text and its address."""

    start: int
    end: int
    url: str
    text: str


def trimmed_links(
    text: str, spans: Sequence[tuple[int, int, int]], urls: Sequence[str]
) -> tuple[TextLink, ...]:
    """Links of (start, end, number) spans of ``text``, without white space at their ends."""
    links = []
    for start, end, number in sorted(spans):
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and 0 <= number < len(urls) and urls[number]:
            links.append(TextLink(start, end, urls[number], text[start:end]))
    return tuple(links)


class _LinkedBlock(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def links(self) -> tuple[TextLink, ...]: ...


def block_links(
    blocks: Sequence[_LinkedBlock], starts: Sequence[int | None]
) -> tuple[RawLink, ...]:
    """The links of ``blocks`` at their offsets in the text made of them (``starts``).

    A block whose text changed after its links were taken (a caption cut out of
    it) has each link looked for again, in order; a link whose text went is dropped.
    """
    found: list[RawLink] = []
    for block, start in zip(blocks, starts):
        if start is None:
            continue  # a heading: not in the text
        cursor = 0
        for link in block.links:
            at = link.start
            if block.text[at : link.end] != link.text or at < cursor:
                at = block.text.find(link.text, cursor)
                if at < 0:
                    continue
            cursor = at + len(link.text)
            found.append(RawLink(start + at, start + cursor, link.url))
    return tuple(found)


# ---------------------------------------------------------------- HTML

Anchors = dict[int, list[tuple[str, str]]]


def page_anchors(tree: _Element, block_tags: Collection[str]) -> Anchors:
    """(text, address) of the links inside each block element of the page, in reading order,
    keyed by the block's place in ``tree.iter()`` (as reader.sources.html numbers them)."""
    order_of: dict[_Element, int] = {}
    anchors: Anchors = {}
    for order, element in enumerate(tree.iter()):
        if isinstance(element.tag, str) and element.tag in block_tags:
            order_of[element] = order
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        text = " ".join(anchor.text_content().split())
        if not href or not text:
            continue
        for parent in anchor.iterancestors():
            if parent in order_of:
                anchors.setdefault(order_of[parent], []).append((text, href))
    return anchors


class _Block(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def heading(self) -> bool: ...


def placed_links(
    blocks: Sequence[_Block],
    starts: Sequence[int | None],
    matched: Sequence[tuple[int, str, object] | None],
    anchors: Anchors,
    page_url: str | None,
) -> tuple[RawLink, ...]:
    """The links of body ``blocks`` at their offsets in the text (``starts``): each block's
    source block (``matched``: its order first) gives the links looked for, in order, in its text.

    Relative addresses are resolved against ``page_url`` when it is a web address.
    """
    web = bool(page_url) and urlsplit(page_url or "").scheme.lower() in WEB_SCHEMES
    found: list[RawLink] = []
    for block, start, source in zip(blocks, starts, matched):
        if start is None or block.heading or source is None:
            continue
        cursor = 0
        for text, href in anchors.get(source[0], ()):
            if len(found) >= MAX_LINKS:
                return tuple(found)
            at = _find_words(block.text, text, cursor)
            url = link_url(href)
            if at < 0 or not url:
                continue
            if web and page_url:
                url = public_url(urljoin(page_url, url))
            cursor = at + len(text)
            found.append(RawLink(start + at, start + cursor, url))
    return tuple(found)


def _find_words(text: str, needle: str, start: int) -> int:
    """Where ``needle`` stands in ``text`` from ``start`` as whole words (-1: nowhere)."""
    at = text.find(needle, start)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(needle)] if at + len(needle) < len(text) else " "
        if not (before.isalnum() and needle[0].isalnum()) and not (
            after.isalnum() and needle[-1].isalnum()
        ):
            return at
        at = text.find(needle, at + 1)
    return -1


# ---------------------------------------------------------------- following a link


@dataclass(frozen=True)
class LinkTarget:
    """Where a link leads: what the reader opens and what a browser opens, or why neither."""

    spec: str | None = None  # a web address or a local file's path, for the reader
    browser: str | None = None  # an http(s) or file:// address, for the system browser
    refused: str | None = None  # why the link cannot be opened (when spec is None)


def link_target(url: str, *, page_url: str | None, source: str | None) -> LinkTarget:
    """What following ``url`` (a link of an article) opens.

    ``page_url`` is the article's web address (relative links are resolved
    against it), ``source`` what the reader opened (a local file's path: its
    relative links name files beside it, when they exist).
    """
    url = url.strip()
    scheme = _SCHEME.match(url)
    if scheme is not None and not url.startswith("//"):
        name = scheme.group(1).lower()
        if name in WEB_SCHEMES:
            return LinkTarget(url, url)
        if name == "file":
            if _local_source(source):
                return LinkTarget(url, url)
            return LinkTarget(
                refused="A web page's link to a file on this computer is not opened."
            )
        return LinkTarget(
            refused=f"The reader does not open {shown_name(name)}: links (only web pages and files)."
        )
    if not url or url.startswith("#"):
        return LinkTarget(refused="This link points to a place in this article.")
    local = _local_file(url, source)
    if local is not None and (local.is_file() or not page_url):
        return LinkTarget(str(local), local.absolute().as_uri())
    if page_url and urlsplit(page_url).scheme.lower() in WEB_SCHEMES:
        joined = public_url(urljoin(page_url, url))
        return LinkTarget(joined, joined)
    if url.startswith("//"):
        return LinkTarget("https:" + url, "https:" + url)
    return LinkTarget(
        refused="This link is relative and the article has no web address to resolve it against."
    )


def _local_source(source: str | None) -> bool:
    """``source`` names a local file (a path or a file:// address)."""
    if not source or source == "-":
        return False
    return _URL_PREFIX.match(source) is None or source.lower().startswith("file:")


def _local_file(url: str, source: str | None) -> Path | None:
    """The file a relative link of a local file names (None when the source is no file)."""
    if not _local_source(source):
        return None
    assert source is not None
    if source.lower().startswith("file:"):
        base = Path(unquote(urlsplit(source).path))
    else:
        base = Path(source).expanduser()
    path = unquote(urlsplit(url).path)
    if not path or url.startswith("//"):
        return None
    return base.parent / path
