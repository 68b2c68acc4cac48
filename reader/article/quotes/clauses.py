"""The main clause of a sentence: its subject, a dateline before it, a verb-like word."""

from __future__ import annotations

from reader.article.quotes.names import Mention, analyze_np, join_tokens, role_from_tokens
from reader.article.quotes.phrases import is_full_name, np_end, pronoun_word
from reader.article.quotes.tokens import DASHES, QUOTE_CHARS, Tok, is_name_tok
from reader.lexicon.grammar import (
    ADVERBS,
    CONNECTIVES,
    DETERMINERS,
    INTRO_WORDS,
    NOT_VERBS,
    NP_PREPS,
    is_ly_adverb,
)
from reader.lexicon.roles import NP_WORDS
from reader.lexicon.speech import SOURCE_NOUNS

# Most tokens of a dateline: "NEWPORT NEWS, Va. (AP) -".
MAX_DATELINE_TOKENS = 10


def dateline_end(toks: list[Tok], stop: int) -> int:
    """The index after a dateline opening a sentence (``Washington (CNN) -``,
    ``LONDON —``, ``NEWPORT NEWS, Va. -``), else 0."""
    k = 0
    while k < min(stop, MAX_DATELINE_TOKENS):
        tok = toks[k]
        if tok.text in DASHES:
            return k + 1 if k > 0 else 0
        if not (is_name_tok(tok) or tok.text in (",", "(", ")", ".")):
            return 0
        k += 1
    return 0


def _clause_start(toks: list[Tok], stop: int) -> int | None:
    """Index of the main clause's first word: after ``But``, ``In a speech,`` and the like."""
    i = dateline_end(toks, stop)
    for _ in range(3):
        while i < stop and not toks[i].text[0].isalnum():
            i += 1
        if i >= stop:
            return None
        low = toks[i].text.lower()
        if low in CONNECTIVES:
            i += 1
        elif low in INTRO_WORDS:
            comma = next((k for k in range(i + 1, min(stop, i + 25)) if toks[k].text == ","), None)
            if comma is None:
                return None
            i = comma + 1
        else:
            return i
    return None


def clause_subject(toks: list[Tok], stop: int) -> Mention | None:
    """The subject of the sentence's main clause, when a verb follows it.

    ``In a speech, Trump attacked ...``, ``Dean, a former party chairman,
    poked at ...``, ``A Justice Department report found ...``. Only people,
    groups and documents count: ``The sign read ...`` has no subject here.
    """
    i = _clause_start(toks, stop)
    if i is None:
        return None
    if pronoun_word(toks[i]) in ("he", "she") and i + 1 < stop and looks_like_verb(toks[i + 1]):
        return Mention("pronoun", pronoun_word(toks[i]) or "", toks[i].start)
    named = _named_in_apposition(toks, i, stop)
    if named:
        return named
    end = np_end(toks, i, stop, SOURCE_NOUNS)
    head = end
    while head < stop and toks[head].text.lower() in DETERMINERS:
        head += 1
    if head > end and head + 1 < stop and toks[head].text.isalpha() and toks[head + 1].text == ",":
        end = head + 1  # "Her opponent, Tom Hardy, ..."
    if end <= i:
        return None
    j, role, inner = end, None, []
    if j < stop and toks[j].text == "(":  # Sen. Jane Doe (R-Ohio)
        j = next((k + 1 for k in range(j, min(stop, j + 8)) if toks[k].text == ")"), stop)
    if j < stop and toks[j].text == ",":  # Dean, a former party chairman, ...
        close = next(
            (
                k
                for k in range(j + 1, min(stop, j + 30))
                if toks[k].text in (",", ";", ":") or toks[k].text[0] in QUOTE_CHARS
            ),
            None,
        )
        if close is None or toks[close].text != ",":
            return None
        inner = toks[j + 1 : close]
        role, j = role_from_tokens(inner), close + 1
    k = j  # "Reid has gone after ...", "the party had a message: ..."
    while k < stop and (
        toks[k].text.lower() in ADVERBS or (is_ly_adverb(toks[k].text) and not toks[k].cap)
    ):
        k += 1
    if not any(n < stop and looks_like_verb(toks[n]) for n in (j, k)):
        return None
    if is_full_name(inner):  # His business partner, Lawrence B. Cummings, ...
        return analyze_np(inner, join_tokens(toks[i:end]))
    m = analyze_np(toks[i:end], role)
    head = next((k - 1 for k in range(i + 1, end) if toks[k].text == "of"), end - 1)
    if m is None or (m.kind == "desc" and toks[head].text.lower() not in NP_WORDS | SOURCE_NOUNS):
        return None
    return m


def _named_in_apposition(toks: list[Tok], i: int, stop: int) -> Mention | None:
    """``His former business partner at Lenox, Lawrence B. Cummings, called ...``."""
    if toks[i].text.lower() not in DETERMINERS:
        return None
    comma = next(
        (k for k in range(i + 1, min(stop, i + 10)) if not toks[k].text[0].isalnum()), None
    )
    if comma is None or toks[comma].text != ",":
        return None
    end = comma + 1
    while end < stop and is_name_tok(toks[end]):
        end += 1
    inner = toks[comma + 1 : end]
    if (
        end + 1 >= stop
        or toks[end].text != ","
        or not is_full_name(inner)
        or not looks_like_verb(toks[end + 1])
    ):
        return None
    return analyze_np(inner, role_from_tokens(toks[i:comma]) or join_tokens(toks[i:comma]))


def looks_like_verb(tok: Tok) -> bool:
    """A lower-case word that can follow a subject: ``attacked``, ``is``, ``has``."""
    low = tok.text.lower()
    return (
        tok.text.isalpha()
        and not tok.cap
        and low not in NOT_VERBS
        and low not in NP_PREPS
        and low not in DETERMINERS
        and low not in NP_WORDS
    )
