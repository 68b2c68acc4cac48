"""Noun phrases around a speech verb: the subject before it and after it (clauses.py: the main clause)."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.article.first_names import first_name_gender
from reader.article.quotes.names import (
    FUNCTION_WORDS,
    Mention,
    analyze_np,
    join_tokens,
    role_from_tokens,
)
from reader.article.quotes.tokens import (
    POSSESSIVE,
    Tok,
    bare,
    is_name_tok,
    is_verb,
)
from reader.lexicon.grammar import (
    ADVERBS,
    AUXILIARIES,
    DETERMINERS,
    NOT_VERBS,
    NP_PREPS,
    PRONOUNS,
    STOP_CAPS,
    TIME_WORDS,
    is_ly_adverb,
)
from reader.lexicon.roles import (
    NP_WORDS,
    is_role_head,
)
from reader.lexicon.speech import (
    SPEECH_VERBS,
)

# Word sets the token loops test against, built once.
_NOT_ROLE_LEAD = DETERMINERS | NP_PREPS | ADVERBS
_NOT_JOB_WORDS = DETERMINERS | NP_PREPS | PRONOUNS | ADVERBS | AUXILIARIES | NOT_VERBS
_DESCRIPTION_STOPS = DETERMINERS | ADVERBS | PRONOUNS | SPEECH_VERBS


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
    relative = False  # ", who asked not to be named,": a verb inside a relative clause
    for k in range(j - 1, max(floor - 1, j - 32), -1):
        t = toks[k].text
        if t in (";", ":", "(", ")", "“", "”", '"'):
            return None
        if is_verb(toks[k]) and not relative:
            relative = k > floor and toks[k - 1].low in ("who", "which")
            if not relative:
                return None
        if t == ",":
            before = _skip_paren(toks, k - 1, floor)
            ok = before >= floor and (
                is_name_tok(toks[before])
                or toks[before].text.lower() in NP_WORDS
                or (before > floor and _is_head_noun(toks[before], toks[before - 1]))
            )  # "The pensioner, who has lived there for 40 years, said"
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


def np_before(toks: list[Tok], j: int, floor: int) -> int:
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


# Words after a source's head noun that say how it knows: "a person familiar with the matter".
_POSTMODIFIERS = frozenset(
    [("close", "to"), ("familiar", "with"), ("knowledge", "of"), ("briefed", "on")]
)


# A lower-case compound noun: "the 34-year-old", "the mother-of-two".
HYPHENATED = re.compile(r"[a-z0-9]+(?:-[a-z]+)+")


def _is_head_noun(tok: Tok, prev: Tok) -> bool:
    """A common noun right after a determiner (``one questioner``), a possessive
    (``the ad's narrator``), a name or a role word."""
    low, plow = tok.text.lower(), prev.text.lower()
    word = tok.text.isalpha() or HYPHENATED.fullmatch(tok.text) is not None  # "34-year-old"
    if not word or tok.cap or low in STOP_CAPS or low in ADVERBS:
        return False
    if low in AUXILIARIES or low in NOT_VERBS:
        return False  # "London Rene is alleging", "a comment that"
    return (
        plow in DETERMINERS
        or is_name_tok(prev)
        or plow in NP_WORDS
        or (prev.text[:1].isalpha() and prev.text.endswith(("'s", "’s")))
    )


def pronoun_word(tok: Tok) -> str | None:
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
    pronoun = pronoun_word(toks[j])
    if pronoun:
        return Mention("pronoun", pronoun, toks[j].start, first=toks[j].start)
    role: str | None = None
    inner: list[Tok] = []
    hometown = _skip_hometown(toks, j, floor)
    aged = (
        hometown - 2 > floor
        and toks[hometown - 1].text.isdigit()
        and toks[hometown - 2].text == ","
    )
    if hometown != j and not aged:
        hometown -= 1  # "The mother-of-three, from Essex, said": the head before the hometown
    j = hometown
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
    start = np_before(toks, j, floor)
    if start > j:
        return None
    if start == j and not toks[j].cap:
        start = _description_start(toks, j, floor)
    after_prep = start > floor and toks[start - 1].low in NP_PREPS | {"to"}
    if start > floor and toks[start - 1].text.lower() in _OBJECT_PREPS:
        return None  # "Protesters marching through the streets chanted": not the streets
    if after_prep and not toks[start].cap:
        return None  # "at one point even telling the client": not the point
    if after_prep and is_full_name(inner):  # "Speaking to MailOnline, Ms Cole, said"
        m = analyze_np(inner, None)
        return replace(m, first=inner[0].start) if m else None
    if is_full_name(inner):  # "His business partner, Lawrence B. Cummings, said"
        m = analyze_np(inner, join_tokens(toks[start : j + 1]))
    else:
        m = analyze_np(toks[start : j + 1], role)
    return replace(m, first=toks[start].start) if m else None


# Most words of a hometown in apposition: "from Newport News".
MAX_PLACE_WORDS = 4


def _skip_hometown(toks: list[Tok], j: int, floor: int) -> int:
    """The comma before ``, from Leeds,`` when the comma at ``j`` closes it, else ``j``:
    ``The mother-of-two, 34, from Leeds, said``."""
    if toks[j].text != ",":
        return j
    k = j - 1
    while k > floor and j - k <= MAX_PLACE_WORDS and is_name_tok(toks[k]):
        k -= 1
    if k - 1 > floor and k < j - 1 and toks[k].low == "from" and toks[k - 1].text == ",":
        return k - 1
    return j


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
    if k <= floor or toks[k].text != "," or not is_full_name(inner):
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


def is_full_name(toks: list[Tok]) -> bool:
    return (
        len(toks) >= 2
        and all(is_name_tok(t) for t in toks)
        and bare(toks[0].text) not in STOP_CAPS
    )


def _named(toks: list[Tok]) -> bool:
    """A full name, or a first name alone: ``said Trump's son, Eric``."""
    if len(toks) == 1 and is_name_tok(toks[0]):
        return first_name_gender(toks[0].text) is not None
    return is_full_name(toks)


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
        if not is_name_tok(toks[end - 1]) and _named(toks[head:tail]):
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
        if not (t.text.isalpha() and t.text.islower()) or t.text in FUNCTION_WORDS:
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
            if k == i or end - k < 2 or not is_full_name(toks[k:end]):
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
