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
screen shows while the whole is built. Its messages are written to the pipe by
a thread of their own, so the child goes on building while the parent is still
importing (a pipe holds 64 KB: a long text's Document is more).

Whoever is free builds the first screen. When the parent has finished
starting before the Document came (a web page: trafilatura takes about as
long as Textual's import), it says so (:meth:`Prefetch.warm`, which imports
the builder meanwhile) and the child, once it has sent the Document, leaves
what the first screen shows to it: the article of a short document, or the
first part of a long one (the child builds the whole). Either way each part
is built once (a long text's first part, and its whole, as before).

Where ``os.fork`` is missing (Windows) or cannot be used, :func:`start`
returns None and the caller loads the source itself as before.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO, Literal

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.article.model import Article
    from reader.feeds.source import FeedSource
    from reader.sources.document import Document
    from reader.summary.candidates import Candidates

_LENGTH = struct.Struct("!Q")  # each message: its length, then a pickled tuple
Here = Literal["article", "head"]  # what of the first screen the parent builds itself


class Prefetch:
    """The parent's end: the Document, then the Article, as the child sends them."""

    def __init__(self, spec: str | None, pid: int, pipe: int, waiting: int | None = None) -> None:
        self.spec = spec
        self.remote = spec is not None and spec.lower().startswith(("http://", "https://"))
        self.document: Document | None = None
        self._pid = pid
        self._pipe = pipe  # a file descriptor, read unbuffered (select() sees what is left)
        self._waiting = waiting  # written to when this process waits for the Document
        self._article: Article | None = None
        self.head: Article | None = None  # a long text's first part, built before the whole
        self.feeds: FeedSource | None = None  # set when the source is a feed or a list of feeds
        self.candidates: Candidates | None = None  # a summary's, when start() was asked for them
        self._error: BaseException | None = None
        self._here: Here | None = None  # the part that is built here, not in the child

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
        if not self._receive_until(
            lambda: self._article is not None, lambda: self._here == "article", timeout
        ):
            return None
        if self._error is not None:
            raise self._error
        return self._article

    def first(self, timeout: float | None = None) -> Article | None:
        """The Article, or while a long text is still being built the article of its first part.

        Waits at most ``timeout`` seconds for either (None: as long as it
        takes); None when neither is ready in time; the error that stopped the
        child otherwise. The whole article is the Article when it is, and
        ``head`` when it is the first part. A part the child left to this
        process (see :meth:`warm`) is built now, after the wait.
        """
        if not self._receive_until(
            lambda: self._article is not None or self.head is not None,
            lambda: self._here is not None,
            timeout,
        ):
            return None
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

    def _receive_until(
        self, done: Callable[[], bool], built_here: Callable[[], bool], timeout: float | None
    ) -> bool:
        """Read the child's messages until ``done()``, an error or feeds; False if ``timeout`` ends first.

        When ``built_here()`` says the part waited for is this process's to
        build (see :meth:`warm`), it is built here and the wait ends.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while not done() and self._error is None and self.feeds is None:
            if built_here():
                self._build_here()
                break
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._ready(left):
                return False
            self._receive()
        return True

    def warm(self) -> None:
        """Say this process waits for the Document (so it builds the first screen), and get ready.

        Call it only when idle: the child leaves the building to this process if
        it has not sent the Document yet; meanwhile the builder is imported here
        and what it reads (the first-names table) is read.
        """
        if self._waiting is not None and self.document is None:
            try:
                os.write(self._waiting, b"w")
            except OSError:  # the child has gone: its error or its article is in the pipe
                pass
        from reader.article.build import prepare

        prepare()

    def _build_here(self) -> None:
        """Build the part the child left to this process (``_here``): the article, or its head."""
        from reader.article.build import build_article
        from reader.article.preview import head_document

        assert self.document is not None
        part = head_document(self.document) if self._here == "head" else self.document
        try:
            article = build_article(part or self.document)
        except ReaderError as error:
            self._error = error
            return
        except Exception as error:  # a bug: reported in one line, as the child's are
            self._error = RuntimeError(f"{type(error).__name__}: {error}")
            return
        if self._here == "head" and part is not None:
            self.head = article
        else:
            self._article = article
        self._here = None

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
        elif kind == "here":
            self._here = value
        elif kind == "article":
            self._article = value
        elif kind == "feeds":
            self.feeds = value
        elif kind == "error":
            self._error = ReaderError(value)
        elif kind == "crash":
            self._error = RuntimeError(value)
        if kind not in ("document", "head", "candidates") and not (
            kind == "here" and value == "head"
        ):
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
        if self._waiting is not None:
            os.close(self._waiting)
            self._waiting = None
        os.close(self._pipe)
        try:
            os.waitpid(self._pid, 0)
        except ChildProcessError:
            pass


# What the terminal UI imports (Textual, asyncio, rich) and the child imports too (to
# read a page or build an article): imported before the fork, each is imported once, not
# once in each process (about 30 ms of CPU for a web page; the two processes share the
# machine's cores). The UI needs every one of them anyway (tests/unit/test_prefetch.py).
SHARED_WITH_THE_UI = (
    "concurrent.futures",
    "datetime",
    "decimal",
    "difflib",
    "hashlib",
    "json",
    "locale",
    "logging",
    "platformdirs",
    "random",
    "selectors",
    "shutil",
    "signal",
    "socket",
    "ssl",
    "string",
    "tempfile",
    "textwrap",
    "threading",
    "traceback",
    "reader.article.model",
    "reader.files",
    "reader.paths",
)


def start(
    spec: str | None,
    *,
    head: bool = True,
    summary: tuple[str, int] | None = None,
    shared: tuple[str, ...] = (),
) -> Prefetch | None:
    """Fork a child that loads ``spec`` and builds its article; None where that cannot be done.

    With ``head`` a long text's first part is built and sent first (for a first screen).
    With ``summary`` (a checked algorithm and a length) the child also chooses that
    summary's candidates and splits them into words (``Prefetch.candidates``), sent
    just before the article. The modules named in ``shared`` (ones both processes
    import: SHARED_WITH_THE_UI for the terminal UI) are imported before the fork.
    """
    if not hasattr(os, "fork") or sys.platform == "darwin":  # fork without exec is unsafe there
        return None
    import importlib

    for name in shared:
        importlib.import_module(name)
    try:
        read_end, write_end = os.pipe()
        waiting_read, waiting_write = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child
        os.close(read_end)
        os.close(waiting_write)
        _child(spec, write_end, waiting_read, head, summary)
    os.close(write_end)
    os.close(waiting_read)
    return Prefetch(spec, pid, read_end, waiting_write)


def _child(
    spec: str | None, fd: int, waiting: int, head: bool, summary: tuple[str, int] | None
) -> None:
    """Load and build, send each result, and exit without running the parent's clean-up."""
    code = 0
    try:
        with os.fdopen(fd, "wb") as pipe:
            _quiet_output()
            outbox = _Outbox(pipe)
            try:
                _load_and_build(outbox, spec, head, summary, lambda: _readable(waiting))
            finally:
                outbox.close()  # everything sent is written before the child exits
            if outbox.failed:
                code = 1
    except BaseException:  # the parent has gone (broken pipe) or the child was interrupted
        code = 1
    finally:
        os._exit(code)


def _load_and_build(
    outbox: _Outbox,
    spec: str | None,
    head: bool,
    summary: tuple[str, int] | None,
    parent_waits: Callable[[], bool],
) -> None:
    """The child's work: the Document, then the article (what of it the parent does not build)."""
    try:
        from reader.feeds.source import FeedSource, open_any

        found = open_any(spec).item
        if isinstance(found, FeedSource):  # a feed: the app lists its stories
            outbox.send("feeds", found)
            return
        document = found
        outbox.send("document", document)
        from reader.article.preview import head_document

        first_part = head_document(document) if head else None
        if summary is None and parent_waits():  # the parent builds what the first screen shows
            outbox.send("here", "article" if first_part is None else "head")
            if first_part is None:
                return
            first_part = None  # the parent builds it; the whole is built here
        from reader.article.build import build_article

        if first_part is not None:  # a long text: its first part first, for the first screen
            try:
                outbox.send("head", build_article(first_part))
            except Exception:  # the whole article is built next (and says what is wrong)
                pass
        article = build_article(document)
        if summary is not None:
            from reader.summary.candidates import choose

            outbox.send("candidates", choose(article, *summary))
        outbox.send("article", article)
    except ReaderError as error:
        outbox.send("error", error.message)
    except _ParentGone:
        raise
    except Exception as error:  # a bug: the parent reports it in one line
        outbox.send("crash", f"{type(error).__name__}: {error}")


class _ParentGone(Exception):
    """The pipe to the parent is broken: nothing more is worth building."""


class _Outbox:
    """The child's messages, written to the pipe in order by a thread of their own."""

    def __init__(self, pipe: BinaryIO) -> None:
        import queue
        import threading

        self._pipe = pipe
        self._queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.failed = False
        self._thread = threading.Thread(target=self._write, daemon=True)
        self._thread.start()

    def send(self, kind: str, value: object) -> None:
        """Queue one message (pickled now); raises _ParentGone once a write has failed."""
        if self.failed:
            raise _ParentGone
        data = pickle.dumps((kind, value), protocol=pickle.HIGHEST_PROTOCOL)
        self._queue.put(_LENGTH.pack(len(data)) + data)

    def close(self) -> None:
        """Wait until every queued message is written (or writing failed)."""
        self._queue.put(None)
        self._thread.join()

    def _write(self) -> None:
        while (data := self._queue.get()) is not None:
            if self.failed:
                continue
            try:
                self._pipe.write(data)
                self._pipe.flush()
            except BaseException:  # the parent has gone
                self.failed = True


def _readable(fd: int) -> bool:
    return bool(select.select([fd], [], [], 0)[0])


def _quiet_output() -> None:
    """The child never writes to the terminal the parent is drawing on."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
