"""The user's feeds and the stories already read, in the user's data folder (platformdirs).

``feeds.json`` lists subscriptions in the order they were added; ``read.json``
the keys of the stories opened (the newest ``MAX_READ`` kept). Both are
written atomically; a file that is missing, too large or not what it should be
reads as empty, and is replaced on the next change.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.errors import ReaderError, os_reason
from reader.feeds.model import Subscription
from reader.files import atomic_write, read_json_file
from reader.inert import shown_name
from reader.paths import user_folder

FEEDS_FILE = "feeds.json"
READ_FILE = "read.json"
MAX_FILE_BYTES = 4 * 1024 * 1024  # larger files are not read
MAX_READ = 10_000  # story keys remembered as read


def _path(name: str) -> Path:
    return user_folder("data") / name


def _load(name: str) -> object:
    return read_json_file(_path(name), MAX_FILE_BYTES)


def _save(name: str, value: object) -> None:
    path = _path(name)
    try:
        atomic_write(path, json.dumps(value, ensure_ascii=False, indent=1))
    except OSError as error:
        raise ReaderError(f"cannot save {shown_name(str(path))}: {os_reason(error)}") from None


def subscriptions() -> list[Subscription]:
    """The feeds the user follows."""
    value = _load(FEEDS_FILE)
    items = value.get("feeds") if isinstance(value, dict) else None
    feeds: list[Subscription] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("url"), str):
            title = item.get("title")
            feeds.append(Subscription(item["url"], title if isinstance(title, str) else ""))
    return feeds


def save_subscriptions(feeds: list[Subscription]) -> None:
    """Replace the list of feeds."""
    _save(FEEDS_FILE, {"feeds": [{"url": f.url, "title": f.title} for f in feeds]})


def add_feeds(new: list[Subscription]) -> list[Subscription]:
    """Add the feeds not followed yet; returns those added."""
    feeds = subscriptions()
    known = {feed.url for feed in feeds}
    added = [feed for feed in new if feed.url not in known]
    if added:
        save_subscriptions(feeds + added)
    return added


def remove_feed(url: str) -> bool:
    """Stop following ``url``; False when it was not followed."""
    feeds = subscriptions()
    kept = [feed for feed in feeds if feed.url != url]
    if len(kept) == len(feeds):
        return False
    save_subscriptions(kept)
    return True


def read_keys() -> set[str]:
    """Keys of the stories the user has opened."""
    value = _load(READ_FILE)
    keys = value.get("read") if isinstance(value, dict) else None
    return {key for key in keys if isinstance(key, str)} if isinstance(keys, list) else set()


def mark_read(key: str) -> None:
    """Remember that the story ``key`` was opened (saving failures are ignored)."""
    value = _load(READ_FILE)
    keys = value.get("read") if isinstance(value, dict) else None
    ordered = (
        [k for k in keys if isinstance(k, str) and k != key] if isinstance(keys, list) else []
    )
    ordered.append(key)
    try:
        _save(READ_FILE, {"read": ordered[-MAX_READ:]})
    except ReaderError:
        return
