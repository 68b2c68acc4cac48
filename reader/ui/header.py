"""The header, like Reader View's: the title, then site, author, date, reading time and time left.

Two lines. The first holds the title and the reading progress; the second the
source (site), the author and the date where known, the reading time, the
time left at the reading position, and the section being read. A section the
reader derived is named as such ("part 2 of 5"), never as if it were a heading.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date as Date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from reader.article.model import Section
from reader.ui.text import one_line

WORDS_PER_MINUTE = 230
SEPARATOR = " \u00b7 "
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")


def reading_time(words: int) -> str:
    minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
    return f"{minutes} min read"


def time_left(words: int, progress: float) -> str:
    """The reading time left at ``progress`` (0..1) of an article of ``words`` words."""
    if progress >= 0.999:
        return "at the end"
    minutes = max(1, math.ceil(words * (1.0 - progress) / WORDS_PER_MINUTE))
    return f"{minutes} min left"


def shown_date(value: str | None) -> str:
    """A date as people write it: "2023-09-13" -> "13 Sep 2023"; other forms as given."""
    text = one_line(value or "")
    match = _ISO_DATE.match(text)
    if match:
        try:
            day = Date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return text
        return f"{day.day} {day:%b %Y}"
    return text


def section_text(section: Section | None, sections: Sequence[Section]) -> str:
    """How the header names the section being read ("" when there is nothing to name:
    one section, or the text above a Markdown file's first heading)."""
    if section is None or len(sections) < 2:
        return ""
    if section.derived:
        if any(not s.derived for s in sections):
            return ""
        return f"part {section.index + 1} of {len(sections)}"
    return f"\u00a7 {one_line(section.label)}"


class ReaderHeader(Vertical):
    """Title and progress; then source, author, date, reading time, time left and section."""

    title: reactive[str] = reactive("")
    source: reactive[str] = reactive("")
    author: reactive[str] = reactive("")
    date: reactive[str] = reactive("")
    words: reactive[int] = reactive(0)
    section: reactive[str] = reactive("")
    progress: reactive[float] = reactive(0.0)

    def compose(self) -> ComposeResult:
        with Horizontal(id="header-top"):
            yield Static(id="header-title", markup=False)
            yield Static(id="header-progress", markup=False)
        with Horizontal(id="header-meta"):
            yield Static(id="header-source", markup=False)
            yield Static(id="header-time", markup=False)
            yield Static(id="header-section", markup=False)

    def on_mount(self) -> None:
        self._update()

    def show_section(self, section: Section | None, sections: Sequence[Section]) -> None:
        """Name the section being read, one of ``sections`` (nothing in a text of one section)."""
        self.section = section_text(section, sections)

    @property
    def meta_text(self) -> str:
        """The second line's left part: source, author and date, as shown."""
        parts = [one_line(self.source), one_line(self.author), shown_date(self.date)]
        return SEPARATOR.join(part for part in parts if part)

    def _update(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#header-title", Static).update(
            Content.styled(one_line(self.title) or "reader", "bold")
        )
        self.query_one("#header-source", Static).update(Content(self.meta_text))
        times = (
            SEPARATOR.join((reading_time(self.words), time_left(self.words, self.progress)))
            if self.words
            else ""
        )
        self.query_one("#header-time", Static).update(
            Content((SEPARATOR if self.meta_text and times else "") + times)
        )
        self.query_one("#header-section", Static).update(Content(one_line(self.section)))
        self.query_one("#header-progress", Static).update(
            Content(f"{round(self.progress * 100):>3}%")
        )

    watch_title = watch_source = watch_author = watch_date = _update
    watch_words = watch_section = watch_progress = _update
