"""Sections: runs of paragraphs with a short label for navigation.

Headings in the source (Markdown, HTML) make the sections. Otherwise the body
is cut at photo breaks, then long stretches at their least cohesive paragraph
boundary (the two sides share the fewest words). A section is labelled with
the experts quoted in it, else with its most salient keywords.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from reader.article.model import Paragraph, Quote
from reader.nlp.stopwords import STOP_WORDS

MIN_SPLIT_SENTENCES = 10
MAX_SPLIT_SENTENCES = 60
TARGET_SECTIONS = 12  # an article of any length gets about this many sections or more
MIN_SIDE_SENTENCES = 3
MAX_LABEL = 42
WINDOW = 3  # paragraphs compared on each side of a candidate boundary
_NAME = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*[a-z][\w'’-]*)+")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_APOSTROPHES = "'\u2019"
_TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "leader",
        "chairman",
        "chairwoman",
        "secretary",
        "professor",
        "prof",
        "dr",
        "mr",
        "mrs",
        "ms",
        "gen",
        "general",
        "king",
        "queen",
        "prince",
        "chancellor",
        "senator",
        "sen",
        "governor",
        "gov",
        "mayor",
        "ceo",
        "chief",
        "spokesman",
        "spokeswoman",
        "director",
        "ambassador",
        "commander",
        "minister's",
        "foreign",
        "defense",
        "defence",
    ]
)
_ADJECTIVAL = re.compile(r"\s+[a-z]")
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i")
_NOT_NOUN = ("ed", "ly", "ing")
_TERM = re.compile(r"\b[a-z][a-z-]{3,}\b")


def plan_sections(paragraphs: Sequence[Paragraph], breaks: set[int]) -> list[list[Paragraph]]:
    """Group ``paragraphs`` into sections, starting new ones at ``breaks``.

    Stretches longer than a split size (which grows with the article, so a
    long report is not cut into slivers) are cut at their least cohesive
    paragraph boundary, recursively.
    """
    groups: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        if not groups or paragraph.index in breaks:
            groups.append([])
        groups[-1].append(paragraph)
    total = sum(len(p.sentences) for p in paragraphs)
    split_size = min(MAX_SPLIT_SENTENCES, max(MIN_SPLIT_SENTENCES, total // TARGET_SECTIONS))
    result: list[list[Paragraph]] = []
    for group in groups:
        result.extend(_split_by_cohesion(group, _boundary_cohesion(group), split_size))
    return result


def _boundary_cohesion(paragraphs: Sequence[Paragraph]) -> dict[int, float]:
    """Cosine similarity of the WINDOW paragraphs on each side of each boundary in a stretch.

    Keyed by the index of the paragraph that follows the boundary.
    """
    bags = [_bag(p.text) for p in paragraphs]
    cohesion = {}
    for at in range(1, len(paragraphs)):
        left = sum(bags[max(0, at - WINDOW) : at], Counter())
        right = sum(bags[at : at + WINDOW], Counter())
        cohesion[paragraphs[at].index] = _cosine(left, right)
    return cohesion


def _split_by_cohesion(
    group: list[Paragraph], cohesion: dict[int, float], split_size: int
) -> list[list[Paragraph]]:
    total = sum(len(p.sentences) for p in group)
    if len(group) < 2 or total < split_size:
        return [group]
    best_at, best_score = None, math.inf
    seen = 0
    for at in range(1, len(group)):
        seen += len(group[at - 1].sentences)
        if seen < MIN_SIDE_SENTENCES or total - seen < MIN_SIDE_SENTENCES:
            continue
        # Least cohesion wins; balanced halves break near-ties.
        score = cohesion[group[at].index] + 0.05 * abs(seen - total / 2) / total
        if score < best_score:
            best_at, best_score = at, score
    if best_at is None:
        return [group]
    return _split_by_cohesion(group[:best_at], cohesion, split_size) + _split_by_cohesion(
        group[best_at:], cohesion, split_size
    )


def _bag(text: str) -> Counter:
    return Counter(w for w in _TERM.findall(text.lower()) if w not in STOP_WORDS)


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def label_sections(groups: list[list[Paragraph]], quotes: Sequence[Quote]) -> list[str]:
    """A short label for each group: its expert speakers, else its keywords."""
    terms = [_salient_terms(" ".join(p.text for p in group)) for group in groups]
    document_frequency = Counter(t for counts in terms for t in counts)
    labels = []
    for group, counts in zip(groups, terms):
        experts = _experts_in(group, quotes)
        if experts:
            labels.append(_fit(", ".join(experts)))
            continue
        labels.append(_keyword_label(counts, document_frequency, len(groups)))
    return labels


def _experts_in(group: list[Paragraph], quotes: Sequence[Quote]) -> list[str]:
    indexes = {p.index for p in group}
    names: list[str] = []
    for quote in quotes:
        if (
            quote.expert
            and quote.speaker
            and quote.paragraph in indexes
            and quote.speaker not in names
        ):
            names.append(quote.speaker)
    return names


def _salient_terms(text: str) -> Counter:
    """Candidate label terms with their counts: names, word pairs, words."""
    counts: Counter = Counter()
    for match in _NAME.finditer(text):
        if _ADJECTIVAL.match(text, match.end()) and match.group().endswith(_DEMONYM_ENDINGS):
            continue  # "North Korean leader": an adjective, not a name
        for name in _names_in(match.group()):
            counts[name] += 1
    for sentence in re.split(r"[.!?;:,()\"\u201c\u201d]", text):
        tokens = [_plain(w) for w in _TOKEN.findall(sentence)]
        for i, token in enumerate(tokens):
            lower = token.lower()
            if (
                not token
                or not token[0].islower()
                or lower in STOP_WORDS
                or len(lower) < 4
                or lower.endswith(_NOT_NOUN)
            ):
                continue
            counts[_singular(lower)] += 1
            if i + 1 < len(tokens):
                following = tokens[i + 1]
                if (
                    following
                    and following[0].islower()
                    and following not in STOP_WORDS
                    and len(following) >= 4
                    and not following.endswith(_NOT_NOUN)
                ):
                    counts[f"{lower} {_singular(following)}"] += 1.2
    # A word pair is a term only when the section repeats it.
    return Counter(
        {t: c for t, c in counts.items() if not (" " in t and t[0].islower() and c < 2.4)}
    )


def _plain(token: str) -> str:
    """A word without its possessive ("party’s" -> "party"); "" for a contraction ("couldn’t")."""
    word = token.rstrip(_APOSTROPHES)
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    return "" if any(a in word for a in _APOSTROPHES) else word


def _names_in(phrase: str) -> list[str]:
    """Names in a capitalised run, without titles: 'Russian President Vladimir Putin' -> ['Vladimir Putin'].

    A possessive ends a name: "South Korea’s Moon Jae-in" -> ["South Korea", "Moon Jae-in"].
    """
    names: list[str] = []
    current: list[str] = []
    for token in phrase.split() + ["President"]:
        word = _plain(token)
        if word and word.lower() not in _TITLES and word.lower() not in STOP_WORDS:
            current.append(word)
            if word == token:
                continue  # the name goes on; a possessive ends it
        if len(current) >= 2:
            names.append(" ".join(current))
        current = []
    return names


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


def _keyword_label(counts: Counter, document_frequency: Counter, sections: int) -> str:
    """The section's most distinctive name and its most distinctive other term."""

    def weight(term: str) -> float:
        return counts[term] * math.log((1 + sections) / document_frequency[term])

    ranked = sorted(counts, key=lambda t: (-weight(t), t))
    names = [t for t in ranked if t[0].isupper()]
    terms = [t for t in ranked if not t[0].isupper()]
    chosen = names[:1]
    for term in terms:
        if not any(part in c.lower() for part in term.split() for c in chosen):
            chosen.append(term)
            break
    for term in ranked:
        if len(chosen) >= 2:
            break
        if term not in chosen and not any(
            term.lower() in c.lower() or c.lower() in term.lower() for c in chosen
        ):
            chosen.append(term)
    if not chosen:
        return "Text"
    label = ", ".join(chosen)
    return _fit(label[0].upper() + label[1:])


def _fit(label: str) -> str:
    if len(label) <= MAX_LABEL:
        return label
    cut = label[: MAX_LABEL - 1].rsplit(" ", 1)[0].rstrip(",")
    return cut + "\u2026"
