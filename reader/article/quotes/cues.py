"""The cues around a quotation that name its speaker: ``"...," Nam said``,
``According to X, "..."``, ``X said: "..."``, ``"...?" X asks``."""

from __future__ import annotations

import bisect
from dataclasses import replace

from reader.article.quotes.clauses import clause_subject, dateline_end, looks_like_verb
from reader.article.quotes.names import Mention, analyze_np, join_tokens, role_from_tokens
from reader.article.quotes.phrases import (
    MAX_ROLE_WORDS,
    np_end,
    skip_back,
    subject_after,
    subject_before,
)
from reader.article.quotes.tokens import (
    DASHES,
    QUOTE_CHARS,
    WINDOW,
    Span,
    Tok,
    is_name_tok,
    is_verb,
    tokens,
)
from reader.lexicon.grammar import (
    ADVERBS,
    AUXILIARIES,
    CONNECTIVES,
    DETERMINERS,
    INTRO_WORDS,
    NOT_VERBS,
    PRONOUNS,
)
from reader.lexicon.roles import NP_WORDS, is_role_head
from reader.lexicon.speech import (
    AFTER_VERB,
    DOCUMENT_PARTICIPLES,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    TOLD_VERBS,
    research_document,
)


def after_attribution(toks: list[Tok]) -> Mention | None:
    """``"...," Nam said`` / ``"...," said X`` / ``"...," according to X``."""
    i, n = 0, len(toks)
    while i < n and not toks[i].text[0].isalnum():
        if toks[i].text in (".", "?", "!") and i > 0:
            return None
        i += 1
    if i >= n:
        return None
    if i and toks[i - 1].text in DASHES:
        return _dash_signature(toks, i)
    if _inverted_verb(toks[i]):
        return subject_after(toks, i, n)  # "...." Said Ellis, ...
    if toks[i].text.lower() == "as":
        return _as_put_it(toks, i + 1)
    if toks[i].text.lower() == "according" and i + 1 < n and toks[i + 1].text == "to":
        return according_to(toks, i, n)
    relative = False  # inside "an aide, who asked not to be named, told the Times"
    for v in range(i, min(n, i + 30)):
        if toks[v].text in (".", "?", "!", ";"):
            return None
        if toks[v].low in ("who", "which") and v > i and toks[v - 1].text == ",":
            relative = True
        elif relative and toks[v].text == ",":
            relative = False
        elif is_verb(toks[v]) and not relative:
            inverted = toks[v].low not in TOLD_VERBS  # "..., told CNN": CNN listens
            if inverted and (
                skip_back(toks, v - 1, i) < i
                or (not toks[i].cap and toks[v - 1].text == "," and v + 1 < n and toks[v + 1].cap)
            ):
                return subject_after(toks, v, n)  # "...," the town nearest, said Soelistyo
            m = subject_before(toks, v, i)
            if m and m.first == toks[i].start:
                return m
            return _role_led_name(toks, i, m) or _leading_name(toks, i, v)
    return None


# Function words that never belong to a job title.
_NOT_ROLE_WORDS = (
    INTRO_WORDS | CONNECTIVES | ADVERBS | DETERMINERS | NOT_VERBS | AUXILIARIES | PRONOUNS
)


def _role_led_name(toks: list[Tok], i: int, m: Mention | None) -> Mention | None:
    """``"...," air force rescue coordinator S.B. Supriyadi told AFP``: the name after
    lower-case job words that open the attribution; those words are the role."""
    if m is None or m.kind != "name":
        return None
    lead = [t for t in toks[i:] if t.start < m.first]
    if lead and lead[0].text in ("a", "an", "the"):
        lead = lead[1:]
    if not 0 < len(lead) <= MAX_ROLE_WORDS:
        return None
    if not all(
        t.text.isalpha() and t.text.islower() and not is_verb(t) and t.text not in _NOT_ROLE_WORDS
        for t in lead
    ):
        return None  # "...," when Clinton blasted him
    role = " ".join(t.text for t in lead) + (f" {m.role}" if m.role else "")
    return replace(m, role=role, first=lead[0].start)


def _inverted_verb(tok: Tok) -> bool:
    """``Said``/``Concluded`` opening a sentence, its subject after it; not ``Claiming``."""
    return tok.cap and tok.text.lower() in SPEECH_VERBS and not tok.text.endswith("ing")


def _leading_name(toks: list[Tok], i: int, v: int) -> Mention | None:
    """``"...," Jo Ames of the University of Otago, New Zealand, said``: the full name
    that opens the attribution, whatever place or institution follows it."""
    k = i
    while k < v and toks[k].cap and toks[k].text[0].isalpha():
        k += 1
    if k - i < 2 or toks[k].text not in ("of", ","):
        return None
    tail = [t for t in toks[k:v] if t.text != ","] if toks[k].text == "of" else toks[k + 1 : v]
    return analyze_np(toks[i:k], role_from_tokens(tail) if tail else None)


def _as_put_it(toks: list[Tok], i: int) -> Mention | None:
    """``"...," as one senator put it`` (also ``as X wrote``, ``as X said``)."""
    end = np_end(toks, i, len(toks), SOURCE_NOUNS)
    j = end
    while j < len(toks) and toks[j].text.lower() in ADVERBS:
        j += 1
    if end <= i or j >= len(toks):
        return None
    put_it = toks[j].text == "put" and j + 1 < len(toks) and toks[j + 1].text == "it"
    return analyze_np(toks[i:end], None) if put_it or is_verb(toks[j]) else None


def _dash_signature(toks: list[Tok], i: int) -> Mention | None:
    """``"..." ― Jorge Falcon`` or ``― Jorge Falcon, a nurse from Ohio``."""
    end = i
    while end < len(toks) and (
        is_name_tok(toks[end]) or toks[end].text.lower() in ("de", "van", "von", "bin", "al")
    ):
        end += 1
    if end == i or (end < len(toks) and toks[end].text not in (",", ".", "(")):
        return None
    role = (
        role_from_tokens([t for t in toks[end + 1 :] if t.text != "."])
        if end < len(toks) and toks[end].text == ","
        else None
    )
    return analyze_np(toks[i:end], role)


def bare_attribution(toks: list[Tok]) -> bool:
    """Whether a sentence is only an attribution: ``Nam said.``, ``said X, a Y.``."""
    words = [t for t in toks if t.text[0].isalnum()]
    if not words or len(toks) > 24 or any(t.text == "that" for t in toks):
        return False
    verb = next((i for i, t in enumerate(toks[:10]) if is_verb(t)), None)
    if verb is None:
        return False
    nxt = toks[verb + 1] if verb + 1 < len(toks) else None
    if verb == 0 or nxt is None or not nxt.text[0].isalnum():
        return True
    if any(t.text[0] in QUOTE_CHARS or t.text.lower() in AUXILIARIES for t in toks[verb + 1 :]):
        return False  # "The agency said North Korea had ...": a sentence of its own
    return nxt.cap or nxt.text.lower() in AFTER_VERB


# Most words of the source named after "according to".
MAX_SOURCE_WORDS = 12
# Documents that speak with no author: "according to court documents".
_DOCUMENT_NOUNS = SOURCE_NOUNS | {noun + "s" for noun in SOURCE_NOUNS}


def according_to(toks: list[Tok], k: int, stop: int) -> Mention | None:
    """The source of ``according to X`` at token ``k``: ``court documents``, ``a 2014
    report from the World Bank``, ``the Washington Post``."""
    i = k + 2
    j = i
    while j < stop and j - i < MAX_SOURCE_WORDS and toks[j].text[0].isalnum():
        j += 1
    if j > i and any(research_document(t.text) for t in toks[i:j]):
        return Mention("desc", join_tokens(toks[i:j]), toks[i].start)  # a 2014 report from X
    filer = _document_filer(toks, i, stop)
    if filer is not None:
        return filer
    end = np_end(toks, i, stop, _DOCUMENT_NOUNS)
    if end <= i:
        return None
    m = subject_after(toks, k + 1, stop)
    if m is not None and m.kind == "name":
        return m
    return analyze_np(toks[i:end], None)


def _document_filer(toks: list[Tok], i: int, stop: int) -> Mention | None:
    """``a civil complaint filed by the Securities and Exchange Commission``: the
    body or person named as the document's author (``the Clinton campaign`` of
    ``a statement from the Clinton campaign``)."""
    for k in range(i, min(stop, i + MAX_SOURCE_WORDS)):
        if not toks[k].text[0].isalnum():
            return None
        if toks[k].low.rstrip("s") not in SOURCE_NOUNS:
            continue
        by = k + 1 + (k + 1 < stop and toks[k + 1].low in DOCUMENT_PARTICIPLES)
        if by >= stop or toks[by].low not in ("by", "from"):
            return None
        start = by + 1 + (by + 1 < stop and toks[by + 1].low == "the")
        while (
            start < min(stop, by + 4) and toks[start].text.isalpha() and toks[start].text.islower()
        ):
            start += 1  # "filed by the federal Securities and Exchange Commission"
        end = start
        while end < stop and (is_name_tok(toks[end]) or (end > start and toks[end].low == "and")):
            end += 1
        while end > start and toks[end - 1].low == "and":
            end -= 1
        run = toks[start:end]
        if run and end < stop and toks[end].text.islower() and toks[end].low in NP_WORDS:
            return Mention("desc", join_tokens(toks[by + 1 : end + 1]), toks[by + 1].start)
        if any(t.low == "and" for t in run):  # one body: "Securities and Exchange Commission"
            m: Mention | None = Mention("name", join_tokens(run), run[0].start)
        else:
            m = analyze_np(run, None)
        if m is None or m.kind != "name":
            return None
        return replace(m, first=toks[i].start)
    return None


def before_attribution(toks: list[Tok]) -> Mention | None:
    """``X said: "..."``, ``According to X, "..."``, ``Kim said he will "..."``.

    The cue nearest the quote wins: in ``According to court documents, SIGAR
    alleges that he "..."`` it is SIGAR.
    """
    n = len(toks)
    if n > 1 and _inverted_verb(toks[0]):
        m = subject_after(toks, 0, n)  # Said Ellis: "..."
        if m:
            return m
    cues: list[tuple[int, Mention]] = []
    for k in range(n - 1):
        if toks[k].text.lower() == "according" and toks[k + 1].text == "to":
            m = according_to(toks, k, n)
            if m:
                cues.append((k, m))
    for v in range(n - 1, -1, -1):
        if is_verb(toks[v]):
            m = _verb_subject(toks, v)
            if m:
                cues.append((v, m))
                break
    if cues:
        return max(cues, key=lambda cue: cue[0])[1]
    if n > 2 and toks[-1].text == ":":  # "President Obama has a new message: "..."
        return _participle_subject(toks, n - 1, colon=True)
    return None


def _verb_subject(toks: list[Tok], v: int) -> Mention | None:
    """Who speaks with the verb at ``v``: its subject, or the sentence's for a participle.

    ``The council issued a statement calling ...``: the statement is the
    object of the verb before it, so the council speaks.
    """
    m = subject_before(toks, v, 0)
    if m is not None and m.kind == "desc" and toks[v].text.endswith("ing"):
        k = next((k for k, t in enumerate(toks) if t.start == m.first), 0)
        if k and looks_like_verb(toks[k - 1]) and toks[k - 1].low not in SPEECH_VERBS:
            return subject_before(toks, k - 1, 0) or _participle_subject(toks, v) or m
    return m or _participle_subject(toks, v)


def _participle_subject(toks: list[Tok], v: int, colon: bool = False) -> Mention | None:
    """``Trump tweeted early Friday, saying ...``: the sentence's opening name."""
    coordinated = v > 0 and toks[v - 1].text in ("and", "but")
    if not colon and not coordinated and not toks[v].text.endswith("ing"):
        return None
    d = dateline_end(toks, v)
    if d:
        return _participle_subject(toks[d:], v - d, colon)  # "Washington (CNN) - Biden ..."
    if toks and toks[0].text.lower() in INTRO_WORDS:
        return clause_subject(toks, v)  # "With Democratic leaders worried, Obama has a message:"
    end = 0
    while end < v and (is_name_tok(toks[end]) or toks[end].text in ("’s", "'s")):
        end += 1
    possessive = end and toks[end - 1].text.endswith(("’s", "'s"))  # "Scott's relatives said"
    role_words = end < v and toks[end].text.isalpha() and toks[end].text.islower()
    named = _first_full_name(toks, v) if end == 1 and role_words else None
    if named is not None:  # "Democratic presidential nominee Hillary Clinton chimed in"
        lead = [t for t in toks if t.start < named.first]
        return replace(named, role=named.role or join_tokens(lead), first=toks[0].start)
    described = role_words and is_role_head(toks[end].text)  # "The Republican nominee vowed"
    m = analyze_np(toks[:end], None) if 0 < end < v and not possessive and not described else None
    return m if m and m.kind == "name" else clause_subject(toks, v)


def _first_full_name(toks: list[Tok], v: int) -> Mention | None:
    """The first run of two or more name words before token ``v``, among plain words only."""
    k = 0
    while k < min(v, MAX_ROLE_WORDS + 2):
        if not toks[k].text.isalpha() and not toks[k].text.endswith("."):
            return None
        if toks[k].text in _NOT_ROLE_WORDS or is_verb(toks[k]):
            return None  # "Paltrow also opened up about her friends Jay Z and ..."
        end = k
        while end < v and is_name_tok(toks[end]):
            end += 1
        if end - k >= 2:
            m = analyze_np(toks[k:end], None)
            return replace(m, first=toks[k].start) if m and m.kind == "name" else None
        k = max(end, k + 1)
    return None


def gap_attribution(gaps: list[list[Tok]], anchor: int) -> Mention | None:
    """Any speech verb with a subject in the sentence, nearest to ``anchor``."""
    best: tuple[int, Mention] | None = None
    for toks in gaps:
        for v, tok in enumerate(toks):
            if tok.text.lower() == "according" and v + 1 < len(toks) and toks[v + 1].text == "to":
                m = according_to(toks, v, len(toks))  # "..." warming, according to X.
                if m and (best is None or abs(tok.start - anchor) < best[0]):
                    best = (abs(tok.start - anchor), m)
                continue
            if not is_verb(tok):
                continue
            m = _verb_subject(toks, v)
            if m is None and skip_back(toks, v - 1, 0) < 0:
                m = subject_after(toks, v, len(toks))
            if m and (best is None or abs(tok.start - anchor) < best[0]):
                best = (abs(tok.start - anchor), m)
    return best[1] if best else None


def next_sentence_attribution(
    text: str, sb: list[tuple[int, int]], span: Span, limit: int
) -> list[Tok]:
    """Tokens of the sentence after a quote that ends its own, if only an attribution.

    ``"...." Nam said.`` / ``"...."― Jorge Falcon`` (the splitter may put the
    closing mark in that next sentence).
    """
    k = bisect.bisect_right(sb, span.close, key=lambda bound: bound[1])
    if k >= len(sb):
        return []
    stop = min(sb[k][1], limit, span.close + WINDOW)
    after = tokens(text, span.close, stop)
    lead = next((t for t in after if t.text[0].isalnum() or t.text in DASHES), None)
    if bare_attribution(after) or (lead is not None and lead.text in DASHES):
        return after
    if text[span.start : span.end].rstrip()[-1:] in ("?", "!") and _opens_with_speaker(after):
        return after  # "...?" Jalal Karimi asks as he steers ...
    return []


# Most tokens before the speech verb of a sentence that opens with its speaker.
MAX_SPEAKER_TOKENS = 6


def _opens_with_speaker(toks: list[Tok]) -> bool:
    """Whether a sentence opens with a name or pronoun and its speech verb: ``Jo Ames asks
    as she ...``, ``He said, ...``."""
    words = [t for t in toks if t.text[0].isalnum()]
    if not words or not (words[0].cap or words[0].text.lower() in ("he", "she", "they")):
        return False
    start = toks.index(words[0])
    for v in range(start + 1, min(len(toks), start + MAX_SPEAKER_TOKENS + 1)):
        if is_verb(toks[v]):
            m = subject_before(toks, v, start)
            return m is not None and m.kind in ("name", "pronoun") and m.pos == words[0].start
        if not toks[v].text[0].isalnum() or not (toks[v].cap or toks[v].low in ADVERBS):
            return False
    return False
