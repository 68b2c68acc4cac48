"""Property: random strings with markup, C0/C1 controls and bidi characters, put in
every field of an article (title, headings, text, captions, credits, quotes,
front matter) or in a file name, never reach stdout, stderr or a written file raw,
whichever CLI output shows them.

Runs the CLI in-process (``reader.cli.main``) for speed; one subprocess case
checks the bytes a real stderr receives.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from tests.conftest import ISOLATED_CONFIG, ISOLATED_STATE, ROOT
from tests.unit.test_sources_html import PARAGRAPHS

# What must never reach an output raw: C0 but tab and newline, DEL, C1, bidi controls.
RAW_HAZARD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = (
    [chr(c) for c in range(0x20)]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
)
MARKUP = list("[]()<>&;#*_`@='\"/\\:|~!-") + ["[@click=app.quit]", "[/]", "&#27;", "\x1b]0;x\x07"]
PLAIN = list("abcdefghij ABC 0123 éü東")
hostile_text = st.lists(
    st.sampled_from(HOSTILE) | st.sampled_from(MARKUP) | st.sampled_from(PLAIN), max_size=30
).map("".join)
# Every output the CLI has for an article; "-a news -n 3" keeps the config file out of it.
OUTPUTS = (
    ["inspect"],
    ["inspect", "--json"],
    ["summarize", "-a", "news", "-n", "3"],
    ["summarize", "-a", "news", "-n", "3", "--json"],
    ["export", "-a", "news", "-n", "3", "-o", "-"],
)
_counter = itertools.count()


def as_html_text(text: str, references: bool) -> str:
    """``text`` escaped for HTML; its controls raw, or as numeric references."""
    escaped = html.escape(text, quote=True)
    if not references:
        return escaped
    return "".join(f"&#{ord(c)};" if RAW_HAZARD.match(c) else c for c in escaped)


def html_page(fields: list[str], references: bool) -> str:
    title, heading, caption, credit, quote, speaker = (as_html_text(f, references) for f in fields)
    paragraphs = "".join(f"<p>{p} {quote}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{title}</title><meta name='author' content='{speaker}'></head>"
        f"<body><article><h1>{title}</h1><figure><img src='a.jpg'><figcaption>{caption}"
        f"<span class='credit'>{credit}</span></figcaption></figure>{paragraphs}"
        f"<h2>{heading}</h2><p>\u201c{quote} we will,\u201d said {speaker}, the mayor.</p>"
        "</article></body></html>"
    )


def markdown_page(fields: list[str]) -> str:
    title, heading, caption, credit, quote, speaker = (" ".join(f.split()) for f in fields)
    body = "\n\n".join(f"{p} {quote}" for p in PARAGRAPHS)
    return (
        f"---\ntitle: {title}\nauthor: {speaker}\nsite: {credit}\nurl: https://u:p@x.example/{heading}\n---\n"
        f"# {title}\n\n![{caption}](a.jpg)\n\n{body}\n\n## {heading}\n\n"
        f"\u201c{quote} we will,\u201d said {speaker}, the mayor.\n"
    )


def assert_inert(text: str, where: str) -> None:
    found = RAW_HAZARD.search(text)
    assert found is None, (
        f"{where}: raw {found.group()!r} in {text[max(0, found.start() - 40) : found.end() + 40]!r}"
    )


def check_every_output(page: Path, folder: Path, capsys) -> None:
    for args in OUTPUTS:
        code = main([*args, str(page)])
        captured = capsys.readouterr()
        assert_inert(captured.out, f"{args} stdout")
        assert_inert(captured.err, f"{args} stderr")
        if code == 0 and "--json" in args:
            json.loads(captured.out)
        else:
            assert code in (0, 2) and captured.err.count("\n") <= 1
    target = folder / f"export-{next(_counter)}.md"
    code = main(["export", "-a", "news", "-n", "3", "-o", str(target), str(page)])
    captured = capsys.readouterr()
    assert_inert(captured.out + captured.err, "export -o FILE")
    if code == 0:
        assert_inert(target.read_text(encoding="utf-8"), "the exported file")
        target.unlink()


PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(fields=st.lists(hostile_text, min_size=6, max_size=6), references=st.booleans())
def test_hostile_html_never_reaches_an_output_raw(tmp_path, capsys, fields, references):
    page = tmp_path / f"page-{next(_counter)}.html"
    page.write_text(html_page(fields, references), encoding="utf-8")
    check_every_output(page, tmp_path, capsys)


@PROPERTY
@given(fields=st.lists(hostile_text, min_size=6, max_size=6))
def test_hostile_markdown_never_reaches_an_output_raw(tmp_path, capsys, fields):
    page = tmp_path / f"page-{next(_counter)}.md"
    page.write_text(markdown_page(fields), encoding="utf-8")
    check_every_output(page, tmp_path, capsys)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=hostile_text.filter(lambda n: "/" not in n and n not in ("", ".", "..")),
    exists=st.booleans(),
)
def test_hostile_file_names_never_reach_an_output_raw(tmp_path, capsys, name, exists):
    name = name[:60]
    path = tmp_path / name
    if exists and "\x00" not in name:
        try:
            path.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
        except OSError:
            pass
    for args in (
        ["inspect"],
        ["inspect", "--json"],
        ["export", "-a", "news", "-n", "1", "-o", "-"],
    ):
        main([*args, str(path)])
        captured = capsys.readouterr()
        assert_inert(captured.out, f"{args} stdout")
        assert_inert(captured.err, f"{args} stderr")
        assert captured.err.count("\n") <= 1
    main(["export", str(tmp_path / "none.txt"), "-a", "news", "-n", "1", "-o", str(path) + ".md"])
    assert_inert(capsys.readouterr().err, "export target")


@pytest.mark.parametrize("name", ["a\x1b]0;x\x07b\x9b2Jc\u202ed\nline", "e\x1b[2Jf\u2066g\x7fh"])
def test_real_stderr_receives_no_raw_control(tmp_path, name):
    result = subprocess.run(
        [sys.executable, "-m", "reader", "inspect", str(tmp_path / name)],
        capture_output=True,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "PYTHONIOENCODING": "utf-8",
            "READER_CONFIG_DIR": ISOLATED_CONFIG,
            "READER_STATE_DIR": ISOLATED_STATE,
        },
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.count(b"\n") == 1 and result.stderr.startswith(
        b"reader: error: no such file"
    )
    assert_inert(result.stderr.decode("utf-8"), "stderr")
