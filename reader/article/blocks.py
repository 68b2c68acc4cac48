"""Blocks: the blank-line separated chunks of a text, with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")


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
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        begin = start + lead
        blocks.append(Block(begin, begin + len(stripped), stripped))


def normalize_space(text: str) -> str:
    """Collapse runs of white space to one space."""
    return " ".join(text.split())
