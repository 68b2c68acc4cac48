"""The cyclic garbage collector is off while the reader starts.

Start-up makes hundreds of thousands of objects that live as long as the
process (modules, classes, compiled patterns, the article) and almost no
reference cycles to collect; every collection walks them all again. With the
collector off, importing Textual and the reader takes about 10% less time and
building a 200,000-word article about 15% less, for the same peak memory
(measured: benchmarks/RESULTS.md). A command that reads one article runs with
it off to the end; the terminal UI, which runs for hours, turns it back on
after its first screen, with what start-up made frozen (never walked again).
Unreachable objects are still freed by their reference counts; only cycles
among what was frozen are never collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside (start-up), back on after if it was on, as :func:`resume` does.

    Frozen then, what the command made is not walked again by the collection
    the interpreter runs as it exits (about 0.1 s for ``reader summarize``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            resume()


def resume() -> None:
    """Turn it back on; what exists now is kept out of every later collection."""
    gc.freeze()
    gc.enable()
