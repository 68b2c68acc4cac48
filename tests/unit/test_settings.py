"""Settings: the TOML config file, its warnings, and saving one setting."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.settings import (
    BUILTIN_THEME_NAMES,
    DEFAULTS,
    MAX_CONFIG_BYTES,
    Settings,
    config_path,
    load_settings,
    save_setting,
)
from reader.summary.algorithms import DEFAULT_ALGORITHM, DEFAULT_LENGTH


@pytest.fixture
def config(tmp_path):
    return tmp_path / "config.toml"


def test_defaults():
    assert Settings("textual-dark", 80, DEFAULT_ALGORITHM, DEFAULT_LENGTH, {}) == DEFAULTS


def test_a_missing_file_gives_the_defaults_quietly(config):
    assert load_settings(config) == (DEFAULTS, [])


def test_a_full_file(config):
    config.write_text(
        '# my settings\ntheme = "nord"\ncolumn_width = 100\nalgorithm = "LSA"\nlength = 5\n\n'
        '[keys]\nsearch = "ctrl+f, slash"\nexport = ["ctrl+e", "e"]\n'
    )
    settings, warnings = load_settings(config)
    assert warnings == []
    assert settings == Settings(
        "nord", 100, "lsa", 5, {"search": "ctrl+f,slash", "export": "ctrl+e,e"}
    )


def test_invalid_toml_is_one_line_naming_the_file_and_line(config):
    config.write_text('theme = "nord"\ncolumn_width = \n')
    settings, warnings = load_settings(config)
    assert settings == DEFAULTS
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert str(config) in warnings[0] and "line 2" in warnings[0]


@pytest.mark.parametrize(
    ("line", "key", "shown"),
    [
        ("column_width = 200", "column_width", "200"),
        ("column_width = 59", "column_width", "59"),
        ("column_width = 80.5", "column_width", "80.5"),
        ('column_width = "wide"', "column_width", '"wide"'),
        ("length = 0", "length", "0"),
        ("length = true", "length", "true"),
        ('algorithm = "magic"', "algorithm", '"magic"'),
        ('theme = "neon"', "theme", '"neon"'),
        ("theme = 3", "theme", "3"),
    ],
)
def test_an_invalid_value_is_named_and_its_default_used(config, line, key, shown):
    config.write_text(
        f"{line}\nlength = 7\n" if key != "length" else f'{line}\ntheme = "dracula"\n'
    )
    settings, warnings = load_settings(config)
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert f"{key} = {shown}" in warnings[0] and "using" in warnings[0]
    assert getattr(settings, key) == getattr(DEFAULTS, key)
    # the other setting is still read
    assert settings.length == 7 or settings.theme == "dracula"


def test_unknown_settings_are_reported_and_ignored(config):
    config.write_text('colour = "red"\n[ui]\nx = 1\n')
    settings, warnings = load_settings(config)
    assert settings == DEFAULTS
    assert len(warnings) == 2 and "'colour'" in warnings[0] and "'ui'" in warnings[1]


def test_themes_can_be_checked_against_the_apps_list(config):
    config.write_text('theme = "my-theme"\n')
    assert load_settings(config, known_themes={"my-theme", "nord"}) == (
        Settings(theme="my-theme"),
        [],
    )
    assert load_settings(config)[0].theme == "textual-dark"


def test_bad_key_bindings(config):
    config.write_text('[keys]\nsearch = 5\nquit = ""\n"bad id" = "x"\nhelp = "f1"\nnope = "x"\n')
    settings, warnings = load_settings(config, known_bindings={"search", "quit", "help"})
    assert settings.keymap == {"help": "f1"}
    assert len(warnings) == 4
    assert any("search = 5" in w for w in warnings)
    assert any("'nope' is not a binding id" in w for w in warnings)


def test_keys_must_be_a_table(config):
    config.write_text('keys = "ctrl+f"\n')
    settings, warnings = load_settings(config)
    assert settings == DEFAULTS and len(warnings) == 1 and "table" in warnings[0]


def test_a_file_that_is_not_utf8_or_not_readable(config):
    config.write_bytes(b'theme = "\xff"\n')
    assert load_settings(config)[0] == DEFAULTS and len(load_settings(config)[1]) == 1
    config.unlink()
    config.mkdir()
    settings, warnings = load_settings(config)
    assert settings == DEFAULTS and len(warnings) == 1 and "cannot read" in warnings[0]


def test_builtin_theme_names_match_textual():
    from textual.theme import BUILTIN_THEMES

    assert set(BUILTIN_THEME_NAMES) == set(BUILTIN_THEMES)


def test_the_plain_modules_never_import_textual():
    code = (
        "import sys, reader.settings, reader.state, reader.export, reader.search\n"
        "reader.settings.load_settings()\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_config_path_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "cfg"))
    assert config_path() == tmp_path / "cfg" / "config.toml"


def test_to_toml_reads_back():
    settings = Settings("nord", 90, "kl", 4, {"search": "ctrl+f", "odd id.x": "f2"})
    data = tomllib.loads(settings.to_toml())
    assert data == {
        "theme": "nord",
        "column_width": 90,
        "algorithm": "kl",
        "length": 4,
        "keys": {"search": "ctrl+f", "odd id.x": "f2"},
    }


# saving


def test_save_creates_the_file(tmp_path):
    path = tmp_path / "new" / "config.toml"
    assert save_setting("theme", "nord", path) == path
    assert load_settings(path) == (Settings(theme="nord"), [])


def test_save_keeps_comments_and_other_settings(config):
    original = (
        "# my reader\n"
        'theme = "nord"   # dark\n'
        "length = 5\n"
        "\n"
        "# remapped keys\n"
        "[keys]\n"
        'search = "ctrl+f"\n'
    )
    config.write_text(original)
    save_setting("column_width", 100, config)
    save_setting("theme", "dracula", config)
    save_setting("keys.help", "f1", config)
    text = config.read_text()
    assert "# my reader" in text and "# remapped keys" in text
    assert text.index("column_width = 100") < text.index("[keys]")
    settings, warnings = load_settings(config)
    assert warnings == []
    assert settings == Settings(
        "dracula", 100, DEFAULT_ALGORITHM, 5, {"search": "ctrl+f", "help": "f1"}
    )
    assert [p.name for p in config.parent.iterdir()] == ["config.toml"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("# only a comment\n", "# only a comment\ncolumn_width = 100\n"),
        ("# header\n\n# keys\n[keys]\n", "# header\n\ncolumn_width = 100\n\n# keys\n[keys]\n"),
        ("# keys\n[keys]\n", "column_width = 100\n\n# keys\n[keys]\n"),
        ("[keys]\n", "column_width = 100\n\n[keys]\n"),
        ("", "column_width = 100\n"),
    ],
)
def test_where_a_new_setting_goes(config, before, after):
    config.write_text(before)
    save_setting("column_width", 100, config)
    assert config.read_text() == after


def test_save_adds_the_keys_table_when_missing(config):
    config.write_text('theme = "nord"\n')
    save_setting("keys.search", "ctrl+f", config)
    assert load_settings(config)[0].keymap == {"search": "ctrl+f"}


def test_save_falls_back_to_a_full_rewrite_for_odd_layouts(config):
    config.write_text('keys.search = "f3"\nlength = 4\n')  # a dotted key, not a [keys] table
    save_setting("keys.help", "f1", config)
    assert load_settings(config) == (Settings(length=4, keymap={"search": "f3", "help": "f1"}), [])


def test_save_rejects_a_bad_value(config):
    with pytest.raises(ReaderError, match="column_width"):
        save_setting("column_width", 500, config)
    with pytest.raises(ReaderError, match="colour"):
        save_setting("colour", "red", config)
    assert not config.exists()


def test_save_leaves_an_invalid_file_alone(config):
    config.write_text("theme = = nord\n")
    with pytest.raises(ReaderError, match="not valid TOML"):
        save_setting("column_width", 90, config)
    assert config.read_text() == "theme = = nord\n"


@given(st.text(min_size=1, max_size=30).filter(lambda s: s.strip() == s and s))
def test_any_theme_name_round_trips(tmp_path_factory, name):
    path = tmp_path_factory.mktemp("cfg") / "config.toml"
    save_setting("theme", name, path, known_themes={name})
    assert load_settings(path, known_themes={name}) == (Settings(theme=name), [])


def test_dotted_binding_ids_work_quoted_or_not(tmp_path):
    from reader.settings import load_settings

    path = tmp_path / "config.toml"
    path.write_text(
        '[keys]\n"article.search" = "ctrl+f"\nsummary.next_algorithm = "right"\n', encoding="utf-8"
    )
    settings, warnings = load_settings(
        path, known_bindings={"article.search", "summary.next_algorithm"}
    )
    assert warnings == []
    assert settings.keymap == {"article.search": "ctrl+f", "summary.next_algorithm": "right"}


def test_unknown_binding_id_suggests_close_ones(tmp_path):
    from reader.settings import load_settings

    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"article.serch" = "ctrl+f"\n', encoding="utf-8")
    _, warnings = load_settings(path, known_bindings={"article.search", "app.quit"})
    assert len(warnings) == 1 and "did you mean article.search?" in warnings[0]


# hostile config files: a warning and the defaults, never a hang, a traceback or a flood


def _hostile_config(config, kind):
    import os

    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "dev-zero":
        config.symlink_to("/dev/zero")
    elif kind == "huge":
        config.write_text("# filler\n" * (MAX_CONFIG_BYTES // 9 + 10))
    elif kind == "nested":
        config.write_text("theme = " + "[" * 100_000 + "]" * 100_000 + "\n")
    elif kind == "latin-1":
        config.write_bytes('theme = "caf\xe9"\n'.encode("latin-1"))
    return config


HOSTILE = ["fifo", "dev-zero", "huge", "nested", "latin-1"]
HOSTILE_PROBLEM = {
    "fifo": "is not a regular file",
    "dev-zero": "is not a regular file",
    "huge": "is too large",
    "nested": "nested too deeply",
    "latin-1": "is not UTF-8 text",
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_config_file_gives_one_warning_and_the_defaults(config, kind):
    settings, warnings = load_settings(_hostile_config(config, kind))
    assert settings == DEFAULTS
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert HOSTILE_PROBLEM[kind] in warnings[0] and "using the default settings" in warnings[0]


@pytest.mark.parametrize("kind", HOSTILE)
def test_saving_into_a_hostile_config_file_refuses_in_one_line(config, kind):
    import os

    _hostile_config(config, kind)
    before = os.lstat(config)
    with pytest.raises(ReaderError) as raised:
        save_setting("column_width", 90, config)
    assert "\n" not in str(raised.value)
    after = os.lstat(config)  # left alone: the same file, the same size
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "nested"])
def test_every_command_runs_with_a_hostile_config_file(tmp_path, kind):
    from tests.conftest import run_reader

    folder = tmp_path / "cfg"
    folder.mkdir()
    _hostile_config(folder / "config.toml", kind)
    result = run_reader("config", env={"READER_CONFIG_DIR": str(folder)})  # a hang times out
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert HOSTILE_PROBLEM[kind] in result.stderr
    assert 'theme = "textual-dark"' in result.stdout


def test_the_theme_list_is_textuals_once_textual_is_imported(monkeypatch):
    import types

    from reader.settings import builtin_theme_names, check_setting

    fake = types.SimpleNamespace(BUILTIN_THEMES={"only-this": object()})
    monkeypatch.setitem(sys.modules, "textual.theme", fake)
    assert tuple(builtin_theme_names()) == ("only-this",)
    assert check_setting("theme", "only-this") == "only-this"
