"""The sidebar's Photos part: each caption once, with its credit."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.article.model import Caption
from reader.ui.lists import WrappingOptionList
from reader.ui.messages import JumpRequest
from reader.ui.text import one_line


class PhotoList(WrappingOptionList):
    """Photo captions; ``enter`` shows where the photo stood in the article."""

    BINDINGS = [Binding("enter", "select", "Show in article", id="photos.show")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "Photos"
        self.captions: tuple[Caption, ...] = ()

    def show_captions(self, captions: tuple[Caption, ...]) -> None:
        self.captions = captions
        self.set_options(
            self._option(number, caption) for number, caption in enumerate(captions, 1)
        )
        self.border_title = f"Photos ({len(captions)})" if captions else "Photos"
        if captions:
            self.highlighted = 0

    @staticmethod
    def _option(number: int, caption: Caption) -> Option:
        prompt = Content(one_line(caption.text))
        if caption.credit:
            prompt = Content.assemble(
                prompt, " ", Content.styled(f"({one_line(caption.credit)})", "$text-accent italic")
            )
        return Option(prompt, id=f"photo-{number}")

    def copy_text(self) -> tuple[str, str] | None:
        """The caption under the cursor, for ``y``."""
        index = self.highlighted
        if index is None or index >= len(self.captions):
            return None
        return one_line(self.captions[index].text), f"the caption of photo {index + 1}"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(JumpRequest("caption", event.option_index + 1))
