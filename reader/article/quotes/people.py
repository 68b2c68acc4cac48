"""People and organisations of an article: noun phrases, the registry, resolving surnames and pronouns."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from reader.article.first_names import first_name_gender
from reader.article.model import Paragraph
from reader.article.quotes.headline import body_name, is_headline
from reader.article.quotes.tokens import (
    APPOS,
    MARK,
    NAME_RUN,
    POSSESSIVE,
    QUOTE_CHARS,
    SUBJECT_VERB,
    TITLE_OF,
    Span,
    Tok,
    bare,
    clean_name,
    is_name_tok,
    is_verb,
    tokens,
)
from reader.lexicon.credits import AGENCIES
from reader.lexicon.grammar import (
    ADVERBS,
    AUXILIARIES,
    CONNECTIVES,
    DETERMINERS,
    FIRST_PERSON_POSSESSIVES,
    INTRO_WORDS,
    NOT_VERBS,
    NP_PREPS,
    PRONOUNS,
    STOP_CAPS,
    TIME_WORDS,
    is_ly_adverb,
)
from reader.lexicon.organisations import DEPARTMENT_WORDS, ORG_WORDS, PARTY_WORDS
from reader.lexicon.people import FEMALE, GENERIC_PERSONS, MALE
from reader.lexicon.places import LOCATIVES, is_place
from reader.lexicon.roles import (
    ANONYMOUS_HEADS,
    HONORIFICS,
    NP_WORDS,
    ROLE_NOUNS,
    SURNAME_TITLES,
    TITLE_WORDS,
    TITLES,
    is_expert_head,
    is_role_head,
)
from reader.lexicon.speech import (
    DOCUMENT_PLURALS,
    RESEARCH_DOCUMENTS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    research_document,
)


class SpeechEvent(NamedTuple):
    """A person seen speaking (or as a sentence's subject) at ``pos``; sorted by position."""

    pos: int
    paragraph: int
    speaker: str


class PartMention(NamedTuple):
    """Where one part of a full name (a surname, a first name) occurs."""

    pos: int
    paragraph: int
    key: str


# Word sets the token loops test against, built once.
_FUNCTION_WORDS = DETERMINERS | NP_PREPS
_NOT_ROLE_LEAD = DETERMINERS | NP_PREPS | ADVERBS
_NOT_JOB_WORDS = DETERMINERS | NP_PREPS | PRONOUNS | ADVERBS | AUXILIARIES | NOT_VERBS
_DESCRIPTION_STOPS = DETERMINERS | ADVERBS | PRONOUNS | SPEECH_VERBS


@dataclass(frozen=True)
class Mention:
    """A speaker mention found by an attribution rule."""

    kind: str  # "name", "pronoun" or "desc"
    text: str
    pos: int
    role: str | None = None
    first: int = -1  # where the subject's noun phrase begins


@dataclass
class _Entity:
    name: str
    role: str | None = None
    count: int = 0
    positions: list[int] = field(default_factory=list)


@dataclass
class Registry:
    """Full names seen in the article, for resolving surnames and pronouns."""

    entities: dict[str, _Entity] = field(default_factory=dict)
    # surname (first or last token, lower case) -> [(pos, paragraph, key)]
    by_part: dict[str, list[PartMention]] = field(default_factory=dict)
    part_keys: dict[str, set[str]] = field(default_factory=dict)
    # (pos, paragraph, speaker name) of people seen as sentence subjects
    subjects: list[SpeechEvent] = field(default_factory=list)
    lead_keys: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)  # one-word names seen with a title
    # title or role word ("senator", "nominee") -> [(pos, key)] of the people holding it
    by_title: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)  # key -> "f" or "m"
    places: set[str] = field(default_factory=set)  # keys of runs that name places
    introduced: list[tuple[int, str]] = field(default_factory=list)  # "a dispatch operator"
    part_gender: dict[str, str] = field(default_factory=dict)  # "fran" -> "f" ("his wife Fran")
    described: list[SpeechEvent] = field(default_factory=list)  # "one Western official" said
    documents: list[Document] = field(default_factory=list)  # "a report from the World Bank"
    acronyms: dict[str, str] = field(default_factory=dict)  # "SIGAR" -> "Special Inspector ..."
    midcaps: set[str] = field(default_factory=set)  # words capitalised inside a sentence
    groups: list[tuple[int, str]] = field(default_factory=list)  # "Paul Edelstein and Lutz Kilian"


class Document(NamedTuple):
    """A research document the article names with its author: ``a 2014 report from the World Bank``."""

    pos: int
    noun: str  # "report"
    author: str  # "World Bank"
    phrase: str | None  # "a 2014 report from the World Bank"; None for a news story


# ------------------------------------------------------------ noun phrases


def skip_back(toks: list[Tok], j: int, floor: int) -> int:
    """Index of the last token of a subject before position ``j`` (adverbs skipped)."""
    while j >= floor:
        low = toks[j].text.lower()
        if low == ")":
            k = j - 1
            while k >= floor and k > j - 8 and toks[k].text != "(":
                k -= 1
            if k < floor or toks[k].text != "(":
                break
            j = k - 1
        elif low in ADVERBS or (is_ly_adverb(low) and not toks[j].cap):
            j -= 1
        elif (
            low in TIME_WORDS
            and j - 1 >= floor
            and toks[j - 1].text.lower() in ("on", "last", "this", "late", "early")
        ):
            j -= 2
        else:
            break
    return j


def _comma_back(toks: list[Tok], j: int, floor: int) -> int | None:
    """The comma that opens an apposition closed by the comma at token ``j``."""
    for k in range(j - 1, max(floor - 1, j - 32), -1):
        t = toks[k].text
        if t in (";", ":", "(", ")", "“", "”", '"') or is_verb(toks[k]):
            return None
        if t == ",":
            before = _skip_paren(toks, k - 1, floor)
            ok = before >= floor and (
                is_name_tok(toks[before]) or toks[before].text.lower() in NP_WORDS
            )
            return k if ok and k + 1 < j else None
    return None


def _skip_paren(toks: list[Tok], j: int, floor: int) -> int:
    """Step back over a short ``(R-Ohio)`` ending at token ``j``."""
    if j < floor or toks[j].text != ")":
        return j
    for k in range(j - 1, max(floor - 1, j - 10), -1):
        if toks[k].text == "(":
            return k - 1
    return j


def _appos_back(toks: list[Tok], j: int, floor: int) -> tuple[int, str | None, list[Tok]]:
    """Skip one or two ``, a professor at X,`` before the comma at ``j``.

    Returns the index of the last token before the apposition, the role, and
    the apposition's tokens (the one next to the subject).
    """
    role, inner = None, []
    for depth in range(2):
        k = _comma_back(toks, j, floor)
        if k is None:
            break
        seg = toks[k + 1 : j + depth]
        if depth and seg[0].text.lower() not in NP_WORDS | {"a", "an", "the", "of"}:
            break  # "Johnnie Wilson, of Springfield, Va., said"
        role, inner, j = role_from_tokens(seg) or role, seg, _skip_paren(toks, k - 1, floor)
        if depth == 0 and toks[j].text == ",":
            break
    return j, role, inner


def role_from_tokens(toks: list[Tok]) -> str | None:
    """A role from apposition tokens, without the leading article."""
    if not toks:
        return None
    first = toks[0].text.lower()
    if first in ("who", "which", "whose", "where", "when") or toks[0].text.isdigit():
        return None
    if first in ("a", "an", "the"):
        toks = toks[1:]
    elif first not in NP_WORDS and first not in TITLES:
        return None
    cut = next(
        (i for i, t in enumerate(toks) if t.text.lower() in ("who", "which", "whose")), len(toks)
    )
    toks = toks[:cut]
    if not toks or len(toks) > 20:
        return None
    return join_tokens(toks)


def join_tokens(toks: list[Tok]) -> str:
    """The original words of a token run, with their spacing reduced to one space."""
    out = toks[0].text
    for prev, tok in zip(toks, toks[1:]):
        out += (" " if tok.start > prev.end else "") + tok.text
    return out


def _np_before(toks: list[Tok], j: int, floor: int) -> int:
    """Start index of the noun phrase ending at token ``j``."""
    i = j
    while i >= floor and j - i < 10:
        tok = toks[i]
        low = tok.text.lower()
        if (
            tok.text in ("’s", "'s")
            or is_name_tok(tok)
            or low in NP_WORDS
            or POSSESSIVE.sub("", low) in NP_WORDS
        ):
            i -= 1  # "the governor's spokesman"
        elif i == j and i > floor and _is_head_noun(tok, toks[i - 1]):
            i -= 1  # "the announcer said", "The New York businessman says"
        elif low in DETERMINERS:
            i -= 1
            pair = (toks[i - 1].text.lower(), toks[i].text.lower()) if i - 1 >= floor else None
            if pair in _POSTMODIFIERS:
                i -= 2  # "a source close to the investigation"
                if i >= floor and toks[i].text.isalpha() and toks[i].text.islower():
                    i -= 1  # its head noun: "a person familiar with the matter"
                continue
            if (
                i - 2 >= floor
                and toks[i].text.lower() in NP_PREPS
                and toks[i - 2].text.lower() in ("a", "an", "the")
                and _is_head_noun(toks[i - 1], toks[i - 2])
            ):
                i -= 2  # "a narrator in the ad": on to its article
                continue
            if not (
                i - 1 >= floor
                and toks[i].text.lower() in NP_PREPS
                and toks[i - 1].text.lower() in NP_WORDS
            ):
                break
        elif (
            low in NP_PREPS
            and i - 1 >= floor
            and i < j
            and (toks[i - 1].text.lower() in NP_WORDS or is_name_tok(toks[i - 1]))
        ):
            i -= 1
        else:
            break
    start = i + 1
    while start <= j and toks[start].text.lower() in NP_PREPS:
        start += 1
    return start


# Honorifics that also say what a person does: "Prof Alan Jones".
ACADEMIC_TITLES = frozenset(["prof"])
# Words after a source's head noun that say how it knows: "a person familiar with the matter".
_POSTMODIFIERS = frozenset(
    [("close", "to"), ("familiar", "with"), ("knowledge", "of"), ("briefed", "on")]
)


def _is_head_noun(tok: Tok, prev: Tok) -> bool:
    """A common noun right after a determiner (``one questioner``), a possessive
    (``the ad's narrator``), a name or a role word."""
    low, plow = tok.text.lower(), prev.text.lower()
    if not tok.text.isalpha() or tok.cap or low in STOP_CAPS or low in ADVERBS:
        return False
    if low in AUXILIARIES or low in NOT_VERBS:
        return False  # "London Rene is alleging", "a comment that"
    return (
        plow in DETERMINERS
        or is_name_tok(prev)
        or plow in NP_WORDS
        or (prev.text[:1].isalpha() and prev.text.endswith(("'s", "’s")))
    )


def _pronoun(tok: Tok) -> str | None:
    """ "he" for "He", "He’s", "he'd"; None for other words."""
    low = tok.text.lower().replace("’", "'").split("'")[0]
    return (
        low
        if low in PRONOUNS and (low == tok.text.lower() or "'" in tok.text.replace("’", "'"))
        else None
    )


def subject_before(toks: list[Tok], v: int, floor: int) -> Mention | None:
    """The subject of the speech verb at token ``v``: ``Nam said``, ``X, a Y, said``."""
    j = skip_back(toks, v - 1, floor)
    if j < floor:
        return None
    pronoun = _pronoun(toks[j])
    if pronoun:
        return Mention("pronoun", pronoun, toks[j].start, first=toks[j].start)
    role: str | None = None
    inner: list[Tok] = []
    aged = j - 2 > floor and toks[j - 1].text.isdigit() and toks[j - 2].text == ","
    if toks[j].text == "," and aged:  # "Rene, 37, said", "Her husband, Peter Saunders, 64, said"
        named = _name_after_description(toks, j - 2, floor)
        if named:
            return named
        j -= 3
    if toks[j].text == ",":
        named = _name_after_description(toks, j, floor)
        if named:
            return named
        j, role, inner = _appos_back(toks, j, floor)
        if toks[j].text == ",":
            return None
    start = _np_before(toks, j, floor)
    if start > j:
        return None
    if start == j and not toks[j].cap:
        start = _description_start(toks, j, floor)
    if start > floor and toks[start - 1].text.lower() in _OBJECT_PREPS:
        return None  # "Protesters marching through the streets chanted": not the streets
    if start > floor and toks[start - 1].low in NP_PREPS and not toks[start].cap:
        return None  # "at one point even telling the client": not the point
    if _is_full_name(inner):  # "His business partner, Lawrence B. Cummings, said"
        m = analyze_np(inner, join_tokens(toks[start : j + 1]))
    else:
        m = analyze_np(toks[start : j + 1], role)
    return replace(m, first=toks[start].start) if m else None


# Prepositions whose object is never the subject of the verb after it.
_OBJECT_PREPS = frozenset(["through", "into", "across", "around", "along", "past", "toward"])
# Most words of a description searched back for its article: "the former ... nominee".
MAX_DESCRIPTION_WORDS = 10


def _description_start(toks: list[Tok], j: int, floor: int) -> int:
    """Where ``the former secretary of state and current presidential nominee`` begins,
    given its head noun at ``j``: the article before it, over content words only."""
    for k in range(j - 1, max(floor - 1, j - MAX_DESCRIPTION_WORDS), -1):
        low = toks[k].text.lower()
        if low in ("the", "a", "an"):
            return k
        if low[:1].isalpha() and low.endswith(("'s", "’s")) and k == j - 1:
            continue  # "the ad's narrator"
        if not toks[k].text.isalpha() or (low in _DESCRIPTION_STOPS and low not in ("and", "of")):
            break
    return j


def _name_after_description(toks: list[Tok], j: int, floor: int) -> Mention | None:
    """``Trump's running mate, Mike Pence, said``: the full name between two commas
    (the one at ``j``) after a description of its own, which becomes the role."""
    k = j - 1
    while k >= floor and is_name_tok(toks[k]):
        k -= 1
    inner = toks[k + 1 : j]
    if k <= floor or toks[k].text != "," or not _is_full_name(inner):
        return None
    end = k - 1
    if toks[end].text.lower() in DETERMINERS or not toks[end].text.isalpha() or toks[end].cap:
        return None
    start = end
    while start - 1 >= floor and end - start < MAX_DESCRIPTION_WORDS:
        prev = toks[start - 1]
        low = prev.text.lower()
        if low in DETERMINERS or (prev.text.endswith(("'s", "’s")) and is_name_tok(prev)):
            start -= 1  # "the", "his", "Trump's": where the description begins
            break
        if not prev.text.isalpha() or prev.cap or low in SPEECH_VERBS or low in PRONOUNS:
            break
        start -= 1
    m = analyze_np(inner, join_tokens(toks[start : end + 1]))
    return replace(m, first=toks[start].start) if m else None


def _is_full_name(toks: list[Tok]) -> bool:
    return (
        len(toks) >= 2
        and all(is_name_tok(t) for t in toks)
        and bare(toks[0].text) not in STOP_CAPS
    )


def subject_after(toks: list[Tok], v: int, stop: int) -> Mention | None:
    """The subject after an inverted verb: ``said John Smith, an analyst at RAND``."""
    i = v + 1
    if i < stop and toks[i].text.lower() in PRONOUNS:
        return Mention("pronoun", toks[i].text.lower(), toks[i].start)
    if i < stop and toks[i].text.islower() and toks[i].text not in DETERMINERS:
        named = _name_after_role_words(toks, i, stop)  # "said retired astronaut Mark Kelly"
        if named is not None:
            return named
    end = np_end(toks, i, stop)
    if end <= i and i + 1 < stop and _is_head_noun(toks[i + 1], toks[i]):
        end = i + 2  # said the guy, ...
    if end <= i:
        return _name_after_role_words(toks, i, stop)
    named = _name_after_role_words(toks, end, stop) if is_name_tok(toks[end - 1]) else None
    if named is not None:  # "said Goldman Sachs commodities analyst Jeff Currie"
        return replace(named, role=f"{join_tokens(toks[i:end])} {named.role}")
    end = _to_role_head(toks, i, end, stop)  # "said a US-based energy expert who ..."
    role = None
    if end < stop and toks[end].text in ("—", "–", "―"):  # "said Tom Fry — a professor at York —"
        tail = next((k for k in range(end + 1, stop) if toks[k].text in ("—", "–", "―")), stop)
        role = role_from_tokens(toks[end + 1 : tail])
    if end < stop and toks[end].text == ",":
        head = end + 1
        if head + 1 < stop and toks[head].text.isdigit() and toks[head + 1].text == ",":
            head += 2  # "said Mary Smith, 54, a retired teacher"
        tail = head
        while tail < stop and toks[tail].text not in (",", ".", ";", "”", '"', "“"):
            tail += 1
        if not is_name_tok(toks[end - 1]) and _is_full_name(toks[head:tail]):
            lead = i + (toks[i].text.lower() in ("a", "an", "the"))
            return analyze_np(
                toks[head:tail], join_tokens(toks[lead:end])
            )  # "said X's aide, Jo Ames"
        role = role_from_tokens(toks[head:tail])
        if role is None and head < tail and toks[head].text == "who":
            role = join_tokens(toks[head:tail])  # "said Ann Wells, who runs a course at ..."
    return analyze_np(toks[i:end], role)


# Most words of a job title in lower case before a name: "said 9/11 widow Terry Strada".
MAX_ROLE_WORDS = 6


def _to_role_head(toks: list[Tok], i: int, end: int, stop: int) -> int:
    """Extend ``a US-based`` over ``energy expert`` to the role noun that heads it."""
    if toks[i].text.lower() not in ("a", "an", "the", "one"):
        return end
    best = end
    for k in range(end, min(stop, end + 4)):
        t = toks[k]
        if not (t.text.isalpha() and t.text.islower()) or t.text in _FUNCTION_WORDS:
            break
        if t.text in SPEECH_VERBS or t.text in AUXILIARIES or t.text in NOT_VERBS:
            break
        if is_role_head(t.text):
            best = k + 1
    return best


def _name_after_role_words(toks: list[Tok], i: int, stop: int) -> Mention | None:
    """``said 9/11 widow Terry Strada``, ``said former Federal Reserve governor Ruth Kane``:
    a full name after job words (lower case, or a name that more job words follow)."""
    k = i
    while k < stop and k - i < MAX_ROLE_WORDS + 4:
        t = toks[k]
        if is_name_tok(t):
            end = k
            while end < stop and is_name_tok(toks[end]):
                end += 1
            if end < stop and _job_word(toks[end]):
                k = end  # "Federal Reserve" of "Federal Reserve governor Ruth Kane"
                continue
            if k == i or end - k < 2 or not _is_full_name(toks[k:end]):
                return None
            m = analyze_np(toks[k:end], join_tokens(toks[i:k]))
            return m if m and m.kind == "name" else None
        if not (t.text.isdigit() or t.text == "/" or _job_word(t)):
            return None
        k += 1
    return None


def _job_word(t: Tok) -> bool:
    """A lower-case word that can be part of a job title: ``commodities``, ``widow``."""
    low = t.text
    return (
        low.isalpha() and low.islower() and low not in _NOT_JOB_WORDS and low not in SPEECH_VERBS
    )


def np_end(toks: list[Tok], i: int, stop: int, extra: frozenset[str] = frozenset()) -> int:
    """End index of the noun phrase starting at token ``i``: ``the Security Council``."""
    end = i
    while end < stop and end - i < 10:
        tok, low = toks[end], toks[end].text.lower()
        if (
            is_name_tok(tok)
            or low in NP_WORDS
            or low in DETERMINERS
            or low in extra
            or (low.endswith(("'s", "’s")) and POSSESSIVE.sub("", low) in NP_WORDS)
            or tok.text in ("’s", "'s")
            or _possessed(toks, end, i)
        ) or (
            low in NP_PREPS
            and end + 1 < stop
            and (toks[end + 1].text.lower() in DETERMINERS or is_name_tok(toks[end + 1]))
        ):
            end += 1
        elif _group_of(toks, end, stop):
            end += 2  # "Small groups of protesters"
        elif (
            end > i and toks[end - 1].low in DETERMINERS and _modified_head(toks, end, stop, extra)
        ):
            end = _modified_head(toks, end, stop, extra)  # "several environmental groups"
        else:
            break
    while end > i and toks[end - 1].text.lower() in NP_PREPS | DETERMINERS:
        end -= 1
    return end


def _group_of(toks: list[Tok], k: int, stop: int) -> bool:
    """Whether ``of`` at ``k`` joins a group noun to its members: ``groups of protesters``."""
    if k == 0 or k + 1 >= stop or toks[k].text != "of" or toks[k - 1].low not in NP_WORDS:
        return False
    member = toks[k + 1]
    return _job_word(member) and not is_verb(member) and member.low not in NP_PREPS


# Most adjectives between a determiner and a known head noun: "several environmental groups".
MAX_ADJECTIVES = 2


def _modified_head(toks: list[Tok], k: int, stop: int, extra: frozenset[str]) -> int:
    """Where plain lower-case words from token ``k`` lead to a known head noun: the
    index of that head, or 0."""
    for n in range(k, min(stop, k + MAX_ADJECTIVES + 1)):
        low = toks[n].text.lower()
        if n > k and (low in NP_WORDS or low in extra):
            return n
        if not _job_word(toks[n]) or is_verb(toks[n]) or low in ADVERBS:
            return 0
    return 0


def _possessed(toks: list[Tok], k: int, i: int) -> bool:
    """Whether token ``k`` is the thing a name owns: ``Scott's relatives``."""
    owner = toks[k - 1] if k > i else None
    if owner is None or not owner.text.endswith(("’s", "'s")) or not is_name_tok(owner):
        return False
    if bare(owner.text) in STOP_CAPS:
        return False  # "It's clear"
    low = toks[k].text.lower()
    return (
        toks[k].text.isalpha()
        and not toks[k].cap
        and low not in _NOT_ROLE_LEAD
        and low not in SPEECH_VERBS
    )


def _clause_start(toks: list[Tok], stop: int) -> int | None:
    """Index of the main clause's first word: after ``But``, ``In a speech,`` and the like."""
    i = 0
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
    if _pronoun(toks[i]) in ("he", "she") and i + 1 < stop and looks_like_verb(toks[i + 1]):
        return Mention("pronoun", _pronoun(toks[i]) or "", toks[i].start)
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
    if _is_full_name(inner):  # His business partner, Lawrence B. Cummings, ...
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
        or not _is_full_name(inner)
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


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (title words, name words).

    ``Secretary of State Jane Doe`` keeps ``of State`` with its title; a
    team or unit with a position abbreviation goes too (``Browns DL Jo Ames``).
    A run of title words only (``Secretary``) has no name.
    """
    while words and (bare(words[0]) in STOP_CAPS or words[0].lower() in SPEECH_VERBS):
        words = words[1:]  # "Said Gomez: ...", "It’s ..."
    while words and words[-1].lower() in TIME_WORDS:
        words = words[:-1]
    cut = 0
    for i, w in enumerate(words[:-1]):
        low = w.lower().rstrip(".")
        if low in TITLES and not (low in SURNAME_TITLES and i > cut):
            cut = max(cut, i + 1)  # not the surname of "Rep. Steve King of Iowa"
        elif i == cut and low in PARTY_WORDS and first_name_gender(words[i + 1]) is not None:
            cut = i + 1  # "Republican Donald Trump", not "Democratic National Committee"
        elif w == "of" and i == cut and i > 0:
            cut = _title_of_end(words, i + 1)
        elif (
            _is_position_abbr(w)
            and len(words) - i > 2
            and not any(x.isupper() for x in words[i + 1 :])
        ):
            cut = max(cut, i + 1)
    last = bare(words[-1]) if words else ""
    if cut == len(words) - 1 and last in TITLES and last not in SURNAME_TITLES:
        cut = len(words)  # "Secretary", "Vice President"; not "Mr. King"
    return words[:cut], words[cut:]


def _title_of_end(words: list[str], i: int) -> int:
    """Where ``<title> of State`` / ``of Homeland Security`` ends; ``i`` follows "of"."""
    end = i + 1
    while end < len(words) and words[end].lower() in DEPARTMENT_WORDS:
        end += 1
    return end


def _is_position_abbr(word: str) -> bool:
    """A short all-capital abbreviation before a name: ``DL``, ``QB``, ``CFO``."""
    return word.isalpha() and word.isupper() and 2 <= len(word) <= 4


def analyze_np(toks: list[Tok], role: str | None) -> Mention | None:
    """Turn a subject noun phrase into a name, pronoun or description mention."""
    if not toks:
        return None
    prep = next(
        (i for i, t in enumerate(toks) if i and t.text in NP_PREPS and not _title_of(toks, i)),
        None,
    )
    org_of = prep is not None and toks[prep].text == "of" and toks[prep - 1].low in ORG_WORDS
    if prep is not None and is_name_tok(toks[prep - 1]) and not org_of:
        head = analyze_np(toks[:prep], role)  # "Charles B. Rangel of New York"
        if head and head.kind == "name":
            return _with_institution(head, toks[prep:]) if not role else head
    if len(toks) == 1 and toks[0].cap and is_role_head(toks[0].text.lower()):
        return Mention("desc", toks[0].text.lower(), toks[0].start, role)  # "Officials said"
    if not is_name_tok(toks[-1]):
        lead = toks[0].text.lower()
        if len(toks) == 1 and lead in _FUNCTION_WORDS:
            return None
        return Mention("desc", join_tokens(toks), toks[0].start, role)
    run = len(toks)
    while run > 0 and (
        is_name_tok(toks[run - 1])
        or toks[run - 1].text.lower() in ("de", "van", "von", "bin", "al")
        or _title_of(toks, run - 1)
        or (toks[run - 1].text == "of" and run > 1 and toks[run - 2].low in ORG_WORDS)
    ):
        run -= 1
    _titles, name = split_name([t.text for t in toks[run:]])
    if not name:
        return None
    name_start = len(toks) - len(name)
    prefix = [
        t
        for t in toks[:name_start]
        if t.text.lower() not in DETERMINERS and t.low not in HONORIFICS - ACADEMIC_TITLES
    ]
    while prefix and bare(prefix[0].text) in STOP_CAPS:
        prefix = prefix[1:]
    if (
        len(prefix) > 1
        and prefix[-1].text in ("of", "for", "at")
        and is_role_head(prefix[-2].text)
    ):
        return Mention("desc", join_tokens(toks), toks[0].start, role)  # a member of GreatFire
    if not role and prefix:
        role = join_tokens(prefix)
    return Mention("name", clean_name(" ".join(name)), toks[0].start, role)


def _with_institution(head: Mention, tail: list[Tok]) -> Mention:
    """``Prof Alan Jones of the London School of Economics``: the institution joins the role."""
    words = [t for t in tail[1:] if t.text.lower() not in ("the",)]
    if not words or not any(t.low in ORG_WORDS for t in words):
        return head  # "Charles B. Rangel of New York": a place, not a role
    place = join_tokens(words)
    return replace(head, role=f"{head.role}, {place}" if head.role else place)


def _title_of(toks: list[Tok], i: int) -> bool:
    """Whether token ``i`` is the "of" of ``Secretary of State``."""
    if toks[i].text != "of" or i == 0 or not toks[i - 1].cap or toks[i - 1].low not in TITLES:
        return False
    surname = i > 1 and is_name_tok(toks[i - 2]) and toks[i - 2].low not in TITLES | HONORIFICS
    return not (surname and toks[i - 1].low in SURNAME_TITLES)  # "Steve King of Iowa"


# ------------------------------------------------------------------ registry


def name_key(name: str) -> str:
    """Same key for "Kim Jong-un" and "Kim Jong Un"."""
    return " ".join(name.lower().replace("-", " ").replace("’", "'").split())


def build_registry(
    text: str, paras: list[Paragraph], bounds: list[list[tuple[int, int]]], spans: list[Span]
) -> Registry:
    """Scan capitalised runs once: people's full names, roles, sentence subjects."""
    reg = Registry()
    opens = [sp.open for sp in spans]
    headline = is_headline(text, paras[0])
    for pi, para in enumerate(paras):
        ends = [e for _, e in bounds[pi]]
        sentence_seen = -1
        place_end = -1
        for m in NAME_RUN.finditer(text, para.start, para.end):
            words = _title_before(text, m.start(), para.start) + m.group().split()
            titles, name = split_name(words)
            name = [clean_name(w) for w in name]
            if pi == 0 and headline and len(name) > 1:
                name = body_name(name, text[para.end :])  # not "Obama Sees"
            if not name:
                continue
            gendered = text[max(para.start, m.start() - 12) : m.start()].split()[-1:]
            if gendered and gendered[0].lower() in FEMALE | MALE:  # "his wife Fran"
                reg.part_gender.setdefault(
                    name[0].lower(), "f" if gendered[0].lower() in FEMALE else "m"
                )
            personal = bool(titles) or (len(name) > 1 and first_name_gender(name[0]) is not None)
            if name[0].lower() in reg.by_part and len(name) == 1:
                place_end = -1  # "in the United States, Lynch rose": a surname, no place chain
            if not personal and _names_place(text, m.start(), place_end, " ".join(name)):
                reg.places.add(name_key(" ".join(name)))
                place_end = m.end()
                continue
            sentence = bisect.bisect_left(ends, m.start())
            opening = bounds[pi][min(sentence, len(ends) - 1)][0]
            if any(c.isalnum() for c in text[opening : m.start()]):
                reg.midcaps.update(w.lower() for w in m.group().split())
            subject = sentence != sentence_seen or bool(
                SUBJECT_VERB.match(text, m.end(), para.end)
            )
            if not any(w.lower().rstrip(".") in ORG_WORDS for w in name):
                sentence_seen = sentence  # "NASA Institute climatologist Jo Ames said": Ames
            k = bisect.bisect_right(opens, m.start()) - 1
            if k >= 0 and spans[k].close > m.start():
                subject = False  # a name inside a quotation
            if len(name) == 1 and (titles or subject) and name[0].lower() not in ORG_WORDS:
                if subject:  # "Obama said"; not "a Mr. Facebook contest" after the subject
                    reg.subjects.append(SpeechEvent(m.start(), pi, name[0]))
                if titles:
                    reg.titled.add(name[0].lower())
                    person = _resolve_surname(name[0].lower(), m.start(), pi, reg)
                    if person:  # "Mrs. Clinton": a woman
                        _note_titles(reg, name_key(person), titles, m.start())
            if (
                len(name) < 2
                or all(w.isupper() for w in name)
                or any(w.lower().rstrip(".") in ORG_WORDS for w in name)
            ):
                continue
            full = " ".join(name)
            key = name_key(full)
            entity = reg.entities.setdefault(key, _Entity(full))
            entity.count += 1
            if entity.role is None and entity.count <= 3:
                entity.role = _role_near(text, m.start(), m.end(), para, titles)
            pos = m.start()
            entity.positions.append(pos)
            _note_titles(reg, key, titles + (entity.role or "").split(), pos)
            for part in {name[0].lower(), name[-1].lower()}:
                reg.by_part.setdefault(part, []).append(PartMention(pos, pi, key))
                reg.part_keys.setdefault(part, set()).add(key)
            if (
                pi == 0
                and sentence == 0
                and sentence < len(ends)
                and not MARK.search(text, bounds[pi][sentence][0], ends[sentence])
            ):
                reg.lead_keys.add(key)  # named in the lead, outside quotations: a newsmaker
            if subject:
                reg.subjects.append(SpeechEvent(m.start(), pi, full))
    for para in paras:
        for m in INTRODUCED.finditer(text, para.start, para.end):
            reg.introduced.append((m.start(), m.group("who")))
        for m in ACRONYM.finditer(text, para.start, para.end):
            spelled = _spelled_out(m.group("full").split(), m.group("abbr"))
            if spelled:
                reg.acronyms.setdefault(m.group("abbr"), spelled)
        for m in DOCUMENT_BY.finditer(text, para.start, para.end):
            doc = _document(m)
            if doc:
                reg.documents.append(doc)
    for para in paras:
        for m in GROUP.finditer(text, para.start, para.end):
            names = [m.group("a"), m.group("b")]
            if all(name_key(clean_name(n)) in reg.entities for n in names):
                reg.groups.append((m.start(), " and ".join(clean_name(n) for n in names)))
    for key, entity in reg.entities.items():
        if key not in reg.gender:
            first = entity.name.split()[0]
            gender = reg.part_gender.get(first.lower()) or first_name_gender(first)
            if gender:
                reg.gender[key] = gender
    return reg


def _names_place(text: str, start: int, place_end: int, name: str) -> bool:
    """Whether the run at ``start`` is a place: a known one, one after "in"/"at", or
    the next link of a place chain ("in Dunedin, New Zealand")."""
    if is_place(name):
        return True
    before = text[max(0, start - 14) : start]
    if place_end >= 0 and text[place_end:start].strip() == ",":
        return True
    words = before.split()
    return bool(words) and before[-1:].isspace() and words[-1] in LOCATIVES


# "a 911 emergency dispatch operator": a person introduced by what they do.
INTRODUCED = re.compile(
    r"\b(?:a|an)\s+(?P<who>(?:[\w'’-]+\s+){0,4}?(?:" + "|".join(sorted(ROLE_NOUNS)) + r"))\b"
)
_CAP = r"[A-Z][\w.&'’-]*"
# "a 2014 report from the World Bank", "a paper in Nature", "the study by Harvard University".
DOCUMENT_BY = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Ll]ast|[Nn]ew|[Tt]wo|[Tt]hree|[Ss]everal)"
    r"[ \t]+(?:[\w-]+[ \t]+){0,3}?"
    r"(?P<noun>"
    + "|".join(sorted(RESEARCH_DOCUMENTS | DOCUMENT_PLURALS.keys(), key=len, reverse=True))
    + r")[ \t]+"
    r"(?P<prep>from|by|of|in)[ \t]+(?:the[ \t]+)?"
    rf"(?P<author>{_CAP}(?:[ \t]+(?:(?:of|for|on|and)[ \t]+)?{_CAP})*)"
)
# "the Special Inspector General for Afghanistan Reconstruction (SIGAR)"
ACRONYM = re.compile(
    rf"(?P<full>{_CAP}(?:[ \t]+(?:(?:of|for|on|and|the)[ \t]+)*{_CAP})+)[ \t]+\((?P<abbr>[A-Z]{{2,8}})\)"
)
_PERSON_NAME = r"[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,2}"
# Two people named together: "Paul Edelstein and Lutz Kilian".
GROUP = re.compile(rf"(?P<a>{_PERSON_NAME})[ \t]+and[ \t]+(?P<b>{_PERSON_NAME})")
# Research documents published *in* a journal; a "report in the Times" is a news story.
_PUBLISHED_IN = frozenset(["paper", "study", "analysis", "research"])
# Words of a news outlet's name: its stories are the press, not research.
_MEDIA_WORDS = frozenset(
    ["times", "post", "news", "herald", "tribune", "magazine", "television", "radio", "tv"]
)
# How far back (characters) "the report" may refer to a document named with its author.
DOCUMENT_REACH = 3000
# How far back (characters) "she" may go to a woman named but not yet the subject of a sentence.
PRONOUN_REACH = 600
# How far back (characters) "the man" may refer to an unnamed person quoted before.
UNNAMED_REACH = 1200
# How far back (characters) "the voice" may refer to a person so introduced.
INTRODUCED_REACH = 600
# Words before the head of a description that refers back: "the same official".
REFERRING_WORDS = frozenset(["the", "same", "that", "this"])
# Speech events searched back for the person "the actress" refers to.
MAX_LOOKBACK_EVENTS = 50
# A word of a person's name: "Jane", "O'Neill", "McCarthy", "LeBron", "S.B."; not "JPMorgan".
PERSON_WORD = re.compile(
    r"^(?:[A-Z]\.)+$|^(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Za-z]+)*$"
)


def _spelled_out(words: list[str], abbr: str) -> str | None:
    """The end of ``words`` whose capitals spell ``abbr``: ``U.S. Special Inspector
    General for Afghanistan Reconstruction`` + ``SIGAR`` -> from ``Special``."""
    for start in range(len(words)):
        tail = words[start:]
        if tail[0][:1].isupper() and "".join(w[0] for w in tail if w[:1].isupper()) == abbr:
            return " ".join(tail)
    return None


def _group(mention: Mention, reg: Registry) -> str | None:
    """``the researchers``, ``the authors``: the two people last named together."""
    words = mention.text.lower().split()
    if len(words) != 2 or words[0] != "the" or not words[1].endswith("s"):
        return None
    if not (is_expert_head(words[1]) or words[1] in ("authors", "researchers", "scientists")):
        return None
    i = bisect.bisect_left(reg.groups, (mention.pos,))
    if i and mention.pos - reg.groups[i - 1][0] <= DOCUMENT_REACH:
        return reg.groups[i - 1][1]
    return None


def _document(m: re.Match[str]) -> Document | None:
    """The research document of a DOCUMENT_BY match, unless it is a news story."""
    noun, author = research_document(m.group("noun")) or "", m.group("author").rstrip(".")
    words = {w.lower() for w in author.split()}
    research = not (words & _MEDIA_WORDS or author in AGENCIES)
    if m.group("prep") == "in" and noun not in _PUBLISHED_IN:
        research = False  # "a report in the Times" is a news story
    phrase = m.group().strip().rstrip(".")
    return Document(m.start(), noun, author, phrase if research else None)


def document_author(mention: Mention, reg: Registry) -> Mention | None:
    """The author a document mention stands for, with the document as role.

    ``a 2014 report from the World Bank`` is the World Bank; ``the report``
    is the author of the last report named with its author.
    """
    if mention.kind != "desc":
        return None
    m = DOCUMENT_BY.search(mention.text)
    doc = _document(m) if m else None
    if doc is None:
        words = mention.text.lower().split()
        if len(words) > 3 or words[0] not in ("the", "that", "this") or not words[-1]:
            return None
        noun = research_document(words[-1]) or words[-1].rstrip("s")
        i = bisect.bisect_left(reg.documents, (mention.pos,))
        doc = next(
            (
                d
                for d in reversed(reg.documents[:i])
                if d.noun == noun and mention.pos - d.pos <= DOCUMENT_REACH
            ),
            None,
        )
    if doc is None:
        return None
    return Mention("name", doc.author, mention.pos, doc.phrase, mention.first)


def is_person(name: str, reg: Registry) -> bool:
    """Whether a resolved speaker name is a person the article introduced.

    A full name of the registry, or one word that is part of one ("Nam") or
    that the article gives a title ("Mr. Obama"); never a place.
    """
    key = name_key(name)
    if key in reg.places or not all(PERSON_WORD.match(w) for w in name.split()):
        return False
    if key in reg.entities:
        return True
    return " " not in key and (key in reg.by_part or key in reg.titled)


def _title_before(text: str, start: int, floor: int) -> list[str]:
    """``["Secretary", "of"]`` when a run starts right after ``Secretary of``."""
    m = TITLE_OF.search(text, max(floor, start - 40), start)
    return [m.group(1), "of"] if m and m.group(1).lower().rstrip(".") in TITLES else []


def _note_titles(reg: Registry, key: str, words: list[str], pos: int) -> None:
    """Record the titles and gender words given with a person's name."""
    for word in words:
        low = word.lower().rstrip(".,")
        low = TITLE_WORDS.get(low, low)
        if low in FEMALE or low in MALE:
            reg.gender.setdefault(key, "f" if low in FEMALE else "m")
        if low in TITLES or low in NP_WORDS or low in PARTY_WORDS:
            reg.by_title.setdefault(low, []).append((pos, key))


def _role_near(text: str, start: int, end: int, para: Paragraph, titles: list[str]) -> str | None:
    """The role given with a full name: apposition, words before it, or its title."""
    m = APPOS.match(text, end, para.end)
    if m and (m.group("det") or is_role_head(m.group("role").split()[0])):
        role = m.group("role").strip()
        if 0 < len(role.split()) <= 20 and not role[:1].isdigit():
            return role
    before = tokens(text, max(para.start, start - 80), start)
    j = len(before) - 1
    if j >= 0 and before[j].text.lower() not in DETERMINERS and is_role_head(before[j].text):
        i = _np_before(before, j, 0)
        words = [t for t in before[i : j + 1] if t.text.lower() not in DETERMINERS]
        while words and words[0].text.lower() in STOP_CAPS:
            words = words[1:]
        if words:
            return join_tokens(words)
    titles = [w for w in titles if w.lower().rstrip(".") not in HONORIFICS]
    return " ".join(titles) if titles else None


def resolve(mention: Mention, para: int, reg: Registry, last: list[SpeechEvent]) -> str | None:
    """The canonical speaker name for a mention."""
    if mention.kind == "desc":
        found = _holder(mention, reg) or _group(mention, reg)
        if (
            found is None
            and mention.role
            and mention.role[:1].islower()
            and mention.text[1:].islower()
        ):
            return mention.role  # "the guy, a retailer representing the franchise": new
        found = (
            found
            or _referent(mention, para, reg, last)
            or _speaker_titled(mention, para, reg, last)
        )
        if found is None and " " not in mention.text and not mention.role:
            return None  # a bare common noun ("officials", "users") names no one
        return found or mention.text
    if mention.kind == "pronoun":
        return _resolve_pronoun(mention, para, reg, last)
    if mention.text in reg.acronyms:
        return reg.acronyms[mention.text]
    if _common_word(mention.text, reg):
        return None  # "Users said", "Once ...": an ordinary word opening a sentence
    key = name_key(mention.text)
    if key in reg.entities:
        return reg.entities[key].name
    if " " in mention.text:
        return mention.text
    found = _resolve_surname(mention.text.lower(), mention.pos, para, reg)
    return found or mention.text


def _referent(mention: Mention, para: int, reg: Registry, last: list[SpeechEvent]) -> str | None:
    """Who ``the same official`` or ``the actress`` refers back to.

    The latest unnamed speaker described with the same head noun ("one Western
    official"), else for a gendered noun the person "she"/"he" would be, else
    the latest person of that gender named or quoted before.
    """
    words = mention.text.lower().split()
    if words and words[0] in ("a", "an", "one", "another"):
        return None  # "A spokeswoman said": someone new, never someone named before
    if words and words[0] in FIRST_PERSON_POSSESSIVES:
        return None  # "my father said": the writer's father, not the man named before
    while words and words[0] in REFERRING_WORDS:
        words = words[1:]
    if not 1 <= len(words) <= 2:
        return None
    head = words[-1]
    d = bisect.bisect_left(reg.described, (mention.pos,))
    for event in reversed(reg.described[max(0, d - MAX_LOOKBACK_EVENTS) : d]):
        said = _before_preposition(event.speaker.lower().split())
        if event.speaker[:1].islower() and said[-1] == head and len(said) > len(words):
            return event.speaker
    if head in GENERIC_PERSONS and d and mention.pos - reg.described[d - 1].pos <= UNNAMED_REACH:
        unnamed = reg.described[d - 1].speaker
        if unnamed[:1].islower() and unnamed.split()[-1] not in SOURCE_NOUNS:
            return unnamed  # "the man": the unnamed person who spoke last, not a named one
    if head not in FEMALE and head not in MALE:
        if is_role_head(head) or len(words) > 1:
            return None
        # "the voice", "the caller": the person last introduced as "a dispatch operator"
        i = bisect.bisect_left(reg.introduced, (mention.pos,))
        if i and mention.pos - reg.introduced[i - 1][0] <= INTRODUCED_REACH:
            return reg.introduced[i - 1][1]
        return None
    gender = "f" if head in FEMALE else "m"
    pronoun = Mention("pronoun", "she" if gender == "f" else "he", mention.pos)
    found = _resolve_pronoun(pronoun, para, reg, last)
    if found and reg.gender.get(name_key(found)) == gender:
        return found
    j = bisect.bisect_left(last, (mention.pos,))
    k = bisect.bisect_left(reg.subjects, (mention.pos,))
    earlier = last[max(0, j - MAX_LOOKBACK_EVENTS) : j]
    earlier += reg.subjects[max(0, k - MAX_LOOKBACK_EVENTS) : k]
    for event in sorted(earlier, reverse=True):
        name = resolve(Mention("name", event.speaker, event.pos), event.paragraph, reg, last)
        if name and is_person(name, reg) and reg.gender.get(name_key(name)) == gender:
            return name
    return None


def _before_preposition(words: list[str]) -> list[str]:
    """A description up to its head noun: ``attorneys`` of ``attorneys for the family``."""
    cut = next((i for i, w in enumerate(words) if i and w in NP_PREPS), len(words))
    return words[:cut]


def _common_word(word: str, reg: Registry) -> bool:
    """A capitalised plural never capitalised inside a sentence: ``Users``, ``Residents``.

    Also any run of capitals of several words (a shouted headline).
    """
    if " " in word:
        return word.isupper() and len(word.split()) > 2  # "CONGRESS HAS INVESTIGATED HIM"
    low = word.lower()
    return (
        bool(re.fullmatch(r"[A-Z][a-z]+[^s]s", word))
        and low not in reg.midcaps
        and low not in reg.by_part
        and low not in reg.titled
    )


def _speaker_titled(
    mention: Mention, para: int, reg: Registry, last: list[SpeechEvent]
) -> str | None:
    """``Mary Hart said ... "...," the attorney said``: the person who spoke last in the
    paragraph, for ``the`` and a role word that names no one else."""
    words = mention.text.lower().split()
    if len(words) != 2 or words[0] != "the" or not (is_role_head(words[1]) or words[1] in TITLES):
        return None
    j = bisect.bisect_left(last, (mention.pos,))
    if j and last[j - 1].paragraph == para and is_person(last[j - 1].speaker, reg):
        return last[j - 1].speaker
    return None


def known_name(name: str, reg: Registry) -> bool:
    """A full name, or a single word the article uses as a name ("Obama")."""
    return " " in name or name.lower() in reg.by_part or name.lower() in reg.titled


def _resolve_surname(part: str, pos: int, para: int, reg: Registry) -> str | None:
    """The full name a lone surname ("Nam", "Kim") most likely refers to.

    The most recent full name in this or the previous paragraph; else the one
    mentioned most often so far; else the next one mentioned.
    """
    seen = reg.by_part.get(part)
    if not seen:
        return None
    i = bisect.bisect_left(seen, (pos,))
    if i and seen[i - 1].paragraph >= para - 1:
        return reg.entities[seen[i - 1].key].name
    if i:
        counts = {
            k: (bisect.bisect_left(reg.entities[k].positions, pos), k) for k in reg.part_keys[part]
        }
        last = {k: p for p, _, k in reversed(seen[max(0, i - 50) : i])}
        best = max(counts, key=lambda k: (counts[k][0], last.get(k, -1)))
        return reg.entities[best].name
    return reg.entities[seen[i].key].name


def _holder(mention: Mention, reg: Registry) -> str | None:
    """The person named earlier with the title of ``the senator``, ``the Republican nominee``."""
    words = mention.text.split()
    if (
        not 2 <= len(words) <= 4
        or words[0].lower() != "the"
        or "same" in words  # "the same official": the unnamed one quoted before
        or any(w.endswith(("'s", "’s")) for w in words)
    ):
        return None
    head = TITLE_WORDS.get(words[-1].lower(), words[-1].lower())
    if head not in TITLES and head not in NP_WORDS:
        return None
    holders = reg.by_title.get(head, [])
    party = next((w.lower() for w in words[1:-1] if w.lower() in PARTY_WORDS), None)
    if party:  # "the Republican nominee": a nominee introduced as "Republican Jo Ames"
        members = reg.by_title.get(party, [])
        keys = {key for _, key in members}
        holders = [h for h in holders if h[1] in keys] or members
    i = bisect.bisect_left(holders, (mention.pos,))
    for _, key in reversed(holders[max(0, i - MAX_LOOKBACK_EVENTS) : i]):
        name = reg.entities[key].name
        if key not in reg.places and not is_place(name):
            return name  # never "New York" of "New York businessman"
    return None


def _resolve_pronoun(
    mention: Mention, para: int, reg: Registry, last: list[SpeechEvent]
) -> str | None:
    """He/she: the most recent speaker or sentence subject in this or the previous paragraph.

    "She" prefers a person known to be a woman ("Mrs.", "spokeswoman"); "he"
    skips one, looking further back when every recent candidate is a woman.
    """
    pos = mention.pos
    near: list[tuple[int, str]] = []
    far: list[tuple[int, str]] = []
    i = bisect.bisect_left(reg.subjects, (pos,))
    for p, pi, name in reg.subjects[max(0, i - 8) : i]:
        if not is_person(name, reg):
            continue
        (near if pi >= para - 1 else far).append(
            (p, resolve(Mention("name", name, p), pi, reg, last) or name)
        )
    j = bisect.bisect_left(last, (pos,))
    for p, pi, name in last[max(0, j - 8) : j]:
        if mention.text in ("he", "she") and not is_person(name, reg):
            continue  # "he" is never "Nature" or "JPMorgan Chase"
        (near if pi >= para - 1 else far).append((p, name))
    unnamed: list[tuple[int, str]] = []  # "a source close to the talks said ... he said"
    if mention.text in ("he", "she"):
        d = bisect.bisect_left(reg.described, (pos,))
        for p, pi, name in reg.described[max(0, d - 4) : d]:
            gender = _description_gender(name)
            if pi >= para - 1 and _one_person(name) and gender != _OTHER[mention.text]:
                unnamed.append((p, name))
    if mention.text == "he":
        near += unnamed
    near.sort(reverse=True)
    far.sort(reverse=True)
    if mention.text in ("he", "she"):
        fits = _fits_he if mention.text == "he" else _fits_she
        for group in (near, far) if mention.text == "he" else (near,):
            found = next((name for _, name in group if fits(reg.gender.get(name_key(name)))), None)
            if found:
                return found
        if mention.text == "she" and unnamed:
            return max(unnamed)[1]
        wanted = "f" if mention.text == "she" else "m"
        mentioned = _latest_of_gender(reg, wanted, pos)  # "his wife Kit Weber cared ..."
        if mentioned:
            return mentioned
    return near[0][1] if near else None


# The gender "he" and "she" exclude.
_OTHER = {"he": "f", "she": "m"}


def _description_gender(description: str) -> str | None:
    """ "f" for ``a spokeswoman``, "m" for ``the man``, else None."""
    words = set(description.lower().split())
    if words & (FEMALE | {"woman", "girl"}):
        return "f"
    if words & (MALE | {"man", "boy", "guy"}):
        return "m"
    return None


def _one_person(description: str) -> bool:
    """Whether an unnamed speaker is one person: ``a source close to the talks``."""
    words = description.lower().split()
    head = next((w for w in words if w in _PERSON_HEADS), None)
    return words[0] in ("a", "an", "one", "the") and head is not None


# Head nouns of one unnamed person: "a source", "one official", "a person familiar with".
_PERSON_HEADS = (
    frozenset(["source", "official", "person", "spokesman", "spokeswoman", "spokesperson"])
    | GENERIC_PERSONS
    | ROLE_NOUNS
    | frozenset(w for w in ANONYMOUS_HEADS if not w.endswith("s"))
)


def _latest_of_gender(reg: Registry, gender: str, pos: int) -> str | None:
    """The person of ``gender`` named last within PRONOUN_REACH characters before ``pos``."""
    best: tuple[int, str] | None = None
    for key, entity in reg.entities.items():
        if reg.gender.get(key) != gender:
            continue
        i = bisect.bisect_left(entity.positions, pos)
        seen = entity.positions[i - 1] if i else -1
        if i and pos - seen <= PRONOUN_REACH and (best is None or seen > best[0]):
            best = (seen, entity.name)
    return best[1] if best else None


def _fits_he(gender: str | None) -> bool:
    return gender != "f"


def _fits_she(gender: str | None) -> bool:
    return gender == "f"
