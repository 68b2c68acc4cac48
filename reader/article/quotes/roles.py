"""Roles, the expert flag, and the Quote a finding becomes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.article.model import Quote
from reader.article.quotes.people import Registry, name_key
from reader.lexicon.roles import (
    ANONYMOUS_HEADS,
    EXPERT_DOCUMENT,
    EXPERT_FORMER,
    EXPERT_INSTITUTION,
    EXPERT_STRONG,
    EXPERT_WEAK,
    NOT_EXPERT,
    is_expert_head,
)

# A quoted phrase of this many words or fewer with no speech verb is a scare quote or a term.
MAX_SCARE_WORDS = 3

if TYPE_CHECKING:
    from reader.article.quotes.attribution import Found


def is_expert_role(role: str | None) -> bool:
    """True when ``role`` describes an outside commentator (professor, analyst...).

    A role word of the expert lexicon ("economist", "climatologist", "fellow"),
    or a former official; a spokesman, minister or chief executive never is.
    """
    if not role:
        return False
    if NOT_EXPERT.search(role) and not EXPERT_FORMER.search(role):
        return False
    if EXPERT_STRONG.search(role) or EXPERT_FORMER.search(role):
        return True
    if any(is_expert_head(w) for w in re.findall(r"[a-z][a-z-]+", role.lower())):
        return True
    return bool(EXPERT_WEAK.search(role))


def _research_author(speaker: str, role: str | None) -> bool:
    """The author a research document speaks for: the World Bank of ``a 2014 report
    from the World Bank`` (the role the quote's finder gives it)."""
    return bool(role and not _described(speaker) and EXPERT_DOCUMENT.match(role))


def _described(speaker: str) -> bool:
    """A description, not a name: ``a senior official``, ``Cranfield University experts``."""
    return speaker[:1].islower() or speaker.split()[-1].islower()


def is_anonymous_official(speaker: str | None) -> bool:
    """ "a senior Western official", "the same official": an unnamed official giving background."""
    if not speaker or not speaker[:1].islower():
        return False
    words = speaker.lower().split()
    return words[-1] in ANONYMOUS_HEADS and not NOT_EXPERT.search(speaker)


# --------------------------------------------------------------------- output


def to_quote(text: str, f: Found, reg: Registry) -> Quote:
    span = f.span
    speech = f.kind == "direct" or f.words > MAX_SCARE_WORDS
    expert = (
        speech
        and f.speaker is not None
        and name_key(f.speaker) not in reg.lead_keys
        and (
            is_expert_role(f.role or (f.speaker if _described(f.speaker) else None))
            or _research_author(f.speaker, f.role)
            or (f.role is None and bool(EXPERT_INSTITUTION.search(f.speaker)))
            or is_anonymous_official(f.speaker)
        )
    )
    return Quote(
        text[span.start : span.end],
        f.speaker,
        f.role if f.role != f.speaker else None,
        expert,
        f.kind,
        span.paragraph,
        span.start,
        span.end,
    )
