"""The open dialog (~ and tab completion), the help screen (every key once, the mouse) and the palette's Keys."""

from __future__ import annotations

import pytest
from conftest import ready, settle
from screen_text import screen_text

from reader.ui.help_screen import HelpScreen
from reader.ui.open_screen import complete, expand

pytestmark = pytest.mark.asyncio


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    (folder / "notes").mkdir(parents=True)
    (folder / "notes" / "river-plan.md").write_text("# River plan\n\nThe council met.\n")
    (folder / "notes" / "river-budget.txt").write_text("Budget\n\nThe council paid.\n")
    (folder / ".hidden").mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


async def test_completion_and_expansion(home):
    assert complete("~") == ("~/", [])
    assert complete("~/no") == ("~/notes/", [])
    assert complete("~/notes/ri") == ("~/notes/river-", ["river-budget.txt", "river-plan.md"])
    assert complete("~/notes/river-p") == ("~/notes/river-plan.md", [])
    assert complete("~/") == ("~/notes/", [])  # hidden names only once a dot is typed
    assert complete("~/.h") == ("~/.hidden/", [])
    assert complete("https://example.com/a") == ("https://example.com/a", [])
    assert expand(" ~/notes/river-plan.md ") == str(home / "notes" / "river-plan.md")
    assert expand("https://example.com/~a") == "https://example.com/~a"


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_o_completes_with_tab_and_opens_a_path_under_home(app, home, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.focused.id == "open-input"
        await pilot.press(*"~/no", "tab", "r", "tab")
        await pilot.pause()
        field = app.focused
        assert field.value == "~/notes/river-"
        choices = app.screen.query_one("#open-choices")
        assert choices.display and "river-plan.md" in str(choices.content)
        await pilot.press("p", "tab", "enter")
        await settle(pilot)
        await ready(pilot)
        screen = app.screen_stack[0]
        assert screen.source == str(home / "notes" / "river-plan.md")
        assert "River plan" in screen_text(app).splitlines()[0]
        assert app.focused is screen.view


async def test_the_help_lists_every_key_once_with_the_dialogs_and_the_mouse(app):
    async with app.run_test(size=(100, 50)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = "\n".join(str(s.content) for s in help_screen.query(".help-group"))
        rows = [" ".join(row.split()) for row in text.splitlines()]
        assert len(rows) == len(set(rows))  # no key and description twice
        assert sum("Show in article" in row for row in rows) == 1
        for wanted in (
            "q Quit",
            "? Help",
            "y Copy",
            "e Export",
            "f Follow the reading",
            "tab Complete the path (Open)",
            "esc Cancel (Open, Export)",
            "enter Confirm (Open, Export)",
            "j Scroll down (Help)",
            "G Bottom (Help)",
            "l Links",
            "⏎ Open the link",
            "O Link in the browser",
            "y Copy its address",
            "esc/l Close the links",
            "esc/q/? Close help (Help)",
            "wheel Scroll what is under it",
            "click Focus; show an item",
            "ctrl+q Quit",
        ):
            assert wanted in rows, wanted


async def test_the_palette_keys_command_opens_the_same_help(app):
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        commands = [c for c in app.get_system_commands(app.screen) if c.title == "Keys"]
        assert len(commands) == 1 and commands[0].help == "Every key of the reader (?)"
        commands[0].callback()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_help_scrolls_with_j_and_g(app):
    async with app.run_test(size=(100, 20)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        keys = app.screen.query_one("#help-keys")
        assert keys.max_scroll_y > 0
        await pilot.press("j", "j")
        await pilot.pause(0.5)
        assert keys.scroll_y > 0
        await pilot.press("G")
        await pilot.pause(1.2)
        assert keys.scroll_y == keys.max_scroll_y
        await pilot.press("g")
        await pilot.pause(1.2)
        assert keys.scroll_y == 0
