"""Article text made safe to display: shown as text, never interpreted.

The UI never builds markup strings from article text: it wraps text in
:class:`~textual.content.Content` (which is never parsed as markup) after
removing what a terminal could act on, by the one rule in :mod:`reader.inert`.
"""

from __future__ import annotations

from reader.inert import clean, clean_with_offsets

__all__ = ["clean", "clean_with_offsets", "one_line"]


def one_line(text: str) -> str:
    """Cleaned text with runs of white space collapsed."""
    return " ".join(clean(text).split())
