"""Reported speech without quotation marks: "X said (that) ..."."""

from __future__ import annotations

import bisect

from reader.article.model import Paragraph, Quote
from reader.article.quotes.attribution import entity_role
from reader.article.quotes.cues import after_attribution, bare_attribution
from reader.article.quotes.names import Mention
from reader.article.quotes.people import Registry, SpeechEvent
from reader.article.quotes.phrases import subject_before
from reader.article.quotes.resolve import resolve
from reader.article.quotes.tokens import VERB_RE, Span, Tok, is_verb, tokens
from reader.lexicon.grammar import NP_PREPS
from reader.lexicon.speech import CLAUSE_VERBS, INDIRECT_VERBS, SPEECH_VERBS

# ------------------------------------------------------------ indirect speech


def indirect(
    text: str,
    paras: list[Paragraph],
    bounds: list[list[tuple[int, int]]],
    spans: list[Span],
    reg: Registry,
) -> tuple[list[Quote], list[SpeechEvent]]:
    """``X said (that) ...`` sentences without quotation marks, and speech events."""
    quoted = [(s.open, s.close) for s in spans]
    out: list[Quote] = []
    events: list[SpeechEvent] = []
    for pi, _para in enumerate(paras):
        for start, end in bounds[pi]:
            k = bisect.bisect_left(quoted, (end,))
            if k and quoted[k - 1][1] > start:
                continue
            verb = VERB_RE.search(text, start, end)
            if not verb:
                continue
            q = _indirect_sentence(text, start, end, pi, reg, events)
            if q:
                out.append(q)
    return out, events


def _indirect_sentence(
    text: str, start: int, end: int, pi: int, reg: Registry, events: list[SpeechEvent]
) -> Quote | None:
    """An indirect quote: ``Nam said (that) ...`` or ``..., Nam said.``."""
    toks = tokens(text, start, end)
    for v, tok in enumerate(toks[:16]):
        if tok.text not in CLAUSE_VERBS:
            continue
        m = subject_before(toks, v, 0)
        if m is not None and m.kind == "desc" and m.first == toks[0].start:
            _described(m, tok, pi, reg)
        if m is None or m.kind == "desc" or m.first != toks[0].start:
            break
        c = _content_start(toks, v) if tok.text in INDIRECT_VERBS else None
        return _reported(text, toks[c:] if c else [], m, tok, pi, reg, events)
    for k in range(len(toks) - 2, max(0, len(toks) - 16), -1):
        if toks[k].text == ",":
            tail = toks[k + 1 :]
            m = after_attribution(tail) if bare_attribution(tail) else None
            verb = next((t for t in tail if is_verb(t) or t.text == "according"), None)
            if m is not None and m.kind == "desc" and verb is not None:
                _described(m, verb, pi, reg)
            if m is None or m.kind == "desc" or verb is None:
                return None
            return _reported(text, toks[:k], m, verb, pi, reg, events)
    return None


def _described(m: Mention, verb: Tok, pi: int, reg: Registry) -> None:
    """Note an unnamed speaker (``a source close to the talks said``) for "he" and "she"."""
    speaker = resolve(m, pi, reg, [])
    if speaker and speaker[:1].islower():
        bisect.insort(reg.described, SpeechEvent(verb.start, pi, speaker))


def _reported(
    text: str,
    body: list[Tok],
    m: Mention,
    verb: Tok,
    pi: int,
    reg: Registry,
    events: list[SpeechEvent],
) -> Quote | None:
    """Record a speech event; return the reported clause ``body`` as an indirect quote."""
    speaker = resolve(m, pi, reg, events)
    if speaker is None:
        return None
    events.append(SpeechEvent(verb.start, pi, speaker))
    if verb.text not in INDIRECT_VERBS and verb.text != "according":
        return None
    while body and body[-1].text in (".", "!", "?"):
        body = body[:-1]
    body = _trim_trailing_attribution(body)
    if len([t for t in body if t.text[0].isalnum()]) < 4:
        return None
    role = m.role or entity_role(speaker, reg)
    q_start, q_end = body[0].start, body[-1].end
    return Quote(text[q_start:q_end], speaker, role, False, "indirect", pi, q_start, q_end)


def _content_start(toks: list[Tok], v: int) -> int | None:
    """Token index where the reported clause begins after the verb at ``v``."""
    for k in range(v + 1, min(len(toks), v + 9)):
        if toks[k].text == "that":
            return k + 1
        if toks[k].text in (",", ";", ":", ".") or (toks[k].text in SPEECH_VERBS):
            break
    nxt = v + 1
    if nxt >= len(toks) or not toks[nxt].text[0].isalnum():
        return None
    low = toks[nxt].text.lower()
    if (
        toks[v].text not in ("said", "says", "added", "adds")
        or low in NP_PREPS
        or low in ("to", "it", "so", "as", "nothing", "yes", "no")
    ):
        return None
    return nxt


def _trim_trailing_attribution(body: list[Tok]) -> list[Tok]:
    """Drop a closing ``, Sputnik news agency reported`` from a reported clause."""
    for k in range(len(body) - 1, max(0, len(body) - 12), -1):
        if body[k].text == ",":
            tail = body[k + 1 :]
            if tail and any(t.text in SPEECH_VERBS for t in tail[-4:]):
                return body[:k]
            break
    return body
