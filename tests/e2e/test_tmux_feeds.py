"""End to end: the installed `reader` on a loopback feed in tmux.

The list shows each story's summary and experts; `enter` opens a story in
full, `J` the next one, `l` lists its links, `backspace` returns to the list at
the same place.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.unit.feed_fixtures import serve_news
from tests.unit.http_server import LoopbackServer

pytestmark = pytest.mark.e2e

TMUX = shutil.which("tmux")
READER = shutil.which("reader", path=str(Path(sys.executable).parent)) or shutil.which("reader")


@pytest.mark.skipif(
    TMUX is None or READER is None, reason="needs tmux and the installed reader script"
)
def test_feed_in_tmux(tmp_path):
    session = f"reader-feed-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "NO_PROXY": "127.0.0.1",
        **{
            f"READER_{kind}_DIR": str(tmp_path / kind)
            for kind in ("CONFIG", "STATE", "DATA", "CACHE")
        },
    }
    env.pop("READER_STARTUP_PROBE", None)
    env.pop("TMUX", None)  # a tmux of its own, even when the tests run inside one
    # pytest-xdist sets COLUMNS and LINES (80x24) in its workers; the reader would take
    # them for the terminal's size (shutil.get_terminal_size) instead of the window's.
    env.pop("COLUMNS", None)
    env.pop("LINES", None)

    def tmux(*args: str) -> str:
        return subprocess.run(
            [TMUX, "-L", session, *args], check=True, capture_output=True, text=True, env=env
        ).stdout

    def wait(predicate, timeout=45.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = tmux("capture-pane", "-t", session, "-p")
            if predicate(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"timed out; the screen was:\n{screen}")

    def keys(*names: str) -> None:
        tmux("send-keys", "-t", session, *names)

    with LoopbackServer() as server:
        url = serve_news(server)
        done = tmp_path / "exit"
        command = f"{READER} {url}; echo $? > {done}; sleep 30"
        try:
            # The window gets its size before the reader starts (see test_tmux.py).
            tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", "sleep 600")
            tmux("set-option", "-t", session, "window-size", "manual")
            tmux("resize-window", "-t", session, "-x", "100", "-y", "30")
            tmux("respawn-pane", "-k", "-t", session, command)
            screen = wait(lambda s: "Experts: Mara Lind" in s and "Experts: Priya Natarajan" in s)
            assert screen.splitlines()[0].strip().startswith("City Times \u00b7 3 stories")
            keys("Enter")
            wait(
                lambda s: (
                    "Council approves tram extension" in s.splitlines()[0] and "Mara Lind" in s
                )
            )
            keys("J")
            # The title shows while the story loads; l acts once its article is there.
            wait(lambda s: "River levels fall" in s.splitlines()[0] and "Elm river" in s)
            keys("l")  # the story's links: its page has none
            wait(lambda s: "No links in this article." in s)
            keys("l")
            wait(lambda s: "No links in this article." not in s)
            keys("BSpace")
            screen = wait(lambda s: "1 unread" in s.splitlines()[0])
            assert "Experts: Mara Lind" in screen
            keys("q")
            deadline = time.monotonic() + 15
            while not done.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert done.exists() and done.read_text().strip() == "0"
        finally:
            subprocess.run([TMUX, "-L", session, "kill-server"], capture_output=True)
