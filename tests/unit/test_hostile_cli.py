"""Hostile files and names through the CLI: nothing reaches a terminal or a file raw.

File names are shown escaped as ``ls -b`` would; article text loses controls
and bidi overrides in outlines and exports; JSON escapes them (the text stays
exact); FIFOs and devices are refused; a closed stdout is one line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.inert import clean_lines, escape_json, shown_name
from reader.sources.load import load_source
from tests.conftest import ISOLATED_CONFIG, ISOLATED_STATE, ROOT
from tests.unit.test_sources_html import PARAGRAPHS

RAW_HAZARD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_NAME = "a\x1b]0;pwned\x07b\x1b[2J\u202ec\x9b31m.txt"
SHOWN_NAME = r"a\033]0;pwned\007b\033[2J\342\200\256c\302\23331m.txt"


def reader_process(*args: str, stdin: bytes | None = None, timeout: float = 30, **kwargs):
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8",
        "READER_CONFIG_DIR": ISOLATED_CONFIG,
        "READER_STATE_DIR": ISOLATED_STATE,
    }
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=timeout,
        **kwargs,
    )


def hostile_page(tmp_path: Path) -> Path:
    """An HTML page whose caption, credit, heading and text carry C1 controls and overrides."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><title>Trams \u202egnivom</title></head><body><article>"
        "<h1>Trams \u202egnivom</h1>"
        '<figure><img src="a.jpg"><figcaption>The mayor \u009b2J speaks &#x9d;0;x&#x9c;.'
        "<span class='credit'>Jane \u2066Doe\u2069</span></figcaption></figure>"
        f"{paragraphs}<h2>Next \u009b31m steps</h2><p>“We start in spring \u202eand finish\u202c "
        "on time,” said Ana Lopez, the city engineer.</p></article></body></html>",
        encoding="utf-8",
    )
    return page


# ---------------------------------------------------------------- the rule


def test_shown_name_escapes_like_ls_b():
    assert shown_name(HOSTILE_NAME) == SHOWN_NAME
    assert shown_name("tab\there\nnew\\slash") == r"tab\there\nnew\\slash"
    assert shown_name("caf\udce9.txt") == r"caf\351.txt"  # a Latin-1 byte in a UTF-8 system
    assert shown_name("Überblick – 東京.md") == "Überblick – 東京.md"


def test_clean_lines_keeps_lines_and_drops_controls():
    assert clean_lines("one\r\ntwo\x1b[2J\n\tthree\u202e\x9b\rfour") == "one\ntwo[2J\n\tthree four"


def test_escape_json_keeps_the_text_exact():
    dumped = json.dumps({"t": "a\x9b\u202eb\x7f"}, ensure_ascii=False)
    escaped = escape_json(dumped)
    assert not RAW_HAZARD.search(escaped)
    assert json.loads(escaped) == {"t": "a\x9b\u202eb\x7f"}


# ---------------------------------------------------------------- outputs


def test_inspect_outline_and_json_are_inert(tmp_path, capsys):
    page = hostile_page(tmp_path)
    assert main(["inspect", str(page)]) == 0
    outline = capsys.readouterr().out
    assert not RAW_HAZARD.search(outline)
    assert "The mayor 2J speaks 0;x\u0153." in outline  # &#x9c; is cp1252 for \u0153
    assert "(Jane Doe)" in outline
    assert main(["inspect", "--json", str(page)]) == 0
    dumped = capsys.readouterr().out
    assert not RAW_HAZARD.search(dumped)
    assert "\\u009b" in dumped  # escaped, not dropped: the offsets still hold
    data = json.loads(dumped)
    assert data["captions"][0]["text"].startswith("The mayor \x9b2J speaks")


def test_summarize_and_its_json_are_inert(tmp_path, capsys):
    page = hostile_page(tmp_path)
    for args in (["summarize", "-n", "9"], ["summarize", "-n", "9", "--json"]):
        assert main([*args, str(page)]) == 0
        captured = capsys.readouterr()
        assert captured.out and not RAW_HAZARD.search(captured.out + captured.err)


def test_export_to_stdout_and_to_a_file_is_inert(tmp_path, capsys):
    page = hostile_page(tmp_path)
    assert main(["export", str(page), "-o", "-"]) == 0
    assert not RAW_HAZARD.search(capsys.readouterr().out)
    target = tmp_path / "out.md"
    assert main(["export", str(page), "-o", str(target)]) == 0
    written = target.read_text(encoding="utf-8")
    assert not RAW_HAZARD.search(written)
    assert "Jane Doe" in written


def test_hostile_file_name_is_shown_escaped(tmp_path, capsys):
    missing = tmp_path / HOSTILE_NAME
    assert main(["inspect", str(missing)]) == 2
    assert capsys.readouterr().err == f"reader: error: no such file: {tmp_path}/{SHOWN_NAME}\n"
    missing.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    assert main(["inspect", str(missing)]) == 0
    outline = capsys.readouterr().out
    assert SHOWN_NAME in outline and not RAW_HAZARD.search(outline)


def test_hostile_export_target_is_shown_escaped(tmp_path, capsys, bundled_path):
    target = tmp_path / HOSTILE_NAME
    target.write_text("mine", encoding="utf-8")
    assert main(["export", str(bundled_path), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == f"reader: error: {tmp_path}/{SHOWN_NAME} exists already; not overwriting it\n"
    assert target.read_text(encoding="utf-8") == "mine"


def test_nul_from_a_file_url_is_not_echoed(capsys):
    assert main(["inspect", "file:///tmp/no%00such%1b]0;x%07"]) == 2
    assert (
        capsys.readouterr().err == "reader: error: no such file: /tmp/no\\000such\\033]0;x\\007\n"
    )


def test_hostile_argument_in_a_usage_error(capsys):
    with pytest.raises(SystemExit):
        main(["summarize", "-n", "\x1b]0;x\x07\u202e", "story.txt"])
    err = capsys.readouterr().err
    assert err.startswith("reader summarize: error: ") and not RAW_HAZARD.search(err)


def test_config_output_is_inert(tmp_path, monkeypatch, capsys):
    (tmp_path / "config.toml").write_text(
        'theme = "\\u009b2J\\u001b]0;x\\u0007"\nalgorithm = "\\u202enews"\n', encoding="utf-8"
    )
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path))
    main(["config"])
    captured = capsys.readouterr()
    assert captured.out and not RAW_HAZARD.search(captured.out + captured.err)


# ---------------------------------------------------------------- pages with control references


@pytest.mark.parametrize("reference", ["&#27;", "&#1;", "&#xfffe;", "&#x1B;", "&#27", "&#xffff;"])
def test_one_control_reference_does_not_lose_the_page(tmp_path, reference):
    paragraphs = [f"<p>{text}</p>" for text in PARAGRAPHS]
    paragraphs[2] = paragraphs[2].replace("cost,", f"cost,{reference}")
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><body><article><h1>Trams</h1>{''.join(paragraphs)}</article></body></html>",
        encoding="utf-8",
    )
    assert load_source(str(page)).text.split("\n\n") == PARAGRAPHS


def test_other_references_are_kept(tmp_path):
    page = tmp_path / "page.html"
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    page.write_text(
        f"<html><body><article>{body}<p>Caf&#233; &#x1F600; &amp; &#8212; end.</p></article></body></html>",
        encoding="utf-8",
    )
    assert load_source(str(page)).text.split("\n\n")[-1] == "Café 😀 & — end."


# ---------------------------------------------------------------- FIFOs, devices, closed stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_without_a_writer_ends_at_once(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    result = reader_process("inspect", str(fifo), timeout=20)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"reader: error: {fifo} is a pipe with nothing written to it\n"
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused(capsys):
    assert main(["inspect", "/dev/zero"]) == 2
    assert capsys.readouterr().err == ("reader: error: /dev/zero is a device, not a file\n")


def test_standard_input_from_a_pipe_still_works():
    result = reader_process("inspect", "-", stdin="\n\n".join(PARAGRAPHS).encode())
    assert result.returncode == 0 and b"6 paragraphs" in result.stdout


def test_closed_stdout_is_one_line_and_an_error(bundled_path):
    closed = subprocess.run(
        ["bash", "-c", 'exec "$0" -m reader inspect "$1" >&-', sys.executable, str(bundled_path)],
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "READER_CONFIG_DIR": ISOLATED_CONFIG},
        timeout=60,
    )
    assert closed.returncode == 2
    assert (
        closed.stderr.decode()
        == "reader: error: standard output is closed; nothing can be printed\n"
    )


def test_closed_stdout_and_stderr_still_exit_non_zero(bundled_path):
    closed = subprocess.run(
        [
            "bash",
            "-c",
            'exec "$0" -m reader inspect "$1" >&- 2>&-',
            sys.executable,
            str(bundled_path),
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT), "READER_CONFIG_DIR": ISOLATED_CONFIG},
        timeout=60,
    )
    assert closed.returncode == 2
