"""How many sentences a call of a sumy summarizer asks for."""

from __future__ import annotations

from collections.abc import Sequence

from sumy.utils import ItemsCount


def sentences_wanted(sentences: Sequence[object], sentences_count: object) -> int:
    """How many of ``sentences`` ``sentences_count`` (3, "20%", ...) asks for, as sumy counts."""
    return len(ItemsCount(sentences_count)(list(sentences)))
