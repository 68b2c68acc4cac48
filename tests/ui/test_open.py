"""Sources: `o` opens another one, URLs load in a worker, errors keep the article (or exit 2 at start-up)."""

from __future__ import annotations

import asyncio
import threading

import pytest
from conftest import ready, settle
from screen_text import screen_text

import reader.feeds.source as sources
from reader.errors import ReaderError
from reader.sources.document import Document
from reader.ui.app import ReaderApp
from reader.ui.open_screen import OpenScreen

pytestmark = pytest.mark.asyncio

OTHER = "Second article title here.\n\nThe second article has one paragraph of text, and another sentence.\n"


async def test_o_opens_another_file(app, tmp_path):
    path = tmp_path / "other.txt"
    path.write_text(OTHER)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        await pilot.press(*str(path), "enter")
        await pilot.pause()
        await settle(pilot)
        screen = app.screen_stack[0]
        assert screen.article.source == "other.txt"
        assert "Second article title here" in screen_text(app)
        assert screen.query_one("#photos").option_count == 0


async def test_an_error_is_a_notification_and_the_article_stays(app, tmp_path):
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        title = app.screen.article.title
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*str(tmp_path / "missing.txt"), "enter")
        for _ in range(100):
            if any("no such file" in n.message for n in app._notifications):
                break
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        screen = app.screen_stack[0]
        assert screen.article.title == title
        text = screen_text(app)
        assert "no such file" in text and "missing.txt" in text
        assert not screen.view.loading


async def test_escape_closes_the_open_dialog(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, OpenScreen)


async def test_a_url_loads_in_a_worker_with_a_loading_indicator(monkeypatch):
    release = threading.Event()

    def fake_load(spec, stdin=None):
        release.wait(10)
        return Document(text=OTHER, source=spec, title="Fetched article")

    monkeypatch.setattr(sources, "open_any", lambda spec: sources.Found(fake_load(spec)))
    app = ReaderApp(source="https://example.com/news", document=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        screen = app.screen
        assert screen.article is None and screen.view.loading
        assert "https://example.com/news" in screen_text(app).splitlines()[0]
        await pilot.press("b", "j", "b")  # keys keep working
        release.set()
        await ready(pilot)
        assert not screen.view.loading
        assert screen.article.title == "Fetched article"
        assert "Fetched article" in screen_text(app).splitlines()[0]


async def test_a_failing_source_at_start_up_exits_with_code_2(monkeypatch, capfd):
    def failing(spec):
        raise ReaderError(f"cannot open {spec}: connection refused")

    monkeypatch.setattr(sources, "open_any", failing)
    app = ReaderApp(source="https://example.invalid/x", document=None)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(400):  # up to 20 s: a loaded CI machine is slow to exit
            if app._exit:
                break
            await pilot.pause(0.05)
    assert app.return_code == 2
    # Printed to stderr once the app has closed: one line, no traceback. Read at the file
    # descriptor: depending on when Textual gives sys.stderr back, it is written there or
    # to the process's stderr (and a loaded machine may print it a moment later).
    err = ""
    for _ in range(400):
        err += capfd.readouterr().err
        if "reader: error:" in err:
            break
        await asyncio.sleep(0.05)
    assert "reader: error: cannot open https://example.invalid/x: connection refused" in err
    assert "Traceback" not in err
