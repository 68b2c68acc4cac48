"""Load a source (path, URL or "-" for standard input) into a Document."""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from reader.errors import ReaderError, os_reason
from reader.inert import shown_name
from reader.sources.decode import decode_bytes
from reader.sources.document import Document
from reader.sources.spec import parse_source

MAX_BYTES = 20 * 1024 * 1024
SIDECAR_SUFFIX = ".meta.json"  # metadata beside a file: title, source, author, date, url
MAX_SIDECAR_BYTES = 64 * 1024
_HTML_SNIFF = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_MATTER_KEYS = {"title", "source", "date", "url", "author", "site"}
# A name that reads as a web address typed without https:// ("www.example.com/news").
_WEB_ADDRESS = re.compile(
    r"^(?:www\.[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|info|news|io|co\.uk))(?:[/?#]\S*)?$",
    re.I,
)
# An ATX heading line ("# Title", "## Reactions"): how Markdown is told from plain text.
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)


def bundled_article() -> Path:
    """The article that ships with the reader."""
    packaged = Path(__file__).resolve().parent.parent / "content"
    folder = packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "content"
    return min(folder.glob("*.txt"))


@dataclass(frozen=True)
class RawSource:
    """The bytes of a source before they are sniffed, with what names them."""

    data: bytes
    name: str  # how messages name it (no credentials, controls escaped)
    source: str  # the short name shown as the article's source
    suffix: str = ""
    url: str | None = None
    content_type: str | None = None
    path: Path | None = None  # the file read, if it was one (its sidecar may hold metadata)


def load_source(spec: str | None, stdin: BinaryIO | None = None) -> Document:
    """Read ``spec`` (None: the bundled article) into a Document."""
    return document_from_raw(read_source(spec, stdin))


def read_source(
    spec: str | None,
    stdin: BinaryIO | None = None,
    *,
    accept: str | None = None,
    accepted_types: tuple[str, ...] | None = None,
) -> RawSource:
    """The bytes ``spec`` names (a path, a ``file://`` or http(s) URL, ``-``), not yet decoded.

    ``accept`` / ``accepted_types`` widen what a web server may send (feeds).
    """
    parsed = parse_source(spec)
    if parsed.kind == "stdin":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return RawSource(
            _read_capped(stream, "standard input"), name="standard input", source="stdin"
        )
    if parsed.url is not None:
        from reader.sources import url as web

        fetched = web.fetch_url(
            parsed.url,
            accept=accept or web.ACCEPT,
            accepted_types=accepted_types or web.ACCEPTED_TYPES,
        )
        shown = web.public_url(parsed.url)  # never a user name or password shown or kept
        return RawSource(
            fetched.data,
            name=shown,
            source=shown,
            suffix=PurePosixPath(urlsplit(fetched.url).path).suffix.lower(),
            url=fetched.url,
            content_type=fetched.content_type,
        )
    assert parsed.path is not None
    return _raw_path(parsed.path)


def document_from_raw(raw: RawSource) -> Document:
    """The Document ``raw`` holds (HTML, Markdown or plain text), with its sidecar's metadata."""
    document = document_from_bytes(
        raw.data,
        name=raw.name,
        source=raw.source,
        suffix=raw.suffix,
        url=raw.url,
        content_type=raw.content_type,
    )
    return document if raw.path is None else _with_sidecar(document, raw.path)


def load_path(path: Path) -> Document:
    """Read a file, with a one-line error for anything that is not a readable file."""
    return document_from_raw(_raw_path(path))


def _raw_path(path: Path) -> RawSource:
    shown = shown_name(str(path))  # as `ls -b` shows it: no control reaches the terminal
    try:
        data = _read_file(path, shown)
    except OSError as error:  # checking the path fails too: a locked folder, a name too long
        raise ReaderError(f"cannot read {shown}: {os_reason(error)}") from None
    return RawSource(
        data, name=shown, source=shown_name(path.name), suffix=path.suffix.lower(), path=path
    )


def sidecar_path(path: Path) -> Path:
    """Where a file's metadata may be kept beside it: ``story.txt`` -> ``story.meta.json``."""
    return path.with_name(f"{path.stem}{SIDECAR_SUFFIX}")


def _with_sidecar(document: Document, path: Path) -> Document:
    """``document`` with the metadata of its sidecar file filled in (the file's own
    front matter or markup wins)."""
    import json
    from dataclasses import replace

    sidecar = sidecar_path(path)
    try:
        if not sidecar.is_file() or sidecar.stat().st_size > MAX_SIDECAR_BYTES:
            return document
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ReaderError(
            f"cannot read {shown_name(str(sidecar))}: {_json_reason(error)}"
        ) from None
    if not isinstance(meta, dict):
        raise ReaderError(
            f"cannot read {shown_name(str(sidecar))}: expected an object of metadata"
        )
    found = {
        key: " ".join(value.split())
        for key, value in meta.items()
        if key in _FRONT_MATTER_KEYS and isinstance(value, str) and value.strip()
    }
    source = found.pop("source", None)
    changes: dict[str, Any] = {
        key: value for key, value in found.items() if getattr(document, key) is None
    }
    if source and document.source == shown_name(path.name):  # the file's name is no source
        changes["source"] = source
    return replace(document, **changes) if changes else document


def _json_reason(error: Exception) -> str:
    import json

    if isinstance(error, OSError):
        return os_reason(error)
    if isinstance(error, json.JSONDecodeError):
        return f"not valid JSON ({error.msg} at line {error.lineno})"
    return "not UTF-8 text"


def _read_file(path: Path, shown: str) -> bytes:
    """The bytes of the file at ``path``; ReaderError for a missing file, a folder, a huge file."""
    if not path.exists():
        hint = f" (for a web page, use https://{shown})" if _WEB_ADDRESS.match(shown) else ""
        raise ReaderError(f"no such file: {shown}{hint}")
    if path.is_dir():
        raise ReaderError(f"{shown} is a folder, not a file")
    # Opened without blocking (a FIFO that nobody writes to would wait forever),
    # then checked on the open file: a device (/dev/zero) is refused, a pipe is
    # read (process substitution), a regular file must fit the limit.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            raise ReaderError(f"{shown} is a device, not a file")
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
            raise ReaderError(
                f"{shown} is too large ({info.st_size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)"
            )
        # A pipe then waits for its writer's data (none left: the end, at once).
        os.set_blocking(fd, True)
        data = _read_capped(stream, shown)
        if not data and stat.S_ISFIFO(info.st_mode):
            raise ReaderError(f"{shown} is a pipe with nothing written to it")
        return data


def _read_capped(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ReaderError(f"{name} is too large (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    return data


def document_from_bytes(
    data: bytes,
    *,
    name: str,
    source: str,
    suffix: str = "",
    url: str | None = None,
    content_type: str | None = None,
) -> Document:
    """Sniff the kind of ``data`` (HTML, Markdown, plain text) and decode it."""
    if not data.strip():
        raise ReaderError(f"{name} is empty")
    if suffix in _HTML_SUFFIXES or _is_html(data, content_type):
        from reader.sources.html import html_document

        return html_document(data, name=name, source=source, url=url, content_type=content_type)
    text = decode_bytes(data, name)
    if not text.strip():
        raise ReaderError(f"{name} is empty")
    meta, text = split_front_matter(text)
    if "url" in meta:
        from reader.sources.url import public_url

        meta["url"] = public_url(meta["url"])
    if _is_markdown(text, suffix, content_type):
        from reader.sources.markdown import markdown_document

        return markdown_document(
            text, name=name, source=meta.pop("source", source), url=meta.pop("url", url), **meta
        )
    if not text.strip():
        raise ReaderError(f"{name} has no text besides its front matter")
    return Document(
        text=text,
        kind="text",
        source=meta.get("source", source),
        url=meta.get("url", url),
        name=Path(name).stem if name not in ("standard input",) else None,
        title=meta.get("title"),
        date=meta.get("date"),
        author=meta.get("author"),
        site=meta.get("site"),
    )


def _is_markdown(text: str, suffix: str, content_type: str | None) -> bool:
    """Markdown by suffix or content type; otherwise by its headings ("# Title").

    Plain text has no line starting with "# ": Markdown does when its first
    line is a heading or it has two headings or more.
    """
    if suffix in _MARKDOWN_SUFFIXES or "markdown" in (content_type or "").lower():
        return True
    first = next((line for line in text.splitlines() if line.strip()), "")
    return bool(_ATX_HEADING.match(first)) or len(_ATX_HEADING.findall(text, 0, 200_000)) >= 2


def _is_html(data: bytes, content_type: str | None) -> bool:
    if content_type and "html" in content_type.lower():
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_SNIFF.match(head))


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Front matter (``---`` / ``key: value`` lines / ``---``) and the rest."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in _FRONT_MATTER_KEYS:
            continue
        value = value.strip().strip("\"'")
        if value:
            meta[key] = value
    if not meta:
        return {}, text
    return meta, text[match.end() :]
