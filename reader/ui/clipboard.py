"""Where a copy can go besides the terminal's clipboard (OSC 52), and whether that one may fail.

OSC 52 (what Textual's ``copy_to_clipboard`` sends) reaches the system
clipboard only if the terminal accepts it. Inside tmux it does only with
``set-clipboard on``: tmux's default, ``external``, keeps the text from
applications to itself. So in tmux the text also goes to tmux's paste buffer
(``tmux load-buffer -``), and elsewhere to pyperclip's clipboard when pyperclip
is installed (it is optional).

No Textual here: the screen calls :func:`copy_elsewhere` in a worker thread.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass

TMUX_TIMEOUT = 2.0  # seconds for a tmux command


@dataclass(frozen=True)
class CopyResult:
    """What became of a copy beyond OSC 52."""

    osc52_doubtful: bool  # the terminal may not pass OSC 52 on (tmux without set-clipboard on)
    also: (
        str | None
    )  # where else the text went ("tmux's paste buffer", "the clipboard"), if anywhere
    setting: str | None = None  # tmux's set-clipboard value, when in tmux


def in_tmux(env: Mapping[str, str] = os.environ) -> bool:
    return bool(env.get("TMUX")) and shutil.which("tmux") is not None


def tmux_set_clipboard() -> str | None:
    """tmux's ``set-clipboard`` option ("on", "external", "off"), or None if it cannot be read."""
    try:
        done = subprocess.run(
            ["tmux", "show", "-gv", "set-clipboard"],
            capture_output=True,
            text=True,
            timeout=TMUX_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return (done.stdout.strip() or None) if done.returncode == 0 else None


def tmux_buffer(text: str) -> bool:
    """Put ``text`` in tmux's paste buffer; True if it worked."""
    try:
        done = subprocess.run(
            ["tmux", "load-buffer", "-"],
            input=text,
            capture_output=True,
            text=True,
            timeout=TMUX_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def pyperclip_copy(text: str) -> bool:
    """Copy with pyperclip when it is installed and finds a clipboard; True if it did."""
    try:
        import pyperclip  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return False
    try:
        pyperclip.copy(text)
    except Exception:  # pyperclip.PyperclipException: no clipboard mechanism here
        return False
    return True


def copy_elsewhere(text: str, env: Mapping[str, str] = os.environ) -> CopyResult:
    """Copy ``text`` where it can go besides OSC 52, and say whether OSC 52 may have failed."""
    if in_tmux(env):
        setting = tmux_set_clipboard()
        doubtful = setting != "on"
        if tmux_buffer(text):
            return CopyResult(doubtful, "tmux's paste buffer", setting)
        if pyperclip_copy(text):
            return CopyResult(doubtful, "the clipboard", setting)
        return CopyResult(doubtful, None, setting)
    return CopyResult(False, "the clipboard" if pyperclip_copy(text) else None)
