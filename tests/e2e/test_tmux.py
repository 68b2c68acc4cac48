"""End to end: the installed `reader` in tmux; `s`, `]`, `q`, read with capture-pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

TMUX = shutil.which("tmux")
READER = shutil.which("reader", path=str(Path(sys.executable).parent)) or shutil.which("reader")


@pytest.mark.skipif(TMUX is None or READER is None, reason="needs tmux and the installed reader script")
def test_reader_in_tmux(tmp_path):
    session = f"reader-e2e-{uuid.uuid4().hex[:8]}"
    done = tmp_path / "exit-code"
    command = f"{READER}; echo $? > {done}; sleep 30"
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("READER_STARTUP_PROBE", None)
    subprocess.run(
        [TMUX, "-L", session, "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
        check=True, env=env,
    )
    try:
        def tmux(*args: str) -> str:
            return subprocess.run(
                [TMUX, "-L", session, *args], check=True, capture_output=True, text=True
            ).stdout

        def capture() -> str:
            return tmux("capture-pane", "-t", session, "-p")

        def wait(predicate, timeout=30.0) -> str:
            deadline = time.monotonic() + timeout
            screen = ""
            while time.monotonic() < deadline:
                screen = capture()
                if predicate(screen):
                    return screen
                time.sleep(0.2)
            raise AssertionError(f"timed out; the screen was:\n{screen}")

        screen = wait(lambda s: "Photos (3)" in s and "Kim Dong-yub" in s)
        assert "North Korean leader Kim" in screen.splitlines()[0]
        tmux("send-keys", "-t", session, "s")
        screen = wait(lambda s: "Summary \u00b7" in s and "\u2022 " in s)
        tmux("send-keys", "-t", session, "]")
        screen = wait(lambda s: "\u00a7 " in s.splitlines()[0] and "0%" not in s.splitlines()[0])
        tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 15
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert done.exists() and done.read_text().strip() == "0"
    finally:
        subprocess.run([TMUX, "-L", session, "kill-server"], capture_output=True)
