"""What the user asked to open: the one parser of a source spec.

A spec is a path, a ``file://`` URL, an ``http(s)://`` URL, ``"-"`` for
standard input, or None for the bundled article. Loading
(reader.sources.load), resume keys (reader.state) and the CLI all read a spec
through :func:`parse_source`, so they agree on what it names: ``/tmp/a.txt``,
``file:///tmp/a.txt`` and ``../tmp/a.txt`` (from ``/home``) are one file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from reader.errors import ReaderError
from reader.inert import shown_name

SourceKind = Literal["bundled", "stdin", "file", "url"]

STDIN = "-"
WEB_SCHEMES = ("http", "https")
_URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]+)://", re.I)  # two letters at least: not a drive


@dataclass(frozen=True)
class SourceSpec:
    """A parsed spec: what kind of source, and where it is."""

    kind: SourceKind
    given: str  # as the user typed it ("" for the bundled article)
    path: Path | None = None  # for "file" (and "bundled"): the file, as named
    url: str | None = None  # for "url": the address, as typed

    @property
    def is_url(self) -> bool:
        return self.kind == "url"

    def identity(self, text: str) -> str:
        """What makes this source the same source: its file, its URL, or ``text``.

        A file is its absolute path (symlinks resolved), a web page its URL with
        scheme and host in lower case and no fragment, standard input its text.
        """
        if self.kind == "stdin":
            import hashlib

            return "text:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        if self.kind == "url":
            assert self.url is not None
            return "url:" + _url_identity(self.url)
        assert self.path is not None
        path = self.path.expanduser()
        try:
            return "file:" + str(path.resolve())
        except (OSError, RuntimeError):  # a symlink loop, a folder we may not enter
            return "file:" + str(path.absolute())


def parse_source(spec: str | None) -> SourceSpec:
    """Parse ``spec``; a ReaderError for an empty one, another URL scheme or a remote file URL."""
    if spec is None:
        from reader.sources.load import bundled_article

        return SourceSpec("bundled", "", path=bundled_article())
    if spec == STDIN:
        return SourceSpec("stdin", spec)
    if not spec.strip():
        raise ReaderError("no file given")
    scheme = _URL_SCHEME.match(spec)
    if scheme is None:
        return SourceSpec("file", spec, path=Path(spec))
    name = scheme.group(1).lower()
    if name == "file":
        return SourceSpec("file", spec, path=_file_url_path(spec))
    if name not in WEB_SCHEMES:
        from reader.sources.url import shown_url

        raise ReaderError(
            f"cannot open {shown_url(spec)}: unsupported URL scheme {shown_name(name)} (only http and https)"
        )
    return SourceSpec("url", spec, url=spec)


def _file_url_path(spec: str) -> Path:
    """The local path a ``file://`` URL names (on this machine only)."""
    shown = shown_name(spec)
    try:
        parts = urlsplit(spec)
    except ValueError:
        raise ReaderError(f"{shown} is not a valid file URL") from None
    if parts.netloc not in ("", "localhost"):
        raise ReaderError(
            f"cannot open {shown}: only files on this computer can be opened (file:///path)"
        )
    path = unquote(parts.path)
    if not path:
        raise ReaderError(f"no file given in {shown}")
    return Path(path)


def _url_identity(url: str) -> str:
    scheme, _, rest = url.strip().partition("://")
    rest, _, _fragment = rest.partition("#")  # the fragment is not another article
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}"
