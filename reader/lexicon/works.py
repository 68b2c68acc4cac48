"""Titles of works: the words that tell a quoted film, book, song or report title from speech.

``the film "The Long Way Home"``, ``a report titled "Housing and the City"``,
``she starred in "Star Wars: The Force Awakens"``: quotation marks around a
title hold no one's words. Used by ``reader.article.quotes.titles``.
"""

from __future__ import annotations

# Works of art and entertainment: quoted words right after one are its title, whatever their case.
_CREATIVE = (
    "film",
    "movie",
    "documentary",
    "biopic",
    "book",
    "novel",
    "novella",
    "memoir",
    "biography",
    "autobiography",
    "bestseller",
    "song",
    "album",
    "ballad",
    "anthem",
    "series",
    "miniseries",
    "sitcom",
    "episode",
    "programme",
    "podcast",
    "musical",
    "opera",
    "poem",
    "essay",
)
# Works whose name also means other things ("the videos", "a report"): a title only in Title Case.
_OTHER = (
    "show",
    "single",
    "track",
    "play",
    "article",
    "column",
    "editorial",
    "op-ed",
    "headline",
    "report",
    "study",
    "paper",
    "survey",
    "chapter",
    "exhibition",
    "exhibit",
    "painting",
    "sculpture",
    "game",
    "video",
    "blog",
    "magazine",
    "newsletter",
)


def _with_plurals(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset([*words, *(w + "s" for w in words if not w.endswith("s"))])


# A noun naming a work, singular or plural: 'her new film "..."', 'the songs "..." and "..."'.
CREATIVE_WORKS = _with_plurals(_CREATIVE)
WORK_NOUNS = CREATIVE_WORKS | _with_plurals(_OTHER)
# Words that stand right before a work noun and make it one: "her film", "the new film".
WORK_DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "that", "whose"]
)
# Participles that give a title whatever its case: 'an essay titled "why we walk"'.
TITLING_WORDS = frozenset(["titled", "entitled", "headlined", "subtitled"])
# Verbs that name something: a title when a work noun stands just before ('a film called "X"').
NAMING_WORDS = frozenset(["called", "named", "dubbed", "nicknamed", "billed"])
# Words after which Title Case quoted words are a title: 'she starred in "Star Wars"'.
TITLE_LEADS = frozenset(
    [
        "in",
        "on",
        "from",
        "of",
        "released",
        "directed",
        "produced",
        "recorded",
        "performed",
        "published",
        "premiered",
        "starred",
        "authored",
        "sang",
        "watched",
        "reviewed",
    ]
)
# Lower-case words of a Title Case name ("Tale of the Two Cities", "Meet the Press").
TITLE_CASE_SMALL = frozenset(
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
# ... and the few more a work's title may hold: "Who Wants to Be a Millionaire?", "Love as It Is".
TITLE_SMALL_WORDS = TITLE_CASE_SMALL | frozenset(
    ["but", "as", "into", "onto", "upon", "than", "vs.", "del", "von", "van"]
)
