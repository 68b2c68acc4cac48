"""A size-bounded cache of fetched bytes in the user's cache folder (platformdirs).

Each entry is two files named by a hash of its key: the bytes and a small JSON
record (the key, when it was stored, and whatever the caller adds: validators,
a content type). Writes are atomic (a temporary file renamed into place); when
the folder grows past its limit the entries used least recently go first. A
cache that cannot be written is skipped silently: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.paths import user_folder

MAX_CACHE_BYTES = 64 * 1024 * 1024  # per cache folder
MAX_RECORD_BYTES = 64 * 1024  # a JSON record larger than this is not read


@dataclass(frozen=True)
class Entry:
    """A cached value: its bytes, when it was stored (epoch seconds) and its record."""

    data: bytes
    stored: float
    record: dict[str, Any]


class Cache:
    """Bytes by key in one folder under the user's cache folder."""

    def __init__(self, name: str, folder: Path | None = None, max_bytes: int = MAX_CACHE_BYTES):
        self.folder = (folder or user_folder("cache")) / name
        self.max_bytes = max_bytes

    def _paths(self, key: str) -> tuple[Path, Path]:
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:40]
        return self.folder / f"{digest}.bin", self.folder / f"{digest}.json"

    def get(self, key: str) -> Entry | None:
        """The entry stored under ``key``, or None (missing, unreadable or for another key)."""
        data_path, record_path = self._paths(key)
        try:
            if record_path.stat().st_size > MAX_RECORD_BYTES:
                return None
            record = json.loads(record_path.read_text("utf-8"))
            if not isinstance(record, dict) or record.get("key") != key:
                return None
            data = data_path.read_bytes()
            os.utime(record_path)  # used: kept longest when pruning
        except (OSError, ValueError):
            return None
        stored = record.get("stored")
        return Entry(data, float(stored) if isinstance(stored, int | float) else 0.0, record)

    def put(self, key: str, data: bytes, **record: Any) -> None:
        """Store ``data`` under ``key`` with ``record``; then keep the folder under its limit."""
        data_path, record_path = self._paths(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(data_path, data)
            text = json.dumps({**record, "key": key, "stored": time.time()})
            _write_atomic(record_path, text.encode("utf-8"))
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        records = []
        total = 0
        for path in self.folder.glob("*.json"):
            data_path = path.with_suffix(".bin")
            try:
                size = path.stat().st_size + data_path.stat().st_size
                used = path.stat().st_mtime
            except OSError:
                continue
            total += size
            records.append((used, size, path, data_path))
        records.sort()
        while total > self.max_bytes and records:
            _, size, path, data_path = records.pop(0)
            for stale in (path, data_path):
                try:
                    stale.unlink()
                except OSError:
                    pass
            total -= size


def _write_atomic(path: Path, data: bytes) -> None:
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def age_text(stored: float, now: float | None = None) -> str:
    """How old an entry is, in words: "just now", "5 min ago", "3 h ago", "2 days ago"."""
    seconds = max(0.0, (time.time() if now is None else now) - stored)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    days = int(seconds // 86400)
    return f"{days} day{'s' if days != 1 else ''} ago"
