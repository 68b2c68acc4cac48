"""Moving through the article: sections, paragraphs, scrolling, focus, jumps from the sidebar."""

from __future__ import annotations

import pytest
from conftest import WIDE, ready, settle
from screen_text import screen_text

from reader.ui.article_view import ArticleView
from reader.ui.header import ReaderHeader
from reader.ui.text import one_line

pytestmark = pytest.mark.asyncio


def header_section(app) -> str:
    return app.screen.query_one(ReaderHeader).section


SECTIONED = "# Harbour works\n\n" + "\n\n".join(
    f"## {name}\n\n"
    + "\n\n".join(
        f"The {name.lower()} crews worked through week {week}. They moved stone and steel "
        f"along the quay. Inspectors checked the {name.lower()} work each evening."
        for week in range(1, 4)
    )
    for name in ("Dredging", "Piling", "Paving", "Lighting", "Opening")
)


@pytest.fixture
def sectioned(tmp_path):
    from reader.sources.load import load_source
    from reader.ui.app import ReaderApp

    path = tmp_path / "harbour.md"
    path.write_text(SECTIONED)
    return ReaderApp(source=str(path), document=load_source(str(path)))


async def test_next_and_previous_section(sectioned):
    app = sectioned
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        view = app.screen.view
        sections = app.screen.article.sections
        assert len(sections) >= 4
        for expected in (1, 2, 3):
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert view.section == expected
            assert (
                view.top_text() == sections[expected].label
            )  # the heading is the first line in view
            assert screen_text(app).splitlines()[2][:60].strip() == sections[expected].label
            assert header_section(app) == "\u00a7 " + sections[expected].label
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert view.section == 2 and view.top_text() == sections[2].label
        for _ in range(len(sections) + 2):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        assert view.section == len(sections) - 1
        for _ in range(len(sections) + 2):
            await pilot.press("left_square_bracket")
        await settle(pilot)
        assert view.section == 0 and view.scroll_y == 0


async def test_next_and_previous_paragraph(app):
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        view = app.screen.view
        paragraphs = app.screen.article.paragraphs
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await settle(pilot)
        assert view.paragraph == 2
        assert one_line(paragraphs[2].text).startswith(view.top_text())
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert view.paragraph == 1
        assert one_line(paragraphs[1].text).startswith(view.top_text())


@pytest.mark.parametrize(
    ("keys", "moved"),
    [
        (("j",), 1),
        (("down",), 1),
        (("j", "j", "k"), 1),
        (("j", "j", "up"), 1),
        (("space",), "page"),
        (("pagedown",), "page"),
        (("pagedown", "pagedown", "pageup"), "page"),
    ],
)
async def test_scrolling_keys(app, keys, moved):
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        view = app.screen.view
        await pilot.press(*keys)
        await pilot.pause(0.4)  # scrolling may be animated
        await settle(pilot)
        page = view.scrollable_content_region.height
        assert view.scroll_y == (page if moved == "page" else moved)


@pytest.mark.parametrize(("down", "up"), [("G", "g"), ("end", "home")])
async def test_bottom_and_top(app, down, up):
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        view = app.screen.view
        await pilot.press(down)
        await pilot.pause(0.6)
        await settle(pilot)
        assert view.scroll_y == view.max_scroll_y > 0
        assert screen_text(app).splitlines()[0].endswith("100% ")
        assert view.section == app.screen.article.section_of(view.paragraph).index
        await pilot.press(up)
        await pilot.pause(0.6)
        await settle(pilot)
        assert view.scroll_y == 0
        assert screen_text(app).splitlines()[0].endswith("  0% ")


async def test_tab_moves_focus_between_article_photos_quotes_and_summary(app):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        names = []
        for _ in range(4):
            names.append(app.focused.id)
            await pilot.press("tab")
        assert names == ["article", "photos", "quotes", "article"]
        await pilot.press("shift+tab")
        assert app.focused.id == "article"
        await pilot.press("s")
        await settle(pilot)
        names = []  # s moved into the summary pane, the first part on the screen
        for _ in range(5):
            names.append(app.focused.id)
            await pilot.press("tab")
        assert names == ["summary-list", "article", "photos", "quotes", "summary-list"]
        await pilot.press("shift+tab")
        assert app.focused.id == "summary-list"
        names = []
        for _ in range(5):
            names.append(app.focused.id)
            await pilot.press("shift+tab")
        assert names == ["summary-list", "quotes", "photos", "article", "summary-list"]


async def test_enter_on_a_caption_shows_where_the_photo_stood(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("tab", "down", "enter")  # the second photo (AFP)
        await settle(pilot)
        assert view.marked is not None and view.marked.startswith("\u25a3 Photo 2:")
        assert view.top_text().startswith("\u25a3 Photo 2:")
        assert app.focused.id == "photos"


async def test_enter_on_a_quote_shows_it_in_the_article(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("tab", "tab", "enter")  # the first expert quote (Kim Dong-yub)
        await settle(pilot)
        quote = screen.query_one("#quotes").voices[0].quotes[0]
        assert (
            screen.view.marked == one_line(quote.text)
            or one_line(quote.text) in screen.view.marked
        )
        assert screen.view.paragraph == quote.paragraph
        assert screen.view.section == screen.article.section_of(quote.paragraph).index


async def test_b_toggles_the_sidebar(app):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        sidebar = app.screen.query_one("#sidebar")
        view = app.screen.view
        width = view.size.width
        await pilot.press("b")
        await settle(pilot)
        assert not sidebar.display and "Photos (3)" not in screen_text(app)
        assert view.size.width > width
        await pilot.press("b")
        await settle(pilot)
        assert sidebar.display and "Photos (3)" in screen_text(app)


SHORT_SECTIONED = """# Harbour notes

The harbour reopened this week after a winter of repairs to the sea wall.

## Flights cancelled

Storms over the bay cancelled the evening flights for a second night.

## What the city says

The city said the repairs would be finished before the summer season.
"""


@pytest.fixture
def short_sectioned(tmp_path):
    from reader.sources.load import load_source
    from reader.ui.app import ReaderApp

    path = tmp_path / "notes.md"
    path.write_text(SHORT_SECTIONED)
    return ReaderApp(source=str(path), document=load_source(str(path)), fresh=True)


async def test_an_article_that_fits_the_view_opens_in_its_first_section(short_sectioned):
    app = short_sectioned
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view
        assert view.section == 0 and header_section(app) == ""  # the top, not the last section
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert view.section == 1 and header_section(app) == "\u00a7 Flights cancelled"
        assert view.top_text() == "Flights cancelled"
        await pilot.press("g")
        await settle(pilot)
        assert view.section == 0 and view.scroll_y == 0
        await pilot.press("G")
        await settle(pilot)
        assert header_section(app) == "\u00a7 What the city says"  # G: the reader is at its end


async def test_top_after_paragraph_jumps_in_a_short_article(short_sectioned):
    app = short_sectioned
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view
        await pilot.press(*["right_curly_bracket"] * 2)
        await settle(pilot)
        assert view.paragraph == 2 and view.scroll_y > 0  # brought to the top, blank space below
        for key in ("g", "home"):
            await pilot.press(key)
            await settle(pilot)
            assert view.scroll_y == 0 and view.paragraph == 0, key
            assert view.top_text().startswith("The harbour reopened this week")
            await pilot.press("right_curly_bracket")
            await settle(pilot)
        await pilot.press("G")  # after a jump: all of it in view again, the reader at its end
        await settle(pilot)
        assert view.scroll_y == 0 and header_section(app) == "\u00a7 What the city says"


async def test_a_step_during_a_scroll_counts_from_where_the_scroll_goes(app):
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        view = app.screen.view
        await pilot.press("G")
        await settle(pilot)
        # `g`, and `}` while the view is still on its way up (Pilot's press would wait for the
        # scroll to end; a person does not).
        view.action_scroll_home()
        await pilot.pause(0.1)
        assert view.scroll_y > 0
        await app.screen.action_paragraph(1)
        await settle(pilot)
        assert view.paragraph == 1


async def test_the_history_says_read_as_the_header_does(short_sectioned):
    app = short_sectioned
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert screen_text(app).splitlines()[0].rstrip().endswith("100%")  # all of it in view
        await pilot.press("H")
        await settle(pilot)
        assert "100% read" in screen_text(app)
