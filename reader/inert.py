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

For the CLI: :func:`clean_lines` keeps line breaks (multi-line output),
:func:`shown_name` escapes a file name as ``ls -b`` does (``\\033`` for ESC)
so that the user sees which name was meant, and :func:`escape_json` turns
what ``json.dumps(..., ensure_ascii=False)`` leaves raw into ``\\uXXXX``
escapes (the data stays exact, its offsets unchanged).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

# Whitespace controls shown as a space (same length: offsets do not move).
AS_SPACE = re.compile(r"[\t\n\v\f\r\u2028\u2029]")
# Everything else a terminal could act on: dropped.
DROPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Multi-line output keeps line breaks and tabs; the other whitespace controls
# (carriage return, vertical tab, form feed: they move the cursor) become spaces.
LINE_SPACE = re.compile(r"[\v\f\r\u2028\u2029]")
# What a file name shows escaped: every control, bidi character, lone
# surrogate (a byte that was not UTF-8) and the backslash itself.
ESCAPED_IN_NAMES = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\\]")
_NAMED_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


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


def clean_lines(text: str) -> str:
    """``text`` without controls and bidi overrides, its line breaks and tabs kept."""
    return DROPPED.sub("", LINE_SPACE.sub(" ", text.replace("\r\n", "\n")))


def shown_name(name: str) -> str:
    """A file name as ``ls -b`` shows it: ``\\033`` for ESC, ``\\n``, ``\\\\``, octal bytes."""
    return ESCAPED_IN_NAMES.sub(_escape_in_name, name)


def _escape_in_name(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    raw = char.encode("utf-8", "surrogateescape")
    return "".join(f"\\{byte:03o}" for byte in raw)


def escape_json(dumped: str) -> str:
    """JSON text with every character :data:`DROPPED` holds written as a ``\\uXXXX`` escape.

    ``json.dumps(..., ensure_ascii=False)`` already escapes U+0000-U+001F but
    leaves DEL, C1 controls and bidi overrides raw; outside strings JSON holds
    none of them, so the escapes are always inside strings.
    """
    return DROPPED.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)
