"""Memory kept per help open / close (``?`` twice), with Textual's Footer and with ReaderFooter.

    .venv/bin/python benchmarks/ui_memory.py [CYCLES]

Runs the reader under Pilot on the bundled article, opens and closes help
CYCLES times (default 300) and prints the Python memory still allocated
(tracemalloc, after a gc) per cycle, and the footer's watcher count.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import tracemalloc

from textual.widgets import Footer

import reader.ui.reader_screen as reader_screen
from reader.sources.load import load_source
from reader.ui.app import ReaderApp
from reader.ui.footer import ReaderFooter


async def measure(footer_class: type[Footer], cycles: int) -> tuple[float, int]:
    reader_screen.ReaderFooter = footer_class  # type: ignore[attr-defined]
    app = ReaderApp(source=None, document=load_source(None))
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen_stack[0].settled:
            await pilot.pause(0.05)
        for _ in range(10):  # warm up
            await pilot.press("question_mark", "question_mark")
        await pilot.pause(0.3)
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(cycles):
            await pilot.press("question_mark")
            await pilot.press("question_mark")
        await pilot.pause(0.5)
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        footer = app.screen_stack[0].query_one(Footer)
        watchers = sum(len(w) for w in getattr(footer, "__watchers", {}).values())
    return (after - before) / cycles, watchers


def main() -> None:
    cycles = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for name, footer_class in (("Textual Footer", Footer), ("ReaderFooter", ReaderFooter)):
        per_cycle, watchers = asyncio.run(measure(footer_class, cycles))
        print(
            f"{name:>15}: {per_cycle / 1024:6.1f} KiB kept per ? open/close "
            f"over {cycles} cycles; footer watchers at the end: {watchers}"
        )


if __name__ == "__main__":
    main()
