"""Start-up: the first screen drawn holds the article, and nltk is not imported for it."""

from __future__ import annotations

import fcntl
import json
import os
import struct
import subprocess
import sys
import termios
import threading
import time

import pytest

from tests.conftest import ISOLATED_CONFIG, ROOT


def _probe(mode: str, tmp_path, *args: str) -> dict:
    """Run ``python -m reader ARGS`` in a pty with the start-up probe; what it recorded."""
    import pty

    stamp = tmp_path / f"{mode}.json"
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {
        **os.environ,
        "READER_STARTUP_PROBE": f"{mode}:{stamp}",
        "READER_CONFIG_DIR": ISOLATED_CONFIG,
        "READER_STATE_DIR": str(tmp_path / "state"),
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
    }

    def drain() -> None:  # keep the pty's buffer empty so the reader never blocks writing
        while True:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break

    threading.Thread(target=drain, daemon=True).start()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    try:
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        time.sleep(0.1)
        os.close(master)
    assert stamp.exists(), f"the reader exited ({process.returncode}) without its probe"
    return json.loads(stamp.read_text())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pty and fork")
def test_the_first_paint_holds_the_article_without_nltk_or_sumy(tmp_path):
    data = _probe("paint", tmp_path)
    assert data["loaded"] == {"nltk": False, "sumy": False}
    assert data.get("article") is True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pty and fork")
def test_a_long_text_is_shown_after_a_spinner(tmp_path):
    """An article that takes longer than the first screen waits comes from the open worker."""
    story = tmp_path / "long.txt"
    paragraph = "The council met on Tuesday. It agreed to rebuild the sea wall by the spring. "
    story.write_text("Harbour\n\n" + "\n\n".join([paragraph * 3] * 3000), encoding="utf-8")
    data = _probe("article", tmp_path, str(story))
    assert data["loaded"]["nltk"] is False
