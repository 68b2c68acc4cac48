"""The reader's own files (config, state): bounded reads, atomic writes, a lock.

A config or state file is read only when it is a regular file under a size
cap: a FIFO, a device (``/dev/zero``), a symlink to one, or a huge file is
refused with a :class:`BadFile` whose message says why, and never blocks or
fills the memory. Writes replace the file in one step.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


class BadFile(OSError):
    """A file that is there but not one to read: not a regular file, or too large."""


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them.

    Raises FileNotFoundError when it is not there, BadFile when it is no regular
    file or is larger than ``max_bytes``, OSError for the rest.
    """
    if not stat.S_ISREG(os.stat(path).st_mode) and not path.is_dir():
        raise BadFile(f"{path} is not a regular file")  # not even opened: a FIFO, a device
    # Non-blocking: should it have become a FIFO since, opening it must not wait.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(f"{path} is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise BadFile(f"{path} is not a regular file")
        if info.st_size > max_bytes:
            raise BadFile(
                f"{path} is too large ({_size(info.st_size)}; the limit is {_size(max_bytes)})"
            )
        os.set_blocking(fd, True)
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while we read
        raise BadFile(f"{path} is too large (the limit is {_size(max_bytes)})")
    return data


def _size(count: int) -> str:
    return f"{count // 1024} KB" if count < 1024 * 1024 else f"{count // (1024 * 1024)} MB"


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: a crash leaves the old file or the new one.

    Creates the folder if needed and keeps an existing file's permissions.
    Raises OSError.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temp, path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def lock_path(path: Path) -> Path:
    """The lock file beside ``path`` (``state.json`` -> ``state.json.lock``)."""
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[bool]:
    """Hold an exclusive lock on the lock file beside ``path`` (``flock``).

    Another process in ``locked(path)`` waits until this one leaves. Yields
    False (and does not lock) where locking is impossible (no ``fcntl``, a
    read-only folder): the caller goes on as before, unprotected.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield False
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(
            lock_path(path),
            os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0),
            0o600,
        )
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def read_json_file(path: Path, max_bytes: int) -> object:
    """The JSON value in the regular file ``path`` (at most ``max_bytes``); None when it is
    missing, unreadable, too large, not a regular file or not JSON."""
    import json

    try:
        return json.loads(read_regular_file(path, max_bytes).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
