"""The links of the article shown (``l``): each one's text and address, inert.

``enter`` opens the highlighted link in the reader (a page, a feed or, for a
local file, a file beside it), ``O`` in the system browser, ``y`` copies its
address; ``/`` filters the list by words of the links' text and addresses.
A link the reader does not follow (``mailto:``, ``javascript:``, a place in
the same page) is listed all the same; opening it says why it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.sources.links import LinkTarget, link_target
from reader.sources.url import public_url
from reader.ui.lists import WrappingOptionList
from reader.ui.modal import DismissOnce
from reader.ui.text import one_line

if TYPE_CHECKING:
    from reader.article.model import Article, Link
    from reader.ui.reader_screen import ReaderScreen

EMPTY = "No links in this article."
PREVIEW = 60  # characters of an address in a notice


@dataclass(frozen=True)
class ListedLink:
    """A link of the article with where it leads and how it is shown."""

    link: Link
    target: LinkTarget
    text: str  # the link's text, inert, on one line
    address: str  # what it opens (resolved, no credentials), inert, on one line


def listed_links(article: Article, source: str | None) -> list[ListedLink]:
    """The article's links in reading order, resolved against its address or file."""
    listed = []
    for link in article.links:
        target = link_target(link.url, page_url=article.url, source=source)
        address = one_line(public_url(target.spec or link.url))
        listed.append(ListedLink(link, target, one_line(link.text), address))
    return listed


class LinkOptions(WrappingOptionList):
    """The list of links (``j`` / ``k`` move, stopping at its ends)."""

    ITEM = "link"


class LinksScreen(DismissOnce, ModalScreen[str | None]):
    """Pick a link of the article; the result is what to open in the reader (None: nothing)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open the link", id="links.open", priority=True),
        Binding("O", "browser", "Link in the browser", id="links.browser"),
        Binding("y", "copy", "Copy its address", id="links.copy"),
        Binding("slash", "filter", "Filter the links", id="links.filter", key_display="/"),
        Binding("escape,l", "close", "Close the links", id="links.close", key_display="esc/l"),
    ]

    def __init__(self, reader: ReaderScreen, article: Article) -> None:
        super().__init__()
        self.reader = reader
        self.links = listed_links(article, reader.source)
        self.shown: list[ListedLink] = list(self.links)

    def compose(self) -> ComposeResult:
        with Vertical(id="links-dialog"):
            if not self.links:
                yield Static(EMPTY, id="links-empty", markup=False)
            filter_field = Input(placeholder="filter the links", id="links-filter")
            filter_field.display = False
            yield filter_field
            yield LinkOptions(*self._options(), id="links-list")
            yield Static(self._hint(), id="links-hint", markup=False)

    def _hint(self) -> str:
        if not self.links:
            return "esc close"
        return "enter open \u00b7 O browser \u00b7 y copy \u00b7 / filter \u00b7 esc close"

    def _options(self) -> list[Option]:
        options = []
        for number, listed in enumerate(self.shown):
            address = listed.address
            if listed.target.spec is None:
                address += " (not opened here)"
            prompt = Content("\n").join(
                [
                    Content.styled(listed.text, "bold"),
                    Content.styled(address, "$text-muted"),
                    Content(""),  # a blank line between links
                ]
            )
            options.append(Option(prompt, id=str(number)))
        return options

    def on_mount(self) -> None:
        count = len(self.links)
        self.query_one("#links-dialog").border_title = f"Links ({count})" if count else "Links"
        self.query_one(LinkOptions).focus()

    # -- the highlighted link --------------------------------------------------

    def _highlighted(self) -> ListedLink | None:
        if not self.shown:
            self.notify(EMPTY if not self.links else "No link matches.", markup=False, timeout=2)
            return None
        index = self.query_one(LinkOptions).highlighted
        return self.shown[index] if index is not None and 0 <= index < len(self.shown) else None

    def action_open(self) -> None:
        """``enter``: open the highlighted link (in the filter: go to the list)."""
        if self.query_one("#links-filter", Input).has_focus:
            self.query_one(LinkOptions).focus()
            return
        listed = self._highlighted()
        if listed is not None:
            self._open(listed)

    @on(OptionList.OptionSelected, "#links-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:  # a click
        self._open(self.shown[int(event.option.id or 0)])

    def _open(self, listed: ListedLink) -> None:
        if listed.target.spec is None:
            self.notify(listed.target.refused or "", title="Not opened", markup=False, timeout=4)
            return
        self.dismiss(listed.target.spec)

    def action_browser(self) -> None:
        listed = self._highlighted()
        if listed is None:
            return
        if listed.target.browser is None:
            self.notify(listed.target.refused or "", title="Not opened", markup=False, timeout=4)
            return
        self.reader.open_in_browser(listed.target.browser)

    def action_copy(self) -> None:
        listed = self._highlighted()
        if listed is None:
            return
        address = public_url(listed.target.browser or listed.target.spec or listed.link.url)
        address = one_line(address)
        self.app.copy_to_clipboard(address)  # OSC 52
        preview = address if len(address) <= PREVIEW else address[: PREVIEW - 1] + "\u2026"
        self.notify(f"Copied the link: {preview}", markup=False, timeout=3)
        self.reader.copy_elsewhere(address, "the link")

    # -- filter ----------------------------------------------------------------

    def action_filter(self) -> None:
        if not self.links:
            return
        field = self.query_one("#links-filter", Input)
        field.display = True
        field.focus()

    @on(Input.Changed, "#links-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        words = event.value.lower().split()
        self.shown = [
            listed
            for listed in self.links
            if all(w in f"{listed.text} {listed.address}".lower() for w in words)
        ]
        options = self.query_one(LinkOptions)
        options.clear_options()
        options.add_options(self._options())
        if self.shown:
            options.highlighted = 0

    def action_close(self) -> None:
        field = self.query_one("#links-filter", Input)
        if field.has_focus:  # escape in the filter: the whole list again
            field.value = ""
            field.display = False
            self.query_one(LinkOptions).focus()
            return
        self.dismiss(None)
