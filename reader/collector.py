"""The cyclic garbage collector is off while the reader starts.

Start-up makes hundreds of thousands of objects that live as long as the
process (modules, classes, compiled patterns, the article) and almost no
reference cycles to collect; every collection walks them all again. With the
collector off, importing Textual and the reader takes about 10% less time and
building a 200,000-word article about 15% less, for the same peak memory
(measured: benchmarks/RESULTS.md). A command that reads one article runs with
it off to the end; the terminal UI, which runs for hours, turns it back on
after its first screen, with what start-up made frozen (never walked again).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside (start-up), as it was before once done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def resume() -> None:
    """Turn it back on; what exists now is kept out of every later collection."""
    gc.freeze()
    gc.enable()
