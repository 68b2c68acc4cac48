"""`reader export` and `reader config`, run as a user would (a subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from reader.sources.load import bundled_article
from reader.summary.algorithms import DEFAULT_ALGORITHM, DEFAULT_LENGTH

BUNDLED = str(bundled_article())


@pytest.fixture
def env(tmp_path):
    environment = dict(os.environ)
    environment["READER_CONFIG_DIR"] = str(tmp_path / "config")
    environment["READER_STATE_DIR"] = str(tmp_path / "state")
    environment["NO_COLOR"] = "1"
    return environment


@pytest.fixture
def work(tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def reader(
    *args: str, env: dict[str, str], cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        env=env,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader")
    for fragment in fragments:
        assert fragment in lines[0]


def write_config(env: dict[str, str], text: str) -> Path:
    path = Path(env["READER_CONFIG_DIR"]) / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


# export


def test_export_writes_a_new_file_named_after_the_title(env, work):
    result = reader("export", BUNDLED, env=env, cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    name = result.stdout.strip()
    assert name == "kim-putin-meet-at-russian-spaceport-pledge-support.md"
    markdown = (work / name).read_text()
    assert markdown.startswith("# Kim, Putin meet at Russian spaceport, pledge support\n")
    assert "\nThe Korea Herald \u00b7 Ji Da-gyum \u00b7 2023-09-13" in markdown
    assert f"## Summary ({DEFAULT_ALGORITHM}, {DEFAULT_LENGTH} sentences)" in markdown
    for credit in ("(AP)", "(AFP)", "(Reuters)"):
        assert f"on Wednesday. {credit}\n" in markdown
    assert "## Quotes" in markdown


def test_export_never_overwrites(env, work):
    first = reader("export", BUNDLED, env=env, cwd=work).stdout.strip()
    (work / first).write_text("my notes")
    second = reader("export", BUNDLED, "-n", "1", env=env, cwd=work)
    assert second.returncode == 0
    assert second.stdout.strip() == first.replace(".md", "-2.md")
    assert (work / first).read_text() == "my notes"
    assert (
        f"## Summary ({DEFAULT_ALGORITHM}, 1 sentence)"
        in (work / second.stdout.strip()).read_text()
    )


def test_export_to_standard_output(env, work):
    result = reader("export", BUNDLED, "-o", "-", "-a", "lsa", "-n", "2", env=env, cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Kim, Putin meet at Russian spaceport")
    assert "## Summary (lsa, 2 sentences)" in result.stdout
    assert list(work.iterdir()) == []


def test_export_from_standard_input(env, work):
    text = Path(BUNDLED).read_text(encoding="utf-8")
    result = reader("export", "-", "-o", "-", env=env, cwd=work, stdin=text)
    assert result.returncode == 0, result.stderr
    assert "(Reuters)" in result.stdout


def test_export_to_a_named_file(env, work):
    result = reader("export", BUNDLED, "-o", "outline.md", env=env, cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "outline.md"
    assert (work / "outline.md").read_text().startswith("# ")


def test_export_refuses_to_overwrite_a_named_file(env, work):
    (work / "outline.md").write_text("precious")
    result = reader("export", BUNDLED, "-o", "outline.md", env=env, cwd=work)
    assert_one_line_error(result, "outline.md", "exists")
    assert (work / "outline.md").read_text() == "precious"


def test_export_into_a_missing_folder(env, work):
    result = reader("export", BUNDLED, "-o", "nowhere/outline.md", env=env, cwd=work)
    assert_one_line_error(result, "cannot write", "nowhere/outline.md")


def test_export_errors_are_one_line(env, work):
    assert_one_line_error(reader("export", "missing.txt", env=env, cwd=work), "no such file")
    assert_one_line_error(
        reader("export", BUNDLED, "-a", "magic", env=env, cwd=work), "unknown algorithm"
    )
    assert_one_line_error(reader("export", BUNDLED, "-n", "0", env=env, cwd=work), "at least 1")
    assert list(work.iterdir()) == []


def test_commands_default_to_the_bundled_article(env, work):
    for command in (["inspect"], ["summarize", "-n", "2"], ["export", "-o", "-"]):
        result = reader(*command, env=env, cwd=work)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    assert (
        reader("summarize", "-n", "2", env=env, cwd=work).stdout
        == reader("summarize", BUNDLED, "-n", "2", env=env, cwd=work).stdout
    )
    outline = reader("inspect", env=env, cwd=work).stdout.splitlines()
    assert outline[:2] == [
        "Kim, Putin meet at Russian spaceport, pledge support",
        "The Korea Herald \u00b7 Ji Da-gyum \u00b7 2023-09-13 \u00b7 685 words, 6 paragraphs",
    ]
    assert list(work.iterdir()) == []


def test_export_targets_that_are_folders_or_impossible_names(env, work):
    (work / "notes").mkdir()
    assert_one_line_error(
        reader("export", BUNDLED, "-o", "notes", env=env, cwd=work), "notes is a folder"
    )
    assert_one_line_error(
        reader("export", BUNDLED, "-o", "drafts/", env=env, cwd=work), "drafts/ names a folder"
    )
    long_name = "a" * 300 + ".md"
    assert_one_line_error(
        reader("export", BUNDLED, "-o", long_name, env=env, cwd=work), "file name too long"
    )
    assert [p.name for p in work.iterdir()] == ["notes"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "command", [["summarize", BUNDLED], ["export", BUNDLED, "-o", "-"], ["inspect", BUNDLED]]
)
def test_a_full_disk_on_standard_output_is_one_line(env, work, command):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", *command],
            env=env,
            cwd=work,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "reader: error: cannot write the output: no space left on device"
    ]


def test_closed_standard_input_is_one_line(env, work):
    for command in ("summarize -", "-"):
        result = subprocess.run(
            f"{sys.executable} -m reader {command} <&-",
            shell=True,
            env=env,
            cwd=work,
            capture_output=True,
            text=True,
        )
        assert_one_line_error(result, "standard input is closed")


def test_export_uses_the_configured_summary(env, work):
    write_config(env, 'algorithm = "luhn"\nlength = 2\n')
    result = reader("export", BUNDLED, "-o", "-", env=env, cwd=work)
    assert "## Summary (luhn, 2 sentences)" in result.stdout
    result = reader("export", BUNDLED, "-o", "-", "-a", "kl", "-n", "1", env=env, cwd=work)
    assert "## Summary (kl, 1 sentence)" in result.stdout


# config


def test_config_prints_the_path_and_the_defaults(env, work):
    result = reader("config", env=env, cwd=work)
    assert result.returncode == 0 and result.stderr == ""
    path = Path(env["READER_CONFIG_DIR"]) / "config.toml"
    assert (
        str(path) in result.stdout.splitlines()[0] and "not found" in result.stdout.splitlines()[0]
    )
    assert str(Path(env["READER_STATE_DIR"]) / "state.json") in result.stdout
    assert tomllib.loads(result.stdout) == {
        "theme": "textual-dark",
        "column_width": 80,
        "algorithm": DEFAULT_ALGORITHM,
        "length": DEFAULT_LENGTH,
        "keys": {},
    }


def test_config_path_only(env, work):
    result = reader("config", "--path", env=env, cwd=work)
    assert result.returncode == 0
    assert result.stdout == str(Path(env["READER_CONFIG_DIR"]) / "config.toml") + "\n"


def test_config_prints_the_settings_in_effect(env, work):
    write_config(env, 'theme = "nord"\ncolumn_width = 100\n[keys]\n"article.search" = "ctrl+f"\n')
    result = reader("config", env=env, cwd=work)
    assert result.returncode == 0 and result.stderr == ""
    assert "not found" not in result.stdout
    settings = tomllib.loads(result.stdout)
    assert settings["theme"] == "nord" and settings["column_width"] == 100
    assert settings["keys"] == {"article.search": "ctrl+f"}


def test_config_names_an_invalid_value_and_uses_its_default(env, work):
    write_config(env, 'theme = "nord"\ncolumn_width = 300\n')
    result = reader("config", env=env, cwd=work)
    assert result.returncode == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith("reader: warning:") and "column_width = 300" in warnings[0]
    settings = tomllib.loads(result.stdout)
    assert settings["column_width"] == 80 and settings["theme"] == "nord"


def test_config_with_broken_toml(env, work):
    write_config(env, "theme = nord\n")
    result = reader("config", env=env, cwd=work)
    assert result.returncode == 0
    assert len(result.stderr.splitlines()) == 1 and "line 1" in result.stderr
    assert tomllib.loads(result.stdout)["theme"] == "textual-dark"


def test_config_in_a_folder_that_cannot_be_read(env, work):
    env["READER_CONFIG_DIR"] = str(work / ("c" * 300))  # the system refuses the name
    result = reader("config", env=env, cwd=work)
    assert result.returncode == 0
    assert "cannot read it: file name too long" in result.stdout.splitlines()[0]
    assert "Traceback" not in result.stderr


def test_config_rejects_arguments(env, work):
    assert_one_line_error(reader("config", "extra", env=env, cwd=work), "unrecognized")


# a bad state file and a bad config file leave the reader working


def test_corrupt_state_and_invalid_config_leave_the_reader_working(env, work):
    state_dir = Path(env["READER_STATE_DIR"])
    state_dir.mkdir(parents=True)
    (state_dir / "state.json").write_text("{ this is not json")
    write_config(env, 'length = "many"\ntheme = 7\n')
    code = (
        "from reader.state import StateStore, ArticleState\n"
        "from reader.settings import load_settings\n"
        "settings, warnings = load_settings()\n"
        "store = StateStore()\n"
        "assert store.get('k') is None\n"
        "assert store.put('k', ArticleState(paragraph=4, length=settings.length))\n"
        "for line in warnings + store.warnings: print(line)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=work, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert "length" in lines[0] and "theme" in lines[1] and "corrupt-" in lines[2]
    assert len(list(state_dir.glob("state.json.corrupt-*"))) == 1
    # and the commands still work
    assert reader("export", BUNDLED, "-o", "-", env=env, cwd=work).returncode == 0
    assert reader("config", env=env, cwd=work).returncode == 0


def test_help_lists_the_commands(env, work):
    result = reader("--help", env=env, cwd=work)
    assert "export" in result.stdout and "config" in result.stdout and "--fresh" in result.stdout
    assert reader("export", "--help", env=env, cwd=work).returncode == 0


def test_config_checks_binding_ids_and_keys(env, work):
    write_config(
        env,
        '[keys]\n"nope.x" = "y"\n"article.search" = "notakey+++"\n"summary.longer" = "ctrl+shift+up"\n',
    )
    result = reader("config", env=env, cwd=work)
    assert result.returncode == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2
    assert "'nope.x' is not a binding id" in warnings[0]
    assert "article.search" in warnings[1] and "not valid" in warnings[1]
    assert tomllib.loads(result.stdout)["keys"] == {"summary.longer": "ctrl+shift+up"}
