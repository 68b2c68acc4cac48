"""Quitting is immediate, whatever a worker is doing; ``-`` (standard input) is refused in the UI."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from conftest import ready, settle

QUIT_DURING = textwrap.dedent(
    """
    import sys, time
    import reader.article.build as build
    import reader.feeds.source as sources

    def slow(*args, **kwargs):
        time.sleep(60)  # a dripping server, a huge build
        raise SystemExit("the work was waited for")

    if sys.argv[1] == "download":
        sources.open_any = slow
    else:
        build.build_article = slow

    from reader.ui.app import ReaderApp

    mounted = ReaderApp.on_mount

    def on_mount(self):
        mounted(self)
        self.set_timer(1.5, self.action_quit)  # q, once the worker is busy

    ReaderApp.on_mount = on_mount
    app = ReaderApp(source="https://slow.example/news" if sys.argv[1] == "download" else None)
    app.run(headless=True, size=(100, 30))
    print("exited", app.return_code, flush=True)
    """
)


@pytest.mark.parametrize("work", ["download", "build"])
def test_q_quits_at_once_during_slow_work(work, tmp_path):
    script = tmp_path / "quit_during.py"
    script.write_text(QUIT_DURING)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(script), work],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "READER_CONFIG_DIR": str(tmp_path / "config"),
            "READER_STATE_DIR": str(tmp_path / "state"),
        },
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert "exited 0" in result.stdout
    assert "Traceback" not in result.stderr
    # Generous (start-up on a busy machine); the work would take 60 s.
    assert elapsed < 25, elapsed


@pytest.mark.asyncio
async def test_dash_is_refused_in_the_open_dialog(app):
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        title = app.screen.article.title
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("minus", "enter")
        await settle(pilot)
        screen = app.screen_stack[0]
        assert screen.article.title == title
        assert not any(w.group == "open" and w.is_running for w in screen.workers)
        assert any("standard input" in n.message for n in app._notifications)
