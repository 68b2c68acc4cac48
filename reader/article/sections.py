"""Sections: runs of paragraphs with a short label for navigation.

Headings in the source (Markdown, HTML) make the sections. A plain text has
none: the reader derives parts for navigation only when the text is long
enough to need them (``MIN_DERIVED_SENTENCES``), cut at photo breaks, then
long stretches at their least cohesive paragraph boundary (the two sides share
the fewest words). A derived part is labelled the way a reader would name it:
the experts quoted in it, else its own opening words. It is marked
``derived`` and never shown as a heading.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from reader.article.model import Paragraph, Quote
from reader.nlp.stopwords import STOP_WORDS

MIN_DERIVED_SENTENCES = (
    45  # below this (about 1,000 words) a text is one section: ] moves by paragraph
)
MIN_SPLIT_SENTENCES = 25  # a derived part holds about this many sentences at least
MAX_SPLIT_SENTENCES = 60
TARGET_SECTIONS = 12  # a long text gets about this many parts or more
MIN_SIDE_SENTENCES = 8
MAX_LABEL = 42
OPENING_WORDS = 7  # words of a part's first sentence that label it
WINDOW = 3  # paragraphs compared on each side of a candidate boundary
_TERM = re.compile(r"\b[a-z][a-z-]{3,}\b")


def plan_sections(paragraphs: Sequence[Paragraph], breaks: set[int]) -> list[list[Paragraph]]:
    """Group ``paragraphs`` into sections, starting new ones at ``breaks``.

    Stretches longer than a split size (which grows with the article, so a
    long report is not cut into slivers) are cut at their least cohesive
    paragraph boundary, recursively.
    """
    total = sum(len(p.sentences) for p in paragraphs)
    if total < MIN_DERIVED_SENTENCES:
        return [list(paragraphs)] if paragraphs else []
    groups: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        if not groups or paragraph.index in breaks:
            groups.append([])
        groups[-1].append(paragraph)
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
    """A label for each derived part: the experts quoted in it, else its opening words."""
    labels = []
    for group in groups:
        experts = _experts_in(group, quotes)
        if experts:
            labels.append(
                _fit(" and ".join(experts[:2]) + (" and others" if len(experts) > 2 else ""))
            )
        else:
            labels.append(opening_words(group[0].text) if group else "Text")
    return labels


def opening_words(text: str) -> str:
    """The first words of ``text`` (at most OPENING_WORDS, MAX_LABEL characters), "…" when cut."""
    words = text.split()
    label = " ".join(words[:OPENING_WORDS])
    cut = len(words) > OPENING_WORDS
    if len(label) > MAX_LABEL:
        label, cut = label[: MAX_LABEL - 1].rsplit(" ", 1)[0], True
    label = label.rstrip(",;:")
    return label + "\u2026" if cut else label


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


def _fit(label: str) -> str:
    if len(label) <= MAX_LABEL:
        return label
    cut = label[: MAX_LABEL - 1].rsplit(" ", 1)[0].rstrip(",")
    return cut + "\u2026"
