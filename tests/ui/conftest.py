"""Shared helpers of the UI tests: the app on the bundled article, waiting for it."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from reader.sources.load import load_source
from reader.ui.app import ReaderApp

WIDE = (120, 40)


@pytest.fixture(autouse=True)
def user_folders(tmp_path, monkeypatch):
    """Config and state in a temporary folder: no UI test reads or writes the real user folders.

    Also runs each test in a temporary current folder (where ``e`` exports).
    """
    config = tmp_path / "config"
    state = tmp_path / "state"
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.setenv("READER_CONFIG_DIR", str(config))
    monkeypatch.setenv("READER_STATE_DIR", str(state))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(work)
    return {"config": config, "state": state, "cwd": work}


@pytest.fixture(scope="session")
def bundled():
    return load_source(None)


@pytest.fixture
def app(bundled) -> ReaderApp:
    return ReaderApp(source=None, document=bundled)


async def ready(pilot, timeout: float = 30.0) -> None:
    """Wait until the article is shown (at its resumed position) and no worker is running."""
    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not app.screen_stack[0].settled:
        if loop.time() > deadline:
            raise AssertionError("the article was not shown in time")
        await pilot.pause(0.02)
    await settle(pilot)


def notices(app) -> list[str]:
    """The messages of the notifications shown now (and not yet timed out)."""
    return [n.message for n in app._notifications]


async def settle(pilot) -> None:
    """Let workers finish and the screen refresh."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
