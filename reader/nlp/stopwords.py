"""English stop words: sumy's list, read from its data without importing its modules."""

from __future__ import annotations

from importlib.resources import files


def _load() -> frozenset[str]:
    data = files("sumy").joinpath("data/stopwords/english.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in data.splitlines() if w.strip())


STOP_WORDS: frozenset[str] = _load()
