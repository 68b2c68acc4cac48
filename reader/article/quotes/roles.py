"""Roles, the expert flag, and the Quote a finding becomes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.article.model import Quote
from reader.article.quotes.people import Registry, name_key
from reader.lexicon.roles import EXPERT_FORMER, EXPERT_STRONG, EXPERT_WEAK, NOT_EXPERT

if TYPE_CHECKING:
    from reader.article.quotes.attribution import Found


def is_expert_role(role: str | None) -> bool:
    """True when ``role`` describes an outside commentator (professor, analyst...)."""
    if not role:
        return False
    if EXPERT_STRONG.search(role) or EXPERT_FORMER.search(role):
        return True
    return bool(EXPERT_WEAK.search(role)) and not NOT_EXPERT.search(role)


# --------------------------------------------------------------------- output


def to_quote(text: str, f: Found, reg: Registry) -> Quote:
    span = f.span
    expert = (
        f.kind == "direct"
        and f.speaker is not None
        and name_key(f.speaker) not in reg.lead_keys
        and is_expert_role(f.role or (f.speaker if f.speaker[:1].islower() else None))
    )
    return Quote(
        text[span.start : span.end],
        f.speaker,
        f.role,
        expert,
        f.kind,
        span.paragraph,
        span.start,
        span.end,
    )
