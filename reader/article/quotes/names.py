"""Speaker mentions and names: turn a noun phrase into a name, pronoun or description."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.article.first_names import first_name_gender
from reader.article.quotes.tokens import (
    Tok,
    bare,
    clean_name,
    is_name_tok,
)
from reader.lexicon.grammar import (
    AUXILIARIES,
    DETERMINERS,
    MONTHS,
    NP_PREPS,
    STOP_CAPS,
    TIME_WORDS,
)
from reader.lexicon.organisations import DEPARTMENT_WORDS, ORG_WORDS, PARTY_WORDS
from reader.lexicon.roles import (
    AGENT_ENDINGS,
    HONORIFICS,
    NP_WORDS,
    SURNAME_TITLES,
    TITLES,
    is_role_head,
)
from reader.lexicon.speech import (
    SPEECH_VERBS,
)

# Honorifics that also say what a person does: "Prof Alan Jones".
ACADEMIC_TITLES = frozenset(["prof"])
# Words that open no name: "of", "the".
FUNCTION_WORDS = DETERMINERS | NP_PREPS


@dataclass(frozen=True)
class Mention:
    """A speaker mention found by an attribution rule."""

    kind: str  # "name", "pronoun" or "desc"
    text: str
    pos: int
    role: str | None = None
    first: int = -1  # where the subject's noun phrase begins


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
    if not toks or len(toks) > 20 or any(t.text.lower() in AUXILIARIES for t in toks):
        return None  # "According to Trump, the election is ...": a clause, no role
    return join_tokens(toks)


def join_tokens(toks: list[Tok]) -> str:
    """The original words of a token run, with their spacing reduced to one space."""
    out = toks[0].text
    for prev, tok in zip(toks, toks[1:]):
        out += (" " if tok.start > prev.end else "") + tok.text
    return out


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (title words, name words).

    ``Secretary of State Jane Doe`` keeps ``of State`` with its title; a
    team or unit with a position abbreviation goes too (``Browns DL Jo Ames``).
    A run of title words only (``Secretary``) has no name.
    """
    while words and (bare(words[0]) in STOP_CAPS or words[0].lower() in SPEECH_VERBS):
        words = words[1:]  # "Said Gomez: ...", "It’s ..."
    while words and words[-1].lower() in TIME_WORDS and not _surname_month(words):
        words = words[:-1]
    cut = 0
    for i, w in enumerate(words[:-1]):
        low = w.lower().rstrip(".")
        if low in TITLES and not (low in SURNAME_TITLES and i > cut):
            cut = max(cut, i + 1)  # not the surname of "Rep. Steve King of Iowa"
        elif i == cut and w.endswith(("'s", "’s")) and i + 1 < len(words):
            cut = i + 1  # "Labour's Andy McDonald", "CNN's Jake Tapper"
        elif (
            i == cut
            and (low in PARTY_WORDS or is_role_head(low) or _agent_noun(w))
            and first_name_gender(words[i + 1]) is not None
        ):  # "Republican Donald Trump", "Nurse Amy Cole"; not "Democratic National Committee"
            cut = i + 1
        elif w == "of" and i == cut and i > 0:
            cut = _title_of_end(words, i + 1)
        elif (
            _is_position_abbr(w)
            and len(words) - i > 2
            and not any(x.isupper() for x in words[i + 1 :])
        ):
            cut = max(cut, i + 1)
    last = bare(words[-1]) if words else ""
    party = all(bare(w) in PARTY_WORDS for w in words[cut:-1])  # "Labour MP": no name
    if party and last in TITLES and last not in SURNAME_TITLES:
        cut = len(words)  # "Secretary", "Vice President"; not "Mr. King"
    return words[:cut], words[cut:]


def _agent_noun(word: str) -> bool:
    """``Fisherman`` of ``Fisherman Ray Tillman``: a noun for what people do, no first name."""
    low = word.lower()
    return word.isalpha() and low.endswith(AGENT_ENDINGS) and first_name_gender(word) is None


def _surname_month(words: list[str]) -> bool:
    """``Mrs May``, ``Theresa May``: a month that is a surname after a title or a first name."""
    if len(words) < 2 or words[-1].lower() not in MONTHS:
        return False
    before = words[-2].lower().rstrip(".")
    return before in TITLES or before in HONORIFICS or first_name_gender(words[-2]) is not None


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
        if len(toks) == 1 and lead in FUNCTION_WORDS:
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
    if not name and toks[0].low == "the" and run == 1:
        return Mention("desc", join_tokens(toks), toks[0].start, role)  # "the Labour MP"
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
