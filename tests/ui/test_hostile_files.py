"""The reader starts, on the defaults, whatever its config and state files are."""

from __future__ import annotations

import os

import pytest
from conftest import ready, settle
from screen_text import screen_lines

from reader.settings import DEFAULT_THEME
from reader.ui.app import ReaderApp

SIZE = (100, 30)


def _make(path, kind):
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:  # deeply nested arrays (TOML) or lists (JSON)
        path.write_text("theme = " + "[" * 50_000 + "]" * 50_000 + "\n")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "nested"])
@pytest.mark.asyncio
async def test_the_reader_starts_with_a_hostile_config_and_state(bundled, user_folders, kind):
    _make(user_folders["config"] / "config.toml", kind)
    _make(user_folders["state"] / "state.json", "fifo" if kind == "nested" else kind)
    app = ReaderApp(document=bundled)
    shown: list[str] = []  # every notice, also those timed out before the checks (under load)
    notify = app.notify

    def remember(message, **options):
        shown.append(str(message))
        return notify(message, **options)

    app.notify = remember
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert app.theme == DEFAULT_THEME
        assert "Kim, Putin meet at Russian" in screen_lines(app)[0]  # the article is open
        assert any("config.toml" in n and "using the default settings" in n for n in shown)
        assert any("state file" in n and "will not be saved" in n for n in shown)
