"""The contents pane (like Frogmouth's): the article's sections, the current one marked.

Real headings are listed as the source gives them. Parts the reader derived
from a plain text are listed as "Part 2" with their label in quiet type, under
a title that says the reader made them, so they are never taken for the
author's. ``enter`` jumps to the section; the pane follows the reading position.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.article.model import Article, Section
from reader.ui.lists import WrappingOptionList
from reader.ui.messages import JumpRequest
from reader.ui.text import one_line

CURRENT = "\u25b8 "
OTHER = "  "
REAL_TITLE = "Contents"
DERIVED_TITLE = "Parts (found by the reader)"


def section_prompt(section: Section, current: bool, headed: bool = False) -> Content:
    """One line of the contents: a heading as written, a derived part as "Part N · label"
    (in a text with headings, the text before the first one as "Top · label")."""
    mark = CURRENT if current else OTHER
    label = one_line(section.label)
    if section.derived:
        name = "Top" if headed else f"Part {section.index + 1}"
        return Content.assemble(
            mark,
            Content.styled(name, "bold" if current else ""),
            Content.styled(f" \u00b7 {label}", "italic $text-muted"),
        )
    return Content.assemble(mark, Content.styled(label, "bold" if current else ""))


def contents_title(article: Article) -> str:
    """The pane's title: "Contents" when the source has headings, else says who made the parts."""
    return REAL_TITLE if any(not s.derived for s in article.sections) else DERIVED_TITLE


class ContentsList(WrappingOptionList):
    """The sections of the article; ``enter`` shows one in the article."""

    BINDINGS = [
        Binding(
            "escape", "close", "Close contents", show=False, id="contents.close", key_display="esc"
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.current = 0

    def show_sections(self, article: Article, current: int = 0) -> None:
        """List the sections of ``article``, ``current`` marked and highlighted."""
        self.article = article
        self.current = current
        self.border_title = contents_title(article)
        self.border_subtitle = "enter: go \u00b7 esc: close"
        self.set_options(self._section_options())
        if article.sections:
            self.highlighted = min(current, len(article.sections) - 1)

    def follow(self, current: int) -> None:
        """Mark the section being read (the highlight moves with it unless the user moved it)."""
        if self.article is None or current == self.current:
            return
        followed = self.highlighted in (None, self.current)
        self.current = current
        highlighted = self.highlighted
        self.set_options(self._section_options())
        self.highlighted = current if followed or highlighted is None else highlighted

    def _section_options(self) -> list[Option]:
        assert self.article is not None
        headed = any(not s.derived for s in self.article.sections)
        return [
            Option(
                section_prompt(section, section.index == self.current, headed),
                id=str(section.index),
            )
            for section in self.article.sections
        ]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(JumpRequest("section", event.option_index))

    def action_close(self) -> None:
        self.display = False
        screen = self.screen
        view = getattr(screen, "view", None)
        if view is not None:
            view.focus()
