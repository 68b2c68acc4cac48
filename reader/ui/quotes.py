"""The sidebar's Quotes part: expert quotes first, grouped by speaker, then other voices."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.article.model import Quote
from reader.article.voices import Voice, group_by_speaker, shown_quote
from reader.ui.lists import WrappingOptionList
from reader.ui.messages import JumpRequest
from reader.ui.text import one_line


class QuoteList(WrappingOptionList):
    """Quotes by speaker; ``enter`` on a quote shows it in the article."""

    BINDINGS = [Binding("enter", "select", "Show in article", id="quotes.show")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "Quotes"
        self.voices: list[Voice] = []
        self._quotes: dict[str, Quote] = {}

    def show_quotes(self, quotes: tuple[Quote, ...]) -> None:
        self.voices = group_by_speaker(quotes)
        self._quotes = {}
        options: list[Option | None] = []
        experts = [v for v in self.voices if v.expert]
        others = [v for v in self.voices if not v.expert]
        for title, voices in (("Experts", experts), ("Other voices", others)):
            if not voices:
                continue
            options.append(
                Option(Content.styled(title.upper(), "bold $text-muted"), disabled=True)
            )
            for voice in voices:
                options.append(Option(self._speaker(voice), disabled=True))
                for quote in voice.quotes:
                    key = f"quote-{len(self._quotes)}"
                    self._quotes[key] = quote
                    options.append(
                        Option(
                            Content.assemble("  \u201c", one_line(shown_quote(quote)), "\u201d"),
                            id=key,
                        )
                    )
        self.set_options(options)
        self.border_title = f"Quotes ({len(self._quotes)})" if self._quotes else "Quotes"
        if self._quotes:
            self.highlighted = self.get_option_index("quote-0")

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
