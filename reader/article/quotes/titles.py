"""Titles of works in quotation marks: a film, book, song, show or report, never a quote.

A quoted span is a title when

* a work noun stands right before it, itself after a determiner, a
  possessive, a number, a capitalised word or a modifier that follows one:
  a creative work whatever the words' case (``her new film "The Long Way
  Home"``, ``the HBO series "..."``), another work (``the videos``, ``a
  report``, ``the show``) only before Title Case words; never a verb
  (``polls show "..."``); also before a comma and Title Case words (``a
  memoir, "How I Learned to Stop Worrying"``);
* the quoted words are a whole paragraph in Title Case: a subhead (``'All Bets Are Off.'``);
* ``titled`` / ``entitled`` stands right before it, whatever its case;
* ``called`` / ``named`` stands right before Title Case words with a work
  noun just before it (``an episode called "The One Where ..."``);
* Title Case words (``:``, ``?``, "I" allowed) follow ``in``, ``on``, ``from``
  or a verb of making a work (``starred in "Star Wars: The Force Awakens"``,
  ``released "Blue River"``), or are followed by a work noun in apposition
  (``"Blue River," her first single, ...``);
* strict Title Case words follow any word that is not a speech verb
  (``on "Meet the Press."``, ``NBC's "Today Show"``).

The Title Case rules are off in a headline-style sentence (``Clinton Said "You Are ..."``).
"""

from __future__ import annotations

import re

from reader.article.quotes.tokens import Tok, is_title_case
from reader.lexicon.speech import SPEECH_VERBS
from reader.lexicon.works import (
    CREATIVE_WORKS,
    NAMING_WORDS,
    TITLE_LEADS,
    TITLE_SMALL_WORDS,
    TITLING_WORDS,
    WORK_DETERMINERS,
    WORK_NOUNS,
)

_EDGE_PUNCT = ",.;:!?…'’\"“”()[]"
_TWO_SENTENCES = re.compile(r"[.!?]\s+\S")
_NAMING_REACH = 4  # tokens before "called" searched for the work noun
_APPOSITION_REACH = 4  # words after a quote searched for "her first single"


def names_a_work(
    before: list[Tok], inner: str, after: list[Tok], headline: bool, alone: bool = False
) -> bool:
    """Whether the quoted words ``inner`` are the title of a work (see the module doc).

    ``before`` and ``after`` are the tokens of the sentence on each side of the
    quote; ``alone``: the quote is all its paragraph holds.
    """
    titled = not headline and title_like(inner)
    if titled and (alone or _apposed_work(after, inner)):
        return True
    if not before:
        return False
    last = before[-1]
    if last.low in TITLING_WORDS or (
        _work_noun_at(before, len(before) - 1) and (titled or last.low in CREATIVE_WORKS)
    ):
        return True
    if last.text == "," and len(before) > 1 and _work_noun_at(before, len(before) - 2):
        return titled
    if last.low in NAMING_WORDS and titled:
        reach = before[max(0, len(before) - 1 - _NAMING_REACH) : -1]
        return any(t.low in WORK_NOUNS for t in reach)
    if titled and last.low in TITLE_LEADS:
        return True
    return (
        not headline
        and last.text[0].isalnum()
        and last.low not in SPEECH_VERBS
        and is_title_case(inner, period=True)
    )


def title_like(words: str) -> bool:
    """Whether quoted words read as a title: every content word capitalised (or a
    number), a colon, a question mark or "I" allowed, one sentence only."""
    core = words.strip().rstrip(_EDGE_PUNCT)
    if not core or _TWO_SENTENCES.search(core):
        return False
    content = [w.strip(_EDGE_PUNCT) for w in core.split()]
    content = [w for w in content if w and w.lower() not in TITLE_SMALL_WORDS]
    if not content or not all(w[0].isupper() or w[0].isdigit() for w in content):
        return False
    return sum(w[0].isupper() for w in content) >= min(2, len(content))


def _work_noun_at(toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]`` is a work noun used as one: ``her new film``, not ``polls show``."""
    if k < 1 or toks[k].low not in WORK_NOUNS:
        return False
    return _modifies(toks, k - 1) or (
        k >= 2
        and toks[k - 1].text.islower()
        and not toks[k - 1].text.endswith("s")
        and _modifies(toks, k - 2)
    )


def _modifies(toks: list[Tok], j: int) -> bool:
    """A determiner, possessive, number or (not sentence-initial) capitalised word."""
    word = toks[j].text
    return (
        word.lower() in WORK_DETERMINERS
        or word.endswith(("'s", "’s"))
        or word.isdigit()
        or (j > 0 and word[:1].isupper())
    )


def _apposed_work(after: list[Tok], inner: str) -> bool:
    """``"...," her first single, ...``: a work noun in apposition right after the quote."""
    words = after[1:] if after and after[0].text == "," else after
    if not words or not (inner.endswith(",") or words is not after):
        return False
    for k in range(min(len(words), _APPOSITION_REACH)):
        if not words[k].text[0].isalnum():
            return False
        if words[k].low in WORK_NOUNS:
            return k > 0 and (_modifies(words, k - 1) or (k > 1 and _modifies(words, k - 2)))
    return False
