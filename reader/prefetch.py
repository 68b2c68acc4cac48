"""Read and build the article in a child process while the terminal UI starts.

``reader SOURCE`` spends most of its start-up importing Textual; reading the
source (trafilatura for a web page) and building the article (Punkt, quotes,
sections) is the other big part, and the two need nothing from each other.
So, before Textual is imported, the process forks: the child loads the source
and builds the article and sends both back through a pipe (pickled: the
reader's own dataclasses), while the parent imports Textual and lays out the
screen on the other core. The source is read and parsed once, in the child;
the parent never parses it again.

The child sends two messages: the Document as soon as the source is read (or
the error that stopped it, so that a missing file is still reported before
the screen opens), then the Article. For a long text it sends the article of
the text's first part in between (reader.article.preview), which the first
screen shows while the whole is built. Where ``os.fork`` is missing (Windows)
or cannot be used, :func:`start` returns None and the caller loads the source
itself as before.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import sys
import time
from typing import TYPE_CHECKING, BinaryIO

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.article.model import Article
    from reader.feeds.source import FeedSource
    from reader.sources.document import Document
    from reader.summary.candidates import Candidates

_LENGTH = struct.Struct("!Q")  # each message: its length, then a pickled tuple


class Prefetch:
    """The parent's end: the Document, then the Article, as the child sends them."""

    def __init__(self, spec: str | None, pid: int, pipe: int) -> None:
        self.spec = spec
        self.remote = spec is not None and spec.lower().startswith(("http://", "https://"))
        self.document: Document | None = None
        self._pid = pid
        self._pipe = pipe  # a file descriptor, read unbuffered (select() sees what is left)
        self._article: Article | None = None
        self.head: Article | None = None  # a long text's first part, built before the whole
        self.feeds: FeedSource | None = None  # set when the source is a feed or a list of feeds
        self.candidates: Candidates | None = None  # a summary's, when start() was asked for them
        self._error: BaseException | None = None

    def wait_document(self, timeout: float | None = None) -> Document | None:
        """The Document, waiting at most ``timeout`` seconds (None: as long as it takes).

        None when it is not there in time; ReaderError when the source could not be read.
        """
        if (
            self.document is None
            and self._error is None
            and self.feeds is None
            and self._ready(timeout)
        ):
            self._receive()
        if self._error is not None:
            raise self._error
        return self.document

    def article(self, timeout: float | None = None) -> Article | None:
        """The Article, waiting at most ``timeout`` seconds (None: as long as it takes).

        None when it is not ready in time; the error that stopped the child otherwise.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._article is None and self._error is None and self.feeds is None:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._ready(left):
                return None
            self._receive()
        if self._error is not None:
            raise self._error
        return self._article

    def first(self, timeout: float | None = None) -> Article | None:
        """The Article, or while a long text is still being built the article of its first part.

        Waits at most ``timeout`` seconds for either (None: as long as it
        takes); None when neither is ready in time; the error that stopped the
        child otherwise. The whole article is the Article when it is, and
        ``head`` when it is the first part.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while (
            self._article is None
            and self.head is None
            and self._error is None
            and self.feeds is None
        ):
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._ready(left):
                return None
            self._receive()
        if (
            self.head is not None
            and self._article is None
            and self._error is None
            and self._ready(0)
        ):
            self._receive()  # the whole article, right behind its first part
        if self._error is not None:
            raise self._error
        return self._article if self._article is not None else self.head

    def _ready(self, timeout: float | None) -> bool:
        return bool(select.select([self._pipe], [], [], timeout)[0])

    def _receive(self) -> None:
        """Read the next message of the child."""
        try:
            (length,) = _LENGTH.unpack(self._read(_LENGTH.size))
            kind, value = pickle.loads(self._read(length))
        except (EOFError, OSError, pickle.UnpicklingError, ValueError, struct.error):
            self._error = ReaderError("the article could not be built (its process stopped)")
            kind, value = "stopped", None
        if kind == "document":
            self.document = value
        elif kind == "head":
            self.head = value
        elif kind == "candidates":
            self.candidates = value
        elif kind == "article":
            self._article = value
        elif kind == "feeds":
            self.feeds = value
        elif kind == "error":
            self._error = ReaderError(value)
        elif kind == "crash":
            self._error = RuntimeError(value)
        if kind not in ("document", "head", "candidates"):
            self._close()

    def _read(self, size: int) -> bytes:
        chunks, left = [], size
        while left:
            chunk = os.read(self._pipe, min(left, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def _close(self) -> None:
        os.close(self._pipe)
        try:
            os.waitpid(self._pid, 0)
        except ChildProcessError:
            pass


def start(
    spec: str | None, *, head: bool = True, summary: tuple[str, int] | None = None
) -> Prefetch | None:
    """Fork a child that loads ``spec`` and builds its article; None where that cannot be done.

    With ``head`` a long text's first part is built and sent first (for a first screen).
    With ``summary`` (a checked algorithm and a length) the child also chooses that
    summary's candidates and splits them into words (``Prefetch.candidates``), sent
    just before the article.
    """
    if not hasattr(os, "fork") or sys.platform == "darwin":  # fork without exec is unsafe there
        return None
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child
        os.close(read_end)
        _child(spec, write_end, head, summary)
    os.close(write_end)
    return Prefetch(spec, pid, read_end)


def _child(spec: str | None, fd: int, head: bool, summary: tuple[str, int] | None) -> None:
    """Load and build, send each result, and exit without running the parent's clean-up."""
    code = 0
    try:
        with os.fdopen(fd, "wb") as pipe:
            _quiet_output()
            try:
                from reader.feeds.source import FeedSource, open_any

                found = open_any(spec).item
                if isinstance(found, FeedSource):  # a feed: the app lists its stories
                    _send(pipe, "feeds", found)
                    return
                document = found
                _send(pipe, "document", document)
                from reader.article.build import build_article
                from reader.article.preview import head_document

                first_part = head_document(document) if head else None
                if (
                    first_part is not None
                ):  # a long text: its first part first, for the first screen
                    try:
                        _send(pipe, "head", build_article(first_part))
                    except Exception:  # the whole article is built next (and says what is wrong)
                        pass
                article = build_article(document)
                if summary is not None:
                    from reader.summary.candidates import choose

                    _send(pipe, "candidates", choose(article, *summary))
                _send(pipe, "article", article)
            except ReaderError as error:
                _send(pipe, "error", error.message)
            except Exception as error:  # a bug: the parent reports it in one line
                _send(pipe, "crash", f"{type(error).__name__}: {error}")
    except BaseException:  # the parent has gone (broken pipe) or the child was interrupted
        code = 1
    finally:
        os._exit(code)


def _send(pipe: BinaryIO, kind: str, value: object) -> None:
    data = pickle.dumps((kind, value), protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(_LENGTH.pack(len(data)) + data)
    pipe.flush()


def _quiet_output() -> None:
    """The child never writes to the terminal the parent is drawing on."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
