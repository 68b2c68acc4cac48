"""The terminal UI starts with the garbage collector off and turns it on after its first screen."""

from __future__ import annotations

import gc

import pytest

from tests.ui.conftest import ready
from tests.ui.screen_text import screen_text

pytestmark = pytest.mark.asyncio


async def test_the_collector_is_on_once_the_article_is_on_screen(app):
    gc.disable()  # as `reader` starts it (reader.cli.main)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await ready(pilot)
            assert "North Korean leader Kim" in screen_text(app)
            assert gc.isenabled()
    finally:
        gc.enable()
