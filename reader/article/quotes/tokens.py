"""Quote spans, sentence bounds and word tokens: the raw material of every rule.

Which marks open and close a quote is decided in ``reader.article.quotes.marks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.article.model import Paragraph
from reader.lexicon.speech import CLAUSE_VERBS, SPEECH_VERBS
from reader.lexicon.works import TITLE_CASE_SMALL

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
    content = [w for w in words.split() if w.lower() not in TITLE_CASE_SMALL]
    if any(w.replace("’", "'").split("'")[0] == "I" for w in content):
        return False  # "Did All I Could": someone speaking
    capitals = sum(w[:1].isupper() for w in content)
    return capitals >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in content)
