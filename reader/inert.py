"""Text from outside made inert: shown as text, never acted on by a terminal.

Whatever an article, a file name, a page or a server sends (terminal control
sequences, bidirectional overrides) must reach the screen, stdout, stderr or
a written file inert. This is the one rule, used by the TUI (``reader.ui.text``)
and by everything the CLI prints or writes. Removed:

* C0 controls (ESC, BEL, backspace...) and DEL, C1 controls (U+0080-U+009F),
* bidirectional embeddings, overrides and isolates (U+202A-U+202E,
  U+2066-U+2069),

while line breaks and tabs become spaces in :func:`clean` (a paragraph is one
flowing run of text). Removing characters shifts offsets, so
:func:`clean_with_offsets` also returns a function mapping an offset in the
raw text to one in the displayed text: the article's spans stay in place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

# Whitespace controls shown as a space (same length: offsets do not move).
AS_SPACE = re.compile(r"[\t\n\v\f\r\u2028\u2029]")
# Everything else a terminal could act on: dropped.
DROPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` without controls and bidi overrides, on one line."""
    return DROPPED.sub("", AS_SPACE.sub(" ", text))


def clean_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """Cleaned text and a map from offsets in ``text`` to offsets in it."""
    spaced = AS_SPACE.sub(" ", text)
    dropped = [match.start() for match in DROPPED.finditer(spaced)]
    if not dropped:
        return spaced, lambda offset: max(0, min(offset, len(spaced)))
    shown = DROPPED.sub("", spaced)

    def shift(offset: int) -> int:
        offset = max(0, min(offset, len(spaced)))
        return offset - bisect_left(dropped, offset)

    return shown, shift
