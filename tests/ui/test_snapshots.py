"""SVG snapshots (pytest-textual-snapshot): main screen, summary view, help screen, narrow layout,
the summary at 80x24 and the sidebar at 150x45.

Update them with `pytest tests/ui/test_snapshots.py --snapshot-update` after
checking the new pictures (tests/ui/__snapshots__/).
"""

from __future__ import annotations

import asyncio

from reader.ui.app import ReaderApp


async def _ready(pilot) -> None:
    app = pilot.app
    for _ in range(600):
        if app.screen_stack[0].settled:
            break
        await asyncio.sleep(0.05)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _app(bundled) -> ReaderApp:
    return ReaderApp(source=None, document=bundled)


def test_main_screen(snap_compare, bundled):
    assert snap_compare(_app(bundled), terminal_size=(120, 36), run_before=_ready)


def test_summary_view(snap_compare, bundled):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("s")
        await _ready(pilot)

    assert snap_compare(_app(bundled), terminal_size=(120, 36), run_before=run_before)


def test_help_screen(snap_compare, bundled):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_app(bundled), terminal_size=(100, 50), run_before=run_before)


def test_narrow_layout(snap_compare, bundled):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("right_square_bracket", "b")
        await _ready(pilot)

    assert snap_compare(_app(bundled), terminal_size=(60, 20), run_before=run_before)


def test_summary_at_80x24(snap_compare, bundled):
    """The first screen a user at 80x24 sees after s: the pane's fixed height, the footer's hints."""

    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("s")
        await _ready(pilot)

    assert snap_compare(_app(bundled), terminal_size=(80, 24), run_before=run_before)


def test_sidebar_at_150x45(snap_compare, bundled):
    """All three captions with their credits, the quotes below."""
    assert snap_compare(_app(bundled), terminal_size=(150, 45), run_before=_ready)
