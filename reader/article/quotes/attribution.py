"""Who said each quotation: the rules that look around a quote for its speaker."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, replace

from reader.article.model import Paragraph, QuoteKind
from reader.article.quotes.people import (
    MAX_ROLE_WORDS,
    Mention,
    Registry,
    SpeechEvent,
    analyze_np,
    clause_subject,
    document_author,
    join_tokens,
    known_name,
    looks_like_verb,
    name_key,
    np_end,
    resolve,
    role_from_tokens,
    skip_back,
    split_name,
    subject_after,
    subject_before,
)
from reader.article.quotes.titles import names_a_work
from reader.article.quotes.tokens import (
    DASHES,
    NAME_RUN,
    QUOTE_CHARS,
    WINDOW,
    Span,
    Tok,
    is_name_tok,
    is_title_case,
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
    CLAUSE_VERBS,
    DOCUMENT_PARTICIPLES,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    research_document,
)

# --------------------------------------------------------------- attribution


@dataclass
class Found:
    """A span's attribution while the article is being processed."""

    span: Span
    kind: QuoteKind
    speaker: str | None = None
    role: str | None = None
    explicit: bool = False
    words: int = 0
    title: bool = False  # Title Case words: a name or title, not speech


def _sentence_at(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, (pos, float("inf"))) - 1
    return bounds[max(i, 0)]


def _words_only(toks: list[Tok]) -> bool:
    return any(t.text[0].isalnum() for t in toks)


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
    for v in range(i, min(n, i + 30)):
        if toks[v].text in (".", "?", "!", ";"):
            return None
        if is_verb(toks[v]):
            if skip_back(toks, v - 1, i) < i or (
                not toks[i].cap and toks[v - 1].text == "," and v + 1 < n and toks[v + 1].cap
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


def _before_attribution(toks: list[Tok]) -> Mention | None:
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


def _gap_attribution(gaps: list[list[Tok]], anchor: int) -> Mention | None:
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


def _kind(text: str, span: Span, before_start: int) -> QuoteKind:
    """``direct`` for a full quoted clause, ``partial`` for an embedded phrase."""
    before = text[before_start : span.open].strip()
    inner = text[span.start : span.end]
    n_words = len(inner.split())
    if not before or before[-1] in QUOTE_CHARS:
        return "direct" if n_words >= 4 or inner[-1] in ",.!?…—-" else "partial"
    if before[-1] == ":":
        return "direct"
    starts_upper = inner[:1].isupper() and n_words >= 3
    if before[-1] == "," and starts_upper:
        return "direct"
    last = before.split()[-1].lower().rstrip(",")
    if last in CLAUSE_VERBS and (starts_upper or _whole_utterance(inner)):
        return "direct"  # 'Lee said "Never again."': a short quote, but no scare quote
    return "partial"


def _whole_utterance(inner: str) -> bool:
    """Quoted words that make a sentence of their own: ``"Never again."``, ``"Why?"``."""
    return inner[:1].isupper() and inner.rstrip()[-1:] in (".", "!", "?", "…")


def attribute(
    text: str,
    paras: list[Paragraph],
    bounds: list[list[tuple[int, int]]],
    spans: list[Span],
    reg: Registry,
    events: list[SpeechEvent],
) -> list[Found]:
    """Explicit attributions, then speakers carried over to unattributed quotes."""
    found: list[Found] = []
    for i, span in enumerate(spans):
        prev = spans[i - 1] if i and spans[i - 1].paragraph == span.paragraph else None
        nxt = (
            spans[i + 1]
            if i + 1 < len(spans) and spans[i + 1].paragraph == span.paragraph
            else None
        )
        found.append(_explicit(text, paras, bounds, spans, i, prev, nxt, reg, events))
    roles: dict[str, str | None] = {}
    for f in found:
        if f.speaker and f.role:
            roles.setdefault(f.speaker, f.role)
    for f in found:
        if f.speaker and not f.role:
            f.role = roles.get(f.speaker)  # the role given at the first mention
    following: list[Found | None] = [None] * len(found)
    chained: list[str | None] = [None] * len(found)
    nxt_found: Found | None = None
    for i in range(len(found) - 1, -1, -1):
        if nxt_found and nxt_found.span.paragraph == found[i].span.paragraph:
            following[i] = nxt_found
        if found[i].explicit:
            nxt_found = found[i]
        if i + 1 < len(found) and _continues(found[i].span, found[i + 1].span, paras):
            chained[i] = found[i + 1].speaker if found[i + 1].explicit else chained[i + 1]
    last: Found | None = None
    for i, f in enumerate(found):
        if f.speaker is None and f.kind == "direct" and not f.title:
            prev_found = last if last and last.span.paragraph == f.span.paragraph else None
            context = _Context(
                continued=found[i - 1].speaker
                if i and _continues(found[i - 1].span, f.span, paras)
                else None,
                chained=chained[i],
                subject=_previous_subject(text, paras, bounds, spans, f.span, reg, events),
            )
            _inherit(paras[f.span.paragraph], f, prev_found, following[i], events, context)
            f.role = f.role or roles.get(f.speaker or "") or entity_role(f.speaker, reg)
            if f.speaker:
                bisect.insort(events, SpeechEvent(f.span.open, f.span.paragraph, f.speaker))
        if f.speaker:
            last = f
    return found


def _continues(span: Span, nxt: Span, paras: list[Paragraph]) -> bool:
    """Whether ``nxt`` continues the quote ``span`` left open at its paragraph's end."""
    return not span.closed and nxt.paragraph == span.paragraph + 1 and _opens_paragraph(nxt, paras)


def _opens_paragraph(span: Span, paras: list[Paragraph]) -> bool:
    return span.open - paras[span.paragraph].start < 8


@dataclass(frozen=True)
class _Context:
    """Speakers an unattributed quote may inherit besides the events around it."""

    continued: str | None = None  # the open quote of the previous paragraph goes on
    chained: str | None = None  # a quote left open here is attributed further on
    subject: tuple[int, str] | None = None  # a person the previous sentence is about


def _previous_subject(
    text: str,
    paras: list[Paragraph],
    bounds: list[list[tuple[int, int]]],
    spans: list[Span],
    span: Span,
    reg: Registry,
    events: list[SpeechEvent],
) -> tuple[int, str] | None:
    """The person the sentence before a quote is about: ``Tom Hardy disagreed. "..."``.

    Only for a quote that opens its sentence and follows a sentence without
    quotation marks (in the same paragraph, or ending the previous one).
    """
    pi = span.paragraph
    sb = bounds[pi]
    k = bisect.bisect_right(sb, (span.open, float("inf"))) - 1
    if k < 0 or any(t.text[0].isalnum() for t in tokens(text, sb[k][0], span.open)):
        return None
    if k > 0:
        start, end = sb[k - 1]
    elif pi > 0 and _opens_paragraph(span, paras):
        pi -= 1
        start, end = bounds[pi][-1]
    else:
        return None
    toks = tokens(text, start, end)
    m = clause_subject(toks, len(toks))
    if m is None or _quoted_at(spans, start) or _quoted_at(spans, m.pos):
        return None  # a sentence inside a quotation, or a subject in quoted words
    if m is not None and m.kind == "pronoun" and m.text in ("he", "she"):
        name = resolve(m, pi, reg, events)  # He bought a truck. "...": whoever "he" is
        return (start, name) if name else None
    if m is None or m.kind != "name" or not known_name(m.text, reg):
        return None
    name = resolve(m, pi, reg, events)
    return (start, name) if name else None


def _referring_role(mention: Mention, speaker: str | None) -> str | None:
    """``the researchers`` that named ``Paul Edelstein and Lutz Kilian``: their role."""
    if mention.kind != "desc" or not speaker or speaker == mention.text or speaker[:1].islower():
        return None  # not "one Western official (same official)"
    words = mention.text.split()
    return " ".join(words[1:]) if words[0].lower() == "the" and len(words) > 1 else None


def _quoted_at(spans: list[Span], pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation-mark span."""
    j = bisect.bisect_right(spans, pos, key=lambda sp: sp.open) - 1
    return j >= 0 and spans[j].close > pos


def _explicit(
    text: str,
    paras: list[Paragraph],
    bounds: list[list[tuple[int, int]]],
    spans: list[Span],
    i: int,
    prev: Span | None,
    nxt: Span | None,
    reg: Registry,
    events: list[SpeechEvent],
) -> Found:
    """The attribution found in the quote's own sentence, if any."""
    span, para = spans[i], paras[spans[i].paragraph]
    sb = bounds[span.paragraph]
    s_open = _sentence_at(sb, span.open)
    s_close = _sentence_at(sb, max(span.end - 1, span.start))
    b_start = max(s_open[0], prev.close if prev else para.start, span.open - WINDOW)
    a_end = min(max(s_close[1], span.close), nxt.open if nxt else para.end, span.close + WINDOW)
    after = tokens(text, span.close, a_end)
    if not _words_only(after):
        after = _next_sentence_attribution(text, sb, span, nxt.open if nxt else para.end)
    before = tokens(text, b_start, span.open)
    inner = text[span.start : span.end]
    sentence = tokens(text, s_open[0], span.open)
    # In a headline-style sentence (Clinton Said "You Are ...") Title Case tells nothing.
    headline = any(t.cap and t.text.lower() in SPEECH_VERBS for t in sentence)
    title = not headline and is_title_case(inner)
    alone = not text[para.start : span.open].strip() and not text[span.close : para.end].strip()
    if names_a_work(before, inner, after, headline, alone):
        return Found(span, "partial", words=len(inner.split()), title=True)  # on "Meet the Press"
    if before[-1:] and before[-1].text == ":" and any(is_verb(t) for t in before[-4:-1]):
        # X added: "..."  /  His wife, Y, told reporters: "..."  (whatever follows)
        mention = _before_attribution(before) or after_attribution(after)
    else:
        mention = after_attribution(after) or _before_attribution(before)
    if mention is None:
        lo, hi = s_open[0], max(s_close[1], span.close)
        lo, hi = max(lo, span.open - WINDOW), min(hi, span.close + WINDOW)
        gaps = [
            tokens(text, max(lo, a.close), min(hi, b.open))
            for a, b in _gap_pairs(spans, i, lo, hi)
        ]
        mention = _gap_attribution([g for g in gaps if g], span.open)
    if mention is None and before and before[-1].text.lower() in ("his", "her"):
        mention = _sentence_person(text, b_start, span.open, reg)  # despite his "tight schedule"
    kind = _kind(text, span, b_start)
    found = Found(span, kind, words=len(inner.split()), title=title)
    if mention is None and (
        (found.words > 3 and kind == "partial" and not found.title)
        or (before and before[-1].text == ":")
    ):
        mention = clause_subject(sentence, len(sentence))  # Trump attacked "the ..."
    elif mention is not None and mention.kind == "pronoun" and mention.text in ("it", "they"):
        mention = (
            clause_subject(sentence, len(sentence)) or mention
        )  # the council ... what it called "..."
    if mention is not None:
        mention = document_author(mention, reg) or mention
        found.speaker = resolve(mention, span.paragraph, reg, events)
        found.role = (
            mention.role
            or entity_role(found.speaker, reg)
            or _referring_role(mention, found.speaker)
        )
        found.explicit = found.speaker is not None or mention.kind == "desc"
        if found.speaker:
            said = SpeechEvent(span.open, span.paragraph, found.speaker)
            bisect.insort(reg.described if mention.kind == "desc" else events, said)
    return found


def _next_sentence_attribution(
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


def _sentence_person(text: str, start: int, end: int, reg: Registry) -> Mention | None:
    """The first known person named (not in the possessive) in ``text[start:end]``."""
    for m in NAME_RUN.finditer(text, start, end):
        if text.startswith(("'s", "’s"), m.end()):
            continue
        _, name = split_name(m.group().split())
        if not name:
            continue
        key = name_key(" ".join(name))
        if key in reg.entities or (len(name) == 1 and name[0].lower() in reg.by_part):
            return Mention("name", " ".join(name), m.start())
    return None


def _gap_pairs(spans: list[Span], i: int, lo: int, hi: int) -> Iterator[tuple[Span, Span]]:
    """Consecutive (left, right) boundaries of the non-quoted stretches of a sentence."""
    first, last = i, i
    while (
        first > 0
        and spans[first - 1].close > lo
        and spans[first - 1].paragraph == spans[i].paragraph
    ):
        first -= 1
    while (
        last + 1 < len(spans)
        and spans[last + 1].open < hi
        and spans[last + 1].paragraph == spans[i].paragraph
    ):
        last += 1
    edges = [
        Span(lo, lo, lo, lo, True, -1),
        *spans[first : last + 1],
        Span(hi, hi, hi, hi, True, -1),
    ]
    yield from zip(edges, edges[1:])


def entity_role(name: str | None, reg: Registry) -> str | None:
    if not name:
        return None
    entity = reg.entities.get(name_key(name))
    return entity.role if entity else None


def _inherit(
    para: Paragraph,
    f: Found,
    prev: Found | None,
    following: Found | None,
    events: list[SpeechEvent],
    context: _Context,
) -> None:
    """Carry a speaker over to an unattributed direct quote.

    The speaker of the quote it continues from the previous paragraph; else
    the latest speaker of its paragraph (a quote, reported speech, or the
    person the previous sentence is about); for a quote that opens its
    paragraph, the speaker who closes a quote it starts, else the last
    speaker of the previous paragraph; else the next attributed quote of the
    paragraph; else the person the previous paragraph ended on.
    """
    if context.continued:
        f.speaker = context.continued
        return
    pi = f.span.paragraph
    j = bisect.bisect_left(events, (f.span.open,))
    event = events[j - 1] if j and events[j - 1].paragraph == pi else None
    candidates = [(event.pos, event.speaker)] if event else []
    if prev is not None:
        candidates.append((prev.span.open, prev.speaker or ""))
    subject = context.subject
    if subject and subject[0] >= para.start:
        candidates.append(subject)
    if candidates:
        f.speaker = max(candidates)[1]
        if prev is not None and f.speaker == prev.speaker:
            f.role = prev.role
        return
    if f.span.open - para.start < 8 and pi > 0:
        if context.chained:
            f.speaker = context.chained
            return
        j = bisect.bisect_left(events, (para.start,))
        if j and events[j - 1].paragraph == pi - 1:
            f.speaker = events[j - 1].speaker
    if f.speaker is None and following is not None:
        f.speaker, f.role = following.speaker, following.role
    if f.speaker is None and subject:
        f.speaker = subject[1]
