"""Sentences that cannot stand alone, kept out of a summary's candidates.

A summary sentence is read without the one before it. Some sentences lean on
it and read wrongly out of context:

* ``connective``: they open with a word that links back ("But ...",
  "However, ...", "Meanwhile ...");
* ``pronoun``: they open with a pronoun or a demonstrative whose referent came
  earlier ("He ...", "Its ...", "These ..."), except a time phrase ("This
  year ...");
* ``quote``: they continue a quotation opened by an earlier sentence, or they
  are a bare quotation with no speaker named in them.

Bylines, datelines and credit lines ("By Jane Doe", "Published: May 1",
"Reporting by ...") are no summary material at all: :func:`is_furniture`
keeps them out of every summary's candidates.

The first sentence of an article leans on nothing. :func:`readable` filters the
candidates a summarizer chooses from; it is a step before the summarizers, so
each summarizer still sees an ordinary (smaller) document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from reader.article.bylines import is_furniture
from reader.article.model import Sentence
from reader.lexicon.openers import CONNECTIVE_OPENERS, PRONOUN_OPENERS

__all__ = ["is_furniture", "leans_on_context", "readable", "reasons", "text_reasons"]

Reason = Literal["connective", "pronoun", "quote"]

_CONNECTIVES = CONNECTIVE_OPENERS
_CONNECTIVE = re.compile(rf"^(?:{_CONNECTIVES})\b", re.I)
_PRONOUN = re.compile(PRONOUN_OPENERS, re.I)
# "This year ...", "That night ...": a time phrase, not a reference back.
_TIME_PHRASE = re.compile(
    r"^(?:this|that|these|those)\s+(?:year|years|week|weeks|month|months|morning|afternoon|"
    r"evening|night|season|summer|winter|spring|autumn|fall|time|weekend|century|decade|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
# Verbs that attribute a quotation to a speaker.
_SPEECH = (
    "said|says|say|told|tells|added|adds|explained|explains|insisted|insists|claimed|"
    "claims|stated|states|wrote|writes|asked|asks|according to|admitted|admits|warned|"
    "warns|argued|argues|continued|continues|declared|declares|revealed|reveals|"
    "recalled|recalls|commented|noted|notes|replied|tweeted|posted"
)
_ATTRIBUTION = re.compile(rf"\b(?:{_SPEECH})\b", re.I)
# ", he said." right after the quotation: the speaker is a pronoun.
_PRONOUN_SPEAKER = re.compile(
    rf"^[\s,.!?;:\u2026\u2013\u2014-]*(?:(?:he|she|they|we)\s+(?:{_SPEECH})|(?:{_SPEECH})\s+(?:he|she|they|we))\b",
    re.I,
)
_QUOTE_OPENERS = "\"'\u2018\u201c"
_LEADING_PUNCTUATION = "([-\u2013\u2014 \t\n"
_OPEN_DOUBLE = "\u201c"
_CLOSE_DOUBLE = "\u201d"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"
_SENTENCE_END = ".,!?;:\u2026"


def leans_on_context(sentence: Sentence, inside_quote: bool = False) -> Reason | None:
    """Why ``sentence`` cannot be read alone, or None when it can.

    ``inside_quote`` says that a quotation opened before the sentence is still
    open at its start (see :func:`open_quotes`).
    """
    return _reason(sentence.text, sentence.index == 0, inside_quote)


def _reason(text: str, first: bool, inside_quote: bool) -> Reason | None:
    if first:
        return None
    text = text.strip()
    if inside_quote:
        return "quote"
    if text[:1] in _QUOTE_OPENERS:
        return _quote_reason(text)
    bare = text.lstrip(_LEADING_PUNCTUATION)
    if _CONNECTIVE.match(bare):
        return "connective"
    if _PRONOUN.match(bare) and not _TIME_PHRASE.match(bare):
        return "pronoun"
    return None


def _quote_reason(text: str) -> Reason | None:
    """A sentence that opens with a quotation: who says it?"""
    outside = _outside_quotes(text)
    attribution = _ATTRIBUTION.search(outside)
    if attribution is None:
        return "quote"  # a bare quotation: the speaker was named earlier
    if _PRONOUN_SPEAKER.search(outside):
        return "pronoun"  # '..., he said.'
    return None


def _outside_quotes(text: str) -> str:
    """``text`` without its quoted parts (rough: uses :func:`_quote_marks`)."""
    kept, depth, last = [], 0, 0
    for position, opening in _quote_marks(text):
        if opening and depth == 0:
            kept.append(text[last:position])
        if opening:
            depth = 1
        elif depth:
            depth = 0
            last = position + 1
    if depth == 0:
        kept.append(text[last:])
    return " ".join(kept)


def _quote_marks(text: str) -> list[tuple[int, bool]]:
    """(offset, opens) of the quotation marks in ``text``, apostrophes skipped.

    Curly double quotes say which way they face. A straight double quote
    opens and closes in turn. A single quote (straight or curly) opens before
    a word and closes after one or after final punctuation; inside a word it
    is an apostrophe and is skipped.
    """
    marks: list[tuple[int, bool]] = []
    straight_double_open = False
    for i, char in enumerate(text):
        if char == _OPEN_DOUBLE:
            marks.append((i, True))
        elif char == _CLOSE_DOUBLE:
            marks.append((i, False))
        elif char == '"':
            straight_double_open = not straight_double_open
            marks.append((i, straight_double_open))
        elif char in (_OPEN_SINGLE, _CLOSE_SINGLE, "'"):
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isalnum() and after.isalnum():
                continue  # don't, Locke's
            if (
                not before.isalnum()
                and before not in _SENTENCE_END
                and (after.isalnum() or after in '"\u201c')
            ):
                if char != _CLOSE_SINGLE:
                    marks.append((i, True))
            elif (
                (before.isalnum() or before in _SENTENCE_END)
                and not after.isalnum()
                and char != _OPEN_SINGLE
            ):
                marks.append((i, False))
    return marks


def open_quotes(sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether a quotation is still open at its start.

    Quotation marks are counted through each paragraph. A paragraph that opens
    with a quotation mark while the previous paragraph left one open continues
    that quotation (the newspaper convention for quotes over paragraphs).
    """
    return _open_quotes([(s.text, s.paragraph) for s in sentences])


def _open_quotes(items: Sequence[tuple[str, object]]) -> list[bool]:
    result: list[bool] = []
    depth = 0
    paragraph: object = None
    for number, (text, paragraph_of) in enumerate(items):
        if number == 0 or paragraph_of != paragraph:
            carried = depth > 0
            depth = 0
            paragraph = paragraph_of
            result.append(carried and text.lstrip()[:1] in _QUOTE_OPENERS)
        else:
            result.append(depth > 0)
        for _, opening in _quote_marks(text):
            depth = 1 if opening else 0
    return result


def reasons(sentences: Sequence[Sentence]) -> list[Reason | None]:
    """:func:`leans_on_context` for each of a run of consecutive body sentences."""
    return [leans_on_context(s, inside) for s, inside in zip(sentences, open_quotes(sentences))]


def text_reasons(paragraphs: Sequence[Sequence[str]]) -> list[Reason | None]:
    """The same for plain sentence texts grouped in paragraphs (a sumy document).

    The first sentence is taken to open the text.
    """
    items = [(text, number) for number, paragraph in enumerate(paragraphs) for text in paragraph]
    inside = _open_quotes(items)
    return [_reason(text, i == 0, inside[i]) for i, (text, _) in enumerate(items)]


def readable(
    candidates: Sequence[Sentence], article_sentences: Sequence[Sentence], needed: int
) -> list[Sentence]:
    """The candidates that can be read out of context.

    ``article_sentences`` are all the body sentences (quotation marks are
    followed through them); ``candidates`` is the subset a summarizer would
    choose from. When fewer than ``needed`` candidates can stand alone, all
    candidates are returned unchanged.
    """
    leaning = {s.index for s, why in zip(article_sentences, reasons(article_sentences)) if why}
    kept = [s for s in candidates if s.index not in leaning]
    return kept if len(kept) >= needed else list(candidates)
