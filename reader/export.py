"""An outline of the article as Markdown, and files that never overwrite.

``export_markdown`` gives the title, a line with the source, author, date and
URL, the summary with its algorithm, the photo captions with their credits and
the quotes grouped by speaker (experts first) with their roles, and the
article's links. All article
text goes in as text: Markdown's special characters are escaped, line
breaks inside a paragraph are folded into spaces, and what a terminal could
act on (controls, bidi overrides) is dropped by the one rule of
:mod:`reader.inert`; URLs lose any user name and password.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from reader.article.model import Article
from reader.article.voices import shown_quote, voice_groups
from reader.errors import ReaderError
from reader.inert import clean, clean_lines, shown_name
from reader.summary.algorithms import Summary

MAX_SLUG = 60
MAX_NUMBERED = 9999

# Characters that can start or end Markdown inline syntax anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# A heading's closing sequence ("Title ##") would be dropped.
_CLOSING_HASHES = re.compile(r"(\s)(#+)$")
# Things that would make the start of a line a heading, list item, quote or rule.
_LINE_START = re.compile(r"^(#|[-+=]|>|(\d{1,9})([.)])(?=\s|$))")


def escape_markdown(text: str) -> str:
    """``text`` inert and on one line, with Markdown syntax characters escaped."""
    flat = " ".join(clean(text).split())
    flat = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", flat))
    flat = _CLOSING_HASHES.sub(r"\1\\\2", flat)
    match = _LINE_START.match(flat)
    if match:
        if match.group(2):  # "1." or "1)": escape the punctuation
            flat = match.group(2) + "\\" + match.group(3) + flat[match.end() :]
        else:
            flat = "\\" + flat
    return flat


def export_markdown(article: Article, summary: Summary) -> str:
    """The article's outline as a Markdown document (ends with a newline)."""
    lines = [f"# {escape_markdown(article.title)}", ""]
    meta = [
        escape_markdown(part)
        for part in (article.site or article.source, article.author, article.date)
        if part
    ]
    if article.url:
        meta.append(_url(article.url))
    if meta:
        lines += [" \u00b7 ".join(meta), ""]

    count = len(summary.sentences)
    lines += [f"## Summary ({summary.algorithm}, {count} sentence{'' if count == 1 else 's'})", ""]
    lines += [f"- {escape_markdown(s.text)}" for s in summary.sentences]
    lines.append("")

    if article.captions:
        lines += ["## Photos", ""]
        for caption in article.captions:
            credit = f" ({escape_markdown(caption.credit)})" if caption.credit else ""
            lines.append(f"- {escape_markdown(caption.text)}{credit}")
        lines.append("")

    groups = voice_groups(article.quotes)
    if groups:
        lines += ["## Quotes", ""]
    for heading, voices in groups:
        lines += [f"### {heading}", ""]
        for voice in voices:
            role = f", {escape_markdown(voice.role)}" if voice.role else ""
            lines += [f"**{escape_markdown(voice.speaker)}**{role}", ""]
            lines += [f"- \u201c{escape_markdown(shown_quote(q))}\u201d" for q in voice.quotes]
            lines.append("")

    if article.links:
        lines += ["## Links", ""]
        lines += [f"- {escape_markdown(link.text)}: {_url(link.url)}" for link in article.links]
        lines.append("")
    return clean_lines("\n".join(lines).rstrip("\n") + "\n")


_HAS_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def _url(url: str) -> str:
    """An address as Markdown: an autolink when it has a scheme, else escaped text.

    ``<script>`` (a relative link named "script") would be raw HTML, not an autolink.
    """
    from reader.sources.url import public_url

    address = clean(public_url(url)).strip()
    if not _HAS_SCHEME.match(address):
        return escape_markdown(address)
    # An autolink cannot hold spaces or angle brackets.
    return "<" + re.sub(r"[\s<>]", lambda m: f"%{ord(m.group()):02X}", address) + ">"


_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def export_filename(title: str) -> str:
    """A file name made from ``title``: lower-case words joined by hyphens, ``.md``.

    Accents are dropped (``é`` -> ``e``); other letters and digits are kept,
    everything else becomes a hyphen; at most 60 characters, cut at a hyphen.
    """
    decomposed = unicodedata.normalize("NFKD", title)
    plain = unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )
    slug = "".join(ch if ch.isalnum() else "-" for ch in plain.lower())
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG // 2 :] else cut).strip("-")
    if not slug:
        slug = "article"
    if slug in _WINDOWS_RESERVED:
        slug += "-article"
    return slug + ".md"


def create_file(path: Path, content: str) -> None:
    """Write ``content`` to a new file at ``path``; FileExistsError if it is there already."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(content.encode("utf-8"))
    except BaseException:
        try:
            os.unlink(path)
        except OSError:
            pass
        raise


def write_new_file(folder: Path, name: str, content: str) -> Path:
    """Write ``content`` to ``folder/name``, or ``stem-2.ext``, ``stem-3.ext``... if taken.

    Never overwrites: each name is created with O_EXCL. ReaderError (one line)
    if the file cannot be written.
    """
    folder = Path(folder)
    stem, dot, suffix = name.rpartition(".")
    if not stem:
        stem, dot, suffix = name, "", ""
    for number in range(1, MAX_NUMBERED + 1):
        candidate = folder / (name if number == 1 else f"{stem}-{number}{dot}{suffix}")
        try:
            create_file(candidate, content)
        except FileExistsError:
            continue
        except IsADirectoryError:
            continue
        except OSError as error:
            raise ReaderError(
                f"cannot write {shown_name(str(candidate))}: {error.strerror or error}"
            ) from None
        return candidate
    raise ReaderError(
        f"cannot write {shown_name(str(folder / name))}: {MAX_NUMBERED} files of that name exist already"
    )


def export_to_folder(article: Article, summary: Summary, folder: Path | None = None) -> Path:
    """Write the outline to a new file named after the title in ``folder`` (default: the current folder).

    What ``e`` in the reader does. Never overwrites; ReaderError if it cannot write.
    """
    target = Path.cwd() if folder is None else Path(folder)
    return write_new_file(
        target, export_filename(article.title), export_markdown(article, summary)
    )


def summary_text(summary: Summary) -> str:
    """The summary as plain text, one sentence a line: what ``y`` copies from the summary pane."""
    return "\n".join(" ".join(clean(s.text).split()) for s in summary.sentences)
