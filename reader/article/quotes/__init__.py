"""Quotations in an article and who said them.

``find_quotes(text, paragraphs)`` finds the spans between quotation marks
(``marks``: curly, straight, mixed, nested, stray or missing ones; titles of
works are left out by ``titles``), decides whether each is a full ``direct`` quote or a
``partial`` phrase, and attributes it with a few rules over the surrounding
tokens:

* the attribution right after the quote (``"...," Nam said`` /
  ``"...," said John Smith, an analyst at RAND`` / ``"..." ― Jane Doe`` /
  ``"...," as X put it``), then the one right before it (``X said: "..."``,
  ``According to X, "..."``, ``Said X: "..."``), then any speech verb with a
  subject elsewhere in the same sentence;
* a partial quote of four or more words, a quote after a colon or after
  ``saying,`` goes to the subject of the sentence's main clause
  (``In a speech, Trump attacked "..."``, ``A GAO report found ... "..."``);
* an unattributed quote continues the open quote of the previous paragraph,
  else the latest speaker of its paragraph (or the person the sentence before
  it is about: ``Her rival, Tom Hardy, disagreed. "..."``), or of the previous
  paragraph when it opens its own; a quote left open takes the speaker named
  where it closes;
* surnames ("Nam", "Mr. Obama") and he/she are resolved to a full name
  introduced earlier: a name seen in this or the previous paragraph first
  (the most recent), otherwise the most often mentioned one; "she" prefers a
  person marked as a woman ("Mrs.", "spokeswoman"); ``the senator`` is the
  person last named with that title;
* roles come from apposition (``Nam Sung-wook, a professor at Korea
  University``) or from the words before a name (``Korea University professor
  Nam Sung-wook``, ``Russian President Vladimir Putin``, ``Secretary of State
  Jane Doe``, ``Browns DL Jo Ames``); title words alone are never a name.

Sentences of the form ``X said (that) ...`` or ``..., X said.`` with no
quotation marks become ``indirect`` quotes. Only ``direct`` quotes can be
``expert`` quotes: their speaker has an outside-commentator role (professor,
analyst, ...) and is not named in the first paragraph outside a quotation.
Partial quotes of three words or fewer with no speaker (scare quotes, terms)
are dropped, and so are Title Case names (``the "2018 Street Art Festival"``):
they never take the sentence's subject as speaker, and right after a word
that is not a speech verb (``on "Meet the Press"``) they are never speech.

Pure Python and regular expressions; runs in linear time in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.article.model import Paragraph, Quote
from reader.article.quotes.asides import mask_asides
from reader.article.quotes.attribution import Found, attribute
from reader.article.quotes.indirect import indirect
from reader.article.quotes.marks import quote_spans
from reader.article.quotes.people import build_registry
from reader.article.quotes.roles import is_expert_role, to_quote
from reader.article.quotes.tokens import sentence_bounds
from reader.nlp.tokenize import PLACE_INITIALS

# ------------------------------------------------------------------ public API

__all__ = ["find_quotes", "is_expert_role"]


def find_quotes(text: str, paragraphs: Sequence[Paragraph]) -> tuple[Quote, ...]:
    """Quotes of the body ``paragraphs`` of ``text``, in text order."""
    paras = list(paragraphs)
    if not paras:
        return ()
    bounds = [_join_initials(text, sentence_bounds(text, p)) for p in paras]
    spans = quote_spans(text, paras)
    text, spans = mask_asides(text, spans)  # Marcia "Cia" Price (D-Va.): a name, no quote
    registry = build_registry(text, paras, bounds, spans)
    reported, events = indirect(text, paras, bounds, spans, registry)
    found = attribute(text, paras, bounds, spans, registry, events)
    quotes = [to_quote(text, f, registry) for f in found if _keep(f)] + reported
    quotes.sort(key=lambda q: q.start)
    return tuple(quotes)


# A sentence "ending" in a person's initials ("coordinator S." + "Supriyadi"): split inside a name.
# (reader.nlp.tokenize mends two or three letters; a quote's speaker may have one.)
_INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,3}\Z")


def _join_initials(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Mend sentence breaks made inside a name: ``... coordinator S.B.`` + ``Supriyadi told``."""
    out: list[tuple[int, int]] = []
    for start, end in bounds:
        if out and text[start : start + 1].isupper():
            m = _INITIALS_END.search(text, out[-1][0], out[-1][1])
            if m and m.group() not in PLACE_INITIALS:
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def _keep(f: Found) -> bool:
    """Drop speakerless phrases: scare quotes, titles, terms."""
    if f.speaker is None:
        return not f.title and (f.kind != "partial" or f.words > 3)
    return True
