"""Quotation-mark spans: which marks open and close a quote, paragraph by paragraph.

Marks are paired within a paragraph, and the pairing survives the marks real
articles carry:

* mixed marks pair (``“...."``, ``"...”``, ``‘...'``, ``”...”``); straight
  single marks quote like curly ones (``'We just play,' she said``);
* apostrophes and primes are no marks: rock ’n’ roll, the ’90s, ’em, 5'11",
  the players’ union;
* single marks inside double ones nest; double ones inside single ones when
  they close before it does (``'He told me "go home", and I did,'``); curly
  double marks inside a straight-quoted span when a ``”`` follows (inside a
  curly one, when two follow), and straight ones inside a straight-quoted
  span when two closing marks follow;
* an opening mark after a finished sentence, while a quote is open, means the
  open quote was never closed: it ends with that sentence
  (``"... maybe two. “Now it’s ...``, ``"... is possible. This world means "...``);
* a closing mark that nothing opened ends a quote that began with its sentence
  (``... disaster. I pray for them,” she said``), or with its paragraph when a
  quote is open there: left open by an earlier paragraph, or introduced by one
  that ends with a colon (``said:``), with only paragraphs without marks between;
* a quote left open at the paragraph's end that holds a bare attribution
  (``, he said,``) ends before it; otherwise it runs to the paragraph's end
  when the next paragraph opens with a mark of its kind (the convention for a
  quote over several paragraphs: an opening mark at each paragraph, a closing
  one only on the last), else before a sentence of the reporter's (``Hardy
  said ...``); a single-quoted one is kept only in that convention (else its
  mark was an apostrophe).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from reader.article.model import Paragraph
from reader.article.quotes.tokens import Span
from reader.lexicon.speech import CLAUSE_VERBS

MARKS = re.compile(r"''|[“”\"‘’']")
DOUBLE_CLOSERS = ("”", '"', "''")
SINGLE_OPENERS = ("‘", "'")
SINGLE_CLOSERS = ("’", "'")
# What may stand right before an opening straight mark: "(", a dash, a colon...
_BEFORE_OPENING = "([{—–-/:;“‘"
# What ends the words of a quote that nothing opened: '... survive,” she said'.
_ENDS_QUOTED_WORDS = ",.!?…—-"
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’']?(?=\s)")
_LETTER = r"[^\W\d_]"
# Apostrophes that stand for left-out letters or digits, and primes (feet and inches).
_NOT_MARKS = re.compile(
    "|".join(
        [
            rf"(?<!\w)(?P<a>['’‘])n(?P<b>['’‘])(?!{_LETTER})",  # rock ’n’ roll
            r"(?<!\w)(?P<c>['’‘])(?:em|til|cause|tis|twas|bout|nother|\d0s|\d\d(?=[^\w\s]|$))\b",
            r"\b(?:of|in|since|from|until|the|by|class|summer|spring|fall|winter)\s+"
            r"(?P<d>['’‘])\d\d\b",  # ’em, ’til, the ’90s, the class of ’85
            r"\d\s?(?P<e>['’′])\s?\d{1,2}(?:\.\d+)?\s?(?P<f>\"|”|″|'')",  # 5'11"
        ]
    ),
    re.I,
)
_APOSTROPHES = "'’‘′"
_SPEAKER = r"(?:he|she|they|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})"
_VERB = "|".join(sorted((v for v in CLAUSE_VERBS if not v.endswith("ing")), key=len, reverse=True))
# ", he said," / ", Hardy said." / ", said Hardy," inside a quote whose closing mark is missing.
_BARE_ATTRIBUTION = re.compile(
    rf",\s+(?:{_SPEAKER}\s+(?:{_VERB})|(?:{_VERB})\s+{_SPEAKER})(?=[,.;:])"
)
# The mark a paragraph opens with: "“It went on,", "‘It went on,".
_OPENING = re.compile(r"\s*(['‘“\"])(?=\w)")
# A sentence of the reporter's after a quote whose closing mark is missing:
# '“We will win. Hardy said the team was ready.'
_REPORTED_SENTENCE = re.compile(
    rf"(?<=[.!?])\s+(?!(?:We|You|It|They|This|That|There|These|Those)\s)(?={_SPEAKER}\s+(?:{_VERB})\b)"
)
# A word right after a mark, perhaps after an ellipsis: '”Fear.', '” … what I learned'.
_WORD_AFTER = re.compile(r"\s?…?\s?\w")
# A plural possessive: "the players’ union", "the Smiths' house".
_POSSESSIVE_AFTER = re.compile(r"\s+[a-z]")

Opened = tuple[str, int, int]  # (the mark, where it stands, where the quoted words start)


def quote_spans(text: str, paragraphs: Sequence[Paragraph]) -> list[Span]:
    """Quotation-mark spans of every paragraph, in text order."""
    spans: list[Span] = []
    quoting = False  # a quote is open: left open, or introduced by a paragraph ending in ":"
    for index, para in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        opening = _OPENING.match(text, following.start) if following is not None else None
        found = list(mark_spans(text, para, index, quoting, opening.group(1) if opening else ""))
        spans.extend(found)
        if found:
            quoting = not found[-1].closed
        quoting = quoting or text[para.start : para.end].rstrip().endswith(":")
    return spans


def mark_spans(
    text: str, para: Paragraph, index: int, continued: bool = False, reopened: str = ""
) -> Iterator[Span]:
    """Quotation-mark spans of one paragraph (offsets absolute).

    ``continued``: the previous paragraph left a quote open, so a closing mark
    that nothing opens here ends a quote that began with this paragraph.
    ``reopened``: the mark the next paragraph opens with, if any: a span of that
    kind left open here goes on there (the convention for quotes over paragraphs).
    """
    base, s = para.start, text[para.start : para.end]
    marks = list(MARKS.finditer(s))
    if not marks:
        return
    masked = _not_marks(s)
    marks = [m for m in marks if m.start() not in masked]
    starts = [sentence.start - base for sentence in para.sentences] or [0]
    opened: Opened | None = None
    depth = 0  # double marks nested inside the open span
    after_last = 0  # where the last span ended
    for k, m in enumerate(marks):
        mark, i = m.group(), m.start()
        later = marks[k + 1 :]
        if opened is None:
            if mark == "“" or (mark in ('"', "''", "'", "‘", "”") and _opens(s, i, len(mark))):
                opened, depth = (mark, i, m.end()), 0
            elif mark in DOUBLE_CLOSERS and _orphan_close(s, i, len(mark)):
                begin = 0 if continued and after_last == 0 else _sentence_start(s, starts, i)
                begin = max(begin, after_last)
                found = list(_make_span(s, base, begin, begin, i, m.end(), True, index))
                yield from found
                after_last = m.end() if found else after_last
            continue
        kind, open_at, inner = opened
        if kind in SINGLE_OPENERS:
            if depth:
                if mark in DOUBLE_CLOSERS and _closes_double(s, i, len(mark)):
                    depth = 0  # the nested double quote closed
            elif mark in SINGLE_CLOSERS and _closes_single(s, i, later):
                yield from _make_span(s, base, open_at, inner, i, m.end(), True, index)
                opened, after_last = None, m.end()
            elif mark == "“" or (mark == '"' and _opens(s, i, 1)):
                if _nested_double(s, later):
                    depth = 1  # 'He told me "go home", and I did,'
                else:
                    opened, depth = (mark, i, m.end()), 0
            continue
        if mark in ("‘", "’", "'"):
            continue  # single marks nest inside double ones
        ended = _never_closed(s, kind, inner, i, mark, later)
        if ended is not None:
            yield from _make_span(s, base, open_at, inner, ended, ended, True, index)
            opened, depth, after_last = (mark, i, m.end()), 0, ended
        elif mark == "“" and (kind != "“" or _nested_curly(later)):
            depth += 1
        elif depth and (mark == "”" or (mark == '"' and _closes_double(s, i, 1))):
            depth -= 1
        elif mark == '"' and kind != "“" and _nested_straight(s, i, later):
            depth += 1  # '"... because you "had stuff to do at home"; you cancel ...," he wrote'
        elif mark in DOUBLE_CLOSERS:
            yield from _make_span(s, base, open_at, inner, i, m.end(), True, index)
            opened, after_last = None, m.end()
        elif mark == "“":
            opened = (mark, i, m.end())  # the previous one was never closed
    if opened is None:
        return
    goes_on = bool(reopened) and (reopened in SINGLE_OPENERS) == (opened[0] in SINGLE_OPENERS)
    if opened[0] in SINGLE_OPENERS and not goes_on:
        return  # an apostrophe, most likely
    cut = _BARE_ATTRIBUTION.search(s, opened[2])
    end = cut.start() + 1 if cut else len(s)
    if not goes_on and cut is None:
        reported = _REPORTED_SENTENCE.search(s, opened[2])
        end = reported.start() if reported else end
    yield from _make_span(s, base, opened[1], opened[2], end, end, end < len(s), index)


def _not_marks(s: str) -> set[int]:
    """Offsets of apostrophes and primes that a mark pattern would take for quotation marks."""
    if not any(c in s for c in _APOSTROPHES):
        return set()
    masked = {m.start(g) for m in _NOT_MARKS.finditer(s) for g in "abcdef"}
    masked.discard(-1)
    return masked


def _opens(s: str, i: int, length: int) -> bool:
    """Whether a non-directional mark at ``s[i]`` looks like an opening mark."""
    after = s[i + length : i + length + 1]
    before = s[i - 1 : i]
    if s[i] == "”":  # '”Fear. I am afraid.”': a closing mark used to open
        return not before.strip() and bool(_WORD_AFTER.match(s, i + 1))
    if not after or after.isspace():
        return False
    if before == "," and after.isupper() and s[i] == '"':
        return True  # 'he said,"We won': the space left out
    return not before or before.isspace() or before in _BEFORE_OPENING


def _orphan_close(s: str, i: int, length: int) -> bool:
    """Whether a closing mark nothing opened ends quoted words: ``survive,” she said``."""
    before, after = s[i - 1 : i], s[i + length : i + length + 1]
    return bool(before) and before in _ENDS_QUOTED_WORDS and not after.isalnum()


def _sentence_start(s: str, starts: list[int], i: int) -> int:
    """Where the words before ``s[i]`` begin: their sentence's start, or after its colon."""
    begin = max((start for start in starts if start <= i), default=0)
    colon = s.rfind(": ", begin, i)
    return colon + 2 if colon >= 0 else begin


def _closes_single(s: str, i: int, later: list[re.Match[str]]) -> bool:
    """Whether ``’`` at ``s[i]`` ends a single-quoted span (not an apostrophe).

    After an ``s`` and before a lower-case word it is a plural possessive
    (``the players’ union``) while a later mark may close the span instead.
    """
    after = s[i + 1 : i + 2]
    if after.isalnum():
        return False
    if s[i - 1 : i] == "s" and _POSSESSIVE_AFTER.match(s, i + 1):
        return not any(
            m.group() in SINGLE_CLOSERS and not s[m.end() : m.end() + 1].isalnum() for m in later
        )
    return not s[i - 1 : i].isspace()


def _never_closed(
    s: str, kind: str, inner: int, i: int, mark: str, later: list[re.Match[str]]
) -> int | None:
    """Where an open double-quoted span ends when ``mark`` opens a new quote after a
    finished sentence (the open one was never closed); None otherwise."""
    if mark == "“":
        if any(m.group() == "”" for m in later) and (kind != "“" or _nested_curly(later)):
            return None  # a curly quote nested in a straight-quoted (or curly) one
    elif not (mark == '"' and s[i - 1 : i].isspace() and _opens(s, i, 1)):
        return None
    ends = list(_SENTENCE_END.finditer(s, inner, i))
    return ends[-1].end() if ends else None


def _closes_double(s: str, i: int, length: int) -> bool:
    """Whether a double mark at ``s[i]`` can close: no word starts right after it."""
    return i > 0 and not s[i - 1].isspace() and not s[i + length : i + length + 1].isalnum()


def _nested_double(s: str, later: list[re.Match[str]]) -> bool:
    """Whether a double mark opened inside a single-quoted span nests in it: a double
    closing mark follows, then a single one that closes."""
    for k, m in enumerate(later):
        if m.group() in DOUBLE_CLOSERS and _closes_double(s, m.start(), len(m.group())):
            rest = later[k + 1 :]
            return any(
                r.group() in SINGLE_CLOSERS and _closes_single(s, r.start(), rest) for r in rest
            )
    return False


def _nested_straight(s: str, i: int, later: list[re.Match[str]]) -> bool:
    """Whether an opening-shaped ``"`` inside a straight-quoted span nests in it: the
    next two straight marks close (its own, then the span's)."""
    if not (s[i - 1 : i].isspace() and _opens(s, i, 1)):
        return False
    straight = [m for m in later if m.group() == '"'][:2]
    return len(straight) == 2 and all(_closes_double(s, m.start(), 1) for m in straight)


def _nested_curly(later: list[re.Match[str]]) -> bool:
    """Whether a ``“`` inside a curly quote nests: two ``”`` follow before any ``“``."""
    closers = 0
    for m in later:
        if m.group() == "“":
            break
        closers += m.group() == "”"
    return closers >= 2


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
