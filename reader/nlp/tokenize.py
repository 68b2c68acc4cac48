"""Sentence and word tokenization that needs no downloaded NLTK data.

Sentences come from the Punkt algorithm (the ``punkt`` package: pure Python,
no pickles, no data files, and none of nltk's package import, which pulls in
scipy) run on our own English abbreviations and sentence starters alone. A
span of nothing but punctuation (a stray closing quote, an ellipsis) belongs
to the sentence before it. Nothing is ever downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from punkt import PunktParameters, PunktSentenceTokenizer

# Lower-case, without the final period, as Punkt stores them.
# Titles that stand only before a name: no sentence ends after one, though Punkt
# ends one there when the name opens with a sentence starter ("Dr. A. B. Smith").
NAME_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "supt",
        "insp",
        "amb",
        "hon",
        "messrs",
        "mme",
        "mlle",
        "det",
    ]
)
# The rest of the abbreviations Punkt knows (no sentence ends after them unless a
# sentence starter follows).
ABBREVIATIONS = NAME_TITLES | frozenset(
    [
        "fr",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "pres",
        "sec",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "u.s",
        "u.s.a",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
        "n.y",
        "l.a",
        "s.f",
        "n.j",
        "u.a.e",
        "r.o.k",
        "d.p.r.k",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "etc",
        "cf",
        "vs",
        "v",
        "al",
        "approx",
        "est",
        "dept",
        "univ",
        "assn",
        "assoc",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "bros",
        "no",
        "nos",
        "vol",
        "fig",
        "figs",
        "pp",
        "ph.d",
        "b.a",
        "m.a",
        "m.d",
        "ave",
        "blvd",
        "rd",
        "hwy",
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wyo",
    ]
)

# Words that, capitalised after an ambiguous abbreviation ("the U.S. The..."),
# start a new sentence.
SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "however",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "so",
        "yet",
        "still",
        "also",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "some",
        "many",
        "most",
        "both",
        "all",
        "no",
        "not",
        "one",
        "two",
        "meanwhile",
        "earlier",
        "later",
        "now",
        "then",
        "today",
        "yesterday",
        "last",
        "next",
        "what",
        "why",
        "how",
    ]
)

# Initials that end sentences as abbreviations of places and bodies, not of a name.
PLACE_INITIALS = frozenset(["U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "N.Y.", "L.A."])

_HAS_WORD = re.compile(r"[^\W_]")
# A piece "ending" in a title ("... met Dr.") or in a person's initials ("coordinator S.B."),
# before a capitalised word: the sentence goes on with the name.
_TITLE_END = re.compile(r"(?<![\w.])([A-Z][a-z]{1,5})\.\Z")
_INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}\Z")  # one letter: Punkt decides
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The shared Punkt sentence tokenizer: Punkt's rules with our abbreviations."""
    return PunktSentenceTokenizer(
        PunktParameters(abbrev_types=set(ABBREVIATIONS), sent_starters=set(SENTENCE_STARTERS))
    )


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, stripped of spaces.

    A piece that starts in lower case continues the sentence before it:
    ``"Why?" she asked.`` is one sentence; so does a piece with no letter or
    digit in it (a closing quote typed as an opening one: ``51 percent.“``),
    and a capitalised piece after a title ("Dr." + "A. B. Smith said") or
    after a name's initials when it does not open with a sentence starter
    ("coordinator S.B." + "Supriyadi told", but "in A.I." + "The firm").
    """
    pending: tuple[int, int] | None = None
    for start, end in sentence_tokenizer().span_tokenize(text):
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        span = (start + lead, start + lead + len(stripped))
        if pending is not None and continues_sentence(text[pending[0] : pending[1]], stripped):
            pending = (pending[0], span[1])
            continue
        if pending is not None:
            yield pending
        pending = span
    if pending is not None:
        yield pending


def continues_sentence(before: str, piece: str) -> bool:
    """True when ``piece`` goes on with the sentence ``before`` (Punkt cut where none ends)."""
    if piece[0].islower() or not _HAS_WORD.search(piece):
        return True
    if not piece[0].isupper():
        return False
    title = _TITLE_END.search(before)
    if title is not None and title.group(1).lower() in NAME_TITLES:
        return True
    initials = _INITIALS_END.search(before)
    if initials is None or initials.group() in PLACE_INITIALS:
        return False
    first = _FIRST_WORD.match(piece)  # "A.I. The firm ...": a new sentence
    return first is not None and first.group().lower() not in SENTENCE_STARTERS


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``."""
    return [text[start:end] for start, end in sentence_spans(text)]


def words(text: str) -> list[str]:
    """The words of ``text``: letters with inner apostrophes or hyphens."""
    return _WORD.findall(text)


class EnglishTokenizer:
    """A sumy-compatible tokenizer (``language``, ``to_sentences``, ``to_words``).

    sumy's own ``Tokenizer("english")`` needs nltk's downloaded data; this
    one does not.
    """

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
