"""The sidebar's Quotes part: expert quotes first, grouped by speaker, then other voices.

The speaker of the quotes at the top stays named in the list's title while
their quotes scroll. In long texts (FOLLOW_FROM quotes or more) the list
follows the reading position: the quotes of the section being read come
first; ``f`` turns that on or off.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.article.model import Quote
from reader.article.voices import Voice, group_by_speaker, shown_quote
from reader.ui.lists import WrappingOptionList
from reader.ui.messages import JumpRequest
from reader.ui.text import one_line

FOLLOW_FROM = 30  # quotes in an article from which the list follows the reading position
HERE = "In this section"


class QuoteList(WrappingOptionList):
    """Quotes by speaker; ``enter`` on a quote shows it in the article."""

    BINDINGS = [
        Binding("enter", "select", "Show in article", id="quotes.show"),
        Binding("f", "follow", "Follow the reading", show=False, id="quotes.follow"),
    ]
    ITEM = "quote"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "Quotes"
        self.voices: list[Voice] = []
        self._all: tuple[Quote, ...] = ()
        self._quotes: dict[str, Quote] = {}
        self._speakers: list[str | None] = []  # for each option: the speaker it is under
        self._speaker_rows: dict[str, int] = {}  # speaker option index by speaker label
        self.follow = False
        self.section: range = range(0)  # the paragraphs of the section being read
        self._pending: range | None = None  # a section to show once the list is left

    # -- contents ----------------------------------------------------------

    def show_quotes(self, quotes: tuple[Quote, ...]) -> None:
        self._all = quotes
        self.voices = group_by_speaker(quotes)
        self.follow = len(quotes) >= FOLLOW_FROM
        self.section = range(0)
        self._pending = None
        self._build()
        if self._quotes:
            self.highlighted = self.get_option_index("quote-0")

    def _groups(self) -> list[tuple[str, list[Voice]]]:
        if not self.follow or not self.section:
            voices = self.voices
            here: list[Voice] = []
        else:
            inside = [q for q in self._all if q.paragraph in self.section]
            here = group_by_speaker(inside)
            voices = group_by_speaker([q for q in self._all if q.paragraph not in self.section])
        return [
            (HERE, here),
            ("Experts" if not here else "Other experts", [v for v in voices if v.expert]),
            ("Other voices", [v for v in voices if not v.expert]),
        ]

    def _build(self) -> None:
        self._quotes = {}
        self._speakers = []
        self._speaker_rows = {}
        options: list[Option | None] = []
        for title, voices in self._groups():
            if not voices:
                continue
            options.append(
                Option(Content.styled(title.upper(), "bold $text-muted"), disabled=True)
            )
            self._speakers.append(None)
            for voice in voices:
                label = one_line(voice.speaker)
                self._speaker_rows.setdefault(f"{title}:{label}", len(options))
                options.append(Option(self._speaker(voice), disabled=True))
                self._speakers.append(f"{title}:{label}")
                for quote in voice.quotes:
                    key = f"quote-{len(self._quotes)}"
                    self._quotes[key] = quote
                    options.append(
                        Option(
                            Content.assemble("  \u201c", one_line(shown_quote(quote)), "\u201d"),
                            id=key,
                        )
                    )
                    self._speakers.append(f"{title}:{label}")
        self.set_options(options)
        self._title()

    def follow_section(self, paragraphs: Sequence[int]) -> None:
        """The reader is in the section of ``paragraphs``: its quotes come first (when following)."""
        section = range(paragraphs[0], paragraphs[-1] + 1) if paragraphs else range(0)
        if not self.follow or section == self.section:
            return
        if self.has_focus:  # never move the list under the reader's cursor
            self._pending = section
            return
        self.section = section
        self._build()
        if self._quotes:
            self.highlighted = self.get_option_index("quote-0")
        self.scroll_home(animate=False, immediate=True)

    def on_blur(self) -> None:
        if self._pending is not None:
            section, self._pending = self._pending, None
            self.follow_section(section)

    def action_follow(self) -> None:
        self.follow = not self.follow
        self.notify(
            "Quotes of the section being read come first"
            if self.follow
            else "Quotes in article order, experts first",
            timeout=2,
            markup=False,
        )
        if not self.follow:
            self.section = range(0)
        self._build()
        if self._quotes:
            self.highlighted = self.get_option_index("quote-0")

    # -- the sticky speaker -------------------------------------------------

    def _top_speaker(self) -> str | None:
        """The speaker of the quotes at the top of the list when their own line has scrolled away."""
        lines = self._lines
        top = int(self.scroll_y)
        if not lines or top <= 0 or top >= len(lines):
            return None
        index = lines[top][0]
        if index >= len(self._speakers):
            return None
        speaker = self._speakers[index]
        if speaker is None or self._speaker_rows.get(speaker, index) >= index:
            return None
        return speaker.partition(":")[2]

    def _title(self) -> None:
        if not self._all:
            self.border_title = "No quotes"  # in the whole article
            return
        count = f"Quotes ({len(self._quotes)})" if self._quotes else "Quotes"
        speaker = self._top_speaker()
        self.border_title = (
            Content.assemble(count, " \u00b7 ", Content.styled(speaker, "$text-primary"))
            if speaker
            else count
        )

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._title()

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Bring the highlighted quote into view; the first one with the list's top (its heading and speaker)."""
        if self._quotes and self.highlighted == self.get_option_index("quote-0"):
            self.scroll_home(animate=False, immediate=True)
        else:
            super().scroll_to_highlight(top)

    @staticmethod
    def _speaker(voice: Voice) -> Content:
        name = Content.styled(one_line(voice.speaker), "bold $text-accent")
        if voice.role:
            return Content.assemble(
                name, Content.styled(f", {one_line(voice.role)}", "$text-muted")
            )
        return name

    @property
    def highlighted_quote(self) -> Quote | None:
        """The quote under the cursor (None on a heading or in an empty list)."""
        if self.highlighted is None:
            return None
        return self._quotes.get(self.get_option_at_index(self.highlighted).id or "")

    def copy_text(self) -> tuple[str, str] | None:
        """The quote under the cursor, for ``y``."""
        quote = self.highlighted_quote
        if quote is None:
            return None
        return one_line(
            quote.text
        ), f"a quote of {one_line(quote.speaker or 'an unnamed speaker')}"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        quote = self._quotes.get(event.option.id or "")
        if quote is not None:
            self.post_message(JumpRequest("quote", quote.paragraph, quote.start, quote.end))
