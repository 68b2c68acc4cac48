"""y copies the focused quote, caption or summary; e exports the outline to a new Markdown file."""

from __future__ import annotations

import errno

import pytest
from conftest import notices, ready, settle

import reader.export as export
import reader.summary.algorithms as algorithms
from reader.export import export_filename, summary_text
from reader.ui.export_screen import ExportScreen
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


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home folder with a Documents folder (where exports go by default)."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    return folder


async def export_dialog(pilot) -> ExportScreen:
    await pilot.press("e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportScreen) and pilot.app.focused.id == "export-input"
    return dialog


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (150, 45)])
async def test_e_asks_where_to_write_and_never_overwrites(
    app, user_folders, home, size, monkeypatch
):
    calls = []
    real = algorithms.summarize

    def counting(article, algorithm, length, **kwargs):
        calls.append((algorithm, length))
        return real(article, algorithm, length, **kwargs)

    monkeypatch.setattr(algorithms, "summarize", counting)
    async with app.run_test(size=size, notifications=True) as pilot:
        await ready(pilot)
        screen = app.screen
        name = export_filename(screen.article.title)
        dialog = await export_dialog(pilot)
        field = dialog.query_one("#export-input")
        assert field.value == f"~/Documents/{name}"  # the default: never the current folder
        await pilot.press("enter")  # no summary yet: computed for the export
        await settle(pilot)
        first = home / "Documents" / name
        assert first.is_file() and calls == [(screen.algorithm, screen.length)]
        assert app.focused is screen.view  # back to the article
        text = first.read_text()
        assert text.startswith("# Kim, Putin meet at Russian spaceport")
        assert f"## Summary ({screen.algorithm}, {screen.length} sentences)" in text
        assert "## Photos" in text and "(AFP)" in text and "**Kim Dong-yub**, professor" in text
        assert any(n == f"Exported the outline to {first}" for n in notices(app))
        dialog = await export_dialog(pilot)  # the default moved on to a free name
        field = dialog.query_one("#export-input")
        assert field.value == f"~/Documents/{first.stem}-2.md"
        field.value = f"~/Documents/{name}"  # the first file: refused, the dialog stays
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "exists already" in dialog.error
        field.value = "~/nowhere/x.md"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "There is no folder ~/nowhere" in dialog.error
        field.value = "~"  # a folder: the default name in it
        await pilot.press("enter")
        await settle(pilot)
        assert (home / name).is_file() and first.read_text() == text
        dialog = await export_dialog(pilot)
        await pilot.press("escape")  # cancelled: nothing written
        await settle(pilot)
        assert app.screen is screen and app.focused is screen.view
        assert sorted(p.name for p in home.rglob("*.md")) == [name, name]
        assert list(user_folders["cwd"].iterdir()) == []  # the current folder stays clean


async def test_an_export_that_cannot_be_written_is_an_error_notice(app, home, monkeypatch):

    def full_disk(path, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "create_file", full_disk)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await export_dialog(pilot)
        await pilot.press("enter")
        await settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert (
            len(errors) == 1
            and errors[0].startswith("cannot write")
            and "No space left" in errors[0]
        )
        await pilot.press("right_square_bracket")  # still reading
        await settle(pilot)
        assert app.screen.view.paragraph == 1  # one section: by paragraph


@pytest.mark.parametrize("setting", ["external", "on"])
async def test_y_under_tmux_without_set_clipboard_on_says_so_and_fills_the_tmux_buffer(
    app, monkeypatch, setting
):
    import reader.ui.clipboard as clipboard

    buffered = []
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    monkeypatch.setattr(clipboard, "in_tmux", lambda env=None: True)
    monkeypatch.setattr(clipboard, "tmux_set_clipboard", lambda: setting)
    monkeypatch.setattr(clipboard, "tmux_buffer", lambda text: buffered.append(text) or True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("b", "y")  # the first caption
        await settle(pilot)
        caption = one_line(app.screen.article.captions[0].text)
        assert app.clipboard == caption and buffered == [caption]  # OSC 52 and the tmux buffer
        shown = [n for n in notices(app) if "photo 1" in n]
        assert len(shown) == 1  # the warning took the place of "Copied"
        if setting == "on":
            assert shown[0].startswith("Copied the caption of photo 1: ")
        else:
            assert shown[0].startswith("Copied the caption of photo 1 to tmux's paste buffer")
            assert "'set -g set-clipboard on' (it is external)" in shown[0]


async def test_outside_tmux_the_copy_goes_to_pyperclip_when_installed(monkeypatch):
    import reader.ui.clipboard as clipboard

    monkeypatch.setattr(clipboard, "in_tmux", lambda env=None: False)
    monkeypatch.setattr(clipboard, "pyperclip_copy", lambda text: True)
    assert clipboard.copy_elsewhere("x") == clipboard.CopyResult(False, "the clipboard")
    monkeypatch.setattr(clipboard, "pyperclip_copy", lambda text: False)
    assert clipboard.copy_elsewhere("x") == clipboard.CopyResult(False, None)
