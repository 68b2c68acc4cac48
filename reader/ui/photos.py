"""The sidebar's Photos part: each caption once, with its credit.

Captions are shown whole when they all fit in the part's share of the
sidebar; otherwise each is folded to two lines that end with its credit, and
``enter`` opens one (and shows where the photo stood in the article).
"""

from __future__ import annotations

import textwrap

from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.article.model import Caption
from reader.ui.lists import WrappingOptionList
from reader.ui.messages import JumpRequest
from reader.ui.text import one_line

FOLDED_LINES = 2  # lines of a folded caption
PHOTOS_SHARE = (
    0.6  # at most this share of the sidebar's height goes to the photos (the CSS's max-height)
)
ELLIPSIS = "\u2026"


def fold(text: str, credit: str | None, width: int, lines: int = FOLDED_LINES) -> str | None:
    """``text`` cut to ``lines`` lines of ``width`` ending in ``… (credit)``, or None if it fits whole."""
    tail = f" ({credit})" if credit else ""
    whole = textwrap.wrap(text + tail, width)
    if len(whole) <= lines or width < 8:
        return None
    wrapped = textwrap.wrap(text, width)
    head = wrapped[: lines - 1]
    rest = " ".join(wrapped[lines - 1 :])
    room = max(1, width - len(tail) - len(ELLIPSIS))
    last = rest[:room]
    if len(rest) > room and " " in last:
        last = last.rsplit(" ", 1)[0]
    return "\n".join([*head, last.rstrip(" ,;:") + ELLIPSIS + tail])


def wrapped_height(text: str, width: int) -> int:
    return max(1, len(textwrap.wrap(text, max(1, width))))


class PhotoList(WrappingOptionList):
    """Photo captions; ``enter`` opens a folded caption and shows where the photo stood in the article."""

    BINDINGS = [Binding("enter", "select", "Show in article", id="photos.show")]
    ITEM = "photo"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "Photos"
        self.captions: tuple[Caption, ...] = ()
        self.opened: set[int] = set()  # indexes of the captions shown whole although folded
        self.folded = False
        self._fitted_for: tuple[int, int] | None = None

    def show_captions(self, captions: tuple[Caption, ...]) -> None:
        self.captions = captions
        self.opened = set()
        self._fitted_for = None
        self._build()
        self.border_title = f"Photos ({len(captions)})" if captions else "Photos"
        self.display = bool(captions)  # no empty box for an article without photos
        if captions:
            self.highlighted = 0

    def _text_width(self) -> int:
        """The columns a caption wraps in (without a scrollbar)."""
        return max(0, self.content_region.width)

    def _budget(self) -> int:
        """The lines the captions may take: the part's share of the sidebar, less its title line."""
        height = self._sidebar_height()
        return int(height * PHOTOS_SHARE) - self.styles.gutter.height

    def _sidebar_height(self) -> int:
        parent = self.parent
        return parent.size.height if isinstance(parent, Widget) else 0

    def _should_fold(self, width: int) -> bool:
        if width <= 0 or not self.captions:
            return False
        whole = sum(wrapped_height(self._full_text(c), width) for c in self.captions)
        return whole > self._budget()

    @staticmethod
    def _full_text(caption: Caption) -> str:
        text = one_line(caption.text)
        return f"{text} ({one_line(caption.credit)})" if caption.credit else text

    def _build(self) -> None:
        width = self._text_width()
        self.folded = self._should_fold(width)
        highlighted = self.highlighted
        self.set_options(
            self._option(number, caption, width) for number, caption in enumerate(self.captions, 1)
        )
        if highlighted is not None and highlighted < len(self.captions):
            self.highlighted = highlighted

    def _option(self, number: int, caption: Caption, width: int) -> Option:
        text = one_line(caption.text)
        credit = one_line(caption.credit) if caption.credit else None
        folded = (
            fold(text, credit, width) if self.folded and number - 1 not in self.opened else None
        )
        if folded is not None:
            body, _, _ = folded.rpartition(f" ({credit})") if credit else (folded, "", "")
            prompt = Content(body)
        else:
            prompt = Content(text)
        if credit:
            prompt = Content.assemble(
                prompt, " ", Content.styled(f"({credit})", "$text-accent italic")
            )
        return Option(prompt, id=f"photo-{number}")

    def on_resize(self) -> None:
        self.refit()

    def refit(self) -> None:
        key = (self.size.width, self._sidebar_height())
        if key != self._fitted_for and self.captions:
            self._fitted_for = key
            self._build()

    def open_caption(self, index: int) -> None:
        """Show caption ``index`` whole (when captions are folded)."""
        if self.folded and index not in self.opened:
            self.opened.add(index)
            self._build()

    def copy_text(self) -> tuple[str, str] | None:
        """The caption under the cursor, for ``y``."""
        index = self.highlighted
        if index is None or index >= len(self.captions):
            return None
        return one_line(self.captions[index].text), f"the caption of photo {index + 1}"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open_caption(event.option_index)
        self.post_message(JumpRequest("caption", event.option_index + 1))
