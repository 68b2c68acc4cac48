"""Who said each quotation: the rules that look around a quote for its speaker."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.article.model import Paragraph, QuoteKind
from reader.article.quotes.clauses import clause_subject
from reader.article.quotes.cues import (
    after_attribution,
    before_attribution,
    gap_attribution,
    next_sentence_attribution,
)
from reader.article.quotes.names import Mention, split_name
from reader.article.quotes.people import (
    Registry,
    SpeechEvent,
    document_author,
    known_name,
    name_key,
)
from reader.article.quotes.resolve import resolve
from reader.article.quotes.titles import names_a_work
from reader.article.quotes.tokens import (
    DASHES,
    NAME_RUN,
    QUOTE_CHARS,
    WINDOW,
    Span,
    Tok,
    is_title_case,
    is_verb,
    tokens,
)
from reader.lexicon.speech import (
    CLAUSE_VERBS,
    NOT_SPEAKER_TAGS,
    SPEECH_VERBS,
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
            next_attributed = following[i]
            context = _Context(
                continued=found[i - 1].speaker
                if i and _continues(found[i - 1].span, f.span, paras)
                else None,
                chained=chained[i],
                signed=next_attributed.speaker
                if next_attributed and _signs_paragraph(text, paras, next_attributed.span)
                else None,
                subject=_previous_subject(text, paras, bounds, spans, f.span, reg, events),
            )
            _inherit(paras[f.span.paragraph], f, prev_found, next_attributed, events, context)
            f.role = f.role or roles.get(f.speaker or "") or entity_role(f.speaker, reg)
            if f.speaker:
                bisect.insort(events, SpeechEvent(f.span.open, f.span.paragraph, f.speaker))
        if f.speaker:
            last = f
    return found


def _continues(span: Span, nxt: Span, paras: list[Paragraph]) -> bool:
    """Whether ``nxt`` continues the quote ``span`` left open at its paragraph's end."""
    return not span.closed and nxt.paragraph == span.paragraph + 1 and _opens_paragraph(nxt, paras)


# Most characters of a signature that ends a paragraph: ``― Christina Lastra, a nurse.``
MAX_SIGNATURE_CHARS = 80


def _signs_paragraph(text: str, paras: list[Paragraph], span: Span) -> bool:
    """Whether the quote ``span`` is followed by a dash signature that ends its paragraph
    (a signed paragraph: the signature names the speaker of all its quotes)."""
    rest = text[span.close : paras[span.paragraph].end].lstrip(" .," + QUOTE_CHARS)
    return rest[:1] in DASHES and len(rest) <= MAX_SIGNATURE_CHARS


def _opens_paragraph(span: Span, paras: list[Paragraph]) -> bool:
    return span.open - paras[span.paragraph].start < 8


@dataclass(frozen=True)
class _Context:
    """Speakers an unattributed quote may inherit besides the events around it."""

    continued: str | None = None  # the open quote of the previous paragraph goes on
    chained: str | None = None  # a quote left open here is attributed further on
    signed: str | None = None  # the paragraph ends with a signature: ``"..." ― Jo Ames``
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
    if words[-1][:1].isdigit():
        return None  # "the 34-year-old" says how old, not what they do
    return " ".join(words[1:]) if words[0].lower() == "the" and len(words) > 1 else None


def _quoted_at(spans: list[Span], pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation-mark span."""
    j = bisect.bisect_right(spans, pos, key=lambda sp: sp.open) - 1
    return j >= 0 and spans[j].close > pos


# The speaker's name in capitals opening a quoted transcript: "PENCE: Well, ...".
TRANSCRIPT_TAG = re.compile(r"([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?):\s")


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
        after = next_sentence_attribution(text, sb, span, nxt.open if nxt else para.end)
    before = tokens(text, b_start, span.open)
    inner = text[span.start : span.end]
    sentence = tokens(text, s_open[0], span.open)
    # In a headline-style sentence (Clinton Said "You Are ...") Title Case tells nothing.
    headline = any(t.cap and t.text.lower() in SPEECH_VERBS for t in sentence)
    title = not headline and is_title_case(inner)
    alone = not text[para.start : span.open].strip() and not text[span.close : para.end].strip()
    if names_a_work(before, inner, after, headline, alone):
        return Found(span, "partial", words=len(inner.split()), title=True)  # on "Meet the Press"
    tag = TRANSCRIPT_TAG.match(inner)
    if tag and tag.group(1).lower() not in NOT_SPEAKER_TAGS:  # "PENCE: Well, ...": a transcript
        mention: Mention | None = Mention("name", tag.group(1).title(), span.start)
    elif before[-1:] and before[-1].text == ":" and any(is_verb(t) for t in before[-4:-1]):
        # X added: "..."  /  His wife, Y, told reporters: "..."  (whatever follows)
        mention = before_attribution(before) or after_attribution(after)
    else:
        mention = after_attribution(after) or before_attribution(before)
    if mention is None:
        lo, hi = s_open[0], max(s_close[1], span.close)
        lo, hi = max(lo, span.open - WINDOW), min(hi, span.close + WINDOW)
        gaps = [
            tokens(text, max(lo, a.close), min(hi, b.open))
            for a, b in _gap_pairs(spans, i, lo, hi)
        ]
        mention = gap_attribution([g for g in gaps if g], span.open)
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
    person the previous sentence is about); else the signer of a paragraph
    that ends ``― Jo Ames``; for a quote that opens its paragraph, the
    speaker who closes a quote it starts, else the last speaker of the
    previous paragraph; else the next attributed quote of the
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
    if context.signed:
        f.speaker = context.signed
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
