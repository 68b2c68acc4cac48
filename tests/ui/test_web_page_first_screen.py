"""A saved web page read after the screen is up: the screen builds the first screen itself.

trafilatura makes a web page's Document come late, when the screen has long
been waiting; then the screen builds the article (a long page: its first
part, the whole coming from the child process). The first screen shows the
page's own first words, and the whole article with its sidebar follows:
nothing is lost.
"""

from __future__ import annotations

import pytest
from conftest import ready
from screen_text import screen_text

from reader import prefetch
from reader.article.build import build_article
from reader.sources.load import load_source
from reader.ui import reader_screen
from reader.ui.app import ReaderApp

pytestmark = pytest.mark.asyncio

FIRST = "Fishing boats left the harbour at dawn on Tuesday for the first time since the storms."
QUOTE = "We have waited long enough for this"


def _page(more: int = 0) -> str:
    parts = [
        f"Part {n} of the works was agreed by the council on Friday after a long meeting "
        f"in the town hall, where residents asked about the cost of stage {n}."
        for n in range(more)
    ]
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>The harbour reopens | Coast News</title>"
        '<meta name="author" content="Mei Tanaka"></head><body><main><article>'
        f"<h1>The harbour reopens</h1><p>{FIRST}</p>"
        f"<p>\u201c{QUOTE},\u201d said Anna Berg, the harbour master.</p>"
        '<figure><img src="wall.jpg" width="800" height="500"><figcaption>Workers on the '
        'sea wall on Tuesday. <span class="credit">Photo: Lena Walsh</span></figcaption></figure>'
        "<h2>The works</h2><p>Engineers said the sea wall would be finished by the spring.</p>"
        + "".join(f"<p>{p}</p>" for p in parts)
        + "</article></main></body></html>"
    )


@pytest.fixture
def read_late(monkeypatch, held_source):
    """The child reads the page only once the screen waits for it (as with a slow extraction)."""
    import trafilatura  # noqa: F401  (imported before the fork: the child only extracts)

    real_warm = prefetch.Prefetch.warm

    def warm_then_read(self: prefetch.Prefetch) -> None:
        real_warm(self)
        held_source()

    monkeypatch.setattr(prefetch.Prefetch, "warm", warm_then_read)
    monkeypatch.setattr(reader_screen, "FIRST_SCREEN_WAIT", 60.0)  # never a spinner here


async def _open(path, size=(120, 40)):
    fetched = prefetch.start(str(path))
    assert fetched is not None
    return ReaderApp(source=str(path), prefetch=fetched)


async def test_a_page_read_late_is_on_the_first_screen_then_its_sidebar(tmp_path, read_late):
    path = tmp_path / "page.html"
    path.write_text(_page(), encoding="utf-8")
    expected = build_article(load_source(str(path)))
    app = await _open(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen_stack[0]
        assert not screen.view.loading  # no spinner: the article itself
        shown = screen_text(app)
        assert FIRST[:60] in shown
        assert "The harbour reopens" in shown.splitlines()[0]
        await ready(pilot)
        article = screen.article
        assert article is not None
        assert article.text == expected.text and article.paragraphs == expected.paragraphs
        assert screen.query_one("#photos").option_count == len(expected.captions) == 1
        assert screen.query_one("#quotes").option_count > 0
        shown = screen_text(app)
        assert "Workers on the sea wall" in shown and QUOTE[:30] in shown
        assert "min read" in shown


async def test_a_long_page_read_late_shows_its_first_part_then_the_whole(tmp_path, read_late):
    path = tmp_path / "long.html"
    path.write_text(_page(more=400), encoding="utf-8")
    expected = build_article(load_source(str(path)))
    app = await _open(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen_stack[0]
        shown = screen_text(app)
        assert FIRST[:60] in shown  # the page's true first words, not a spinner
        first_screen = shown.splitlines()[1:]
        await pilot.press("j", "j")
        await pilot.pause()
        top = screen.view.scroll_y
        await ready(pilot)
        assert screen.article is not None
        assert screen.article.text == expected.text
        assert screen.article.paragraphs == expected.paragraphs
        assert screen.view.scroll_y == top  # the reader stays where they were
        assert screen.query_one("#quotes").option_count > 0
        await pilot.press("g")
        await pilot.pause()
        column = [line[:80] for line in screen_text(app).splitlines()[2:30]]
        assert column == [line[:80] for line in first_screen[1:29]]  # the same words, in place
