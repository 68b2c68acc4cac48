"""y copies the focused quote, caption or summary; e exports the outline to a new Markdown file."""

from __future__ import annotations

import errno

import pytest
from conftest import notices, ready, settle

import reader.export as export
import reader.summary.algorithms as algorithms
from reader.export import export_filename, summary_text
from reader.ui.text import one_line

pytestmark = pytest.mark.asyncio

SIZE = (120, 30)


def copied_notice(app) -> str:
    return next((n for n in notices(app) if n.startswith("Copied")), "")


async def test_y_copies_the_focused_caption_quote_or_summary(app):
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        screen = app.screen
        article = screen.article
        await pilot.press("y")  # nothing chosen in the article: says what to do
        await pilot.pause()
        assert app.clipboard == "" and any(n.startswith("Nothing to copy") for n in notices(app))
        await pilot.press("tab", "down", "y")  # the second photo's caption
        await pilot.pause()
        assert app.clipboard == one_line(article.captions[1].text)
        assert copied_notice(app).startswith("Copied the caption of photo 2: ")
        await pilot.press("tab", "y")  # the first quote (the first expert's)
        await pilot.pause()
        quote = screen.query_one("#quotes").voices[0].quotes[0]
        assert app.clipboard == one_line(quote.text)
        assert copied_notice(app).startswith(f"Copied a quote of {quote.speaker}: ")
        await pilot.press(
            "enter", "shift+tab", "shift+tab", "y"
        )  # highlighted in the article, copied from there
        await pilot.pause()
        assert app.focused is screen.view and app.clipboard == one_line(quote.text)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("y")  # s moved into the summary pane: the whole summary
        await pilot.pause()
        summary = screen.summaries[(screen.algorithm, screen.length)]
        assert app.focused.id == "summary-list"
        assert (
            app.clipboard == summary_text(summary)
            and app.clipboard.count("\n") == len(summary.sentences) - 1
        )
        assert copied_notice(app).startswith(
            f"Copied the summary ({len(summary.sentences)} sentences): "
        )
        assert (
            len([n for n in notices(app) if n.startswith("Copied")]) == 1
        )  # each replaced the last


async def test_e_exports_the_outline_and_never_overwrites(app, user_folders, monkeypatch):
    calls = []
    real = algorithms.summarize

    def counting(article, algorithm, length, **kwargs):
        calls.append((algorithm, length))
        return real(article, algorithm, length, **kwargs)

    monkeypatch.setattr(algorithms, "summarize", counting)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        screen = app.screen
        name = export_filename(screen.article.title)
        await pilot.press("e")  # no summary yet: computed for the export
        await settle(pilot)
        first = user_folders["cwd"] / name
        assert first.is_file() and calls == [(screen.algorithm, screen.length)]
        text = first.read_text()
        assert text.startswith("# North Korean leader Kim")
        assert f"## Summary ({screen.algorithm}, {screen.length} sentences)" in text
        assert (
            "## Photos" in text
            and "(AFP)" in text
            and "## Quotes" in text
            and "**Kim Dong-yub**, professor" in text
        )
        assert any(n == f"Exported the outline to {first}" for n in notices(app))
        await pilot.press(
            "s", "a"
        )  # another algorithm, shown in the summary pane: exported as it is
        await settle(pilot)
        calls.clear()
        await pilot.press("e")
        await settle(pilot)
        second = first.with_name(first.stem + "-2.md")
        assert (
            calls == [] and second.is_file() and first.read_text() == text
        )  # a numbered name, the first kept
        assert f"## Summary ({screen.algorithm}, {screen.length} sentences)" in second.read_text()
        assert any(n == f"Exported the outline to {second}" for n in notices(app))


async def test_an_export_that_cannot_be_written_is_an_error_notice(app, monkeypatch):

    def full_disk(path, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "create_file", full_disk)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert (
            len(errors) == 1
            and errors[0].startswith("cannot write")
            and "No space left" in errors[0]
        )
        await pilot.press("right_square_bracket")  # still reading
        await settle(pilot)
        assert app.screen.view.section == 1
