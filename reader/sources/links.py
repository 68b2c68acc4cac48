"""Links of an article: how extraction keeps them beside the text, and where one leads.

While a block of text is put together (whitespace collapsed, captions cut
out), each link's text is wrapped in marks: an opening mark and a
character that numbers the link, then a closing mark. :func:`take_links`
takes the marks out again and gives the links' offsets in the plain text.
HTML links come from trafilatura's ``ref`` elements (:func:`mark_links`),
Markdown links from markdown-it's link nodes (reader.sources.markdown).

:func:`link_target` says what following a link opens: a web page, a local
file (a relative link of a local file), or nothing, with the reason (a
``mailto:`` or ``javascript:`` link, a place in the same page).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import unquote, urljoin, urlsplit

from reader.inert import clean, shown_name
from reader.sources.document import RawLink

if TYPE_CHECKING:
    from lxml.etree import _Element

# Printable characters (trafilatura drops unprintable ones) that news text does not use:
# two Egyptian hieroglyphs open and close a link, a Tangut character numbers it.
LINK_OPEN = "\U00013000"
LINK_CLOSE = "\U00013001"
_NUMBER_BASE = 0x17000
MAX_LINKS = 6000  # links kept per article (a page with more keeps the first)
# A link's opening (with its number) or closing mark.
LINK_MARK = re.compile("\U00013000[\U00017000-\U0001876f]|\U00013001")
# Every character the marks use: taken out of the source's own text before marking.
MARK_CHARACTERS = re.compile("[\U00013000\U00013001\U00017000-\U0001876f]")
WEB_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_URL_PREFIX = re.compile(r"^([a-z][a-z0-9+.-]+)://", re.I)  # as reader.sources.spec reads a spec
_USERINFO = re.compile(r"^([a-z][a-z0-9+.-]*://)[^/?#]*@", re.I)


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
    url = "".join(clean(target).split())
    return _USERINFO.sub(r"\1", url)


@dataclass(frozen=True)
class TextLink:
    """A link in one block of text: its span, its text and its address."""

    start: int
    end: int
    url: str
    text: str


def take_links(text: str, urls: Sequence[str]) -> tuple[str, tuple[TextLink, ...]]:
    """``text`` without its link marks, and the links they marked (numbers index ``urls``)."""
    if LINK_OPEN not in text and LINK_CLOSE not in text:
        return text, ()
    plain: list[str] = []
    length = 0
    opened: list[tuple[int, int]] = []
    spans: list[tuple[int, int, int]] = []
    position = 0
    for match in LINK_MARK.finditer(text):
        chunk = text[position : match.start()]
        plain.append(chunk)
        length += len(chunk)
        number = link_number(match.group())
        if number is not None:
            opened.append((length, number))
        elif opened:
            start, number = opened.pop()
            spans.append((start, length, number))
        position = match.end()
    plain.append(text[position:])
    result = "".join(plain)
    return result, trimmed_links(result, spans, urls)


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


def mark_links(body: _Element) -> list[str]:
    """Wrap the text of each ``ref`` of trafilatura's body in link marks and drop the
    ``ref`` elements; the addresses, in the order of their numbers.

    The marks stand next to the link's first and last visible characters, so
    white space collapses around them as it does without them.
    """
    from lxml import etree

    for element in body.iter():
        if element.text and MARK_CHARACTERS.search(element.text):
            element.text = MARK_CHARACTERS.sub("", element.text)
        if element.tail and MARK_CHARACTERS.search(element.tail):
            element.tail = MARK_CHARACTERS.sub("", element.tail)
    urls: list[str] = []
    for ref in list(body.iter("ref")):
        url = link_url(ref.get("target") or "")
        pieces = [piece for piece in _text_pieces(ref) if (getattr(*piece) or "").strip()]
        if not url or not pieces or len(urls) >= MAX_LINKS:
            continue
        (first, first_side), (last, last_side) = pieces[0], pieces[-1]
        # The last piece first: it may be the first one too.
        value = getattr(last, last_side)
        cut = len(value.rstrip())
        setattr(last, last_side, value[:cut] + LINK_CLOSE + value[cut:])
        value = getattr(first, first_side)
        cut = len(value) - len(value.lstrip())
        setattr(first, first_side, value[:cut] + link_open(len(urls)) + value[cut:])
        urls.append(url)
    etree.strip_tags(body, "ref")
    return urls


def _text_pieces(element: _Element, top: bool = True) -> list[tuple[_Element, str]]:
    """The text nodes inside ``element``, in reading order, as (element, "text" or "tail")."""
    pieces: list[tuple[_Element, str]] = [(element, "text")]
    for child in element:
        pieces += _text_pieces(child, top=False)
    if not top:
        pieces.append((element, "tail"))
    return pieces


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
        joined = urljoin(page_url, url)
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
