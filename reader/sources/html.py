"""HTML pages to Documents: trafilatura for body and metadata, figures for captions.

The page is decoded here (BOM, UTF-8, declared charset, then detection), parsed
once with ``trafilatura.load_html``; figure captions are read from that tree
before trafilatura extracts the body and metadata from it. Captions never stay
in the body: any caption text trafilatura left there is cut out.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reader.errors import ReaderError
from reader.lazy import LazyPattern
from reader.lexicon.credits import AGENCY, LABEL, strip_chrome
from reader.sources.decode import decode_bytes
from reader.sources.document import BlockStyle, Document, RawCaption, SpanStyle
from reader.sources.links import TextLink, page_anchors, placed_links

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Source blocks whose text we match body paragraphs against (for figure positions).
_BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt"}
)
# Figures inside these are page furniture, not the article's.
_FURNITURE = frozenset({"nav", "footer", "aside"})
# A figure holding these is body content (a table, a pull quote, a listing), not a photo.
_NOT_PHOTO = frozenset({"table", "blockquote", "pre", "code"})
# Class names of screen-reader-only labels ("Image caption" on BBC pages), matched per class token.
_HIDDEN_CLASS = LazyPattern(
    r"^(?:sr-only|visually-?hidden|off-?screen|screen-?reader(?:-text|-only)?|a11y(?:-hidden)?|u-hidden|is-hidden|hidden)$",
    re.I,
)
_CREDIT_CLASS = LazyPattern(r"credit|copyright|attribution|photographer|byline|courtesy", re.I)
_FURNITURE_CLASS = LazyPattern(
    r"^(?:related|recommended|recirc|promo|teaser|sidebar|outbrain|taboola|more-stories)(?:[-_].*)?$|[-_](?:related|recommended|promo)$",
    re.I,
)
# How many source blocks before the first body paragraph a lead photo may stand.
_LEAD_WINDOW = 25
_MAX_HEADING_WORDS = 16
_MIN_CUT_WORDS = 4  # caption text this long is looked for inside body lines

_AGENCY = AGENCY
_LABEL = rf"(?i:{LABEL})"
# "... text. Credit: Jane Doe", "Photo by Jane Doe/AFP", "Photograph: X/Getty Images".
_LABELLED_CREDIT = LazyPattern(
    rf"(?:^|(?<=[.!?\"'\u201d\u2019)\]|\u2014\u2013-])\s*)(?:{_LABEL}\s*(?::|\.\.\.|\u2026)|"
    rf"{_LABEL}\s+(?:by|via|courtesy(?: of)?)\b|Courtesy(?: of)?\b|\u00a9|\(c\))\s*(?P<credit>[^\n]{{1,120}}?)\s*$",
    re.I,
)
# A trailing "(AP)", "(Jane Doe/Reuters)", "(Photo: Getty Images)", "[SpaceX via NASA]".
_BRACKET_CREDIT = LazyPattern(r"[(\[](?P<credit>[^()\[\]]{1,100})[)\]]\s*$")
_CREDITISH = LazyPattern(
    rf"/|\bvia\b|^{_LABEL}\b|\bcourtesy\b|\u00a9|\b(?:{_AGENCY})\b(?: (?:Photo|file|Images))?\s*$",
    re.I,
)
# "... sentence. REUTERS/Brendan McDermid", "... sentence. Leonhard Foeger / Reuters file", "... Getty".
_TRAILING_CREDIT = LazyPattern(
    rf"(?<=[.!?\"\u201d\u2019])\s*(?P<credit>(?:[A-Z]\.\s+)*[^.!?\n]{{1,70}}?(?:/[^.!?\n]{{1,60}}|\b(?:{_AGENCY})(?: Images| file| Photo)?))\s*$"
)
_LABEL_PREFIX = LazyPattern(
    rf"^\s*(?:{_LABEL}\s*(?::|\.\.\.|\u2026)|{_LABEL}\s+(?:by|via)\b)\s*", re.I
)
_NOT_A_PHOTO_ALT = LazyPattern(
    r"\b(?:mugshot|headshot|head shot|avatar|logo|icon|author photo|profile (?:photo|picture|image))\b",
    re.I,
)
_MIN_PHOTO_PIXELS = 120
# "IMG_2031.JPG", "[https://cdn.site/a/b_167x94.jpg]", "DSC 0042": a file's name or address.
_FILENAME = LazyPattern(
    r"^\W*(?:\S+\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?|heic)|https?://\S+|www\.\S+)\W*$"
    r"|^(?:img|image|dsc|photo|pic)[\s_-]?\d+$",
    re.I,
)
# Alt text made from a file name: "logo_dfw_2x", "Rmb8090", "kim-jong-un-putin-2" (people
# do not type underscores, or one token of letters and digits, to describe a photo).
_FILE_LIKE_ALT = LazyPattern(
    r"\w_|_\w|^(?=\S*\d)(?=\S*[A-Za-z])\S+$|^[a-z0-9]+(?:-[a-z0-9]+){2,}$", re.I
)
_IMAGE_FILE = LazyPattern(r"\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?|heic)(?:[?#].*)?$", re.I)
# An embedded post's stand-in ("Twitter post by @jane: ..."), not a photo's caption.
_EMBED = LazyPattern(
    r"^(?:Twitter|Instagram|Facebook|YouTube|TikTok) (?:post|video|content) (?:by|from)\b", re.I
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_DECLARATION = LazyPattern(r"\A\s*<\?xml[^>]*\?>")
# A numeric character reference (the ";" may be missing) and the characters XML 1.0 refuses.
_UNSTORABLE_REFERENCE = LazyPattern(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_NOT_IN_XML = LazyPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# WHATWG: these labels mean a superset encoding on the web.
_ENCODING_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "l1": "cp1252",
    "euc-kr": "cp949",
    "euckr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ksc5601": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
}


@dataclass(frozen=True)
class _Figure:
    """A caption candidate read from the page before extraction."""

    order: int  # index of the figure element in document order
    caption: RawCaption
    article: object = None  # the <article> element around the figure, if any
    written: bool = True  # a caption written for it (figcaption), not only an image's alt text


@dataclass(frozen=True)
class TextBlock:
    """One block of the extracted body: a paragraph or a heading.

    ``kind`` says how the source sets a paragraph ("text", "item", "quote",
    "code"; ``marker`` a numbered item's "1."), ``styles`` its emphasis as
    (start, end, style) offsets into ``text``.
    """

    text: str
    heading: bool = False
    kind: str = "text"
    marker: str = ""
    styles: tuple[tuple[int, int, str], ...] = ()
    links: tuple[TextLink, ...] = ()  # links in ``text`` (reader.sources.links)


_TITLE_SEARCH = 3  # blocks at the top of the body where a repeated title is looked for
_KICKER_WORDS = 3  # a block this short before the title is a kicker ("Review", "World news")


def html_document(
    data: bytes,
    *,
    name: str,
    source: str,
    url: str | None = None,
    content_type: str | None = None,
) -> Document:
    """Extract the article in an HTML page: body, headings, captions, metadata."""
    import trafilatura

    _quiet_logs()
    markup = without_unstorable_references(decode_html(data, name, content_type))
    tree = trafilatura.load_html(markup)
    if tree is None:
        raise ReaderError(f"{name} is not a readable HTML page")
    figures, source_blocks = _scan(tree)  # before extraction, which may change the tree
    anchors = page_anchors(tree, _BLOCK_TAGS)  # the links of each of those source blocks
    figcaption_lines = _figcaption_lines(tree)
    try:
        extracted = trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=True,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=_date_search(extensive=False),
        )
    except Exception as error:  # a library crash on odd markup must not become a traceback
        raise ReaderError(
            f"cannot extract the article from {name}: {type(error).__name__}"
        ) from None
    date = getattr(extracted, "date", None) or None
    if date is None and extracted is not None:
        date = _searched_date(tree, url or getattr(extracted, "url", None))
    body = getattr(extracted, "body", None) if extracted is not None else None
    blocks = _body_blocks(body) if body is not None else []
    captions = _dedupe(f.caption for f in figures)
    written = {f.caption.text for f in figures if f.written}
    blocks = _drop_caption_text(blocks, captions, written, figcaption_lines)
    title = _clean(getattr(extracted, "title", None) or "") or None
    blocks = _drop_leading_title(blocks, title)
    if not any(not b.heading for b in blocks):
        raise ReaderError(f"no article text found in {name}")
    text, headings, starts = assemble_blocks(blocks)
    matched = _match_blocks(blocks, source_blocks)  # once: for the captions and the links
    placed = _place_captions(figures, source_blocks, matched, starts, len(text), captions)
    kinds, _ = block_styles(blocks, starts)
    return Document(
        text=text,
        kind="html",
        source=source,
        title=title,
        date=date,
        url=url or getattr(extracted, "url", None) or None,
        author=_clean(getattr(extracted, "author", None) or "") or None,
        site=_clean(getattr(extracted, "sitename", None) or "") or None,
        headings=headings,
        captions=placed,
        blocks=kinds,
        links=placed_links(
            blocks,
            starts,
            matched,
            anchors,
            url or getattr(extracted, "url", None),  # relative links: against the canonical URL
        ),
        name=short_name(name, url),
    )


def _date_search(*, extensive: bool) -> dict[str, Any]:
    """htmldate's options: the page's own dates (metadata, markup) only, or its text too.

    The extensive search reads dates out of the text with dateparser, which
    loads every locale it has (half a second); trafilatura runs it by default.
    """
    from datetime import datetime

    return {
        "original_date": True,
        "extensive_search": extensive,
        "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
    }


def _searched_date(tree: HtmlElement, url: str | None) -> str | None:
    """The date found in the page's text, for a page whose metadata and markup give none."""
    from htmldate import find_date

    try:
        return find_date(tree, url=url, **_date_search(extensive=True)) or None
    except Exception:  # a date is never worth failing the page for
        return None


# ---------------------------------------------------------------- decoding


def decode_html(data: bytes, name: str = "input", content_type: str | None = None) -> str:
    """Decode an HTML page: BOM, valid UTF-8, declared charset, then detection."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strip_xml_declaration(data.decode(encoding, errors="replace"))
    try:
        return _strip_xml_declaration(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    for declared in (_header_charset(content_type), _meta_charset(data)):
        codec = _python_encoding(declared)
        if codec and codec not in ("utf-8", "utf_8"):
            try:
                return _strip_xml_declaration(data.decode(codec))
            except UnicodeDecodeError:
                continue
    return _strip_xml_declaration(_detect(data, name))


def _detect(data: bytes, name: str) -> str:
    """Charset detection; a tie between single-byte Latin guesses goes to windows-1252."""
    from charset_normalizer import from_bytes

    sample = data if len(data) < 200_000 else data[:100_000] + data[-100_000:]
    matches = list(from_bytes(sample))
    if matches:
        best = min(match.chaos for match in matches)
        tied = [m for m in matches if m.chaos <= best + 0.005]
        if any("cp1252" in m.could_be_from_charset for m in tied):
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                pass
    return decode_bytes(data, name)


def _header_charset(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii", "ignore") if match else None


def _python_encoding(label: str | None) -> str | None:
    """A Python codec name for a charset label (WHATWG supersets), or None."""
    if not label:
        return None
    label = label.strip().lower()
    label = _ENCODING_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def without_unstorable_references(markup: str) -> str:
    """``markup`` without character references to what XML cannot hold (``&#27;``, ``&#xfffe;``).

    lxml turns them into characters that trafilatura's XML tree then refuses: the
    whole body was lost for one such reference. They stand for nothing visible.
    """
    return _UNSTORABLE_REFERENCE.sub(_unstorable_or_kept, markup)


def _unstorable_or_kept(match: re.Match[str]) -> str:
    digits = match.group(1) or match.group(2)
    code = int(digits, 16) if match.group(1) else int(digits)
    return "" if code < 0x110000 and _NOT_IN_XML.match(chr(code)) else match.group()


def _strip_xml_declaration(text: str) -> str:
    """lxml refuses a str that carries an encoding declaration."""
    return _XML_DECLARATION.sub("", text, count=1)


def _quiet_logs() -> None:
    """Keep trafilatura's warnings off the terminal unless logging is configured."""
    for logger_name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(logger_name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


# ---------------------------------------------------------------- captions


def _scan(tree: HtmlElement) -> tuple[list[_Figure], list[tuple[int, str, object]]]:
    """Caption candidates and (order, text, article) of source blocks, in document order."""
    figures: list[_Figure] = []
    blocks: list[tuple[int, str, object]] = []
    for order, element in enumerate(tree.iter()):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _BLOCK_TAGS:
            text = _clean(element.text_content())
            if text:
                blocks.append((order, text, _ancestor(element, "article")))
        elif tag == "figure" or (tag == "figcaption" and _ancestor(element, "figure") is None):
            caption = figure_caption(element)
            if caption is not None:
                written = tag == "figcaption" or any(
                    el.tag == "figcaption" or _is_caption_box(el) for el in element.iter()
                )
                figures.append(_Figure(order, caption, _ancestor(element, "article"), written))
    return figures, blocks


def _figcaption_lines(tree: HtmlElement) -> set[str]:
    """The text of every figcaption of a few words, kept as a caption or not (teaser cards)."""
    lines = set()
    for element in tree.iter("figcaption"):
        text = _clean(_visible_text(element))
        if len(text.split()) >= _MIN_CUT_WORDS:
            lines.add(text)
    return lines


def figure_caption(figure: HtmlElement) -> RawCaption | None:
    """The caption of a figure (its figcaption, else its image's alt text) or an img."""
    if _is_furniture(figure) or (
        figure.tag == "figure" and _ancestor(figure, "figure") is not None
    ):
        return None
    if any(next(figure.iter(tag), None) is not None for tag in _NOT_PHOTO):
        return None
    caption_el = figure if figure.tag == "figcaption" else next(figure.iter("figcaption"), None)
    if caption_el is None and figure.tag == "figure":
        caption_el = next((el for el in figure.iter() if _is_caption_box(el)), None)
    credit_els = _credit_elements(figure)
    credit: str | None = _clean(" ".join(_visible_text(el) for el in credit_els))
    text = ""
    if caption_el is not None:
        if _is_teaser(figure, caption_el):
            return None
        text = _caption_text(_clean(_visible_text(caption_el, skip=set(credit_els))))
    text, credit = _own_credit(text, credit)
    if not text:
        text, credit = _own_credit(_caption_text(_alt_text(figure)), credit)
    if not text or len(text) < 2:
        return None
    return RawCaption(text=text, credit=_clean_credit(credit))


def _caption_text(text: str) -> str:
    """Caption text without page chrome; empty when it is a file name or an embed's stand-in."""
    text = strip_chrome(text)
    return "" if _FILENAME.search(text) or _EMBED.match(text) else text


def _own_credit(text: str, credit: str | None) -> tuple[str, str | None]:
    """Split the credit a caption's text carries; text that is only its credit is no caption."""
    if not text:
        return text, credit
    rest, own = split_credit(text)
    if own is None:
        return text, credit
    if not credit or _squash(own) in _squash(credit) or _squash(credit) in _squash(own):
        return rest, credit or own
    return text, credit


def _clean_credit(credit: str | None) -> str | None:
    """A credit without its label ("Photo:"), brackets, page chrome or a tag list after it."""
    credit = strip_chrome(credit or "")
    return _LABEL_PREFIX.sub("", credit.strip(" .()[]")).strip(" .()[]") or None


def _is_teaser(figure: HtmlElement, caption_el: HtmlElement) -> bool:
    """A card for another story: its caption is a heading and the card links to a page.

    A heading that only holds a photo's caption, as some sites write it, is no teaser.
    """
    has_heading = any(next(caption_el.iter(f"h{n}"), None) is not None for n in range(1, 7))
    if not has_heading:
        return False
    return any(_links_to_a_page(link) for link in figure.iter("a")) or any(
        _links_to_a_page(link) for link in caption_el.iterancestors("a")
    )


def _links_to_a_page(link: HtmlElement) -> bool:
    """An ``<a href>`` to another page (not to the photo itself or to a spot on this page)."""
    href = (link.get("href") or "").strip()
    return bool(href) and not href.startswith("#") and not _IMAGE_FILE.search(href)


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a trailing photo credit off a caption: ("text", "credit") or (text, None)."""
    text = _clean(text)
    for pattern, needs_check in (
        (_BRACKET_CREDIT, True),
        (_LABELLED_CREDIT, False),
        (_TRAILING_CREDIT, False),
    ):
        match = pattern.search(text)
        if not match:
            continue
        credit = match.group("credit").strip()
        if needs_check and not _CREDITISH.search(credit):
            continue
        credit = _LABEL_PREFIX.sub("", credit).strip(" .")
        if credit:
            return text[: match.start()].strip(), credit
    return text, None


def _credit_elements(figure: HtmlElement) -> list[HtmlElement]:
    """Elements of a figure that hold only its photo credit."""
    found: list[HtmlElement] = []
    for element in figure.iter():
        if (
            element is figure
            or not isinstance(element.tag, str)
            or element.tag in ("img", "picture", "source")
        ):
            continue
        if any(parent in found for parent in element.iterancestors()):
            continue
        if element.tag != "figcaption" and next(element.iter("figcaption"), None) is not None:
            continue  # a wrapper around the caption, not a credit
        marker = f"{element.get('class', '')} {element.get('itemprop', '')}"
        own = _clean(element.text_content())
        if not own:
            continue
        if _CREDIT_CLASS.search(marker) or (_LABEL_PREFIX.match(own) and len(own.split()) <= 12):
            found.append(element)
            label_only = not _LABEL_PREFIX.sub("", own).strip()
            following = element.getnext()
            if (
                label_only
                and following is not None
                and len(_clean(following.text_content()).split()) <= 12
            ):
                found.append(following)  # "<span>Credit...</span><span>Jane Doe</span>"
    return found


def _visible_text(element: HtmlElement, skip: set | None = None) -> str:
    """Text of ``element`` without scripts, screen-reader-only labels and ``skip``."""
    parts: list[str] = []
    skip = skip or set()

    def walk(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        hidden = (
            not tag
            or tag in ("script", "style", "noscript", "button", "svg")
            or node in skip
            or any(_HIDDEN_CLASS.match(name) for name in (node.get("class") or "").split())
        )
        if not hidden:
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
            if tag in ("br", "p", "div", "span", "cite", "small") and node is not element:
                parts.append(" ")
        if node.tail and node is not element:
            parts.append(node.tail)

    walk(element)
    return "".join(parts)


def _is_caption_box(element: HtmlElement) -> bool:
    """A <div class="...caption..."> standing in for a figcaption."""
    names = str(element.get("class") or "")
    return (
        isinstance(element.tag, str)
        and "caption" in names.lower()
        and not _CREDIT_CLASS.search(names)
    )


def _alt_text(figure: HtmlElement) -> str:
    """The first meaningful alt text of a figure's images (not a file name, icon or head shot)."""
    for image in figure.iter("img"):
        alt = _clean(image.get("alt") or image.get("title") or "")
        if (
            not alt
            or _FILENAME.search(alt)
            or _FILE_LIKE_ALT.search(alt)
            or _NOT_A_PHOTO_ALT.search(alt)
            or _is_small(image)
            or _LABEL_PREFIX.match(alt)
        ):
            continue
        return alt
    return ""


def _is_small(image: HtmlElement) -> bool:
    """An icon or avatar by its declared size."""
    for attribute in ("width", "height"):
        value = (image.get(attribute) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < _MIN_PHOTO_PIXELS:
            return True
    return False


def _is_furniture(element: HtmlElement) -> bool:
    """Inside navigation, a footer, an aside, a page header or a related-stories box."""
    boxed = True  # class names are checked only below the article (or main) element
    for parent in element.iterancestors():
        tag = parent.tag if isinstance(parent.tag, str) else ""
        if tag in _FURNITURE:
            return True
        if (
            tag == "header"
            and _ancestor(parent, "article") is None
            and _ancestor(parent, "main") is None
        ):
            return True
        if tag in ("article", "main", "body"):
            boxed = False
        names = f"{parent.get('class', '')} {parent.get('id', '')}".split()
        if boxed and any(_FURNITURE_CLASS.search(n) for n in names):
            return True
    return False


def _ancestor(element: HtmlElement, tag: str) -> HtmlElement | None:
    return next(element.iterancestors(tag), None)


def _dedupe(captions: Iterator[RawCaption]) -> list[RawCaption]:
    seen: set[str] = set()
    kept = []
    for caption in captions:
        if caption.text not in seen:
            seen.add(caption.text)
            kept.append(caption)
    return kept


# ---------------------------------------------------------------- body


def _body_blocks(body: HtmlElement) -> list[TextBlock]:
    """Paragraphs and headings of trafilatura's XML body, as plain text."""
    from trafilatura.xml import xmltotxt

    blocks: list[TextBlock] = []
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            text = _clean(xmltotxt(child, False))
            if text:
                blocks.append(TextBlock(text, heading=_is_heading(text)))
        elif tag == "list":
            numbered = (child.get("rend") or "").lower() in ("ol", "ordered")
            for number, line in enumerate(_list_lines(child), 1):
                _add(blocks, line, "item", f"{number}." if numbered else "")
        elif tag == "quote":
            quoted = [_clean(line) for line in xmltotxt(child, False).splitlines()]
            _add(blocks, "\n".join(line for line in quoted if line), "quote")
        elif tag == "table":
            rows = (
                "  ".join(_clean("".join(cell.itertext())) for cell in row.iter("cell"))
                for row in child.iter("row")
            )
            _add(blocks, "\n".join(row.strip() for row in rows if row.strip()))
        elif tag in ("code", "pre"):
            _add(
                blocks,
                "\n".join(
                    line.rstrip() for line in xmltotxt(child, False).strip("\n").splitlines()
                ),
            )
        else:
            lines = [_clean(line) for line in xmltotxt(child, False).splitlines()]
            _add(blocks, "\n".join(line for line in lines if line))
    return blocks


def _list_lines(list_el: HtmlElement) -> Iterator[str]:
    """One line per list item, nested items after their parent, no markers."""
    for item in list_el.iterchildren("item"):
        parts = [item.text or ""]
        for child in item:
            if child.tag != "list":
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        yield _clean("".join(parts))
        for nested in item.iterchildren("list"):
            yield from _list_lines(nested)


def _is_heading(text: str) -> bool:
    """Short and one line: a real heading (sites also mark whole teasers as headings)."""
    return len(text.split()) <= _MAX_HEADING_WORDS and not re.search(r"[.!?]\s+\S", text)


def _add(blocks: list[TextBlock], text: str, kind: str = "text", marker: str = "") -> None:
    if text.strip():
        blocks.append(TextBlock(text, kind=kind, marker=marker))


def _drop_caption_text(
    blocks: list[TextBlock],
    captions: list[RawCaption],
    written: set[str] | None = None,
    figcaption_lines: set[str] | None = None,
) -> list[TextBlock]:
    """Remove caption (and credit) text that trafilatura left in the body.

    Lines that are a caption, its credit or any figcaption's text go; a caption
    written for a photo (``written``) is also cut out of a longer line, where it
    stands as whole sentences. Alt text is never cut out of a line: a page's alt
    text often repeats a sentence of the article.
    """
    written = {c.text for c in captions} if written is None else written
    whole = [_clean(f"{c.text} {c.credit or ''}") for c in captions]
    pieces = [
        p
        for p in [c.text for c in captions]
        + [c.credit or "" for c in captions]
        + whole
        + sorted(figcaption_lines or ())
        if p
    ]
    cuttable = [c.text for c in captions if c.text in written] + [
        w for w, c in zip(whole, captions) if c.text in written
    ]
    long_first = sorted(
        {p for p in cuttable if len(p.split()) >= _MIN_CUT_WORDS}, key=len, reverse=True
    )
    kept: list[TextBlock] = []
    for block in blocks:
        text = block.text
        if not block.heading:
            text = _without_captions(text, pieces)
            for caption in long_first:
                if caption in text:
                    text = _without_captions(_clean_lines(_cut_sentences(text, caption)), pieces)
        if text.strip():
            kept.append(TextBlock(text, block.heading, block.kind, block.marker))
    return kept


def _cut_sentences(text: str, caption: str) -> str:
    """``text`` without ``caption`` where it stands as whole sentences of a line."""
    pattern = re.compile(
        rf"(?:^|(?<=[.!?\"\u201d\u2019)\]])[ ]){re.escape(caption)}(?=$|[ ]+[^\W\d_a-z]|[ ]*[\"\u201c(\[])",
        re.M,
    )
    return pattern.sub(" ", text)


def _without_captions(text: str, pieces: list[str]) -> str:
    return "\n".join(line for line in text.split("\n") if not _is_caption_line(line, pieces))


def _is_caption_line(line: str, captions: list[str]) -> bool:
    line = _LABEL_PREFIX.sub("", _clean(line).strip("()[] ")).strip()
    if not line:
        return True
    return any(line == c or (len(line) >= 12 and line in c) for c in captions)


def _clean_lines(text: str) -> str:
    return "\n".join(_clean(line) for line in text.split("\n") if _clean(line))


def _drop_leading_title(blocks: list[TextBlock], title: str | None) -> list[TextBlock]:
    """The page title repeated at the top of the body is metadata, not text: as a
    heading or a block's first line, maybe after a kicker of a few words ("Review")."""
    if not title:
        return blocks
    title = _clean(title)
    for index, block in enumerate(blocks[:_TITLE_SEARCH]):
        first, _, rest = block.text.partition("\n")
        if first != title and first.startswith(title + " "):  # the title runs into the lede
            first, rest = title, first[len(title) :] + "\n" + rest
        if _squash(first) == _squash(title):
            if any(len(b.text.split()) > _KICKER_WORDS for b in blocks[:index]):
                return blocks  # text before the title: leave the page as it is
            return ([replace(block, text=rest.strip())] if rest.strip() else []) + blocks[
                index + 1 :
            ]
    return blocks


def assemble_blocks(
    blocks: list[TextBlock],
) -> tuple[str, tuple[tuple[int, str], ...], list[int | None]]:
    """Text (paragraphs between blank lines), headings at section starts, block offsets.

    Heading text stays out of ``text``: each heading is keyed by the offset of the
    first paragraph of its section; a heading with no paragraph after it is dropped.
    """
    parts: list[str] = []
    headings: dict[int, str] = {}
    starts: list[int | None] = []
    offset = 0
    pending: str | None = None
    for block in blocks:
        if block.heading:
            # Headings with no paragraph between them label one section together.
            pending = block.text if pending is None else f"{pending} \u2014 {block.text}"
            starts.append(None)
            continue
        if parts:
            offset += 2
        if pending is not None:
            headings[offset] = pending
            pending = None
        starts.append(offset)
        parts.append(block.text)
        offset += len(block.text)
    return "\n\n".join(parts), tuple(sorted(headings.items())), starts


def block_styles(
    blocks: list[TextBlock], starts: list[int | None]
) -> tuple[tuple[BlockStyle, ...], tuple[SpanStyle, ...]]:
    """The list items, block quotes and emphasis of ``blocks``, at their offsets in the
    text ``assemble_blocks`` made of them (``starts``)."""
    kinds: list[BlockStyle] = []
    spans: list[SpanStyle] = []
    for block, start in zip(blocks, starts):
        if start is None:
            continue
        if block.kind != "text":
            kinds.append(BlockStyle(start, start + len(block.text), block.kind, block.marker))
        spans.extend(SpanStyle(start + s, start + e, style) for s, e, style in block.styles)
    return tuple(kinds), tuple(spans)


def _place_captions(
    figures: list[_Figure],
    source_blocks: list[tuple[int, str, object]],
    matched: list[tuple[int, str, object] | None],
    starts: list[int | None],
    text_length: int,
    captions: list[RawCaption],
) -> tuple[RawCaption, ...]:
    """Keep the article's figures and give each the offset of the paragraph after it.

    A figure belongs to the article when it stands between the body's first
    paragraph (or a little before it: the lead photo) and its last one, or
    after the last one but inside the same <article> element with a caption
    of its own (images that only have alt text there are cards for other stories).
    ``matched`` is the source block of each body block (:func:`_match_blocks`).
    """
    placed = [
        (m[0], start) for m, start in zip(matched, starts) if m is not None and start is not None
    ]
    wanted = {id(c) for c in captions}
    if not placed:
        return tuple(f.caption for f in figures if id(f.caption) in wanted)
    first_order = placed[0][0]
    last = max((m for m in matched if m is not None), key=lambda m: m[0])
    source_orders = [order for order, _, _ in source_blocks]
    lead_index = max(0, _index_at_or_after(source_orders, first_order) - _LEAD_WINDOW)
    earliest = source_orders[lead_index] if source_orders else first_order
    result = []
    for figure in figures:
        if id(figure.caption) not in wanted or figure.order < earliest:
            continue
        if figure.order > last[0] and (
            figure.article is None or figure.article is not last[2] or not figure.written
        ):
            continue
        after = next((start for order, start in placed if order > figure.order), text_length)
        result.append(RawCaption(figure.caption.text, figure.caption.credit, after))
    return tuple(result)


def _match_blocks(
    blocks: list[TextBlock], source_blocks: list[tuple[int, str, object]]
) -> list[tuple[int, str, object] | None]:
    """For each body block, the source block (order, text, article) it came from."""
    found_blocks: list[tuple[int, str, object] | None] = []
    cursor = 0
    for block in blocks:
        key = _clean(block.text.split("\n", 1)[0])[:60]
        found = None
        for index in range(cursor, len(source_blocks)):
            source_text = source_blocks[index][1]
            if key and (
                key in source_text or (len(source_text) >= 20 and source_text[:60] in block.text)
            ):
                found, cursor = source_blocks[index], index
                break
        found_blocks.append(found)
    return found_blocks


def _index_at_or_after(orders: list[int], order: int) -> int:
    return next((i for i, value in enumerate(orders) if value >= order), len(orders))


# ---------------------------------------------------------------- helpers


def _clean(text: str) -> str:
    """Collapse whitespace (including non-breaking spaces) to single spaces."""
    return " ".join(text.split())


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def short_name(name: str, url: str | None) -> str | None:
    """A short name: the file's stem, or the last part of the URL's path."""
    if url or re.match(r"^https?://", name, re.I):
        parts = urlsplit(url or name)
        stem = PurePosixPath(parts.path).stem
        return stem or parts.hostname or None
    if name == "standard input":
        return None
    return PurePosixPath(name.replace("\\", "/")).stem or None
