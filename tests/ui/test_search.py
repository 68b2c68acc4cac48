"""Search: / opens it, matches are highlighted and counted, n / N go through them, escape clears."""

from __future__ import annotations

import pytest
from conftest import notices, ready, settle
from screen_text import screen_lines, screen_text

from reader.search import find_in_paragraphs
from reader.ui.search_bar import SearchBar

pytestmark = pytest.mark.asyncio

SIZE = (100, 24)


def expected(app, query):
    return find_in_paragraphs(app.screen_stack[0].view.paragraph_texts(), query)


def highlighted(view):
    """(paragraph, start, end) of every highlighted match, and the current one."""
    found = [
        (block.index, start, end)
        for block in view.blocks
        if block.kind == "paragraph"
        for start, end in block.found
    ]
    current = [
        (b.index, *b.current)
        for b in view.blocks
        if b.kind == "paragraph" and b.current is not None
    ]
    return found, current


async def test_slash_finds_highlights_and_counts_matches_from_the_reading_position(app):
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen, view = app.screen, app.screen.view
        await pilot.press("right_square_bracket", "right_square_bracket")  # read on to section 3
        await settle(pilot)
        start = view.paragraph
        assert start > 0
        await pilot.press("slash")
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        assert bar.display and app.focused is bar.input
        await pilot.press(*"putin")
        await pilot.pause()
        matches = expected(app, "putin")
        assert len(matches) > 5
        found, current = highlighted(view)
        assert found == [tuple(m) for m in matches]  # every match is highlighted
        first = next(
            i for i, m in enumerate(matches) if m.paragraph >= start
        )  # the first after the position
        assert current == [tuple(matches[first])]
        assert bar.counter == f"{first + 1}/{len(matches)}"
        assert f"{first + 1}/{len(matches)}" in screen_lines(app)[-2]
        assert view.match_in_view(matches[first])
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is view and bar.display  # the counter stays
        assert f"{first + 1}/{len(matches)}" in screen_text(app)


async def test_n_and_N_go_through_the_matches_wrapping_and_never_clash_with_typing(app):
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        screen, view = app.screen, app.screen.view
        await pilot.press("slash", *"launch")  # an n typed in the field is text, not "next match"
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        assert bar.input.value == "launch"
        matches = expected(app, "launch")
        total = len(matches)
        assert total >= 3
        assert screen.search.current == 0
        await pilot.press("enter", "n")
        await pilot.pause()
        assert screen.search.current == 1 and bar.counter == f"2/{total}"
        assert view.match_in_view(matches[1])
        await pilot.press("N", "N")
        await pilot.pause()
        assert (
            screen.search.current == total - 1 and bar.counter == f"{total}/{total}"
        )  # wrapped backwards
        assert view.match_in_view(matches[-1])
        assert any("wrapped" in n for n in notices(app))
        await pilot.press("n")
        await pilot.pause()
        assert screen.search.current == 0 and bar.counter == f"1/{total}"  # wrapped forwards
        assert "nN Match" in screen_lines(app)[-1]


async def test_smart_case(app):
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("slash", *"the")
        await pilot.pause()
        lower = len(screen.search.matches)
        await pilot.press(
            "home", "ctrl+k", *"The"
        )  # replaces the query: a capital letter matches case
        await pilot.pause()
        exact = len(screen.search.matches)
        assert screen.search.query == "The"
        assert lower == len(expected(app, "the")) > exact == len(expected(app, "The")) > 0


async def test_no_match_says_so_and_keeps_the_position(app):
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        screen, view = app.screen, app.screen.view
        await pilot.press("right_square_bracket")
        await settle(pilot)
        y, paragraph = view.scroll_y, view.paragraph
        await pilot.press("slash", *"putin")  # moves on the way...
        await pilot.pause()
        await pilot.press(*"xq")  # ...and back when nothing matches
        await pilot.pause()
        assert view.scroll_y == y and view.paragraph == paragraph
        assert screen.query_one(SearchBar).counter == "no matches"
        await pilot.press("enter")
        await pilot.pause()
        assert any(n.startswith("No match for \u201cputinxq\u201d") for n in notices(app))
        await pilot.press("n")
        await pilot.pause()
        assert view.scroll_y == y
        assert "no matches" in screen_text(app)
        assert "Match" not in screen_lines(app)[-1]  # the footer offers no n / N to go through


async def test_escape_clears_the_search_from_the_field_or_the_article(app):
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen, view = app.screen, app.screen.view
        for keys in (
            ("slash", "p", "u", "t"),
            ("slash", "p", "u", "t", "enter"),
        ):  # in the field / the article
            await pilot.press(*keys)
            await pilot.pause()
            assert highlighted(view)[0] and screen.search.query == "put"
            assert app.focused is (
                view if keys[-1] == "enter" else screen.query_one(SearchBar).input
            )
            await pilot.press("escape")
            await pilot.pause()
            assert highlighted(view) == ([], []) and not screen.search.active
            assert not screen.query_one(SearchBar).display and app.focused is view
        y = view.scroll_y
        await pilot.press("n")  # no search: n does nothing
        await pilot.pause()
        assert view.scroll_y == y and "Match" not in screen_lines(app)[-1]


async def test_a_cleared_search_shows_no_count_when_opened_again(app):
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("slash", *"satellite", "enter")
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        total = len(expected(app, "satellite"))
        assert total > 1 and f"1/{total}" in screen_lines(app)[-2]
        await pilot.press("escape", "slash")
        await pilot.pause()
        assert bar.display and app.focused is bar.input and bar.input.value == ""
        assert bar.counter == "" and f"/{total}" not in screen_lines(app)[-2]
        await pilot.press(
            *"sat", "backspace", "backspace", "backspace"
        )  # emptied by hand: no count either
        await pilot.pause()
        assert bar.counter == "" and f"/{total}" not in screen_lines(app)[-2]
