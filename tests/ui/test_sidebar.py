"""The sidebar's Quotes list: every wrapped line of a quote shows, and it opens at its top."""

from __future__ import annotations

import pytest
from conftest import WIDE, notices, ready, settle
from screen_text import screen_lines, screen_text

from reader.sources.document import Document
from reader.ui.app import ReaderApp
from reader.ui.quotes import QuoteList
from reader.ui.text import one_line

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


def photo_lines(app) -> list[str]:
    photos = app.screen.query_one("#photos")
    return sidebar_lines(app, photos)


async def test_at_150x45_all_three_captions_show_whole_with_their_credits(app):
    async with app.run_test(size=(150, 45)) as pilot:
        await ready(pilot)
        photos = app.screen.query_one("#photos")
        assert not photos.folded and photos.max_scroll_y == 0
        shown = " ".join(photo_lines(app))
        for caption in app.screen.article.captions:
            assert f"{one_line(caption.text)} ({caption.credit})" in shown
        assert [c.credit for c in app.screen.article.captions] == ["AP", "AFP", "Reuters"]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_where_they_do_not_fit_captions_fold_to_two_lines_with_their_credit(app, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        if size[0] < 100:
            await pilot.press("b")  # the overlay
            await settle(pilot)
        photos = app.screen.query_one("#photos")
        assert photos.folded and photos.max_scroll_y == 0
        lines = photo_lines(app)
        captions = app.screen.article.captions
        assert len(lines) == 2 * len(captions)
        for number, caption in enumerate(captions):
            first, second = lines[2 * number : 2 * number + 2]
            assert one_line(caption.text).startswith(first)
            assert second.endswith(f"\u2026 ({caption.credit})")
        photos.focus()
        await pilot.press("j", "enter")  # the second caption opens (and shows in the article)
        await settle(pilot)
        if size[0] >= 100:
            shown = " ".join(photo_lines(app))
            assert f"{one_line(captions[1].text)} ({captions[1].credit})" in shown
        assert app.screen.view.marked.startswith("\u25a3 Photo 2:")


@pytest.mark.parametrize(("width", "sidebar"), [(120, 40), (150, 45), (200, 60), (300, 64)])
async def test_the_sidebar_grows_with_wide_terminals(app, width, sidebar):
    async with app.run_test(size=(width, 40)) as pilot:
        await ready(pilot)
        assert app.screen.query_one("#sidebar").outer_size.width == sidebar


async def test_the_speaker_stays_named_while_their_quotes_scroll(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        quotes = app.screen.query_one(QuoteList)
        quotes.focus()
        speaker = quotes.voices[0].speaker
        assert str(quotes.border_title) == "Quotes (6)"
        quotes.scroll_to(y=4, animate=False, immediate=True)  # into the first expert's quotes
        await settle(pilot)
        lines = sidebar_lines(app, quotes)
        assert quotes.scroll_y > 0 and not any(line.startswith(speaker) for line in lines)
        title_row = screen_lines(app)[quotes.region.y]
        assert f"Quotes (6) \u00b7 {speaker}" in title_row
        quotes.scroll_home(animate=False, immediate=True)
        await settle(pilot)
        assert str(quotes.border_title) == "Quotes (6)"


async def test_j_and_k_stop_at_the_ends_of_a_list_and_say_so(app):
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await ready(pilot)
        photos = app.screen.query_one("#photos")
        photos.focus()
        await pilot.press("k")
        await pilot.pause()
        assert photos.highlighted == 0 and "This is the first photo" in notices(app)
        await pilot.press("j", "j", "j", "j")
        await pilot.pause()
        assert photos.highlighted == 2 and "This is the last photo" in notices(app)


def many_quotes_article() -> Document:
    """Three headed parts with their own speakers: enough quotes for the list to follow the reading."""
    parts = []
    for part, (name, town) in enumerate(
        [("Ana Reyes", "Leeds"), ("Tom Hale", "York"), ("Ivy Marsh", "Hull")], 1
    ):
        paragraphs = [f"## Part {part}: {town}"]
        for number in range(12):
            paragraphs.append(
                f'"The bus to {town} was late again on day {number + 1} of the month," said {name}, '
                f"who rides it every morning. Other riders agreed with the complaint about route {part}."
            )
        parts.append("\n\n".join(paragraphs))
    text = "# Riders complain about late buses\n\n" + "\n\n".join(parts) + "\n"
    return Document(text=text, source="buses.md", name="buses")


async def test_in_long_texts_the_quotes_of_the_section_being_read_come_first():
    app = ReaderApp(source="buses.md", document=many_quotes_article())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        quotes = screen.query_one(QuoteList)
        if len(screen.article.quotes) < 30 or len(screen.article.sections) < 3:
            pytest.skip("the article's quotes or sections were not found as expected")
        assert quotes.follow
        last = screen.article.sections[-1]
        await screen.view.go_to_section(last.index)
        await settle(pilot)
        lines = sidebar_lines(app, quotes)
        assert lines[0] == "IN THIS SECTION"
        assert quotes.highlighted_quote.paragraph in [p.index for p in last.paragraphs]
        quotes.focus()
        await pilot.press("f")  # back to the plain list
        await settle(pilot)
        assert not quotes.follow and sidebar_lines(app, quotes)[0] != "IN THIS SECTION"


async def test_an_article_without_photos_has_no_photos_box(tmp_path):
    from reader.sources.load import load_source

    path = tmp_path / "notes.md"
    path.write_text(
        "# Harbour notes\n\nThe harbour reopened this week.\n\n"
        '"We are glad," said Tom Becker, the harbour master.\n'
    )
    app = ReaderApp(source=str(path), document=load_source(str(path)), fresh=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Quotes (1)" in text
        assert "Photos" not in text


async def test_an_article_without_quotes_says_so(tmp_path):
    from reader.sources.load import load_source

    path = tmp_path / "notes.md"
    path.write_text("# Harbour notes\n\nThe harbour reopened this week after the repairs.\n")
    app = ReaderApp(source=str(path), document=load_source(str(path)), fresh=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert "No quotes" in screen_text(app)
