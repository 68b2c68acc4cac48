"""Article text made safe to display: shown as text, never interpreted.

Whatever an article holds (Rich or Textual markup, terminal control
sequences, bidirectional overrides) must reach the screen inert. The UI
never builds markup strings from article text: it wraps text in
:class:`~textual.content.Content` (which is never parsed as markup) after
removing what a terminal could act on:

* C0 controls (ESC, BEL, backspace...) and DEL, C1 controls (U+0080-U+009F),
* bidirectional embeddings, overrides and isolates (U+202A-U+202E,
  U+2066-U+2069),

while line breaks and tabs become spaces (a paragraph is one flowing run of
text). Removing characters shifts offsets, so :func:`clean_with_offsets`
also returns a function mapping an offset in the raw text to one in the
displayed text: the article's spans (sentences, quotes) stay in place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from textual.content import Content

# Whitespace controls shown as a space (same length: offsets do not move).
_AS_SPACE = re.compile(r"[\t\n\v\f\r\u2028\u2029]")
# Everything else a terminal could act on: dropped.
_DROPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` without controls and bidi overrides, on one line."""
    return _DROPPED.sub("", _AS_SPACE.sub(" ", text))


def clean_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """Cleaned text and a map from offsets in ``text`` to offsets in it."""
    spaced = _AS_SPACE.sub(" ", text)
    dropped = [match.start() for match in _DROPPED.finditer(spaced)]
    if not dropped:
        return spaced, lambda offset: max(0, min(offset, len(spaced)))
    shown = _DROPPED.sub("", spaced)

    def shift(offset: int) -> int:
        offset = max(0, min(offset, len(spaced)))
        return offset - bisect_left(dropped, offset)

    return shown, shift


def plain(text: str, style: str = "") -> Content:
    """Article text as inert Content (optionally in one style)."""
    return Content.styled(clean(text), style) if style else Content(clean(text))


def one_line(text: str) -> str:
    """Cleaned text with runs of white space collapsed."""
    return " ".join(clean(text).split())
