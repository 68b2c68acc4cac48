"""Shared helpers of the UI tests: the app on the bundled article, waiting for it."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from reader.sources.load import load_source  # noqa: E402
from reader.ui.app import ReaderApp  # noqa: E402

WIDE = (120, 40)


@pytest.fixture(scope="session")
def bundled():
    return load_source(None)


@pytest.fixture
def app(bundled) -> ReaderApp:
    return ReaderApp(source=None, document=bundled)


async def ready(pilot, timeout: float = 30.0) -> None:
    """Wait until the article is shown and no worker is running."""
    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while app.screen_stack[0].article is None:
        if loop.time() > deadline:
            raise AssertionError("the article was not shown in time")
        await pilot.pause(0.02)
    await settle(pilot)


async def settle(pilot) -> None:
    """Let workers finish and the screen refresh."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
