"""Start-up time of `reader` against a minimal Textual app, in the same run.

Each program runs in a pseudo-terminal with READER_STARTUP_PROBE set: on its
first painted screen it writes the wall-clock time to a file and exits (the
reader does this in ReaderApp._probe_done; the minimal app below does the
same thing the same way: ``call_after_refresh`` from ``on_mount``). The
benchmark takes the time from just before the process is spawned to that
time stamp, runs the two programs alternately several times, and prints the
medians and their ratio (target: at most 1.3).

Also reported, for information: the time until the bundled article itself
is shown (nltk imported and the article built in a worker).

    python benchmarks/startup.py [--runs N] [--size 120x40]
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import importlib.util
import json
import os
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

PROBE_ENV = "READER_STARTUP_PROBE"

MINIMAL_APP = """
import json, os, sys, time
from pathlib import Path
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.done)

    def done(self):
        path = os.environ["READER_STARTUP_PROBE"].partition(":")[2]
        Path(path).write_text(json.dumps({"time": time.time()}))
        self.exit()

Minimal().run()
"""


def reader_command() -> list[str]:
    script = shutil.which("reader", path=str(Path(sys.executable).parent)) or shutil.which(
        "reader"
    )
    return [script] if script else [sys.executable, "-m", "reader"]


def timed_run(
    command: list[str], mode: str, size: tuple[int, int], timeout: float = 60.0
) -> tuple[float, dict]:
    """Seconds from spawning ``command`` in a pty to the time stamp it writes."""
    with tempfile.TemporaryDirectory() as folder:
        stamp = Path(folder) / "probe.json"
        master, slave = pty.openpty()
        width, height = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        env = {
            **os.environ,
            PROBE_ENV: f"{mode}:{stamp}",
            "TERM": os.environ.get("TERM", "xterm-256color"),
        }
        env.pop("TEXTUAL", None)

        def drain() -> None:  # keep the pty's buffer empty so the program never blocks writing
            while True:
                try:
                    if not os.read(master, 65536):
                        break
                except OSError:
                    break

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        started = time.time()
        process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        try:
            process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            os.close(master)
        if not stamp.exists():
            raise RuntimeError(
                f"{' '.join(command)} exited ({process.returncode}) without writing its time stamp"
            )
        data = json.loads(stamp.read_text())
        return data["time"] - started, data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each program (default 7)")
    parser.add_argument("--size", default="120x40", help="terminal size (default 120x40)")
    parser.add_argument(
        "--no-article", action="store_true", help="skip the time-to-article measurement"
    )
    args = parser.parse_args(argv)
    size = tuple(int(n) for n in args.size.lower().split("x"))
    minimal = [sys.executable, "-c", MINIMAL_APP]
    reader = reader_command()

    # Byte-compile the reader as `pip install` does for Textual: with an
    # editable install and PYTHONDONTWRITEBYTECODE set (as on these machines),
    # every run would otherwise compile the reader's modules from source.
    for folder in importlib.util.find_spec("reader").submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)
    # One warm-up run of each (file system caches, .pyc files).
    timed_run(minimal, "paint", size)
    timed_run(reader, "paint", size)
    minimal_times, reader_times, article_times = [], [], []
    loaded: dict = {}
    for _ in range(args.runs):
        minimal_times.append(timed_run(minimal, "paint", size)[0])
        seconds, data = timed_run(reader, "paint", size)
        reader_times.append(seconds)
        loaded = data.get("loaded", {})
        if not args.no_article:
            article_times.append(timed_run(reader, "article", size)[0])

    minimal_median = statistics.median(minimal_times)
    reader_median = statistics.median(reader_times)
    ratio = reader_median / minimal_median
    print(f"runs: {args.runs} each, terminal {size[0]}x{size[1]}")
    print(
        f"minimal Textual app, first paint: median {minimal_median * 1000:.0f} ms  ({_list(minimal_times)})"
    )
    print(
        f"reader (bundled article), first paint: median {reader_median * 1000:.0f} ms  ({_list(reader_times)})"
    )
    if loaded:
        print(
            "  imported at first paint: "
            + ", ".join(f"{k}={'yes' if v else 'no'}" for k, v in loaded.items())
        )
    if article_times:
        print(
            f"reader, article shown (nltk loaded, article built): median {statistics.median(article_times) * 1000:.0f} ms"
        )
    print(f"ratio reader / minimal: {ratio:.2f} (target <= 1.3)")
    return 0 if ratio <= 1.3 else 1


def _list(times: list[float]) -> str:
    return ", ".join(f"{t * 1000:.0f}" for t in times)


if __name__ == "__main__":
    sys.exit(main())
