"""Keys that arrive together (type-ahead, a paste, a key held down) never crash the reader."""

from __future__ import annotations

import asyncio
import random

import pytest
from conftest import ready, settle
from textual import events
from textual.command import CommandPalette

pytestmark = pytest.mark.asyncio

CHARACTERS = {"question_mark": "?", "slash": "/", "enter": "\r", "escape": "\x1b", "tab": "\t"}


def burst(app, *keys: str) -> None:
    """Post ``keys`` at once, as a terminal delivers type-ahead: no waiting between them."""
    for key in keys:
        character = CHARACTERS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


async def run_burst(app, keys: tuple[str, ...], size=(100, 30), focus: str | None = None) -> None:
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        if focus:
            app.screen.query_one(focus).focus()
            await pilot.pause()
        burst(app, *keys)
        await pilot.pause(0.5)
        await settle(pilot)
    assert app._exception is None  # run_test re-raises it too: this names the cause


@pytest.mark.parametrize(
    "keys",
    [("q", "o"), ("q", "question_mark"), ("q", "slash")],
    ids=["q-o", "q-help", "q-search"],
)
async def test_keys_after_quit_are_ignored(app, keys):
    await run_burst(app, keys)
    assert app.return_code == 0


async def test_palette_enter_enter_closes_it_once(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        reader = app.screen
        burst(app, "ctrl+p", "enter", "enter")
        await pilot.pause(0.5)
        await settle(pilot)
        # The palette closed once and ran its first command (which may open a screen of
        # its own, such as the help); the reader's screen is still there, nothing crashed.
        assert app.screen_stack[0] is reader and not app._exit
        assert not any(isinstance(screen, CommandPalette) for screen in app.screen_stack)


async def test_palette_pageup_before_its_list_is_laid_out(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        burst(app, "ctrl+p")
        await asyncio.sleep(0.01)
        burst(app, "pageup", "pagedown")
        await pilot.pause(0.5)
        burst(app, "pageup", "pagedown", "escape")
        await settle(pilot)
        assert len(app.screen_stack) == 1


async def test_pagedown_in_a_list_with_no_room(app):
    await run_burst(app, ("pagedown", "pageup", "pagedown"), size=(100, 6), focus="#photos")


STORM_KEYS = (
    *"abcdefghijklmnoprstuvwxyzAWN[]{}+-/?ejk",
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "up",
    "down",
    "pageup",
    "pagedown",
    "home",
    "end",
    "space",
    "backspace",
    "ctrl+p",
    "question_mark",
    "slash",
    "left_square_bracket",
    "right_square_bracket",
    "plus",
    "minus",
)
SIZES = ((120, 40), (80, 24), (40, 12), (100, 6), (20, 5), (150, 50), (60, 20))


@pytest.mark.storm
async def test_key_storm_with_resizes_leaves_the_app_alive(app, monkeypatch):
    """2,000 random keys in bursts of up to 40, with resizes between them (fixed seed)."""
    # The palette's own system commands include Quit and Screenshot: a storm must not pick them.
    monkeypatch.setattr(type(app), "get_system_commands", lambda self, screen: iter(()))
    chooser = random.Random(15)
    sent = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        while sent < 2000:
            count = chooser.randint(1, 40)
            keys = [chooser.choice(STORM_KEYS) for _ in range(count)]
            if "o" in keys:  # the open dialog: type into it, then leave it
                keys.append("escape")
            burst(app, *keys)
            sent += count
            await pilot.pause(chooser.choice((0, 0, 0.01, 0.05)))
            if chooser.random() < 0.15:
                await pilot.resize_terminal(*chooser.choice(SIZES))
                await pilot.pause()
        await pilot.resize_terminal(120, 40)
        burst(app, "escape", "escape", "escape")
        await pilot.pause(0.5)
        assert app.is_running and not app._exit
        assert app.screen_stack[0].article is not None
    assert app._exception is None
