"""Resolving a mention to the speaker it names: surnames, he/she, "the senator", "the actress"."""

from __future__ import annotations

import bisect
import re

from reader.article.first_names import first_name_gender
from reader.article.quotes.names import Mention, split_name
from reader.article.quotes.people import (
    INTRODUCED_REACH,
    MAX_LOOKBACK_EVENTS,
    PRONOUN_REACH,
    REFERRING_WORDS,
    UNNAMED_REACH,
    Registry,
    SpeechEvent,
    group_named,
    is_person,
    name_key,
    named_organisation,
    resolve_surname,
)
from reader.article.quotes.tokens import NAME_RUN
from reader.lexicon.grammar import (
    NP_PREPS,
    POSSESSIVE_DETERMINERS,
)
from reader.lexicon.organisations import PARTY_WORDS
from reader.lexicon.people import FEMALE, GENERIC_PERSONS, MALE
from reader.lexicon.places import is_place
from reader.lexicon.roles import (
    ANONYMOUS_HEADS,
    ROLE_NOUNS,
    TITLE_WORDS,
    TITLES,
    is_role_head,
)
from reader.lexicon.speech import (
    SOURCE_NOUNS,
)

# "the 34-year-old": the person introduced with that age.
AGE_NOUN = re.compile(r"\d{1,3}-year-old")


def resolve(mention: Mention, para: int, reg: Registry, last: list[SpeechEvent]) -> str | None:
    """The canonical speaker name for a mention."""
    if mention.kind == "desc":
        found = (
            named_organisation(mention, reg) or _holder(mention, reg) or group_named(mention, reg)
        )
        if (
            found is None
            and mention.role
            and mention.role[:1].islower()
            and mention.text[1:].islower()
        ):
            # "his cousin, state Rep. Maria Costa": the person named; else
            # "the guy, a retailer representing the franchise": someone new
            return _named_in_role(mention.role, reg) or mention.role
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
    found = resolve_surname(mention.text.lower(), mention.pos, para, reg)
    return found or mention.text


def _named_in_role(role: str, reg: Registry) -> str | None:
    """The person a role ends by naming: ``state Rep. Maria Costa`` -> Maria Costa."""
    runs = list(NAME_RUN.finditer(role))
    if not runs or runs[-1].end() != len(role.rstrip(" ,.")):
        return None
    _titles, name = split_name(runs[-1].group().split())
    key = name_key(" ".join(name))
    return reg.entities[key].name if len(name) > 1 and key in reg.entities else None


def _referent(mention: Mention, para: int, reg: Registry, last: list[SpeechEvent]) -> str | None:
    """Who ``the same official`` or ``the actress`` refers back to.

    The latest unnamed speaker described with the same head noun ("one Western
    official"), else for a gendered noun the person "she"/"he" would be, else
    the latest person of that gender named or quoted before.
    """
    words = mention.text.lower().split()
    if words and words[0] in ("a", "an", "one", "another"):
        return None  # "A spokeswoman said": someone new, never someone named before
    if words and (words[0] in POSSESSIVE_DETERMINERS or words[0].endswith(("'s", "’s"))):
        return None  # "my father", "his spokesman", "Trump's son": not the man named before
    while words and words[0] in REFERRING_WORDS:
        words = words[1:]
    if not 1 <= len(words) <= 2:
        return None
    head = words[-1]
    if head.split("-")[0] in FEMALE | MALE:
        head = head.split("-")[0]  # "the mother-of-two", "the father-of-three"
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
    if found and gender_of(found, reg) == gender:
        return found
    j = bisect.bisect_left(last, (mention.pos,))
    k = bisect.bisect_left(reg.subjects, (mention.pos,))
    earlier = last[max(0, j - MAX_LOOKBACK_EVENTS) : j]
    earlier += reg.subjects[max(0, k - MAX_LOOKBACK_EVENTS) : k]
    for event in sorted(earlier, reverse=True):
        name = resolve(Mention("name", event.speaker, event.pos), event.paragraph, reg, last)
        if name and is_person(name, reg) and gender_of(name, reg) == gender:
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
    if head not in reg.by_title:
        return None  # "the star": only a title or role given with a name before
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
    if mention.text == "they":  # "Union leaders said ... they said"
        d = bisect.bisect_left(reg.described, (pos,))
        near += [
            (p, name)
            for p, pi, name in reg.described[max(0, d - 4) : d]
            if pi >= para - 1 and _plural(name)
        ]
    near.sort(reverse=True)
    far.sort(reverse=True)
    if mention.text in ("he", "she"):
        fits = _fits_he if mention.text == "he" else _fits_she
        for group in (near, far) if mention.text == "he" else (near,):
            found = next((name for _, name in group if fits(gender_of(name, reg))), None)
            if found:
                return found
        if mention.text == "she" and unnamed:
            return max(unnamed)[1]
        wanted = "f" if mention.text == "she" else "m"
        mentioned = _latest_of_gender(reg, wanted, pos)  # "his wife Kit Weber cared ..."
        if mentioned:
            return mentioned
    return near[0][1] if near else None


def _plural(description: str) -> bool:
    """Whether an unnamed speaker is several people: ``Union leaders``, ``analysts at X``."""
    head = _before_preposition(description.lower().split())[-1]
    return head.endswith("s") and not head.endswith("ss")


def gender_of(name: str, reg: Registry) -> str | None:
    """ "f" or "m" for a person the article marks so, or a first name alone ("Melanie")."""
    known = reg.gender.get(name_key(name))
    if known is None and " " not in name.strip():
        return first_name_gender(name)
    return known


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
