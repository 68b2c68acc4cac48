"""A long text: its first part is on the first screen while the whole is built, then the whole takes its place."""

from __future__ import annotations

import threading

import pytest
from conftest import ready
from screen_text import screen_text

from reader.article.build import build_article
from reader.article.preview import head_document
from reader.sources.document import Document
from reader.ui.app import ReaderApp

pytestmark = pytest.mark.asyncio

FIRST = "The harbour reopened on Tuesday after a winter of repairs to the sea wall."


def _long_text() -> str:
    paragraphs = [FIRST + " Boats left at dawn."]
    for n in range(1, 400):
        paragraphs.append(
            f"Paragraph {n} tells of the works. "
            f"\u201cWe are nearly done with part {n},\u201d said Mayor Ann Lee. "
            "The council met again on Friday to agree the cost of the next stage."
        )
    return "The harbour town rebuilds\n\n" + "\n\n".join(paragraphs) + "\n"


class SlowBuild:
    """Stands in for reader.prefetch.Prefetch: the first part at once, the whole when released."""

    remote = False
    feeds = None

    def __init__(self, document: Document) -> None:
        self.spec = "long.txt"
        self.document = document
        head = head_document(document)
        assert head is not None
        self.head = build_article(head)
        self.whole = build_article(document)
        self.released = threading.Event()

    def first(self, timeout: float | None = None):
        return self.head

    def article(self, timeout: float | None = None):
        if not self.released.wait(timeout):
            return None
        return self.whole


@pytest.fixture
def slow() -> SlowBuild:
    return SlowBuild(Document(_long_text(), source="long.txt", name="long.txt"))


async def test_the_first_part_is_on_the_first_screen_and_the_whole_follows(slow):
    app = ReaderApp(source="long.txt", document=slow.document, prefetch=slow)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen_stack[0]
        shown = screen_text(app)
        assert FIRST[:60] in shown  # the article's words, not a spinner
        assert "The harbour town rebuilds" in shown.splitlines()[0]
        assert "min read" not in shown  # the reading time is the whole article's: not yet
        assert screen.article is None  # summaries, search and sections wait for the whole
        await pilot.press("s")
        await pilot.pause()
        assert not screen.show_summary
        await pilot.press("j", "j", "j")
        await pilot.pause()
        top = screen.view.scroll_y
        assert top == 3
        slow.released.set()
        await ready(pilot)
        assert screen.article is slow.whole
        assert screen.view.scroll_y == top  # the reader stays where they were
        shown = screen_text(app)
        assert "min read" in shown
        assert screen.query_one("#quotes").option_count > 0
        await pilot.press("s")
        await pilot.pause()
        assert screen.show_summary
