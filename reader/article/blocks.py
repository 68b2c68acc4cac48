"""Blocks: the blank-line separated chunks of a text, with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LONGEST_WRAPPED_LINE = 120  # no one hard-wraps text wider than this
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ")")


@dataclass(frozen=True)
class Block:
    """A span ``text[start:end]`` with no blank line inside, stripped of spaces."""

    start: int
    end: int
    text: str


def split_blocks(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """The non-empty blocks of ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    blocks: list[Block] = []
    cursor = start
    for match in _BLANK_LINES.finditer(text, start, end):
        _append(blocks, text, cursor, match.start())
        cursor = match.end()
    _append(blocks, text, cursor, end)
    return blocks


def _append(blocks: list[Block], text: str, start: int, end: int) -> None:
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end)]
    if len(lines) > 1 and _lines_are_paragraphs([text[s:e] for s, e in lines]):
        for line_start, line_end in lines:
            _append_span(blocks, text, line_start, line_end)
        return
    _append_span(blocks, text, start, end)


def _lines_are_paragraphs(lines: list[str]) -> bool:
    """True when a block's lines are paragraphs of their own, not a hard-wrapped paragraph.

    Hard-wrapped text breaks lines mid-sentence; a text with one paragraph a
    line ends most of its lines where a sentence ends.
    """
    if max(len(line) for line in lines) > _LONGEST_WRAPPED_LINE:
        return True
    ended = sum(line.rstrip().endswith(_SENTENCE_END) for line in lines[:-1])
    return ended >= 0.6 * (len(lines) - 1)


def _append_span(blocks: list[Block], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        begin = start + lead
        blocks.append(Block(begin, begin + len(stripped), stripped))


def normalize_space(text: str) -> str:
    """Collapse runs of white space to one space."""
    return " ".join(text.split())
