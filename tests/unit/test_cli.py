"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_reader

KOREAN = "서울에서 열린 회의에서 장관은 새로운 정책을 발표했다. 참석자들은 박수를 쳤다."


def _assert_one_line_error(result, fragment: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert fragment in lines[0]


def test_summarize_prints_one_sentence_per_line(bundled_path, bundled_article):
    result = run_reader("summarize", str(bundled_path), "-n", "3", "-a", "lexrank")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    body_sentences = {" ".join(s.text.split()) for s in bundled_article.sentences}
    assert all(line in body_sentences for line in lines)


def test_summarize_json_gives_places(bundled_path, bundled_article):
    result = run_reader(
        "summarize", str(bundled_path), "--sentences", "4", "--algorithm", "textrank", "--json"
    )
    data = json.loads(result.stdout)
    assert data["algorithm"] == "textrank"
    indexes = [s["index"] for s in data["sentences"]]
    assert indexes == sorted(indexes) and len(indexes) == 4
    for item in data["sentences"]:
        sentence = bundled_article.sentences[item["index"]]
        assert item["paragraph"] == sentence.paragraph
        assert bundled_article.text[item["start"] : item["end"]] == sentence.text


def test_summary_longer_than_article_gives_whole_body(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(
        "The bridge opened on Monday. Thousands crossed it. The mayor cut the ribbon.",
        encoding="utf-8",
    )
    result = run_reader("summarize", str(path), "-n", "50")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "The bridge opened on Monday.",
        "Thousands crossed it.",
        "The mayor cut the ribbon.",
    ]


def test_inspect_json_schema(bundled_path):
    result = run_reader("inspect", str(bundled_path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"title", "source", "sections", "body", "captions", "quotes"} <= data.keys()
    assert [c["credit"] for c in data["captions"]] == ["AP", "AFP", "Reuters"]
    assert all({"label", "paragraphs"} <= s.keys() for s in data["sections"])
    for quote in data["quotes"]:
        assert {"text", "speaker", "role", "expert", "kind", "paragraph"} <= quote.keys()


def test_inspect_outline_is_readable(bundled_path):
    result = run_reader("inspect", str(bundled_path))
    assert result.returncode == 0
    assert result.stdout.startswith("Kim, Putin meet at Russian spaceport, pledge support\n")
    assert "Photos" in result.stdout and "(AFP)" in result.stdout
    # Six paragraphs: no parts are made up for them, and none is printed as a heading.
    assert "Sections" not in result.stdout and "Parts" not in result.stdout


def test_standard_input(bundled_path):
    result = run_reader("summarize", "-", "-n", "2", stdin=bundled_path.read_bytes())
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize("encoding", ["cp1252", "euc-kr", "utf-16"])
def test_encodings_are_detected(tmp_path, encoding):
    text = (
        KOREAN
        if encoding == "euc-kr"
        else "The caf\u00e9\u2019s owner said the \u201cna\u00efve\u201d plan cost \u20ac5 million. It opened in Z\u00fcrich."
    )
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    result = run_reader("inspect", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["body"] == text


def test_missing_file():
    _assert_one_line_error(
        run_reader("summarize", "no/such/file.txt"), "no such file: no/such/file.txt"
    )


def test_folder(tmp_path):
    _assert_one_line_error(run_reader("inspect", str(tmp_path)), "is a folder")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    _assert_one_line_error(run_reader("summarize", str(path)), "is empty")


def test_empty_standard_input():
    _assert_one_line_error(run_reader("inspect", "-", stdin=b""), "standard input is empty")


def test_binary_file(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(bytes(range(256)) * 40)
    _assert_one_line_error(run_reader("summarize", str(path)), "binary file")


def test_unknown_algorithm(bundled_path):
    _assert_one_line_error(
        run_reader("summarize", str(bundled_path), "-a", "magic"), "unknown algorithm 'magic'"
    )


@pytest.mark.parametrize("count", ["0", "-3", "many"])
def test_bad_sentence_count(bundled_path, count):
    _assert_one_line_error(
        run_reader("summarize", str(bundled_path), "-n", count), "argument -n/--sentences"
    )


def test_unknown_option(bundled_path):
    _assert_one_line_error(
        run_reader("inspect", str(bundled_path), "--frobnicate"), "unrecognized arguments"
    )


@pytest.mark.parametrize("command", [[], ["summarize"], ["inspect"]])
def test_help_on_every_command(command):
    result = run_reader(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: reader")


def test_version():
    from reader import __version__

    result = run_reader("--version")
    assert result.stdout.strip() == f"reader {__version__}"


def test_missing_file_for_the_reader_itself():
    _assert_one_line_error(run_reader("nothing-here.txt"), "no such file")


def test_summarize_follows_the_config_defaults(tmp_path, bundled_path):
    (tmp_path / "config.toml").write_text('algorithm = "lsa"\nlength = 2\n', encoding="utf-8")
    result = run_reader(
        "summarize", str(bundled_path), "--json", env={"READER_CONFIG_DIR": str(tmp_path)}
    )
    data = json.loads(result.stdout)
    assert (data["algorithm"], data["length"]) == ("lsa", 2)
    explicit = run_reader(
        "summarize",
        str(bundled_path),
        "-a",
        "kl",
        "-n",
        "1",
        "--json",
        env={"READER_CONFIG_DIR": str(tmp_path)},
    )
    assert (json.loads(explicit.stdout)["algorithm"], json.loads(explicit.stdout)["length"]) == (
        "kl",
        1,
    )


def test_small_vocabulary_summary_prints_no_warning(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text(
        "A dog ran. A dog sat. A dog ate. A cat ran. A cat sat. The dog ran home. A cat ate.",
        encoding="utf-8",
    )
    result = run_reader("summarize", str(path), "-a", "lsa", "-n", "2")
    assert result.returncode == 0 and result.stderr == ""


def test_the_reader_without_a_terminal_says_so(bundled_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    result = subprocess.run(
        [sys.executable, "-m", "reader", str(bundled_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,  # no controlling terminal
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "reader: error: no terminal to read keys from; use 'reader inspect' or 'reader summarize' in pipes"
    )


def test_json_offsets_point_into_the_inspected_text(tmp_path):
    path = tmp_path / "fm.txt"
    path.write_text(
        "---\ntitle: Bridge opens\n---\n\nThe bridge opened on Monday. Thousands crossed it on foot.\n\n"
        "The mayor cut the ribbon at noon. \u201cIt is a great day,\u201d she said.\n",
        encoding="utf-8",
    )
    inspected = json.loads(run_reader("inspect", str(path), "--json").stdout)
    summary = json.loads(run_reader("summarize", str(path), "--json", "-n", "2").stdout)
    text = inspected["text"]
    for sentence in summary["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    for quote in inspected["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_inspect_counts_one_word_in_the_singular(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Hello.\n", encoding="utf-8")
    result = run_reader("inspect", str(path))
    assert result.returncode == 0, result.stderr
    assert "1 word, 1 paragraph" in result.stdout
