"""The people and organisations of an article: the registry of names, titles, places and documents."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from reader.article.first_names import first_name_gender
from reader.article.model import Paragraph
from reader.article.quotes.headline import body_name, is_headline
from reader.article.quotes.names import Mention, join_tokens, split_name
from reader.article.quotes.phrases import np_before
from reader.article.quotes.tokens import (
    APPOS,
    MARK,
    NAME_RUN,
    SUBJECT_VERB,
    TITLE_OF,
    Span,
    Tok,
    clean_name,
    tokens,
)
from reader.lexicon.credits import AGENCIES
from reader.lexicon.grammar import (
    ADVERBS,
    AUXILIARIES,
    CONNECTIVES,
    DETERMINERS,
    INTRO_WORDS,
    NP_PREPS,
    PRONOUNS,
    STOP_CAPS,
)
from reader.lexicon.organisations import (
    COMPANY_NOUNS,
    CORPORATE_WORDS,
    ORG_WORDS,
    PARTY_WORDS,
)
from reader.lexicon.people import FEMALE, MALE
from reader.lexicon.places import LOCATIVES, is_place
from reader.lexicon.roles import (
    AGENT_ENDINGS,
    HONORIFICS,
    NP_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
    TITLES,
    is_expert_head,
    is_role_head,
)
from reader.lexicon.speech import (
    DOCUMENT_PLURALS,
    RESEARCH_DOCUMENTS,
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
    # (pos, name) of named organisations: "the Environmental Protection Agency", "Acme Corp."
    organisations: list[tuple[int, str]] = field(default_factory=list)


class Document(NamedTuple):
    """A research document the article names with its author: ``a 2014 report from the World Bank``."""

    pos: int
    noun: str  # "report"
    author: str  # "World Bank"
    phrase: str | None  # "a 2014 report from the World Bank"; None for a news story


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
            if len(name) == 1 and (name[0].lower() in reg.by_part or _first_name(name[0])):
                place_end = -1  # "in the United States, Lynch rose": a person, no place chain
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
            leads_role = len(name) == 1 and _leads_role(text, m.end(), para.end)
            if not any(w.lower().rstrip(".") in ORG_WORDS for w in name) and not leads_role:
                sentence_seen = sentence  # "NASA Institute climatologist Jo Ames said": Ames
                # and "Local fisherman Ray Tillman was ...": Tillman, not "Local"
            k = bisect.bisect_right(opens, m.start()) - 1
            if k >= 0 and spans[k].close > m.start():
                subject = False  # a name inside a quotation
            if len(name) == 1 and (titles or subject) and name[0].lower() not in ORG_WORDS:
                if subject:  # "Obama said"; not "a Mr. Facebook contest" after the subject
                    reg.subjects.append(SpeechEvent(m.start(), pi, name[0]))
                if titles:
                    reg.titled.add(name[0].lower())
                    person = resolve_surname(name[0].lower(), m.start(), pi, reg)
                    if person:  # "Mrs. Clinton": a woman
                        _note_titles(reg, name_key(person), titles, m.start())
            if any(w.lower().rstrip(".") in ORG_WORDS for w in name):
                _note_organisation(text, reg, m.start(), m.end(), para.end, name)
                continue
            if len(name) < 2 or all(w.isupper() for w in name):
                continue
            full = " ".join(name)
            key = name_key(full)
            entity = reg.entities.setdefault(key, _Entity(full))
            entity.count += 1
            if entity.role is None and entity.count <= 3:
                entity.role = _role_near(text, m.start(), m.end(), para, titles)
            pos = m.start()
            entity.positions.append(pos)
            aged = AGE_AFTER.match(text, m.end(), para.end)
            if aged:  # "Jane Lowe, 34," is "the 34-year-old"
                reg.by_title.setdefault(f"{aged.group(1)}-year-old", []).append((pos, key))
            _note_titles(reg, key, titles + (entity.role or "").split(), pos)
            head = role_head(entity.role)
            if head and head not in TITLES and head not in NP_WORDS:
                reg.by_title.setdefault(head, []).append((pos, key))  # "Pop star X": "the star"
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


# The age in apposition after a name: "Jane Lowe, 34, said".
AGE_AFTER = re.compile(r",[ \t]*(\d{1,3}),")
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


# "Department" + " of Justice", "Bank" + " of England": an organisation's name goes on.
_ORG_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*)*")


def _note_organisation(
    text: str, reg: Registry, start: int, end: int, para_end: int, name: list[str]
) -> None:
    """Record a named organisation ``the department`` may refer back to."""
    words = list(name)
    if words[-1].lower().rstrip(".") in ORG_WORDS:
        tail = _ORG_OF.match(text, end, para_end)
        if tail:
            words += tail.group().split()
    full = clean_name(" ".join(words))
    if len(words) > 1 and not is_place(full) and not all(w.isupper() for w in words):
        reg.organisations.append((start, full))


def named_organisation(mention: Mention, reg: Registry) -> str | None:
    """The organisation ``the agency`` or ``the ministry`` refers to.

    The latest one named before the mention whose name holds the same noun
    (``the department``: the State Department); for ``the company`` or
    ``the firm``, one whose name ends like a company's (``Acme Corp.``).
    """
    words = mention.text.lower().split()
    if len(words) != 2 or words[0] != "the":
        return None
    head = words[1]
    if head in COMPANY_NOUNS:
        wanted = CORPORATE_WORDS | {head}  # "the company": Acme Corp.
    elif head in ORG_WORDS:
        wanted = frozenset([head])
    else:
        return None
    i = bisect.bisect_left(reg.organisations, (mention.pos,))
    for _, name in reversed(reg.organisations[:i]):
        if wanted & {w.lower().rstrip(".,") for w in name.split()}:
            return name
    return None


def _spelled_out(words: list[str], abbr: str) -> str | None:
    """The end of ``words`` whose capitals spell ``abbr``: ``U.S. Special Inspector
    General for Afghanistan Reconstruction`` + ``SIGAR`` -> from ``Special``."""
    for start in range(len(words)):
        tail = words[start:]
        if tail[0][:1].isupper() and "".join(w[0] for w in tail if w[:1].isupper()) == abbr:
            return " ".join(tail)
    return None


def group_named(mention: Mention, reg: Registry) -> str | None:
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

    A full name of the registry, or one word that is part of one ("Nam"),
    that the article gives a title ("Mr. Obama") or that is a first name
    ("Her son, David, rushed in"); never a place.
    """
    key = name_key(name)
    if key in reg.places or not all(PERSON_WORD.match(w) for w in name.split()):
        return False
    if key in reg.entities:
        return True
    if " " in key:
        return False
    return key in reg.by_part or key in reg.titled or _first_name(name)


def _first_name(word: str) -> bool:
    """A word the first-names table knows, and no place: "David", not "Georgia"."""
    return first_name_gender(word) is not None and not is_place(word)


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
        if low in TITLES or low in PARTY_WORDS or is_role_head(low):
            reg.by_title.setdefault(low, []).append((pos, key))


def role_head(role: str | None) -> str | None:
    """The noun a role is about: ``star`` of ``Pop star``, ``farmer`` of ``a farmer from Iowa``."""
    if not role:
        return None
    words = role.split(",")[0].split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in NP_PREPS), len(words))
    head = words[cut - 1].lower() if cut else ""
    if not head.isalpha() or head in DETERMINERS or not words[cut - 1].islower():
        return None
    return head


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
        i = np_before(before, j, 0)
        words = [t for t in before[i : j + 1] if t.text.lower() not in DETERMINERS]
        while words and words[0].text.lower() in STOP_CAPS:
            words = words[1:]
        if words:
            return join_tokens(words)
    if j >= 1 and _compound_role(before[j - 1], before[j]):
        return f"{before[j - 1].text} {before[j].text}"  # "Leeds striker", "Pop star"
    titles = [w for w in titles if w.lower().rstrip(".") not in HONORIFICS]
    return " ".join(titles) if titles else None


# Lower-case words that never head a role before a name: "when Tom Reed", "Monday night Jo".
_NOT_ROLE_NOUNS = (
    AUXILIARIES | ADVERBS | INTRO_WORDS | CONNECTIVES | DETERMINERS | PRONOUNS | NP_PREPS
)


def _compound_role(modifier: Tok, noun: Tok) -> bool:
    """A capitalised word and a lower-case noun right before a name: ``Leeds striker``."""
    return modifier.cap and modifier.text.isalpha() and _role_word(noun.text)


def _role_word(word: str) -> bool:
    """A lower-case word that may be the noun of a role before a name: ``fisherman``."""
    return (
        word.isalpha()
        and word.islower()
        and len(word) >= 3
        and word not in _NOT_ROLE_NOUNS
        and word not in SPEECH_VERBS
        and not word.endswith(("ed", "ing", "ly"))
    )


# A lower-case noun and a capitalised name after a word: "Local| fisherman Ray Tillman".
_ROLE_THEN_NAME = re.compile(r"[ \t]+([a-z]+)[ \t]+[A-Z][a-z]")


def _leads_role(text: str, end: int, para_end: int) -> bool:
    """Whether the run ending at ``end`` only modifies a role before a name.

    The noun must look like one for what people do, never a verb after a
    plural subject: "Voters love Trump" keeps "Voters" as the subject.
    """
    m = _ROLE_THEN_NAME.match(text, end, para_end)
    if m is None or not _role_word(m.group(1)):
        return False
    return is_role_head(m.group(1)) or m.group(1).endswith(AGENT_ENDINGS)


def known_name(name: str, reg: Registry) -> bool:
    """A full name, or a single word the article uses as a name ("Obama")."""
    return " " in name or name.lower() in reg.by_part or name.lower() in reg.titled


def resolve_surname(part: str, pos: int, para: int, reg: Registry) -> str | None:
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
