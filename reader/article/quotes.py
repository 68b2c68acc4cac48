"""Quotations in an article and who said them.

``find_quotes(text, paragraphs)`` finds the spans between quotation marks
(curly, straight and ``''...''``; single marks nested inside double ones stay
part of the quote), decides whether each is a full ``direct`` quote or a
``partial`` phrase, and attributes it with a few rules over the surrounding
tokens:

* the attribution right after the quote (``"...," Nam said`` /
  ``"...," said John Smith, an analyst at RAND`` / ``"..." ― Jane Doe`` /
  ``"...," as X put it``), then the one right before it (``X said: "..."``,
  ``According to X, "..."``, ``Said X: "..."``), then any speech verb with a
  subject elsewhere in the same sentence;
* a partial quote of four or more words, a quote after a colon or after
  ``saying,`` goes to the subject of the sentence's main clause
  (``In a speech, Trump attacked "..."``, ``A GAO report found ... "..."``);
* an unattributed quote continues the open quote of the previous paragraph,
  else the latest speaker of its paragraph (or the person the sentence before
  it is about: ``Her rival, Tom Hardy, disagreed. "..."``), or of the previous
  paragraph when it opens its own; a quote left open takes the speaker named
  where it closes;
* surnames ("Nam", "Mr. Obama") and he/she are resolved to a full name
  introduced earlier: a name seen in this or the previous paragraph first
  (the most recent), otherwise the most often mentioned one; "she" prefers a
  person marked as a woman ("Mrs.", "spokeswoman"); ``the senator`` is the
  person last named with that title;
* roles come from apposition (``Nam Sung-wook, a professor at Korea
  University``) or from the words before a name (``Korea University professor
  Nam Sung-wook``, ``Russian President Vladimir Putin``, ``Secretary of State
  Jane Doe``, ``Browns DL Jo Ames``); title words alone are never a name.

Sentences of the form ``X said (that) ...`` or ``..., X said.`` with no
quotation marks become ``indirect`` quotes. Only ``direct`` quotes can be
``expert`` quotes: their speaker has an outside-commentator role (professor,
analyst, ...) and is not named in the first paragraph outside a quotation.
Partial quotes of three words or fewer with no speaker (scare quotes, terms)
are dropped, and so are Title Case names (``the "2018 Street Art Festival"``):
they never take the sentence's subject as speaker, and right after a word
that is not a speech verb (``on "Meet the Press"``) they are never speech.

Pure Python and regular expressions; runs in linear time in the text length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from reader.article.model import Paragraph, Quote, QuoteKind

# ---------------------------------------------------------------- word lists

SPEECH_VERBS = frozenset(
    [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "telling",
        "add",
        "adds",
        "added",
        "adding",
        "ask",
        "asks",
        "asked",
        "asking",
        "write",
        "writes",
        "wrote",
        "writing",
        "explain",
        "explains",
        "explained",
        "noted",
        "argue",
        "argues",
        "argued",
        "arguing",
        "stated",
        "declare",
        "declares",
        "declared",
        "insist",
        "insists",
        "insisted",
        "insisting",
        "warn",
        "warns",
        "warned",
        "warning",
        "claimed",
        "continue",
        "continues",
        "continued",
        "conclude",
        "concludes",
        "concluded",
        "recall",
        "recalls",
        "recalled",
        "reply",
        "replies",
        "replied",
        "answered",
        "respond",
        "responds",
        "responded",
        "remark",
        "remarked",
        "commented",
        "observe",
        "observed",
        "suggest",
        "suggests",
        "suggested",
        "acknowledge",
        "acknowledged",
        "admit",
        "admits",
        "admitted",
        "concede",
        "conceded",
        "claiming",
        "announce",
        "announces",
        "announced",
        "stressed",
        "emphasize",
        "emphasized",
        "emphasise",
        "emphasised",
        "tweeted",
        "testify",
        "testified",
        "boasted",
        "complained",
        "joked",
        "quipped",
        "lamented",
        "predict",
        "predicted",
        "cautioned",
        "countered",
        "exclaim",
        "exclaimed",
        "shouted",
        "yelled",
        "screamed",
        "whispered",
        "muttered",
        "reports",
        "reported",
        "recounted",
        "reiterate",
        "reiterated",
        "called",
        "describe",
        "describes",
        "described",
        "dubbed",
        "labeled",
        "labelled",
        "branded",
        "promised",
        "vowed",
        "pledged",
        "confirmed",
        "asserted",
        "contend",
        "contended",
        "maintained",
        "sings",
        "sang",
        "singing",
        "chanted",
        "reads",
        "praise",
        "praised",
        "praising",
        "laud",
        "lauded",
        "criticize",
        "criticized",
        "criticise",
        "criticised",
        "blast",
        "blasted",
        "slam",
        "slammed",
        "accuse",
        "accused",
        "denounce",
        "denounced",
        "dismiss",
        "dismissed",
        "mock",
        "mocked",
        "hail",
        "hailed",
        "tweeting",
        "chanting",
        "shouting",
        "noting",
        "declaring",
        "insisting",
        "explaining",
        "replying",
        "responding",
        "writing",
        "calling",
    ]
)
# Verbs that introduce a full quotation (for the direct/partial decision and
# for indirect speech). "called" and friends only introduce phrases.
_CLAUSE_VERBS = SPEECH_VERBS - frozenset(
    [
        "called",
        "calling",
        "describe",
        "describes",
        "described",
        "dubbed",
        "labeled",
        "labelled",
        "branded",
    ]
)
_INDIRECT_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "noted",
        "argued",
        "argues",
        "warned",
        "warns",
        "explained",
        "insisted",
        "claimed",
        "claims",
        "stressed",
        "acknowledged",
        "admitted",
        "conceded",
        "predicted",
        "contended",
        "maintained",
    ]
)

# Words that may follow "said" in a bare attribution sentence.
_WINDOW = 400  # characters of context searched on each side of a quote
_DASHES = frozenset(["―", "—", "–", "-"])
_AFTER_VERB = frozenset(
    [
        "on",
        "in",
        "at",
        "to",
        "during",
        "after",
        "before",
        "when",
        "while",
        "last",
        "this",
        "yesterday",
        "today",
        "earlier",
        "later",
        "recently",
        "reporters",
    ]
)
# Finite verbs that show a clause follows "said": not a bare attribution.
_AUXILIARIES = frozenset(
    [
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "had",
        "has",
        "have",
        "would",
        "will",
        "could",
        "should",
        "can",
        "did",
        "does",
        "do",
        "may",
        "might",
        "must",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "it"])
# Skipped between a subject and its verb: "Putin also said", "Kim has said".
_ADVERBS = frozenset(
    [
        "also",
        "later",
        "then",
        "has",
        "had",
        "have",
        "would",
        "will",
        "previously",
        "once",
        "recently",
        "earlier",
        "again",
        "simply",
        "just",
        "flatly",
        "reportedly",
        "further",
        "only",
        "still",
        "quickly",
        "angrily",
        "separately",
        "privately",
        "publicly",
        "repeatedly",
        "even",
        "often",
        "frequently",
        "already",
    ]
)
_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "week",
        "month",
        "year",
        "weekend",
        "morning",
        "afternoon",
        "evening",
        "night",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# Words opening an introductory phrase that ends at a comma: "In a speech, X ...".
_INTRO_WORDS = frozenset(
    [
        "in",
        "at",
        "on",
        "during",
        "after",
        "before",
        "when",
        "while",
        "as",
        "since",
        "because",
        "although",
        "though",
        "if",
        "with",
        "without",
        "following",
        "despite",
        "under",
        "over",
        "for",
        "from",
        "by",
        "amid",
        "upon",
        "once",
        "unlike",
        "like",
        "later",
        "earlier",
        "last",
        "speaking",
        "asked",
        "pressed",
    ]
)
_CONNECTIVES = frozenset(
    ["but", "and", "yet", "so", "still", "however", "meanwhile", "instead", "also", "then"]
)
# Documents and messages that "say" things: "A Justice Department report found ...".
_SOURCE_NOUNS = frozenset(
    [
        "report",
        "statement",
        "document",
        "memo",
        "letter",
        "study",
        "survey",
        "poll",
        "complaint",
        "lawsuit",
        "filing",
        "ruling",
        "order",
        "bill",
        "article",
        "piece",
        "editorial",
        "story",
        "ad",
        "advertisement",
        "website",
        "release",
        "plan",
        "proposal",
        "platform",
        "book",
        "speech",
        "resolution",
        "email",
        "tweet",
        "post",
        "video",
        "analysis",
        "indictment",
        "affidavit",
        "transcript",
    ]
)
# Abbreviated titles, spelled out so "Sen. Jane Doe" is "the senator".
_TITLE_WORDS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "adm": "admiral",
    "prof": "professor",
    "rev": "reverend",
    "congressman": "representative",
    "congresswoman": "representative",
    "del": "delegate",
    "atty": "attorney",
}
_FEMALE = frozenset(
    [
        "mrs",
        "ms",
        "miss",
        "madam",
        "dame",
        "lady",
        "queen",
        "princess",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "councilwoman",
        "mother",
        "wife",
        "daughter",
        "sister",
        "widow",
        "grandmother",
        "actress",
    ]
)
_MALE = frozenset(
    [
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "councilman",
        "father",
        "husband",
        "son",
        "brother",
        "widower",
        "grandfather",
        "actor",
    ]
)
# Words that cannot be the verb after a subject.
_NOT_VERBS = frozenset(
    ["who", "which", "whose", "that", "and", "or", "of", "to", "as", "than", "for", "with"]
)
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"])
# Title words that may stand in a run of capitalised words before a name.
TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "general",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "sgt",
        "adm",
        "admiral",
        "colonel",
        "captain",
        "sergeant",
        "lieutenant",
        "major",
        "commander",
        "judge",
        "justice",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "chief",
        "ceo",
        "leader",
        "speaker",
        "ambassador",
        "commissioner",
        "attorney",
        "del",
        "delegate",
        "rev",
        "reverend",
        "father",
        "bishop",
        "cardinal",
        "rabbi",
        "imam",
        "professor",
        "economist",
        "analyst",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "premier",
        "deputy",
        "treasurer",
        "comptroller",
        "sheriff",
        "officer",
        "agent",
        "coach",
        "retired",
        "former",
        "acting",
        "dr",
        "prof",
        "mr",
        "mrs",
        "ms",
        "miss",
        "sir",
        "dame",
        "lord",
        "lady",
    ]
)
# Title words that are also common surnames: "Steve King said".
_SURNAME_TITLES = frozenset(
    [
        "king",
        "queen",
        "prince",
        "major",
        "judge",
        "justice",
        "bishop",
        "pope",
        "lord",
        "chancellor",
        "cardinal",
    ]
)
# Lower-case words that can be part of a speaker's noun phrase.
_NP_WORDS = frozenset(
    [
        "professor",
        "professors",
        "analyst",
        "analysts",
        "researcher",
        "researchers",
        "economist",
        "economists",
        "expert",
        "experts",
        "fellow",
        "scholar",
        "scholars",
        "historian",
        "lecturer",
        "scientist",
        "scientists",
        "strategist",
        "pollster",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "official",
        "officials",
        "source",
        "sources",
        "leader",
        "leaders",
        "lawyer",
        "lawyers",
        "attorney",
        "attorneys",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "aide",
        "aides",
        "director",
        "manager",
        "chairman",
        "chairwoman",
        "chair",
        "chief",
        "editor",
        "correspondent",
        "reporter",
        "strategists",
        "consultant",
        "executive",
        "executives",
        "officer",
        "officers",
        "minister",
        "ministers",
        "secretary",
        "president",
        "ambassador",
        "envoy",
        "general",
        "senator",
        "governor",
        "mayor",
        "candidate",
        "nominee",
        "head",
        "founder",
        "author",
        "commentator",
        "host",
        "coach",
        "judge",
        "activist",
        "activists",
        "member",
        "members",
        "representative",
        "deputy",
        "lawmaker",
        "lawmakers",
        "legislator",
        "diplomat",
        "diplomats",
        "critic",
        "critics",
        "supporter",
        "supporters",
        "resident",
        "residents",
        "people",
        "voter",
        "voters",
        "organizer",
        "organizers",
        "observer",
        "observers",
        "staff",
        "team",
        "press",
        "news",
        "media",
        "agency",
        "campaign",
        "administration",
        "government",
        "ministry",
        "department",
        "office",
        "statement",
        "report",
        "ruling",
        "court",
        "police",
        "authorities",
        "committee",
        "spokesmen",
        "state",
        "senior",
        "former",
        "top",
        "vice",
        "associate",
        "assistant",
        "retired",
        "acting",
        "political",
        "foreign",
        "defense",
        "defence",
        "security",
        "policy",
        "economic",
        "military",
        "intelligence",
        "research",
        "law",
        "party",
        "local",
        "federal",
        "national",
        "chief",
        "campaign",
        "white",
        "house",
        "company",
        "firm",
        "group",
        "union",
        "prosecutor",
        "prosecutors",
        "investigator",
        "investigators",
        "doctor",
        "doctors",
        "witness",
        "witnesses",
        "student",
        "students",
        "teacher",
        "teachers",
        "worker",
        "workers",
        "owner",
        "owners",
        "partner",
        "co-founder",
        "counsel",
        "veteran",
        "veterans",
        "groups",
        "organization",
        "organizations",
        "companies",
        "families",
        "unions",
        "agencies",
    ]
)
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "one",
        "two",
        "three",
        "four",
        "some",
        "many",
        "several",
        "another",
        "other",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
    ]
)
_NP_PREPS = frozenset(["of", "for", "at", "from", "with", "in", "on"])
# Capitalised words that begin sentences and are not names.
_STOP_CAPS = frozenset(
    [
        "the",
        "a",
        "an",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "if",
        "when",
        "while",
        "as",
        "after",
        "before",
        "since",
        "because",
        "although",
        "though",
        "however",
        "meanwhile",
        "earlier",
        "later",
        "then",
        "now",
        "today",
        "yesterday",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "without",
        "to",
        "of",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "what",
        "why",
        "how",
        "where",
        "who",
        "which",
        "also",
        "still",
        "even",
        "according",
        "asked",
        "speaking",
        "last",
        "next",
        "some",
        "many",
        "most",
        "both",
        "all",
        "no",
        "not",
        "one",
        "two",
        "another",
        "other",
        "each",
        "every",
        "such",
        "only",
        "just",
        "indeed",
        "instead",
        "thus",
        "like",
        "unlike",
        "despite",
        "during",
        "under",
        "over",
        "about",
    ]
)
# Words that make a capitalised run an organisation or place, not a person.
_ORG_WORDS = frozenset(
    [
        "university",
        "college",
        "institute",
        "council",
        "party",
        "agency",
        "herald",
        "times",
        "post",
        "news",
        "journal",
        "press",
        "committee",
        "department",
        "ministry",
        "house",
        "senate",
        "congress",
        "court",
        "company",
        "corp",
        "inc",
        "ltd",
        "bank",
        "fund",
        "center",
        "centre",
        "foundation",
        "association",
        "union",
        "republic",
        "kingdom",
        "states",
        "nations",
        "cosmodrome",
        "organization",
        "organisation",
        "office",
        "service",
        "commission",
        "board",
        "group",
        "network",
        "administration",
        "campaign",
        "army",
        "force",
        "navy",
        "police",
        "street",
        "square",
        "airport",
        "station",
        "church",
        "school",
        "hospital",
        "program",
        "programme",
        "report",
        "review",
        "magazine",
        "television",
        "radio",
        "tv",
        "club",
        "league",
        "federation",
        "authority",
        "project",
        "initiative",
        "studies",
        "research",
        "security",
        "korea",
        "russia",
        "china",
        "america",
        "american",
        "russian",
        "korean",
        "chinese",
        "north",
        "south",
        "east",
        "west",
        "united",
        "new",
        "airlines",
        "reserve",
        "capital",
        "region",
        "province",
        "city",
        "county",
        "district",
        "state",
        "museum",
        "gallery",
        "media",
        "assembly",
        "parliament",
        "cabinet",
        "government",
        "summit",
        "war",
    ]
)
# Words that continue "Secretary of ...": "Minister of Foreign Affairs".
_DEPARTMENT_WORDS = _ORG_WORDS | frozenset(
    [
        "affairs",
        "defense",
        "defence",
        "state",
        "staff",
        "justice",
        "health",
        "education",
        "energy",
        "commerce",
        "labor",
        "labour",
        "agriculture",
        "interior",
        "transportation",
        "treasury",
        "finance",
        "homeland",
        "veterans",
        "housing",
        "foreign",
        "human",
        "services",
        "development",
        "urban",
        "trade",
        "industry",
    ]
)
_EXPERT_STRONG = re.compile(
    r"\b(?:professor|prof\.|analyst|researcher|research fellow|fellow|scholar|"
    r"economist|expert|academic|lecturer|historian|political scientist|"
    r"scientist|pollster|think[- ]tank|dean)\b",
    re.IGNORECASE,
)
_EXPERT_FORMER = re.compile(
    r"\bformer\b.*\b(?:official|ambassador|diplomat|envoy|adviser|advisor|"
    r"negotiator|intelligence|analyst|prosecutor|officer|inspector)\b",
    re.IGNORECASE,
)
_EXPERT_WEAK = re.compile(
    r"\b(?:institute|university|college|studies|center for|centre for|"
    r"school of|research|strategist)\b",
    re.IGNORECASE,
)
_NOT_EXPERT = re.compile(
    r"\b(?:student|spokes(?:man|woman|person)|minister|candidate|nominee|"
    r"senator|lawmaker|mayor|governor|president of the united|ceo|"
    r"chief executive|committee|party|campaign)\b",
    re.IGNORECASE,
)

# ------------------------------------------------------------ regular expressions

_UPPER = "A-ZÀ-ÖØ-Þ"
_ABBR = r"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Cmdr|Sgt|Adm|Rev|Jr|Sr|St|Del|Amb|Supt|Insp|Pres|Sec|Atty|Hon)\."
_WORD = r"[^\W_](?:[\w'’\-]*[^\W_])?"
_TOKEN = re.compile(rf"(?:[A-Za-z]\.){{2,}}|[{_UPPER}]\.(?=\s)|{_ABBR}|{_WORD}|[^\w\s]")
_NAME_TOKEN = rf"(?:{_ABBR}|[{_UPPER}]\.|[{_UPPER}](?:[\w'’\-]*[^\W_])?)"
_NAME_RUN = re.compile(
    rf"(?<![\w'’\-]){_NAME_TOKEN}(?:[ \t]+(?:(?:de|da|van|von|der|del|la|le|bin|al|ibn|di)[ \t]+)?{_NAME_TOKEN})*"
)
_MARK = re.compile(r"[“”\"‘’]|''")
_VERB_RE = re.compile(r"\b(?:" + "|".join(sorted(_CLAUSE_VERBS, key=len, reverse=True)) + r")\b")
# ", a professor at Korea University," after a name.
_APPOS = re.compile(
    r",[ \t]+(?P<det>(?:a|an|the)[ \t]+)?(?P<role>[^,;:()\"“”‘’.]{2,160}?)"
    r"(?=,|;|\.(?:\s|$)|$|[ \t]+(?:who|which|whose|that|said|says|told)\b)"
)
# A name followed (after an optional apposition) by a speech verb.
_SUBJECT_VERB = re.compile(
    r"(?:,[^,;\"“”]{1,160},)?[ \t]+(?:(?:also|later|then|has|had)[ \t]+)?(?:"
    + "|".join(sorted(_CLAUSE_VERBS, key=len, reverse=True))
    + r")\b"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_APOSTROPHE_S = re.compile(r"['’]s$", re.IGNORECASE)
# "Secretary of " right before a capitalised run: "Secretary of State Mike Pompeo".
_TITLE_OF = re.compile(rf"([{_UPPER}][\w.\-]*)[ \t]+of[ \t]+$")
# Lower-case words of a Title Case name: "Tale of the Two Cities".
_TITLE_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "vs",
        "de",
        "la",
    ]
)
_QUOTE_CHARS = "“”\"‘’'"


# ------------------------------------------------------------------ data types


@dataclass(frozen=True)
class _Span:
    """One quotation-mark span; offsets are absolute."""

    open: int  # the opening mark
    start: int  # first character of the quoted words
    end: int  # just after the quoted words
    close: int  # just after the closing mark (or the paragraph end)
    closed: bool
    paragraph: int


@dataclass(frozen=True)
class _Mention:
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
class _Registry:
    """Full names seen in the article, for resolving surnames and pronouns."""

    entities: dict[str, _Entity] = field(default_factory=dict)
    # surname (first or last token, lower case) -> [(pos, paragraph, key)]
    by_part: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    part_keys: dict[str, set[str]] = field(default_factory=dict)
    # (pos, paragraph, speaker name) of people seen as sentence subjects
    subjects: list[tuple[int, int, str]] = field(default_factory=list)
    lead_keys: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)  # one-word names seen with a title
    # title or role word ("senator", "nominee") -> [(pos, key)] of the people holding it
    by_title: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)  # key -> "f" or "m"


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


# ------------------------------------------------------------------ public API


def find_quotes(text: str, paragraphs: Sequence[Paragraph]) -> tuple[Quote, ...]:
    """Quotes of the body ``paragraphs`` of ``text``, in text order."""
    paras = list(paragraphs)
    if not paras:
        return ()
    sentence_bounds = [_sentence_bounds(text, p) for p in paras]
    spans = [s for i, p in enumerate(paras) for s in _mark_spans(text, p, i)]
    registry = _build_registry(text, paras, sentence_bounds, spans)
    indirect, events = _indirect(text, paras, sentence_bounds, spans, registry)
    found = _attribute(text, paras, sentence_bounds, spans, registry, events)
    quotes = [_to_quote(text, f, registry) for f in found if _keep(f)] + indirect
    quotes.sort(key=lambda q: q.start)
    return tuple(quotes)


def _keep(f: _Found) -> bool:
    """Drop speakerless phrases: scare quotes, titles, terms."""
    if f.speaker is None:
        return not f.title and (f.kind != "partial" or f.words > 3)
    return True


def _is_title_case(words: str, period: bool = False) -> bool:
    """Whether quoted words are a Title Case name: ``2018 Welcome Street Festival``.

    Every content word starts with a capital or a digit, at least two with a
    capital, there is no sentence punctuation (a final comma, or with
    ``period`` a final period, aside) and no "I".
    """
    if words[-1:] == "," or (period and words[-1:] == "."):
        words = words[:-1]
    if re.search(r"[.!?;:,]", words):
        return False
    content = [w for w in words.split() if w.lower() not in _TITLE_SMALL]
    if any(w.replace("’", "'").split("'")[0] == "I" for w in content):
        return False  # "Did All I Could": someone speaking
    capitals = sum(w[:1].isupper() for w in content)
    return capitals >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def is_expert_role(role: str | None) -> bool:
    """True when ``role`` describes an outside commentator (professor, analyst...)."""
    if not role:
        return False
    if _EXPERT_STRONG.search(role) or _EXPERT_FORMER.search(role):
        return True
    return bool(_EXPERT_WEAK.search(role)) and not _NOT_EXPERT.search(role)


# --------------------------------------------------------------- quote spans


def _sentence_bounds(text: str, para: Paragraph) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets of a paragraph; the paragraph if none."""
    bounds = [(s.start, s.end) for s in para.sentences if s.end > s.start]
    return bounds or [(para.start, para.end)]


def _opens(s: str, i: int, length: int) -> bool:
    """Whether a non-directional mark at ``s[i]`` looks like an opening mark."""
    after = s[i + length : i + length + 1]
    if not after or after.isspace():
        return False
    before = s[i - 1 : i]
    return not before or before.isspace() or before in "([{—–-/:;“‘"


def _closes_single(s: str, i: int) -> bool:
    """Whether ``’`` at ``s[i]`` ends a single-quoted span (not an apostrophe)."""
    after = s[i + 1 : i + 2]
    return not after or not after.isalnum()


def _mark_spans(text: str, para: Paragraph, index: int) -> Iterator[_Span]:
    """Quotation-mark spans of one paragraph; an unclosed one runs to its end.

    Curly marks inside a straight-quoted span nest; a second ``“`` inside a
    curly span means the first was never closed.
    """
    base, s = para.start, text[para.start : para.end]
    opened: tuple[str, int, int] | None = None  # (mark, mark start, inner start)
    depth = 0  # curly marks nested in a straight-quoted span
    for m in _MARK.finditer(s):
        mark, i = m.group(), m.start()
        if opened is None:
            if mark == "“" or (mark in ('"', "''") and _opens(s, i, len(mark))):
                opened, depth = (mark, i, m.end()), 0
            elif mark == "‘" and _opens(s, i, 1):
                opened = ("‘", i, m.end())
            continue
        kind, open_at, inner = opened
        if kind == "‘":
            if mark == "’" and _closes_single(s, i):
                yield from _make_span(s, base, open_at, inner, i, m.end(), True, index)
                opened = None
            elif mark == "“" or (mark == '"' and _opens(s, i, 1)):
                opened, depth = (mark, i, m.end()), 0
            continue
        if kind != "“" and mark == "“":
            depth += 1
        elif kind != "“" and mark == "”" and depth:
            depth -= 1
        elif mark in ("”", '"', "''"):
            yield from _make_span(s, base, open_at, inner, i, m.end(), True, index)
            opened = None
        elif mark == "“":
            opened = (mark, i, m.end())  # the previous one was never closed
    if opened is not None and opened[0] != "‘":
        yield from _make_span(s, base, opened[1], opened[2], len(s), len(s), False, index)


def _make_span(
    s: str, base: int, open_at: int, inner: int, end: int, close: int, closed: bool, index: int
) -> Iterator[_Span]:
    """A span with the quoted words stripped of surrounding spaces."""
    words = s[inner:end]
    stripped = words.strip()
    if not any(c.isalnum() for c in stripped):
        return
    start = inner + len(words) - len(words.lstrip())
    yield _Span(
        base + open_at, base + start, base + start + len(stripped), base + close, closed, index
    )


# ------------------------------------------------------------------ tokens


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """Word and punctuation tokens of ``text[start:end]`` with absolute offsets."""
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _is_name_tok(tok: _Tok) -> bool:
    return tok.cap and tok.text not in ("I",) and tok.text[0] not in _QUOTE_CHARS


def _is_verb(tok: _Tok) -> bool:
    return tok.text in SPEECH_VERBS  # lower-case only: "Said" opening a sentence is rare


def _clean_name(name: str) -> str:
    return _POSSESSIVE.sub("", name) if name.endswith(("'s", "’s")) else name


def _bare(word: str) -> str:
    """A word lower-cased without a final period or ’s: "It’s" -> "it", "Sen." -> "sen"."""
    return _APOSTROPHE_S.sub("", word.lower().rstrip("."))


# ------------------------------------------------------------ noun phrases


def _skip_back(toks: list[_Tok], j: int, floor: int) -> int:
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
        elif low in _ADVERBS or (low.endswith("ly") and not toks[j].cap and len(low) > 4):
            j -= 1
        elif (
            low in _TIME_WORDS
            and j - 1 >= floor
            and toks[j - 1].text.lower() in ("on", "last", "this", "late", "early")
        ):
            j -= 2
        else:
            break
    return j


def _comma_back(toks: list[_Tok], j: int, floor: int) -> int | None:
    """The comma that opens an apposition closed by the comma at token ``j``."""
    for k in range(j - 1, max(floor - 1, j - 32), -1):
        t = toks[k].text
        if t in (";", ":", "(", ")", "“", "”", '"') or _is_verb(toks[k]):
            return None
        if t == ",":
            before = _skip_paren(toks, k - 1, floor)
            ok = before >= floor and (
                _is_name_tok(toks[before]) or toks[before].text.lower() in _NP_WORDS
            )
            return k if ok and k + 1 < j else None
    return None


def _skip_paren(toks: list[_Tok], j: int, floor: int) -> int:
    """Step back over a short ``(R-Ohio)`` ending at token ``j``."""
    if j < floor or toks[j].text != ")":
        return j
    for k in range(j - 1, max(floor - 1, j - 10), -1):
        if toks[k].text == "(":
            return k - 1
    return j


def _appos_back(toks: list[_Tok], j: int, floor: int) -> tuple[int, str | None, list[_Tok]]:
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
        if depth and seg[0].text.lower() not in _NP_WORDS | {"a", "an", "the"}:
            break
        role, inner, j = _role_from_tokens(seg) or role, seg, _skip_paren(toks, k - 1, floor)
        if depth == 0 and toks[j].text == ",":
            break
    return j, role, inner


def _role_from_tokens(toks: list[_Tok]) -> str | None:
    """A role from apposition tokens, without the leading article."""
    if not toks:
        return None
    first = toks[0].text.lower()
    if first in ("who", "which", "whose", "where", "when") or toks[0].text.isdigit():
        return None
    if first in ("a", "an", "the"):
        toks = toks[1:]
    elif first not in _NP_WORDS and first not in TITLES:
        return None
    cut = next(
        (i for i, t in enumerate(toks) if t.text.lower() in ("who", "which", "whose")), len(toks)
    )
    toks = toks[:cut]
    if not toks or len(toks) > 20:
        return None
    return _join(toks)


def _join(toks: list[_Tok]) -> str:
    """The original words of a token run, with their spacing reduced to one space."""
    out = toks[0].text
    for prev, tok in zip(toks, toks[1:]):
        out += (" " if tok.start > prev.end else "") + tok.text
    return out


def _np_before(toks: list[_Tok], j: int, floor: int) -> int:
    """Start index of the noun phrase ending at token ``j``."""
    i = j
    while i >= floor and j - i < 10:
        tok = toks[i]
        low = tok.text.lower()
        if (
            tok.text in ("’s", "'s")
            or _is_name_tok(tok)
            or low in _NP_WORDS
            or _POSSESSIVE.sub("", low) in _NP_WORDS
        ):
            i -= 1  # "the governor's spokesman"
        elif i == j and i > floor and _is_head_noun(tok, toks[i - 1]):
            i -= 1  # "the announcer said", "The New York businessman says"
        elif low in _DETERMINERS:
            i -= 1
            if not (
                i - 1 >= floor
                and toks[i].text.lower() in _NP_PREPS
                and toks[i - 1].text.lower() in _NP_WORDS
            ):
                break
        elif (
            low in _NP_PREPS
            and i - 1 >= floor
            and i < j
            and (toks[i - 1].text.lower() in _NP_WORDS or _is_name_tok(toks[i - 1]))
        ):
            i -= 1
        else:
            break
    start = i + 1
    while start <= j and toks[start].text.lower() in _NP_PREPS:
        start += 1
    return start


def _is_head_noun(tok: _Tok, prev: _Tok) -> bool:
    """A common noun right after a determiner, a name or a role word."""
    low, plow = tok.text.lower(), prev.text.lower()
    if not tok.text.isalpha() or tok.cap or low in _STOP_CAPS or low in _ADVERBS:
        return False
    return (
        plow
        in ("the", "a", "an", "this", "that", "his", "her", "their", "its", "my", "our", "your")
        or _is_name_tok(prev)
        or plow in _NP_WORDS
    )


def _pronoun(tok: _Tok) -> str | None:
    """ "he" for "He", "He’s", "he'd"; None for other words."""
    low = tok.text.lower().replace("’", "'").split("'")[0]
    return (
        low
        if low in PRONOUNS and (low == tok.text.lower() or "'" in tok.text.replace("’", "'"))
        else None
    )


def _subject_before(toks: list[_Tok], v: int, floor: int) -> _Mention | None:
    """The subject of the speech verb at token ``v``: ``Nam said``, ``X, a Y, said``."""
    j = _skip_back(toks, v - 1, floor)
    if j < floor:
        return None
    if _pronoun(toks[j]):
        return _Mention("pronoun", _pronoun(toks[j]), toks[j].start, first=toks[j].start)
    role, inner = None, []
    if toks[j].text == ",":
        j, role, inner = _appos_back(toks, j, floor)
        if toks[j].text == ",":
            return None
    start = _np_before(toks, j, floor)
    if start > j:
        return None
    if _is_full_name(inner):  # "His business partner, Lawrence B. Cummings, said"
        m = _analyze_np(inner, _join(toks[start : j + 1]))
    else:
        m = _analyze_np(toks[start : j + 1], role)
    return replace(m, first=toks[start].start) if m else None


def _is_full_name(toks: list[_Tok]) -> bool:
    return (
        len(toks) >= 2
        and all(_is_name_tok(t) for t in toks)
        and _bare(toks[0].text) not in _STOP_CAPS
    )


def _subject_after(toks: list[_Tok], v: int, stop: int) -> _Mention | None:
    """The subject after an inverted verb: ``said John Smith, an analyst at RAND``."""
    i = v + 1
    if i < stop and toks[i].text.lower() in PRONOUNS:
        return _Mention("pronoun", toks[i].text.lower(), toks[i].start)
    end = _np_end(toks, i, stop)
    if end <= i:
        return None
    role = None
    if end < stop and toks[end].text == ",":
        tail = end + 1
        while tail < stop and toks[tail].text not in (",", ".", ";", "”", '"', "“"):
            tail += 1
        role = _role_from_tokens(toks[end + 1 : tail])
    return _analyze_np(toks[i:end], role)


def _np_end(toks: list[_Tok], i: int, stop: int, extra: frozenset[str] = frozenset()) -> int:
    """End index of the noun phrase starting at token ``i``: ``the Security Council``."""
    end = i
    while end < stop and end - i < 10:
        tok, low = toks[end], toks[end].text.lower()
        if (
            _is_name_tok(tok)
            or low in _NP_WORDS
            or low in _DETERMINERS
            or low in extra
            or tok.text in ("’s", "'s")
        ) or (
            low in _NP_PREPS
            and end + 1 < stop
            and (toks[end + 1].text.lower() in _DETERMINERS or _is_name_tok(toks[end + 1]))
        ):
            end += 1
        else:
            break
    while end > i and toks[end - 1].text.lower() in _NP_PREPS | _DETERMINERS:
        end -= 1
    return end


def _clause_start(toks: list[_Tok], stop: int) -> int | None:
    """Index of the main clause's first word: after ``But``, ``In a speech,`` and the like."""
    i = 0
    for _ in range(3):
        while i < stop and not toks[i].text[0].isalnum():
            i += 1
        if i >= stop:
            return None
        low = toks[i].text.lower()
        if low in _CONNECTIVES:
            i += 1
        elif low in _INTRO_WORDS:
            comma = next((k for k in range(i + 1, min(stop, i + 25)) if toks[k].text == ","), None)
            if comma is None:
                return None
            i = comma + 1
        else:
            return i
    return None


def _clause_subject(toks: list[_Tok], stop: int) -> _Mention | None:
    """The subject of the sentence's main clause, when a verb follows it.

    ``In a speech, Trump attacked ...``, ``Dean, a former party chairman,
    poked at ...``, ``A Justice Department report found ...``. Only people,
    groups and documents count: ``The sign read ...`` has no subject here.
    """
    i = _clause_start(toks, stop)
    if i is None:
        return None
    if _pronoun(toks[i]) in ("he", "she") and i + 1 < stop and _looks_like_verb(toks[i + 1]):
        return _Mention("pronoun", _pronoun(toks[i]) or "", toks[i].start)
    named = _named_in_apposition(toks, i, stop)
    if named:
        return named
    end = _np_end(toks, i, stop, _SOURCE_NOUNS)
    head = end
    while head < stop and toks[head].text.lower() in _DETERMINERS:
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
                if toks[k].text in (",", ";", ":") or toks[k].text[0] in _QUOTE_CHARS
            ),
            None,
        )
        if close is None or toks[close].text != ",":
            return None
        inner = toks[j + 1 : close]
        role, j = _role_from_tokens(inner), close + 1
    k = j  # "Reid has gone after ...", "the party had a message: ..."
    while k < stop and (
        toks[k].text.lower() in _ADVERBS or (toks[k].text.endswith("ly") and not toks[k].cap)
    ):
        k += 1
    if not any(n < stop and _looks_like_verb(toks[n]) for n in (j, k)):
        return None
    if _is_full_name(inner):  # His business partner, Lawrence B. Cummings, ...
        return _analyze_np(inner, _join(toks[i:end]))
    m = _analyze_np(toks[i:end], role)
    if m is None or (
        m.kind == "desc" and toks[end - 1].text.lower() not in _NP_WORDS | _SOURCE_NOUNS
    ):
        return None
    return m


def _named_in_apposition(toks: list[_Tok], i: int, stop: int) -> _Mention | None:
    """``His former business partner at Lenox, Lawrence B. Cummings, called ...``."""
    if toks[i].text.lower() not in _DETERMINERS:
        return None
    comma = next(
        (k for k in range(i + 1, min(stop, i + 10)) if not toks[k].text[0].isalnum()), None
    )
    if comma is None or toks[comma].text != ",":
        return None
    end = comma + 1
    while end < stop and _is_name_tok(toks[end]):
        end += 1
    inner = toks[comma + 1 : end]
    if (
        end + 1 >= stop
        or toks[end].text != ","
        or not _is_full_name(inner)
        or not _looks_like_verb(toks[end + 1])
    ):
        return None
    return _analyze_np(inner, _role_from_tokens(toks[i:comma]) or _join(toks[i:comma]))


def _looks_like_verb(tok: _Tok) -> bool:
    """A lower-case word that can follow a subject: ``attacked``, ``is``, ``has``."""
    low = tok.text.lower()
    return (
        tok.text.isalpha()
        and not tok.cap
        and low not in _NOT_VERBS
        and low not in _NP_PREPS
        and low not in _DETERMINERS
        and low not in _NP_WORDS
    )


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (title words, name words).

    ``Secretary of State Jane Doe`` keeps ``of State`` with its title; a
    team or unit with a position abbreviation goes too (``Browns DL Jo Ames``).
    A run of title words only (``Secretary``) has no name.
    """
    while words and (_bare(words[0]) in _STOP_CAPS or words[0].lower() in SPEECH_VERBS):
        words = words[1:]  # "Said Gomez: ...", "It’s ..."
    while words and words[-1].lower() in _TIME_WORDS:
        words = words[:-1]
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w.lower().rstrip(".") in TITLES:
            cut = max(cut, i + 1)
        elif w == "of" and i == cut and i > 0:
            cut = _title_of_end(words, i + 1)
        elif (
            _is_position_abbr(w)
            and len(words) - i > 2
            and not any(x.isupper() for x in words[i + 1 :])
        ):
            cut = max(cut, i + 1)
    last = _bare(words[-1]) if words else ""
    if cut == len(words) - 1 and last in TITLES and last not in _SURNAME_TITLES:
        cut = len(words)  # "Secretary", "Vice President"; not "Mr. King"
    return words[:cut], words[cut:]


def _title_of_end(words: list[str], i: int) -> int:
    """Where ``<title> of State`` / ``of Homeland Security`` ends; ``i`` follows "of"."""
    end = i + 1
    while end < len(words) and words[end].lower() in _DEPARTMENT_WORDS:
        end += 1
    return end


def _is_position_abbr(word: str) -> bool:
    """A short all-capital abbreviation before a name: ``DL``, ``QB``, ``CFO``."""
    return word.isalpha() and word.isupper() and 2 <= len(word) <= 4


def _analyze_np(toks: list[_Tok], role: str | None) -> _Mention | None:
    """Turn a subject noun phrase into a name, pronoun or description mention."""
    if not toks:
        return None
    prep = next(
        (i for i, t in enumerate(toks) if i and t.text in _NP_PREPS and not _title_of(toks, i)),
        None,
    )
    if prep is not None and _is_name_tok(toks[prep - 1]):
        head = _analyze_np(toks[:prep], role)  # "Charles B. Rangel of New York"
        if head and head.kind == "name":
            return head
    if not _is_name_tok(toks[-1]):
        lead = toks[0].text.lower()
        if len(toks) == 1 and lead in _DETERMINERS | _NP_PREPS:
            return None
        return _Mention("desc", _join(toks), toks[0].start, role)
    run = len(toks)
    while run > 0 and (
        _is_name_tok(toks[run - 1])
        or toks[run - 1].text.lower() in ("de", "van", "von", "bin", "al")
        or _title_of(toks, run - 1)
    ):
        run -= 1
    _titles, name = _split_name([t.text for t in toks[run:]])
    if not name:
        return None
    name_start = len(toks) - len(name)
    prefix = [
        t
        for t in toks[:name_start]
        if t.text.lower() not in _DETERMINERS and t.low not in HONORIFICS
    ]
    while prefix and _bare(prefix[0].text) in _STOP_CAPS:
        prefix = prefix[1:]
    if not role and prefix:
        role = _join(prefix)
    return _Mention("name", _clean_name(" ".join(name)), toks[0].start, role)


def _title_of(toks: list[_Tok], i: int) -> bool:
    """Whether token ``i`` is the "of" of ``Secretary of State``."""
    return toks[i].text == "of" and i > 0 and toks[i - 1].cap and toks[i - 1].low in TITLES


# ------------------------------------------------------------------ registry


def _name_key(name: str) -> str:
    """Same key for "Kim Jong-un" and "Kim Jong Un"."""
    return " ".join(name.lower().replace("-", " ").replace("’", "'").split())


def _build_registry(
    text: str, paras: list[Paragraph], bounds: list[list[tuple[int, int]]], spans: list[_Span]
) -> _Registry:
    """Scan capitalised runs once: people's full names, roles, sentence subjects."""
    reg = _Registry()
    opens = [sp.open for sp in spans]
    for pi, para in enumerate(paras):
        ends = [e for _, e in bounds[pi]]
        sentence_seen = -1
        for m in _NAME_RUN.finditer(text, para.start, para.end):
            words = _title_before(text, m.start(), para.start) + m.group().split()
            titles, name = _split_name(words)
            name = [_clean_name(w) for w in name]
            if not name:
                continue
            sentence = bisect.bisect_left(ends, m.start())
            subject = sentence != sentence_seen or _SUBJECT_VERB.match(text, m.end(), para.end)
            sentence_seen = sentence
            k = bisect.bisect_right(opens, m.start()) - 1
            if k >= 0 and spans[k].close > m.start():
                subject = False  # a name inside a quotation
            if len(name) == 1 and (titles or subject) and name[0].lower() not in _ORG_WORDS:
                reg.subjects.append((m.start(), pi, name[0]))  # "Mr. Obama", "Obama said"
                if titles:
                    reg.titled.add(name[0].lower())
                    person = _resolve_surname(name[0].lower(), m.start(), pi, reg)
                    if person:  # "Mrs. Clinton": a woman
                        _note_titles(reg, _name_key(person), titles, m.start())
            if (
                len(name) < 2
                or all(w.isupper() for w in name)
                or any(w.lower().rstrip(".") in _ORG_WORDS for w in name)
            ):
                continue
            full = " ".join(name)
            key = _name_key(full)
            entity = reg.entities.setdefault(key, _Entity(full))
            entity.count += 1
            if entity.role is None and entity.count <= 3:
                entity.role = _role_near(text, m.start(), m.end(), para, titles)
            pos = m.start()
            entity.positions.append(pos)
            _note_titles(reg, key, titles + (entity.role or "").split(), pos)
            for part in {name[0].lower(), name[-1].lower()}:
                reg.by_part.setdefault(part, []).append((pos, pi, key))
                reg.part_keys.setdefault(part, set()).add(key)
            if (
                pi == 0
                and sentence < len(ends)
                and not _MARK.search(text, bounds[pi][sentence][0], ends[sentence])
            ):
                reg.lead_keys.add(key)  # named in the lead, outside quotations: a newsmaker
            if subject:
                reg.subjects.append((m.start(), pi, full))
    return reg


def _title_before(text: str, start: int, floor: int) -> list[str]:
    """``["Secretary", "of"]`` when a run starts right after ``Secretary of``."""
    m = _TITLE_OF.search(text, max(floor, start - 40), start)
    return [m.group(1), "of"] if m and m.group(1).lower().rstrip(".") in TITLES else []


def _note_titles(reg: _Registry, key: str, words: list[str], pos: int) -> None:
    """Record the titles and gender words given with a person's name."""
    for word in words:
        low = word.lower().rstrip(".,")
        low = _TITLE_WORDS.get(low, low)
        if low in _FEMALE or low in _MALE:
            reg.gender.setdefault(key, "f" if low in _FEMALE else "m")
        if low in TITLES or low in _NP_WORDS:
            reg.by_title.setdefault(low, []).append((pos, key))


def _role_near(text: str, start: int, end: int, para: Paragraph, titles: list[str]) -> str | None:
    """The role given with a full name: apposition, words before it, or its title."""
    m = _APPOS.match(text, end, para.end)
    if m and (m.group("det") or m.group("role").split()[0].lower() in _NP_WORDS):
        role = m.group("role").strip()
        if 0 < len(role.split()) <= 20 and not role[:1].isdigit():
            return role
    before = _tokens(text, max(para.start, start - 80), start)
    j = len(before) - 1
    if j >= 0 and before[j].text.lower() in _NP_WORDS - _DETERMINERS:
        i = _np_before(before, j, 0)
        words = [t for t in before[i : j + 1] if t.text.lower() not in _DETERMINERS]
        while words and words[0].text.lower() in _STOP_CAPS:
            words = words[1:]
        if words:
            return _join(words)
    titles = [w for w in titles if w.lower().rstrip(".") not in HONORIFICS]
    return " ".join(titles) if titles else None


def _resolve(
    mention: _Mention, para: int, reg: _Registry, last: list[tuple[int, int, str]]
) -> str | None:
    """The canonical speaker name for a mention."""
    if mention.kind == "desc":
        return _holder(mention, reg) or mention.text
    if mention.kind == "pronoun":
        return _resolve_pronoun(mention, para, reg, last)
    key = _name_key(mention.text)
    if key in reg.entities:
        return reg.entities[key].name
    if " " in mention.text:
        return mention.text
    found = _resolve_surname(mention.text.lower(), mention.pos, para, reg)
    return found or mention.text


def _known_name(name: str, reg: _Registry) -> bool:
    """A full name, or a single word the article uses as a name ("Obama")."""
    return " " in name or name.lower() in reg.by_part or name.lower() in reg.titled


def _resolve_surname(part: str, pos: int, para: int, reg: _Registry) -> str | None:
    """The full name a lone surname ("Nam", "Kim") most likely refers to.

    The most recent full name in this or the previous paragraph; else the one
    mentioned most often so far; else the next one mentioned.
    """
    seen = reg.by_part.get(part)
    if not seen:
        return None
    i = bisect.bisect_left(seen, (pos,))
    if i and seen[i - 1][1] >= para - 1:
        return reg.entities[seen[i - 1][2]].name
    if i:
        counts = {
            k: (bisect.bisect_left(reg.entities[k].positions, pos), k) for k in reg.part_keys[part]
        }
        last = {k: p for p, _, k in reversed(seen[max(0, i - 50) : i])}
        best = max(counts, key=lambda k: (counts[k][0], last.get(k, -1)))
        return reg.entities[best].name
    return reg.entities[seen[i][2]].name


def _holder(mention: _Mention, reg: _Registry) -> str | None:
    """The person named earlier with the title of ``the senator``, ``the Republican nominee``."""
    words = mention.text.split()
    if (
        not 2 <= len(words) <= 4
        or words[0].lower() != "the"
        or any(w.endswith(("'s", "’s")) for w in words)
    ):
        return None
    head = _TITLE_WORDS.get(words[-1].lower(), words[-1].lower())
    if head not in TITLES and head not in _NP_WORDS:
        return None
    holders = reg.by_title.get(head, [])
    i = bisect.bisect_left(holders, (mention.pos,))
    return reg.entities[holders[i - 1][1]].name if i else None


def _resolve_pronoun(
    mention: _Mention, para: int, reg: _Registry, last: list[tuple[int, int, str]]
) -> str | None:
    """He/she: the most recent speaker or sentence subject in this or the previous paragraph.

    "She" prefers a person known to be a woman ("Mrs.", "spokeswoman"); "he"
    skips one, looking further back when every recent candidate is a woman.
    """
    pos, near, far = mention.pos, [], []
    i = bisect.bisect_left(reg.subjects, (pos,))
    for p, pi, name in reg.subjects[max(0, i - 8) : i]:
        (near if pi >= para - 1 else far).append(
            (p, _resolve(_Mention("name", name, p), pi, reg, last) or name)
        )
    j = bisect.bisect_left(last, (pos,))
    for p, pi, name in last[max(0, j - 8) : j]:
        (near if pi >= para - 1 else far).append((p, name))
    near.sort(reverse=True)
    far.sort(reverse=True)
    if mention.text in ("he", "she"):
        fits = _fits_he if mention.text == "he" else _fits_she
        for group in (near, far) if mention.text == "he" else (near,):
            found = next(
                (name for _, name in group if fits(reg.gender.get(_name_key(name)))), None
            )
            if found:
                return found
    return near[0][1] if near else None


def _fits_he(gender: str | None) -> bool:
    return gender != "f"


def _fits_she(gender: str | None) -> bool:
    return gender == "f"


# --------------------------------------------------------------- attribution


@dataclass
class _Found:
    """A span's attribution while the article is being processed."""

    span: _Span
    kind: QuoteKind
    speaker: str | None = None
    role: str | None = None
    explicit: bool = False
    words: int = 0
    title: bool = False  # Title Case words: a name or title, not speech


def _sentence_at(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, (pos, float("inf"))) - 1
    return bounds[max(i, 0)]


def _words_only(toks: list[_Tok]) -> bool:
    return any(t.text[0].isalnum() for t in toks)


def _after_attribution(toks: list[_Tok]) -> _Mention | None:
    """``"...," Nam said`` / ``"...," said X`` / ``"...," according to X``."""
    i, n = 0, len(toks)
    while i < n and not toks[i].text[0].isalnum():
        if toks[i].text in (".", "?", "!") and i > 0:
            return None
        i += 1
    if i >= n:
        return None
    if i and toks[i - 1].text in _DASHES:
        return _dash_signature(toks, i)
    if toks[i].cap and toks[i].text.lower() in SPEECH_VERBS:
        return _subject_after(toks, i, n)  # "...." Said Ellis, ...
    if toks[i].text.lower() == "as":
        return _as_put_it(toks, i + 1)
    if toks[i].text.lower() == "according" and i + 1 < n and toks[i + 1].text == "to":
        return _subject_after(toks, i + 1, n)
    for v in range(i, min(n, i + 30)):
        if toks[v].text in (".", "?", "!", ";"):
            return None
        if _is_verb(toks[v]):
            if _skip_back(toks, v - 1, i) < i:
                return _subject_after(toks, v, n)
            m = _subject_before(toks, v, i)
            return m if m and m.first == toks[i].start else None
    return None


def _as_put_it(toks: list[_Tok], i: int) -> _Mention | None:
    """``"...," as one senator put it`` (also ``as X wrote``, ``as X said``)."""
    end = _np_end(toks, i, len(toks), _SOURCE_NOUNS)
    j = end
    while j < len(toks) and toks[j].text.lower() in _ADVERBS:
        j += 1
    if end <= i or j >= len(toks):
        return None
    put_it = toks[j].text == "put" and j + 1 < len(toks) and toks[j + 1].text == "it"
    return _analyze_np(toks[i:end], None) if put_it or _is_verb(toks[j]) else None


def _dash_signature(toks: list[_Tok], i: int) -> _Mention | None:
    """``"..." ― Jorge Falcon`` or ``― Jorge Falcon, a nurse from Ohio``."""
    end = i
    while end < len(toks) and (
        _is_name_tok(toks[end]) or toks[end].text.lower() in ("de", "van", "von", "bin", "al")
    ):
        end += 1
    if end == i or (end < len(toks) and toks[end].text not in (",", ".", "(")):
        return None
    role = (
        _role_from_tokens([t for t in toks[end + 1 :] if t.text != "."])
        if end < len(toks) and toks[end].text == ","
        else None
    )
    return _analyze_np(toks[i:end], role)


def _bare_attribution(toks: list[_Tok]) -> bool:
    """Whether a sentence is only an attribution: ``Nam said.``, ``said X, a Y.``."""
    words = [t for t in toks if t.text[0].isalnum()]
    if not words or len(toks) > 24 or any(t.text == "that" for t in toks):
        return False
    verb = next((i for i, t in enumerate(toks[:10]) if _is_verb(t)), None)
    if verb is None:
        return False
    nxt = toks[verb + 1] if verb + 1 < len(toks) else None
    if verb == 0 or nxt is None or not nxt.text[0].isalnum():
        return True
    if any(t.text[0] in _QUOTE_CHARS or t.text.lower() in _AUXILIARIES for t in toks[verb + 1 :]):
        return False  # "The agency said North Korea had ...": a sentence of its own
    return nxt.cap or nxt.text.lower() in _AFTER_VERB


def _before_attribution(toks: list[_Tok]) -> _Mention | None:
    """``X said: "..."``, ``According to X, "..."``, ``Kim said he will "..."``."""
    n = len(toks)
    if n > 1 and toks[0].cap and toks[0].text.lower() in SPEECH_VERBS:
        m = _subject_after(toks, 0, n)  # Said Ellis: "..."
        if m:
            return m
    for k in range(n - 1):
        if toks[k].text.lower() == "according" and toks[k + 1].text == "to":
            m = _subject_after(toks, k + 1, n)
            if m:
                return m
    for v in range(n - 1, -1, -1):
        if _is_verb(toks[v]):
            m = _subject_before(toks, v, 0) or _participle_subject(toks, v)
            if m:
                return m
    if n > 2 and toks[-1].text == ":":  # "President Obama has a new message: "..."
        return _participle_subject(toks, n - 1, colon=True)
    return None


def _participle_subject(toks: list[_Tok], v: int, colon: bool = False) -> _Mention | None:
    """``Trump tweeted early Friday, saying ...``: the sentence's opening name."""
    coordinated = v > 0 and toks[v - 1].text in ("and", "but")
    if not colon and not coordinated and not toks[v].text.endswith("ing"):
        return None
    end = 0
    while end < v and (_is_name_tok(toks[end]) or toks[end].text in ("’s", "'s")):
        end += 1
    m = _analyze_np(toks[:end], None) if 0 < end < v else None
    return m if m and m.kind == "name" else _clause_subject(toks, v)


def _gap_attribution(gaps: list[list[_Tok]], anchor: int) -> _Mention | None:
    """Any speech verb with a subject in the sentence, nearest to ``anchor``."""
    best: tuple[int, _Mention] | None = None
    for toks in gaps:
        for v, tok in enumerate(toks):
            if not _is_verb(tok):
                continue
            m = _subject_before(toks, v, 0) or _participle_subject(toks, v)
            if m is None and _skip_back(toks, v - 1, 0) < 0:
                m = _subject_after(toks, v, len(toks))
            if m and (best is None or abs(tok.start - anchor) < best[0]):
                best = (abs(tok.start - anchor), m)
    return best[1] if best else None


def _kind(text: str, span: _Span, before_start: int) -> QuoteKind:
    """``direct`` for a full quoted clause, ``partial`` for an embedded phrase."""
    before = text[before_start : span.open].strip()
    inner = text[span.start : span.end]
    n_words = len(inner.split())
    if not before or before[-1] in _QUOTE_CHARS:
        return "direct" if n_words >= 4 or inner[-1] in ",.!?…—-" else "partial"
    if before[-1] == ":":
        return "direct"
    starts_upper = inner[:1].isupper() and n_words >= 3
    if before[-1] == "," and starts_upper:
        return "direct"
    last = before.split()[-1].lower()
    if last in _CLAUSE_VERBS and starts_upper:
        return "direct"
    return "partial"


def _attribute(
    text: str,
    paras: list[Paragraph],
    bounds: list[list[tuple[int, int]]],
    spans: list[_Span],
    reg: _Registry,
    events: list[tuple[int, int, str]],
) -> list[_Found]:
    """Explicit attributions, then speakers carried over to unattributed quotes."""
    found: list[_Found] = []
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
    following: list[_Found | None] = [None] * len(found)
    chained: list[str | None] = [None] * len(found)
    nxt_found: _Found | None = None
    for i in range(len(found) - 1, -1, -1):
        if nxt_found and nxt_found.span.paragraph == found[i].span.paragraph:
            following[i] = nxt_found
        if found[i].explicit:
            nxt_found = found[i]
        if i + 1 < len(found) and _continues(found[i].span, found[i + 1].span, paras):
            chained[i] = found[i + 1].speaker if found[i + 1].explicit else chained[i + 1]
    last: _Found | None = None
    for i, f in enumerate(found):
        if f.speaker is None and f.kind == "direct" and not f.title:
            prev = last if last and last.span.paragraph == f.span.paragraph else None
            context = _Context(
                continued=found[i - 1].speaker
                if i and _continues(found[i - 1].span, f.span, paras)
                else None,
                chained=chained[i],
                subject=_previous_subject(text, paras, bounds, spans, f.span, reg, events),
            )
            _inherit(paras[f.span.paragraph], f, prev, following[i], events, context)
            f.role = f.role or roles.get(f.speaker or "") or _entity_role(f.speaker, reg)
            if f.speaker:
                bisect.insort(events, (f.span.open, f.span.paragraph, f.speaker))
        if f.speaker:
            last = f
    return found


def _continues(span: _Span, nxt: _Span, paras: list[Paragraph]) -> bool:
    """Whether ``nxt`` continues the quote ``span`` left open at its paragraph's end."""
    return not span.closed and nxt.paragraph == span.paragraph + 1 and _opens_paragraph(nxt, paras)


def _opens_paragraph(span: _Span, paras: list[Paragraph]) -> bool:
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
    spans: list[_Span],
    span: _Span,
    reg: _Registry,
    events: list[tuple[int, int, str]],
) -> tuple[int, str] | None:
    """The person the sentence before a quote is about: ``Tom Hardy disagreed. "..."``.

    Only for a quote that opens its sentence and follows a sentence without
    quotation marks (in the same paragraph, or ending the previous one).
    """
    pi = span.paragraph
    sb = bounds[pi]
    k = bisect.bisect_right(sb, (span.open, float("inf"))) - 1
    if k < 0 or any(t.text[0].isalnum() for t in _tokens(text, sb[k][0], span.open)):
        return None
    if k > 0:
        start, end = sb[k - 1]
    elif pi > 0 and _opens_paragraph(span, paras):
        pi -= 1
        start, end = bounds[pi][-1]
    else:
        return None
    j = bisect.bisect_left(spans, end, key=lambda sp: sp.open) - 1
    if j >= 0 and spans[j].close > start:
        return None  # quoted words, or a sentence inside a quotation
    toks = _tokens(text, start, end)
    m = _clause_subject(toks, len(toks))
    if m is None or m.kind != "name" or not _known_name(m.text, reg):
        return None
    name = _resolve(m, pi, reg, events)
    return (start, name) if name else None


def _explicit(
    text: str,
    paras: list[Paragraph],
    bounds: list[list[tuple[int, int]]],
    spans: list[_Span],
    i: int,
    prev: _Span | None,
    nxt: _Span | None,
    reg: _Registry,
    events: list[tuple[int, int, str]],
) -> _Found:
    """The attribution found in the quote's own sentence, if any."""
    span, para = spans[i], paras[spans[i].paragraph]
    sb = bounds[span.paragraph]
    s_open = _sentence_at(sb, span.open)
    s_close = _sentence_at(sb, max(span.end - 1, span.start))
    b_start = max(s_open[0], prev.close if prev else para.start, span.open - _WINDOW)
    a_end = min(max(s_close[1], span.close), nxt.open if nxt else para.end, span.close + _WINDOW)
    after = _tokens(text, span.close, a_end)
    if not _words_only(after):
        after = _next_sentence_attribution(text, sb, span, nxt.open if nxt else para.end)
    before = _tokens(text, b_start, span.open)
    inner = text[span.start : span.end]
    sentence = _tokens(text, s_open[0], span.open)
    # In a headline-style sentence (Clinton Said "You Are ...") Title Case tells nothing.
    headline = any(t.cap and t.text.lower() in SPEECH_VERBS for t in sentence)
    title = not headline and _is_title_case(inner)
    if not headline and _named_title(before, inner):
        return _Found(span, "partial", words=len(inner.split()), title=True)  # on "Meet the Press"
    mention = _after_attribution(after) or _before_attribution(before)
    if mention is None:
        lo, hi = s_open[0], max(s_close[1], span.close)
        lo, hi = max(lo, span.open - _WINDOW), min(hi, span.close + _WINDOW)
        gaps = [
            _tokens(text, max(lo, a.close), min(hi, b.open))
            for a, b in _gap_pairs(spans, i, lo, hi)
        ]
        mention = _gap_attribution([g for g in gaps if g], span.open)
    if mention is None and before and before[-1].text.lower() in ("his", "her"):
        mention = _sentence_person(text, b_start, span.open, reg)  # despite his "tight schedule"
    kind = _kind(text, span, b_start)
    found = _Found(span, kind, words=len(inner.split()), title=title)
    if mention is None and (
        (found.words > 3 and kind == "partial" and not found.title)
        or (before and before[-1].text == ":")
    ):
        mention = _clause_subject(sentence, len(sentence))  # Trump attacked "the ..."
    elif mention is not None and mention.kind == "pronoun" and mention.text in ("it", "they"):
        mention = (
            _clause_subject(sentence, len(sentence)) or mention
        )  # the council ... what it called "..."
    if mention is not None:
        found.speaker = _resolve(mention, span.paragraph, reg, events)
        found.role = mention.role or _entity_role(found.speaker, reg)
        found.explicit = found.speaker is not None
        if found.speaker and mention.kind != "desc":
            bisect.insort(events, (span.open, span.paragraph, found.speaker))
    return found


def _named_title(before: list[_Tok], inner: str) -> bool:
    """Whether quoted Title Case words name a show, book or event: ``on "Meet the Press."``.

    They follow a word that is not a speech verb (``on``, ``NBC's``, ``the
    book``); such a span is never speech, whoever the sentence names.
    """
    if not before or not before[-1].text[0].isalnum() or before[-1].text.lower() in SPEECH_VERBS:
        return False
    return _is_title_case(inner, period=True)


def _next_sentence_attribution(
    text: str, sb: list[tuple[int, int]], span: _Span, limit: int
) -> list[_Tok]:
    """Tokens of the sentence after a quote that ends its own, if only an attribution.

    ``"...." Nam said.`` / ``"...."― Jorge Falcon`` (the splitter may put the
    closing mark in that next sentence).
    """
    k = bisect.bisect_right(sb, span.close, key=lambda bound: bound[1])
    if k >= len(sb):
        return []
    stop = min(sb[k][1], limit, span.close + _WINDOW)
    after = _tokens(text, span.close, stop)
    lead = next((t for t in after if t.text[0].isalnum() or t.text in _DASHES), None)
    if _bare_attribution(after) or (lead is not None and lead.text in _DASHES):
        return after
    return []


def _sentence_person(text: str, start: int, end: int, reg: _Registry) -> _Mention | None:
    """The first known person named (not in the possessive) in ``text[start:end]``."""
    for m in _NAME_RUN.finditer(text, start, end):
        if text.startswith(("'s", "’s"), m.end()):
            continue
        _, name = _split_name(m.group().split())
        if not name:
            continue
        key = _name_key(" ".join(name))
        if key in reg.entities or (len(name) == 1 and name[0].lower() in reg.by_part):
            return _Mention("name", " ".join(name), m.start())
    return None


def _gap_pairs(spans: list[_Span], i: int, lo: int, hi: int) -> Iterator[tuple[_Span, _Span]]:
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
        _Span(lo, lo, lo, lo, True, -1),
        *spans[first : last + 1],
        _Span(hi, hi, hi, hi, True, -1),
    ]
    yield from zip(edges, edges[1:])


def _entity_role(name: str | None, reg: _Registry) -> str | None:
    if not name:
        return None
    entity = reg.entities.get(_name_key(name))
    return entity.role if entity else None


def _inherit(
    para: Paragraph,
    f: _Found,
    prev: _Found | None,
    following: _Found | None,
    events: list[tuple[int, int, str]],
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
    event = events[j - 1] if j and events[j - 1][1] == pi else None
    candidates = [(event[0], event[2])] if event else []
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
        if j and events[j - 1][1] == pi - 1:
            f.speaker = events[j - 1][2]
    if f.speaker is None and following is not None:
        f.speaker, f.role = following.speaker, following.role
    if f.speaker is None and subject:
        f.speaker = subject[1]


# ------------------------------------------------------------ indirect speech


def _indirect(
    text: str,
    paras: list[Paragraph],
    bounds: list[list[tuple[int, int]]],
    spans: list[_Span],
    reg: _Registry,
) -> tuple[list[Quote], list[tuple[int, int, str]]]:
    """``X said (that) ...`` sentences without quotation marks, and speech events."""
    quoted = [(s.open, s.close) for s in spans]
    out: list[Quote] = []
    events: list[tuple[int, int, str]] = []
    for pi, _para in enumerate(paras):
        for start, end in bounds[pi]:
            k = bisect.bisect_left(quoted, (end,))
            if k and quoted[k - 1][1] > start:
                continue
            verb = _VERB_RE.search(text, start, end)
            if not verb:
                continue
            q = _indirect_sentence(text, start, end, pi, reg, events)
            if q:
                out.append(q)
    return out, events


def _indirect_sentence(
    text: str, start: int, end: int, pi: int, reg: _Registry, events: list[tuple[int, int, str]]
) -> Quote | None:
    """An indirect quote: ``Nam said (that) ...`` or ``..., Nam said.``."""
    toks = _tokens(text, start, end)
    for v, tok in enumerate(toks[:16]):
        if tok.text not in _CLAUSE_VERBS:
            continue
        m = _subject_before(toks, v, 0)
        if m is None or m.kind == "desc" or m.first != toks[0].start:
            break
        c = _content_start(toks, v) if tok.text in _INDIRECT_VERBS else None
        return _reported(text, toks[c:] if c else [], m, tok, pi, reg, events)
    for k in range(len(toks) - 2, max(0, len(toks) - 16), -1):
        if toks[k].text == ",":
            tail = toks[k + 1 :]
            m = _after_attribution(tail) if _bare_attribution(tail) else None
            if m is None or m.kind == "desc":
                return None
            verb = next(t for t in tail if _is_verb(t) or t.text == "according")
            return _reported(text, toks[:k], m, verb, pi, reg, events)
    return None


def _reported(
    text: str,
    body: list[_Tok],
    m: _Mention,
    verb: _Tok,
    pi: int,
    reg: _Registry,
    events: list[tuple[int, int, str]],
) -> Quote | None:
    """Record a speech event; return the reported clause ``body`` as an indirect quote."""
    speaker = _resolve(m, pi, reg, events)
    if speaker is None:
        return None
    events.append((verb.start, pi, speaker))
    if verb.text not in _INDIRECT_VERBS and verb.text != "according":
        return None
    while body and body[-1].text in (".", "!", "?"):
        body = body[:-1]
    body = _trim_trailing_attribution(body)
    if len([t for t in body if t.text[0].isalnum()]) < 4:
        return None
    role = m.role or _entity_role(speaker, reg)
    q_start, q_end = body[0].start, body[-1].end
    return Quote(text[q_start:q_end], speaker, role, False, "indirect", pi, q_start, q_end)


def _content_start(toks: list[_Tok], v: int) -> int | None:
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
        or low in _NP_PREPS
        or low in ("to", "it", "so", "as", "nothing", "yes", "no")
    ):
        return None
    return nxt


def _trim_trailing_attribution(body: list[_Tok]) -> list[_Tok]:
    """Drop a closing ``, Sputnik news agency reported`` from a reported clause."""
    for k in range(len(body) - 1, max(0, len(body) - 12), -1):
        if body[k].text == ",":
            tail = body[k + 1 :]
            if tail and any(t.text in SPEECH_VERBS for t in tail[-4:]):
                return body[:k]
            break
    return body


# --------------------------------------------------------------------- output


def _to_quote(text: str, f: _Found, reg: _Registry) -> Quote:
    span = f.span
    expert = (
        f.kind == "direct"
        and f.speaker is not None
        and _name_key(f.speaker) not in reg.lead_keys
        and is_expert_role(f.role or (f.speaker if f.speaker[:1].islower() else None))
    )
    return Quote(
        text[span.start : span.end],
        f.speaker,
        f.role,
        expert,
        f.kind,
        span.paragraph,
        span.start,
        span.end,
    )
