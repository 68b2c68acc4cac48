"""Quotes grouped by speaker, expert voices first: what a sidebar lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.article.model import Quote
from reader.article.quotes.roles import MAX_SCARE_WORDS


@dataclass(frozen=True)
class Voice:
    """One speaker and the quotes attributed to them, in article order."""

    speaker: str
    role: str | None
    expert: bool
    quotes: tuple[Quote, ...]


def group_by_speaker(quotes: Sequence[Quote]) -> list[Voice]:
    """Speakers with their quotes: experts first, then other voices.

    Each group keeps the order in which its speaker first speaks. Quotes with
    no speaker (scare quotes), short partial phrases ("together", a term in
    quotation marks: MAX_SCARE_WORDS words or fewer) and reported speech are left out.
    """
    groups: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.kind == "partial" and len(quote.text.split()) <= MAX_SCARE_WORDS:
            continue
        if quote.speaker and quote.kind != "indirect":
            groups.setdefault(quote.speaker, []).append(quote)
    voices = []
    for speaker, said in groups.items():
        shown = [q for q in said if q.kind == "direct"] or said
        role = next((q.role for q in said if q.role), None)
        voices.append(Voice(speaker, role, any(q.expert for q in said), tuple(shown)))
    return [v for v in voices if v.expert] + [v for v in voices if not v.expert]


def shown_quote(quote: Quote) -> str:
    """The quote's words as a list shows them: one line, without the comma that led
    back into the reporter's sentence ("We will win," she said -> We will win)."""
    return " ".join(quote.text.split()).rstrip(",;: ")


def voice_groups(quotes: Sequence[Quote]) -> list[tuple[str, list[Voice]]]:
    """``[("Experts", [...]), ("Other voices", [...])]``, leaving out an empty group."""
    voices = group_by_speaker(quotes)
    groups = [
        ("Experts", [v for v in voices if v.expert]),
        ("Other voices", [v for v in voices if not v.expert]),
    ]
    return [(heading, members) for heading, members in groups if members]
