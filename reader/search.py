"""Find-in-article: literal, smart-case matching and the state of one search.

No Textual here; the UI draws the highlights and moves the view.

* ``find_matches(text, query)`` gives ``(start, end)`` offsets of every match,
  left to right and not overlapping. The query is literal text (no regular
  expressions). Smart case: a query without capital letters ignores case, a
  query with one matches case exactly. A run of spaces in the query matches any
  run of whitespace (a line break included), so a phrase is found however the
  source wrapped it.
* ``find_in_paragraphs`` / ``find_in_article`` search each paragraph on its own
  and give ``ParagraphMatch(paragraph, start, end)``, offsets into that
  paragraph's text.
* ``next_match`` picks the match to jump to from a reading position, wrapping.
* ``SearchState`` is one search: query, matches, the current one, and the
  counter the UI shows (``"3/14"``, ``"no matches"``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from reader.article.model import Article

_SPACE = re.compile(r"(\s+)")


class ParagraphMatch(NamedTuple):
    """A match inside one paragraph: offsets into ``Paragraph.text``."""

    paragraph: int
    start: int
    end: int


def is_case_sensitive(query: str) -> bool:
    """Smart case: only a query with a capital letter matches case exactly."""
    return any(ch.isupper() for ch in query)


def compile_query(query: str) -> re.Pattern[str] | None:
    """The pattern for ``query`` (None for an empty or blank query)."""
    if not query.strip():
        return None
    parts = [r"\s+" if part.isspace() else re.escape(part) for part in _SPACE.split(query) if part]
    flags = 0 if is_case_sensitive(query) else re.IGNORECASE
    return re.compile("".join(parts), flags)


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every match of ``query`` in ``text``, in order."""
    pattern = compile_query(query)
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def find_in_paragraphs(texts: Sequence[str], query: str) -> list[ParagraphMatch]:
    """Matches in each of ``texts`` (paragraph ``i`` is ``texts[i]``).

    Pass the texts exactly as the view shows them, so the offsets fit the
    rendered paragraphs.
    """
    pattern = compile_query(query)
    if pattern is None:
        return []
    return [
        ParagraphMatch(index, m.start(), m.end())
        for index, text in enumerate(texts)
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]


def find_in_article(article: Article, query: str) -> list[ParagraphMatch]:
    """Matches in the article's body paragraphs (``Paragraph.text``)."""
    return find_in_paragraphs([p.text for p in article.paragraphs], query)


def _key(match: Sequence[int]) -> tuple[int, ...]:
    # Everything but the end: (start,) for a text match, (paragraph, start) for a paragraph match.
    return tuple(match[:-1])


def next_match(
    matches: Sequence[Sequence[int]], position: int | Sequence[int], backwards: bool = False
) -> int | None:
    """Index of the match to go to from ``position``, wrapping round; None if no matches.

    ``matches`` are sorted ``(start, end)`` or ``(paragraph, start, end)``;
    ``position`` is an offset or a ``(paragraph, offset)`` pair to match.
    Forwards: the first match that starts at or after ``position`` (the first
    match of all when there is none). Backwards: the last match that starts
    before ``position`` (the last of all when there is none).
    """
    if not matches:
        return None
    point = (position,) if isinstance(position, int) else tuple(position)
    keys = [_key(m) for m in matches]
    at = bisect_left(keys, point)
    if backwards:
        return (at - 1) % len(matches)
    return at % len(matches)


@dataclass(frozen=True)
class SearchState:
    """One search over the article: what the counter and the highlights show."""

    query: str = ""
    matches: tuple[ParagraphMatch, ...] = ()
    current: int | None = None  # index into matches

    @classmethod
    def start(
        cls,
        query: str,
        texts: Article | Sequence[str],
        position: tuple[int, int] = (0, 0),
    ) -> SearchState:
        """Search ``texts`` (an Article or paragraph texts) and pick the first match at or after ``position``.

        ``position`` is ``(paragraph, offset)`` of the reading position; with no
        match ``current`` is None and the view should stay where it is.
        """
        if isinstance(texts, Article):
            found = find_in_article(texts, query)
        else:
            found = find_in_paragraphs(texts, query)
        return cls(query, tuple(found), next_match(found, position))

    @property
    def active(self) -> bool:
        """True once a query has been typed (even if nothing matched)."""
        return bool(self.query.strip())

    @property
    def found(self) -> bool:
        return bool(self.matches)

    @property
    def match(self) -> ParagraphMatch | None:
        """The current match (the one to scroll to and mark)."""
        return None if self.current is None else self.matches[self.current]

    @property
    def counter(self) -> str:
        """``"3/14"``, ``"no matches"``, or ``""`` when there is no query."""
        if not self.active:
            return ""
        if not self.matches:
            return "no matches"
        return f"{(self.current or 0) + 1}/{len(self.matches)}"

    def next(self) -> SearchState:
        """The following match (``n``), wrapping from the last to the first."""
        return self._step(1)

    def previous(self) -> SearchState:
        """The preceding match (``N``), wrapping from the first to the last."""
        return self._step(-1)

    def _step(self, delta: int) -> SearchState:
        if not self.matches:
            return self
        if self.current is None:
            return replace(self, current=0 if delta > 0 else len(self.matches) - 1)
        return replace(self, current=(self.current + delta) % len(self.matches))

    def in_paragraph(self, paragraph: int) -> list[ParagraphMatch]:
        """The matches to highlight in one paragraph."""
        return [m for m in self.matches if m.paragraph == paragraph]
