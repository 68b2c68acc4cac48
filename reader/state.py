"""Resume state: where the reader was in each article, and how it was set up.

One JSON file, ``state.json`` in the user's state folder
(``platformdirs.user_state_path("reader")``, or ``$READER_STATE_DIR`` when
set)::

    {"version": 1,
     "articles": {"<key>": {"paragraph": 12, "scroll": 0.41,
                             "algorithm": "lexrank", "length": 3,
                             "sidebar": true, "summary_open": false,
                             "content": "<sha256 of the text>",
                             "updated": 1715000000.0}}}

Keys. ``source_key`` hashes the source's identity: the absolute path of a
file, the URL of a web page, the text itself for standard input (so piping the
same article again resumes it). The content is *not* part of the key: a file
that was edited, or a web page that was updated, still resumes by path or URL,
which is what a reader expects of "reopen". The record keeps a digest of the
text it was saved for; ``ArticleState.changed_since(text)`` tells the UI the
text is different, so it can clamp the position and say so.

Writes are atomic (temporary file, fsync, ``os.replace``) and each
read-modify-write holds a lock on ``state.json.lock`` beside the file; at most
``MAX_ENTRIES`` articles are kept, the least recently used dropped first. A
state file that is no regular file (a FIFO, a device) or larger than
``MAX_STATE_BYTES`` is left alone and nothing is saved; one that cannot be parsed is renamed to
``state.json.corrupt-<timestamp>`` with a warning and the store starts
empty. Nothing here raises on a bad or unwritable file: problems become
lines in ``StateStore.warnings``.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import time
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from reader.files import BadFile, atomic_write, locked, read_regular_file
from reader.paths import state_path
from reader.summary.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_LENGTH, MAX_LENGTH

VERSION = 1
MAX_ENTRIES = 500
MAX_STATE_BYTES = 8 * 1024 * 1024  # a state file larger than this is set aside unread


def content_digest(text: str) -> str:
    """A digest of an article's text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def source_identity(spec: str | None, text: str) -> str:
    """What makes a source the same source: its path, its URL, or its text."""
    from reader.errors import ReaderError
    from reader.sources.spec import parse_source

    try:
        return parse_source(spec).identity(text)
    except ReaderError:  # not a source that opens: known by its text
        return "text:" + content_digest(text)


def source_key(spec: str | None, text: str) -> str:
    """The key of an article in the state file.

    ``spec`` is what the user opened (a path, a URL, ``"-"`` or None for the
    bundled article); ``text`` is the document's text (it names standard input).
    """
    return hashlib.sha256(
        source_identity(spec, text).encode("utf-8", "surrogatepass")
    ).hexdigest()[:32]


@dataclass(frozen=True)
class ArticleState:
    """Where the reader was in one article and how the panes were set."""

    paragraph: int = 0  # the paragraph at the top of the view (reading position)
    scroll: float = 0.0  # scroll offset as a fraction of the scrollable height, 0..1
    algorithm: str = DEFAULT_ALGORITHM
    length: int = DEFAULT_LENGTH
    sidebar: bool = True
    summary_open: bool = False
    content: str = ""  # content_digest of the text when saved ("" unknown)
    updated: float = 0.0  # time.time() when saved

    def changed_since(self, text: str) -> bool:
        """True if ``text`` is not the text this state was saved for."""
        return bool(self.content) and self.content != content_digest(text)

    def clamped(self, paragraphs: int) -> ArticleState:
        """This state with the position inside an article of ``paragraphs`` paragraphs."""
        last = max(paragraphs - 1, 0)
        return (
            self
            if self.paragraph <= last
            else replace(self, paragraph=last, scroll=min(self.scroll, 1.0))
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> ArticleState | None:
        """The state in ``data``, with bad fields defaulted; None if ``data`` is not a record."""
        if not isinstance(data, dict):
            return None
        default = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = data.get(f.name, getattr(default, f.name))
            values[f.name] = _clean(f.name, value, getattr(default, f.name))
        return cls(**values)


def _clean(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
    if name == "algorithm":
        return value if value in ALGORITHMS else default
    if name == "content":
        return value if isinstance(value, str) else default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return default
    if name == "paragraph":
        return int(value) if value >= 0 else default
    if name == "length":
        return int(value) if 1 <= value <= MAX_LENGTH else default
    if name == "scroll":
        return min(max(float(value), 0.0), 1.0)
    if name == "updated":
        return float(value)
    return default


def resume_message(
    state: ArticleState,
    paragraphs: int | None = None,
    *,
    changed: bool = False,
    algorithm: str | None = None,
) -> str:
    """A brief notice: ``"Resumed at paragraph 12 of 30 · lexrank, 3 sentences"``.

    ``algorithm``: the name to show for the summary algorithm (default: its id).
    """
    where = f"paragraph {state.paragraph + 1}"
    if paragraphs:
        where += f" of {paragraphs}"
    sentences = "sentence" if state.length == 1 else "sentences"
    message = (
        f"Resumed at {where} \u00b7 {algorithm or state.algorithm}, {state.length} {sentences}"
    )
    if changed:
        message += " (the text has changed since)"
    return message


class StateStore:
    """The resume state of every article, in one JSON file.

    ``get`` and ``put`` never raise for file problems; read ``warnings`` (and
    clear it) to tell the user. Each ``put`` reads the file again before
    writing, so two readers open at once lose little.
    """

    def __init__(self, path: Path | None = None, *, max_entries: int = MAX_ENTRIES) -> None:
        self.path = Path(path) if path is not None else state_path()
        self.max_entries = max_entries
        self.warnings: list[str] = []
        self._entries: dict[str, dict[str, Any]] | None = None
        self._disabled = False  # a bad file that could not be set aside: never overwrite it

    # reading

    def warm(self) -> None:
        """Read the file now (while waiting for something else) rather than at the first ``get``."""
        self._load()

    def get(self, key: str) -> ArticleState | None:
        """The saved state of the article ``key``, or None."""
        return ArticleState.from_json(self._load().get(key))

    def __len__(self) -> int:
        return len(self._load())

    def _load(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            raw = read_regular_file(self.path, MAX_STATE_BYTES)
        except (FileNotFoundError, NotADirectoryError):  # nothing saved yet
            return {}
        except IsADirectoryError:
            return self._set_aside("is a folder")
        except BadFile as error:  # a FIFO, a device, a huge file: leave it where it is
            self._disabled = True
            self.warnings.append(
                f"cannot read the state file: {error}; reading positions will not be saved"
            )
            return {}
        except OSError as error:  # unreadable (permissions...), not corrupt: leave it where it is
            self._disabled = True
            self.warnings.append(
                f"the state file {self.path} cannot be read ({error.strerror or error}); "
                "reading positions will not be saved"
            )
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as error:  # bad UTF-8, bad JSON, absurd nesting
            return self._set_aside(f"is not valid JSON ({_first_line(error)})")
        if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
            return self._set_aside("is not a reader state file")
        return {str(k): v for k, v in data["articles"].items() if isinstance(v, dict)}

    def _set_aside(self, problem: str) -> dict[str, dict[str, Any]]:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        number = 2
        try:
            while aside.exists():
                aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{number}")
                number += 1
            os.replace(self.path, aside)
        except OSError as error:
            self._disabled = True
            self.warnings.append(
                f"the state file {self.path} {problem} and could not be moved aside "
                f"({error.strerror or error}); reading positions will not be saved"
            )
        else:
            self.warnings.append(
                f"the state file {self.path} {problem}; moved it to {aside.name} and started afresh"
            )
        return {}

    # writing

    def put(self, key: str, state: ArticleState, *, now: float | None = None) -> bool:
        """Save ``state`` for ``key`` (stamped with the time); False if it could not be written.

        The file is read again and written under a lock (``state.json.lock``), so
        two readers saving at once both keep their positions.
        """
        if self._disabled:
            return False
        stamped = replace(state, updated=time.time() if now is None else now)
        with locked(self.path):
            self._entries = None  # read again: another reader may have saved since
            entries = dict(self._load())
            if self._disabled:
                return False
            entries[key] = stamped.to_json()
            self._entries = self._trim(entries)
            return self._write()

    def forget(self, key: str) -> bool:
        """Drop the state of ``key``; False if it could not be written."""
        with locked(self.path):
            self._entries = None
            entries = self._load()
            if self._disabled or key not in entries:
                return not self._disabled
            del entries[key]
            return self._write()

    def _trim(self, entries: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        if len(entries) <= self.max_entries:
            return entries

        def updated(item: tuple[str, dict[str, Any]]) -> float:
            value = item[1].get("updated")
            return (
                float(value)
                if isinstance(value, (int, float)) and not isinstance(value, bool)
                else 0.0
            )

        newest = sorted(entries.items(), key=updated, reverse=True)[: self.max_entries]
        return dict(newest)

    def _write(self) -> bool:
        data = {"version": VERSION, "articles": self._entries or {}}
        try:
            atomic_write(
                self.path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            )
        except OSError as error:
            self.warnings.append(
                f"cannot save the reading position to {self.path} ({error.strerror or error})"
            )
            return False
        return True


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__
