"""Function words the quote rules step over: auxiliaries, adverbs, time words, determiners."""

from __future__ import annotations

AUXILIARIES = frozenset(
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
ADVERBS = frozenset(
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
# Nouns ending in "-ly" that are never the adverb of "Putin quickly said": "Scott's family said".
LY_NOUNS = frozenset(
    ["family", "assembly", "ally", "rally", "supply", "monopoly", "anomaly", "bully", "homily"]
)


def is_ly_adverb(word: str) -> bool:
    """An adverb by its "-ly" ending (``angrily``, ``tersely``), not ``family``."""
    low = word.lower()
    return low.endswith("ly") and len(low) > 4 and low not in LY_NOUNS


# Months, which are also surnames and first names ("Theresa May", "April Ryan").
MONTHS = frozenset(
    [
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
TIME_WORDS = (
    frozenset(
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
        ]
    )
    | MONTHS
)
# Words opening an introductory phrase that ends at a comma: "In a speech, X ...".
INTRO_WORDS = frozenset(
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
CONNECTIVES = frozenset(
    ["but", "and", "yet", "so", "still", "however", "meanwhile", "instead", "also", "then"]
)
# Words that cannot be the verb after a subject.
NOT_VERBS = frozenset(
    ["who", "which", "whose", "that", "and", "or", "of", "to", "as", "than", "for", "with"]
)
DETERMINERS = frozenset(
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
# Whose: "my father", "his spokesman" is never the person the article named before.
POSSESSIVE_DETERMINERS = frozenset(["my", "our", "your", "his", "her", "their", "its"])
NP_PREPS = frozenset(["of", "for", "at", "from", "with", "in", "on"])
# Capitalised words that begin sentences and are not names.
STOP_CAPS = frozenset(
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
