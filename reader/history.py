"""Every article opened, newest first: what the history screen lists.

One JSON file, ``history.json`` in the user's data folder. An entry is kept
per source (opening it again moves it to the top) with its title, site, when
it was last opened and how far it was read (0-1); at most ``MAX_ENTRIES``.
Standard input is not kept (it cannot be opened again). A file that is missing,
too large or malformed reads as empty; saving failures are ignored (history
only ever helps).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from reader.files import atomic_write, read_json_file
from reader.paths import user_folder

HISTORY_FILE = "history.json"
MAX_ENTRIES = 500
MAX_FILE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class HistoryEntry:
    """One article the user opened."""

    spec: str | None  # what to open it again with (None: the bundled article)
    title: str
    site: str = ""
    opened: float = 0.0  # epoch seconds
    progress: float = 0.0  # how far it was read, 0-1


def history_path() -> Path:
    return user_folder("data") / HISTORY_FILE


def entries() -> list[HistoryEntry]:
    """The history, newest first."""
    raw = read_json_file(history_path(), MAX_FILE_BYTES)
    found = []
    for item in raw.get("entries", []) if isinstance(raw, dict) else []:
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            continue
        spec = item.get("spec")
        if spec is not None and not isinstance(spec, str):
            continue
        try:
            found.append(
                HistoryEntry(
                    spec=spec,
                    title=item["title"],
                    site=str(item.get("site") or ""),
                    opened=float(item.get("opened") or 0.0),
                    progress=min(1.0, max(0.0, float(item.get("progress") or 0.0))),
                )
            )
        except (TypeError, ValueError):
            continue
    return found


def record(spec: str | None, title: str, site: str = "", progress: float | None = None) -> None:
    """Put ``spec`` at the top of the history (keeping its progress unless one is given)."""
    if spec == "-":
        return
    kept = entries()
    previous = next((e for e in kept if e.spec == spec), None)
    entry = HistoryEntry(
        spec=spec,
        title=title,
        site=site,
        opened=time.time(),
        progress=progress if progress is not None else (previous.progress if previous else 0.0),
    )
    _save([entry, *(e for e in kept if e.spec != spec)][:MAX_ENTRIES])


def update_progress(spec: str | None, progress: float) -> None:
    """Note how far ``spec`` was read, leaving its place in the list as it is."""
    kept = entries()
    if not any(e.spec == spec for e in kept):
        return
    _save([replace(e, progress=progress) if e.spec == spec else e for e in kept])


def _save(items: list[HistoryEntry]) -> None:
    try:
        atomic_write(history_path(), json.dumps({"entries": [asdict(e) for e in items]}))
    except OSError:
        return
