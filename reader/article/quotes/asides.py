"""Asides inside a name that say nothing about who speaks.

A nickname in quotation marks (``Marcia "Cia" Price``, ``Robert C. "Bobby"
Scott``) quotes no one; a party tag (``Jim Clyburn (D-S.C.)``) or a photo
pointer (``Jo Ames (pictured)``) only splits the name from its verb.
``mask_asides`` drops the nickname spans and blanks these asides (same
length, so every offset stays valid), which leaves the name next to its
apposition and verb for the rules that read attributions.
"""

from __future__ import annotations

import re

from reader.article.first_names import first_name_gender
from reader.article.quotes.tokens import Span

# Most words of a nickname: "Cia", "The Rock".
MAX_NICKNAME_WORDS = 2
# The word before a nickname: a first name or an initial ("Robert C.").
_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Z][a-z'’-]+|[A-Z]\.)[ \t]+\Z")
# The word after it: the surname.
_AFTER = re.compile(r"[ \t]+[A-Z][a-z'’-]+")
# After a capitalised word: "(D-S.C.)", "(R)", "(I-Vt.)", "(pictured)", "(left)".
PARENTHETICAL = re.compile(
    r"(?<=[A-Za-z.])[ \t]+\((?:[DRI](?:-[A-Z][A-Za-z. ]{0,20})?"
    r"|pictured|pictured (?:left|right|above|below|centre|center)"
    r"|left|right|centre|center|above|below|inset)\)"
)


def _nickname(text: str, span: Span) -> bool:
    """Whether ``span`` quotes a nickname between a first name and a surname."""
    words = text[span.start : span.end].split()
    if not span.closed or not 1 <= len(words) <= MAX_NICKNAME_WORDS:
        return False
    if not all(re.fullmatch(r"[A-Z][A-Za-z'’-]*", w) for w in words):
        return False
    before = _BEFORE.search(text, max(0, span.open - 30), span.open)
    if before is None or not _AFTER.match(text, span.close):
        return False
    first = before.group(1)
    return first.endswith(".") or first_name_gender(first) is not None


def _quoted(spans: list[Span], start: int, end: int) -> bool:
    return any(sp.open < end and start < sp.close for sp in spans)


def mask_asides(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """``text`` with nicknames and asides blanked out, and the quote spans that remain."""
    nicknames = [sp for sp in spans if _nickname(text, sp)]
    kept = [sp for sp in spans if sp not in nicknames]
    blanks = [(sp.open, sp.close) for sp in nicknames]
    blanks += [
        (m.start(), m.end())
        for m in PARENTHETICAL.finditer(text)
        if not _quoted(kept, m.start(), m.end())
    ]
    if not blanks:
        return text, spans
    chars = list(text)
    for start, end in blanks:
        chars[start:end] = " " * (end - start)
    return "".join(chars), kept
