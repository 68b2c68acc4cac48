"""End to end: the installed `reader` in tmux, read with capture-pane.

`s`, `]`, `/` with `n`, `e` (its dialog), `q`; then reopened, it resumes where
it was; at 80x24 the footer keeps `? Help` and `q Quit`. The config, state and
home folders and the current folder are temporary ones.
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

pytestmark = pytest.mark.e2e

TMUX = shutil.which("tmux")
WAIT = 60.0  # seconds for each step: generous, the suite may share the machine
READER = shutil.which("reader", path=str(Path(sys.executable).parent)) or shutil.which("reader")


@pytest.mark.skipif(
    TMUX is None or READER is None, reason="needs tmux and the installed reader script"
)
def test_reader_in_tmux(tmp_path):
    session = f"reader-e2e-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "READER_CONFIG_DIR": str(tmp_path / "config"),
        "READER_STATE_DIR": str(tmp_path / "state"),
        "HOME": str(tmp_path / "home"),
    }
    env.pop("READER_STARTUP_PROBE", None)
    env.pop("TMUX", None)  # a tmux of its own, even when the tests run inside one
    # pytest-xdist sets COLUMNS and LINES (80x24) in its workers; the reader would take
    # them for the terminal's size (shutil.get_terminal_size) instead of the window's.
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    work = tmp_path / "cwd"
    work.mkdir()

    def tmux(*args: str) -> str:
        return subprocess.run(
            [TMUX, "-L", session, *args], check=True, capture_output=True, text=True, env=env
        ).stdout

    def capture(styled: bool = False) -> str:
        return tmux("capture-pane", "-t", session, "-p", *(["-e"] if styled else []))

    def wait(predicate, timeout=WAIT, styled=False) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = capture(styled)
            if predicate(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"timed out; the screen was:\n{screen}")

    def keys(*names: str) -> None:
        tmux("send-keys", "-t", session, *names)

    def run_reader(done, size=("120", "40"), options=""):
        command = f"cd {work} && {READER} {options}; echo $? > {done}; sleep {WAIT:.0f}"
        # The window gets its size before the reader starts (tmux may first make it 80x24,
        # and a resize that comes before the reader listens for it would be lost).
        tmux("new-session", "-d", "-s", session, "-x", size[0], "-y", size[1], "sleep 600")
        tmux("set-option", "-t", session, "window-size", "manual")
        tmux("resize-window", "-t", session, "-x", size[0], "-y", size[1])
        tmux("respawn-pane", "-k", "-t", session, command)

    def quit_reader(done) -> None:
        keys("q")
        deadline = time.monotonic() + WAIT
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert done.exists() and done.read_text().strip() == "0"
        tmux("kill-session", "-t", session)
        # The server ends with its last session: let it go before the next one starts.
        deadline = time.monotonic() + 10
        while (
            time.monotonic() < deadline
            and subprocess.run(
                [TMUX, "-L", session, "has-session"], capture_output=True, env=env
            ).returncode
            == 0
        ):
            time.sleep(0.1)

    try:
        first = tmp_path / "exit-1"
        run_reader(first)
        screen = wait(lambda s: "Photos (3)" in s and "Kim Dong-yub" in s)
        assert "Kim, Putin meet at Russian spaceport" in screen.splitlines()[0]
        assert "The Korea Herald" in screen.splitlines()[1]
        keys("s")
        wait(lambda s: "Summary \u00b7" in s and "\u2022 " in s)
        keys("]")
        wait(lambda s: not s.splitlines()[0].rstrip().endswith(" 0%"))  # ] moved on
        keys("/")
        wait(lambda s: "find in the article" in s)
        keys("-l", "Putin")
        screen = wait(lambda s: "/10" in s.splitlines()[-2])  # the counter shows as you type
        typing_footer = capture(styled=True).splitlines()[-1]
        keys("Enter")
        # Enter gives the article the focus back, and the footer's "/ Search" is enabled
        # again: until then "n" would still go into the field.
        wait(lambda s: s.splitlines()[-1] != typing_footer, styled=True)
        counter = screen.splitlines()[-2].split()[-1]
        keys("n")
        number = int(counter.split("/")[0]) % 10 + 1
        wait(lambda s: f"{number}/10" in s.splitlines()[-2])
        keys("e")
        wait(lambda s: "enter writes" in s)  # asks where, ~/Documents or ~ by default
        keys("C-u")
        wait(lambda s: "~/" not in s)
        keys("-l", str(work / "outline.md"))
        wait(lambda s: "outline.md" in s)
        keys("Enter")
        wait(lambda s: "Exported the outline" in s)
        assert [p.name for p in work.glob("*.md")] == ["outline.md"]
        progress = capture().splitlines()[0].split()[-1]  # "17%"
        quit_reader(first)

        second = tmp_path / "exit-2"
        run_reader(second)
        # The notice can paint a frame before the view has scrolled back, and under load
        # it can be gone by then: wait until both were seen, not necessarily at once.
        seen = {"notice": False}

        def resumed(screen: str) -> bool:
            seen["notice"] = seen["notice"] or "Resumed at paragraph" in screen
            return (
                seen["notice"]
                and "Summary \u00b7" in screen
                and screen.splitlines()[0].split()[-1] == progress
            )

        screen = wait(resumed)
        assert screen.splitlines()[0].split()[-1] == progress
        quit_reader(second)

        third = tmp_path / "exit-3"  # 80x24: the footer keeps ? Help and q Quit
        run_reader(third, ("80", "24"), "--fresh")
        screen = wait(lambda s: "? Help" in s.splitlines()[-1] and "Putin" in s)
        footer = screen.splitlines()[-1]
        assert "? Help" in footer and "q Quit" in footer and "s Summary" in footer
        keys("s")  # the summary's keys come in; help and quit stay
        screen = wait(lambda s: "Go to sentence" in s.splitlines()[-1])
        footer = screen.splitlines()[-1]
        assert "? Help" in footer and "q Quit" in footer and "Summary \u00b7" in screen
        quit_reader(third)
    finally:
        subprocess.run([TMUX, "-L", session, "kill-server"], capture_output=True)
