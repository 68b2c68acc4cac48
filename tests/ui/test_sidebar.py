"""The sidebar's Quotes list: every wrapped line of a quote shows, and it opens at its top."""

from __future__ import annotations

import pytest
from conftest import WIDE, ready, settle
from screen_text import screen_lines

from reader.sources.document import Document
from reader.ui.app import ReaderApp
from reader.ui.quotes import QuoteList

pytestmark = pytest.mark.asyncio

# Wraps to one line more once the list's scrollbar takes two columns (6 lines at 37, 7 at 35).
LONG_QUOTE = (
    "The council has spent a decade promising new housing near the river, and every year the plans come "
    "back smaller and later, while families who were told to wait are still waiting for rooms near their schools"
)
RESIDENTS = (
    "Tom Baker",
    "Ana Silva",
    "Joe Grant",
    "Kim Lee",
    "Sam Ortiz",
    "Ruth Cole",
    "Ian Moss",
    "Lea Stone",
)


def long_article() -> Document:
    """An expert's long quote first, then enough residents' quotes for the list to scroll."""
    paragraphs = [
        f'"{LONG_QUOTE}," said Maria Lopez, a professor of urban planning at the University of Leeds.'
    ]
    for number, name in enumerate(RESIDENTS, 1):
        paragraphs.append(
            f'"We asked for a date for phase {number} of the work and we received another letter '
            f'instead of an answer," said {name}, who lives on Mill Lane.'
        )
    text = "Council delays river housing plan again\n\n" + "\n\n".join(paragraphs) + "\n"
    return Document(text=text, source="housing.txt", name="housing")


def sidebar_lines(app, quotes: QuoteList) -> list[str]:
    """The rows of the Quotes list as the user sees them (without its title and scrollbar)."""
    region = quotes.scrollable_content_region
    return [
        line[region.x : region.right].strip()
        for line in screen_lines(app)[region.y : region.bottom]
    ]


async def test_a_long_quote_shows_all_its_lines_when_the_list_scrolls():
    app = ReaderApp(source="housing.txt", document=long_article())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        quotes = app.screen.query_one(QuoteList)
        assert quotes.max_scroll_y > 0  # the list scrolls: its scrollbar narrows the text
        lines = sidebar_lines(app, quotes)
        first = lines.index("\u201cThe council has spent a decade")
        shown = " ".join(lines[first : lines.index("OTHER VOICES")])  # up to the next heading
        quote = quotes.voices[0].quotes[0]
        assert (
            quote.text == LONG_QUOTE + ","
        )  # the comma that led back into the sentence is not shown
        assert shown == f"\u201c{LONG_QUOTE}\u201d"


@pytest.mark.parametrize("size", [(60, 20), (40, 12)])
async def test_the_quotes_list_opens_at_its_top(app, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("b")
        await settle(pilot)
        quotes = app.screen.query_one(QuoteList)
        lines = sidebar_lines(app, quotes)
        assert lines[0] == "EXPERTS" and lines[1].startswith("Kim Dong-yub, professor")
        assert quotes.highlighted_quote is quotes.voices[0].quotes[0]
        assert app.focused is app.screen.query_one("#photos")  # b moved into the sidebar
        await pilot.press("tab")  # focus the quotes: still at the top
        await settle(pilot)
        assert app.focused is quotes and sidebar_lines(app, quotes)[0] == "EXPERTS"


async def test_j_and_k_move_through_the_quotes_as_through_the_article(app):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        quotes = app.screen.query_one(QuoteList)
        quotes.focus()
        await settle(pilot)
        first = quotes.highlighted_quote
        await pilot.press("j")
        second = quotes.highlighted_quote
        assert second is not first and second is not None
        await pilot.press("k")
        assert quotes.highlighted_quote is first
        assert app.screen.view.scroll_y == 0  # the article did not move
