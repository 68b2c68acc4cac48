"""Settings: the config file sets theme, column width, algorithm, length and keys; w / W and themes are saved."""

from __future__ import annotations

import tomllib

import pytest
from conftest import notices, ready, settle
from screen_text import screen_lines

import reader.settings as settings
from reader.settings import DEFAULT_COLUMN_WIDTH, DEFAULT_THEME
from reader.summary.algorithms import DEFAULT_ALGORITHM, DEFAULT_LENGTH
from reader.ui.app import SAVE_SETTINGS_AFTER, ReaderApp
from reader.ui.help_screen import HelpScreen

SIZE = (120, 30)


def write_config(folders, text: str):
    folders["config"].mkdir(exist_ok=True)
    path = folders["config"] / "config.toml"
    path.write_text(text)
    return path


def read_config(folders) -> dict:
    return tomllib.loads((folders["config"] / "config.toml").read_text())


@pytest.mark.asyncio
async def test_the_config_file_sets_theme_width_summary_and_keys(bundled, user_folders):
    write_config(
        user_folders,
        'theme = "nord"\ncolumn_width = 64\nalgorithm = "lsa"\nlength = 5\n\n'
        '[keys]\n"article.search" = "ctrl+f"\n"reader.summary" = "m"\n"reader.wider" = "ctrl+right"\n',
    )
    app = ReaderApp(document=bundled)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        screen = app.screen
        assert app.theme == "nord"
        assert screen.view.column_width == 64
        assert screen.view.text_width == 64 - 4
        column = [
            line.split("\u258f")[0]
            .rstrip(" \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588")
            .strip()
            for line in screen_lines(app)[2:-2]
        ]
        assert 50 < max(len(line) for line in column) <= 64 - 4
        assert not [n for n in app._notifications if n.severity != "information"]
        await pilot.press("m")  # remapped: the summary
        await settle(pilot)
        assert screen.show_summary and (screen.algorithm, screen.length) == ("lsa", 5)
        assert len(screen.summary_pane.sentences) == 5
        await pilot.press("s", "ctrl+right")  # s is no longer the summary key
        await settle(pilot)
        assert screen.show_summary and screen.view.column_width == 69
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.focused.id == "search-input"
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = {
            b.id: app.screen.keys_of(b) for _, group in app.key_groups() for b in group if b.id
        }
        assert (shown["reader.summary"], shown["article.search"], shown["reader.wider"]) == (
            "m",
            "^f",
            "^→",
        )
        assert "^f  Search" in "\n".join(screen_lines(app))
    assert read_config(user_folders)["column_width"] == 69
    assert read_config(user_folders)["keys"]["reader.summary"] == "m"  # the rest of the file kept


@pytest.mark.asyncio
async def test_invalid_settings_are_named_in_a_warning_and_the_defaults_used(
    bundled, user_folders
):
    write_config(
        user_folders,
        'theme = "no-such-theme"\ncolumn_width = 500\nalgorithm = "magic"\nlength = 0\ncolour = "red"\n\n'
        '[keys]\n"no.such.binding" = "x"\n"reader.summary" = ""\n',
    )
    app = ReaderApp(document=bundled)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        screen = app.screen
        notes = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(notes) == 1  # one notice, a line for each problem
        warnings = notes[0].splitlines()
        for name in (
            "theme = ",
            "column_width = 500",
            "algorithm = ",
            "length = 0",
            "'colour'",
            "no.such.binding",
            "[keys] reader.summary = ",
        ):
            assert sum(name in w for w in warnings) == 1, name
        assert app.theme == DEFAULT_THEME and screen.view.column_width == DEFAULT_COLUMN_WIDTH
        assert (screen.algorithm, screen.length) == (DEFAULT_ALGORITHM, DEFAULT_LENGTH)
        await pilot.press("s", "right_square_bracket")  # the reader works, with its default keys
        await settle(pilot)
        assert screen.show_summary and screen.view.paragraph == 1  # one section: by paragraph


@pytest.mark.asyncio
async def test_a_config_file_that_is_not_toml_is_one_warning(bundled, user_folders):
    write_config(user_folders, "theme = \n[keys\n")
    app = ReaderApp(document=bundled)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "not valid TOML" in warnings[0] and "line 1" in warnings[0]
        await pilot.press("W")  # saving refuses to touch a broken file: an error notice, no crash
        await pilot.pause(SAVE_SETTINGS_AFTER + 0.3)
        assert app.screen.view.column_width == DEFAULT_COLUMN_WIDTH + 5
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "not valid TOML" in errors[0]
    assert (user_folders["config"] / "config.toml").read_text() == "theme = \n[keys\n"


@pytest.mark.asyncio
async def test_a_config_folder_that_cannot_be_read_is_a_warning(
    bundled, user_folders, monkeypatch
):
    user_folders["config"].mkdir()
    monkeypatch.setenv(
        "READER_CONFIG_DIR", str(user_folders["config"] / ("c" * 300))
    )  # the system refuses it
    app = ReaderApp(document=bundled)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "cannot read the config file" in warnings[0]
        assert "File name too long" in warnings[0]
        assert app.screen.view.column_width == DEFAULT_COLUMN_WIDTH


@pytest.mark.asyncio
async def test_w_and_W_change_the_column_within_60_to_120_and_remember_it(
    app, user_folders, monkeypatch
):
    saves = []
    real = settings.save_setting

    def counting(name, value, **kwargs):
        saves.append((name, value))
        return real(name, value, **kwargs)

    monkeypatch.setattr(settings, "save_setting", counting)
    async with app.run_test(size=(160, 30), notifications=True) as pilot:
        await ready(pilot)
        view = app.screen.view
        text_width = view.text_width
        await pilot.press("W", "W")
        await pilot.pause(SAVE_SETTINGS_AFTER + 0.3)
        assert saves == [("column_width", DEFAULT_COLUMN_WIDTH + 10)]  # once, when it settled
        assert (
            view.column_width == DEFAULT_COLUMN_WIDTH + 10 and view.text_width == text_width + 10
        )
        assert notices(app).count(f"Column width {DEFAULT_COLUMN_WIDTH + 10}") == 1
        assert not any(
            n == f"Column width {DEFAULT_COLUMN_WIDTH + 5}" for n in notices(app)
        )  # replaced
        assert read_config(user_folders)["column_width"] == DEFAULT_COLUMN_WIDTH + 10
        await pilot.press(*["w"] * 7)
        await pilot.pause(SAVE_SETTINGS_AFTER + 0.3)
        assert view.column_width == 60
        assert "The column is at its narrowest (60 columns)" in notices(app)
        assert read_config(user_folders)["column_width"] == 60
        view.column_width = 115
        await pilot.press("W", "W")  # saved when the reader quits, before the delay
        await pilot.pause()
        assert view.column_width == 120
    assert read_config(user_folders)["column_width"] == 120
    again = ReaderApp(document=app.document)
    async with again.run_test(size=(160, 30)) as pilot:
        await ready(pilot)
        assert again.screen.view.column_width == 120


@pytest.mark.asyncio
async def test_a_theme_picked_from_the_palette_is_remembered(app, user_folders):
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.action_change_theme()  # the palette's built-in "Change theme" command
        await pilot.pause()
        await pilot.press(*"dracula")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "dracula"
    assert read_config(user_folders)["theme"] == "dracula"
    again = ReaderApp(document=app.document)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert again.theme == "dracula"


def test_the_config_file_is_in_the_override_folder_else_the_platform_one(monkeypatch, tmp_path):
    from reader.paths import config_path

    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "mine"))
    assert config_path() == tmp_path / "mine" / "config.toml"
    monkeypatch.delenv("READER_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "reader" / "config.toml"
