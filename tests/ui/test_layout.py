"""Layouts: narrow terminals hide the sidebar, 40x12 stays usable, resizing keeps the reading position."""

from __future__ import annotations

import pytest
from conftest import ready, settle
from screen_text import screen_text

pytestmark = pytest.mark.asyncio


async def test_below_100_columns_the_sidebar_starts_hidden_and_b_shows_it_over_the_article(app):
    async with app.run_test(size=(90, 30)) as pilot:
        await ready(pilot)
        screen = app.screen
        sidebar = screen.query_one("#sidebar")
        assert not sidebar.display and "Photos (3)" not in screen_text(app)
        width = screen.view.size.width
        await pilot.press("b")
        await settle(pilot)
        assert sidebar.display and "Photos (3)" in screen_text(app)
        assert screen.view.size.width == width  # over the article: the text does not reflow
        assert sidebar.region.right == 90
        # enter on a caption shows its place: the sidebar steps aside.
        assert app.focused is screen.query_one("#photos")  # b moved into the overlay
        await pilot.press("enter")
        await settle(pilot)
        assert not sidebar.display and app.focused is screen.view
        assert screen.view.marked.startswith("\u25a3 Photo 1:")


async def test_40x12_is_usable(app):
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        screen = app.screen
        lines = screen_text(app).splitlines()
        assert len(lines) == 12 and "%" in lines[0] and "Summary" in lines[-1]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.view.paragraph == 1  # one section: ] moves by paragraph
        await pilot.press("s")
        await settle(pilot)
        assert len(screen.query_one("#summary-pane").sentences) >= 1
        assert "Summary" in screen_text(app).splitlines()[2]  # below the two-line header
        await pilot.press("b")
        await settle(pilot)
        assert "Photos (3)" in screen_text(app)
        await pilot.press("b", "question_mark")
        await settle(pilot)
        assert "Keys" in screen_text(app)
        await pilot.press("escape", "q")
        await pilot.pause()
    assert app.return_code == 0


async def test_resizing_keeps_the_reading_position(tmp_path):
    from test_navigation import SECTIONED

    from reader.sources.load import load_source
    from reader.ui.app import ReaderApp

    path = tmp_path / "harbour.md"
    path.write_text(SECTIONED)
    app = ReaderApp(source=str(path), document=load_source(str(path)))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view
        await pilot.press(*["right_square_bracket"] * 3)
        await settle(pilot)
        section, paragraph = view.section, view.paragraph
        assert section == 3
        for size in ((60, 20), (200, 50), (40, 12), (99, 30), (100, 30), (41, 13), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert (view.section, view.paragraph) == (section, paragraph), size
            label = app.screen.article.sections[section].label
            if view.max_scroll_y > 0 and view.scroll_y < view.max_scroll_y:
                assert view.top_text() == label, size  # the heading is still the first line
            assert label in screen_text(app), size


async def test_resizing_with_the_summary_open_keeps_the_position(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view
        await pilot.press("right_curly_bracket", "right_curly_bracket", "right_curly_bracket", "s")
        await settle(pilot)
        assert view.paragraph == 3
        for size in ((45, 14), (130, 45)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert view.paragraph == 3, size


SIZES = [(80, 24), (100, 30), (150, 45)]


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


def footer_ends_with_help_and_quit(line: str) -> bool:
    """The footer's hints end with ? Help, q Quit (the command palette's may follow)."""
    return line.split("\u258f")[0].rstrip().endswith("? Help  q Quit")


@pytest.mark.parametrize("size", SIZES)
async def test_the_footer_fits_and_always_ends_with_help_and_quit(app, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        line = footer(app)
        assert footer_ends_with_help_and_quit(line), line
        assert line.startswith(" s Summary  ][ Section  b Sidebar")
        assert "q Qu" in line and len(line.rstrip()) <= size[0]
        await pilot.press("s")  # the summary's keys come in, grouped
        await settle(pilot)
        line = footer(app)
        assert footer_ends_with_help_and_quit(line), line
        assert "\u23ce Go to sentence" in line and "aA Algorithm  +- Length" in line
        if size[0] >= 150:
            assert "^p Commands" in line
        await pilot.press(*(["b"] if size[0] < 100 else ["b", "b"]))  # into the sidebar
        await settle(pilot)
        assert footer_ends_with_help_and_quit(footer(app))
        assert "\u23ce Show in article" in footer(app)


async def test_the_footer_at_80_columns_leaves_out_the_least_useful_hints_first(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        line = footer(app)
        shown = " ".join(line.split())
        assert shown == "s Summary ][ Section b Sidebar / Search ? Help q Quit \u258f ^p Commands"
        assert "y Copy" not in line and "e Export" not in line  # in the help screen


@pytest.mark.parametrize("size", SIZES)
async def test_focus_moves_into_what_was_opened_and_back_when_it_closes(app, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = app.screen
        assert app.focused is screen.view
        await pilot.press("s")
        await settle(pilot)
        assert app.focused.id == "summary-list"
        await pilot.press("s")
        await settle(pilot)
        assert app.focused is screen.view
        narrow = size[0] < 100
        if not narrow:
            await pilot.press("b")  # the sidebar was shown: b hides it first
            await settle(pilot)
            assert app.focused is screen.view
        await pilot.press("b")
        await settle(pilot)
        assert app.focused.id == "photos"
        top = screen.view.scroll_y
        await pilot.press("j")  # moves in the photos, not in the article underneath
        await settle(pilot)
        assert screen.view.scroll_y == top and app.focused.highlighted == 1
        await pilot.press("b")
        await settle(pilot)
        assert app.focused is screen.view
        await pilot.press("o")
        await pilot.pause()
        assert app.focused.id == "open-input"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is screen.view
        await pilot.press("e")
        await pilot.pause()
        assert app.focused.id == "export-input"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is screen.view
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.focused.id == "help-keys"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is screen.view
