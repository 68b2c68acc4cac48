"""Quotation-mark spans and word tokens: the raw material of every rule."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.article.model import Paragraph
from reader.lexicon.speech import CLAUSE_VERBS, SPEECH_VERBS

# ------------------------------------------------------------ regular expressions

WINDOW = 400  # characters of context searched on each side of a quote
DASHES = frozenset(["―", "—", "–", "-"])
_UPPER = "A-ZÀ-ÖØ-Þ"
_ABBR = r"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Cmdr|Sgt|Adm|Rev|Jr|Sr|St|Del|Amb|Supt|Insp|Pres|Sec|Atty|Hon)\."
_WORD = r"[^\W_](?:[\w'’\-]*[^\W_])?"
_TOKEN = re.compile(rf"(?:[A-Za-z]\.){{2,}}|[{_UPPER}]\.(?=\s)|{_ABBR}|{_WORD}|[^\w\s]")
_NAME_TOKEN = rf"(?:{_ABBR}|(?:[{_UPPER}]\.){{2,}}|[{_UPPER}]\.|[{_UPPER}](?:[\w'’\-]*[^\W_])?)"
NAME_RUN = re.compile(
    rf"(?<![\w'’\-]){_NAME_TOKEN}(?:[ \t]+(?:(?:de|da|van|von|der|del|la|le|bin|al|ibn|di)[ \t]+)?{_NAME_TOKEN})*"
)
MARK = re.compile(r"[“”\"‘’]|''")
VERB_RE = re.compile(r"\b(?:" + "|".join(sorted(CLAUSE_VERBS, key=len, reverse=True)) + r")\b")
# ", a professor at Korea University," after a name.
APPOS = re.compile(
    r",[ \t]+(?P<det>(?:a|an|the)[ \t]+)?(?P<role>[^,;:()\"“”‘’.]{2,160}?)"
    r"(?=,|;|\.(?:\s|$)|$|[ \t]+(?:who|which|whose|that|said|says|told)\b)"
)
# A name followed (after an optional apposition) by a speech verb.
SUBJECT_VERB = re.compile(
    r"(?:,[^,;\"“”]{1,160},)?[ \t]+(?:(?:also|later|then|has|had)[ \t]+)?(?:"
    + "|".join(sorted(CLAUSE_VERBS, key=len, reverse=True))
    + r")\b"
)
POSSESSIVE = re.compile(r"['’]s?$")
_APOSTROPHE_S = re.compile(r"['’]s$", re.IGNORECASE)
# "Secretary of " right before a capitalised run: "Secretary of State Mike Pompeo".
TITLE_OF = re.compile(rf"([{_UPPER}][\w.\-]*)[ \t]+of[ \t]+$")
# Lower-case words of a Title Case name: "Tale of the Two Cities".
TITLE_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "vs",
        "de",
        "la",
    ]
)
QUOTE_CHARS = "“”\"‘’'"


# ------------------------------------------------------------------ data types


@dataclass(frozen=True)
class Span:
    """One quotation-mark span; offsets are absolute."""

    open: int  # the opening mark
    start: int  # first character of the quoted words
    end: int  # just after the quoted words
    close: int  # just after the closing mark (or the paragraph end)
    closed: bool
    paragraph: int


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


# --------------------------------------------------------------- quote spans


def sentence_bounds(text: str, para: Paragraph) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets of a paragraph; the paragraph if none."""
    bounds = [(s.start, s.end) for s in para.sentences if s.end > s.start]
    return bounds or [(para.start, para.end)]


def _opens(s: str, i: int, length: int) -> bool:
    """Whether a non-directional mark at ``s[i]`` looks like an opening mark."""
    after = s[i + length : i + length + 1]
    if not after or after.isspace():
        return False
    before = s[i - 1 : i]
    return not before or before.isspace() or before in "([{—–-/:;“‘"


def _closes_single(s: str, i: int) -> bool:
    """Whether ``’`` at ``s[i]`` ends a single-quoted span (not an apostrophe)."""
    after = s[i + 1 : i + 2]
    return not after or not after.isalnum()


def mark_spans(text: str, para: Paragraph, index: int) -> Iterator[Span]:
    """Quotation-mark spans of one paragraph; an unclosed one runs to its end.

    Curly marks inside a straight-quoted span nest; a second ``“`` inside a
    curly span means the first was never closed.
    """
    base, s = para.start, text[para.start : para.end]
    opened: tuple[str, int, int] | None = None  # (mark, mark start, inner start)
    depth = 0  # curly marks nested in a straight-quoted span
    for m in MARK.finditer(s):
        mark, i = m.group(), m.start()
        if opened is None:
            if mark == "“" or (mark in ('"', "''") and _opens(s, i, len(mark))):
                opened, depth = (mark, i, m.end()), 0
            elif mark == "‘" and _opens(s, i, 1):
                opened = ("‘", i, m.end())
            continue
        kind, open_at, inner = opened
        if kind == "‘":
            if mark == "’" and _closes_single(s, i):
                yield from _make_span(s, base, open_at, inner, i, m.end(), True, index)
                opened = None
            elif mark == "“" or (mark == '"' and _opens(s, i, 1)):
                opened, depth = (mark, i, m.end()), 0
            continue
        if kind != "“" and mark == "“":
            depth += 1
        elif kind != "“" and mark == "”" and depth:
            depth -= 1
        elif mark in ("”", '"', "''"):
            yield from _make_span(s, base, open_at, inner, i, m.end(), True, index)
            opened = None
        elif mark == "“":
            opened = (mark, i, m.end())  # the previous one was never closed
    if opened is not None and opened[0] != "‘":
        yield from _make_span(s, base, opened[1], opened[2], len(s), len(s), False, index)


def _make_span(
    s: str, base: int, open_at: int, inner: int, end: int, close: int, closed: bool, index: int
) -> Iterator[Span]:
    """A span with the quoted words stripped of surrounding spaces."""
    words = s[inner:end]
    stripped = words.strip()
    if not any(c.isalnum() for c in stripped):
        return
    start = inner + len(words) - len(words.lstrip())
    yield Span(
        base + open_at, base + start, base + start + len(stripped), base + close, closed, index
    )


# ------------------------------------------------------------------ tokens


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Word and punctuation tokens of ``text[start:end]`` with absolute offsets."""
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def is_name_tok(tok: Tok) -> bool:
    return tok.cap and tok.text not in ("I",) and tok.text[0] not in QUOTE_CHARS


def is_verb(tok: Tok) -> bool:
    return tok.text in SPEECH_VERBS  # lower-case only: "Said" opening a sentence is rare


def clean_name(name: str) -> str:
    return POSSESSIVE.sub("", name) if name.endswith(("'s", "’s")) else name


def bare(word: str) -> str:
    """A word lower-cased without a final period or ’s: "It’s" -> "it", "Sen." -> "sen"."""
    return _APOSTROPHE_S.sub("", word.lower().rstrip("."))


def is_title_case(words: str, period: bool = False) -> bool:
    """Whether quoted words are a Title Case name: ``2018 Welcome Street Festival``.

    Every content word starts with a capital or a digit, at least two with a
    capital, there is no sentence punctuation (a final comma, or with
    ``period`` a final period, aside) and no "I".
    """
    if words[-1:] == "," or (period and words[-1:] == "."):
        words = words[:-1]
    if re.search(r"[.!?;:,]", words):
        return False
    content = [w for w in words.split() if w.lower() not in TITLE_SMALL]
    if any(w.replace("’", "'").split("'")[0] == "I" for w in content):
        return False  # "Did All I Could": someone speaking
    capitals = sum(w[:1].isupper() for w in content)
    return capitals >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in content)
