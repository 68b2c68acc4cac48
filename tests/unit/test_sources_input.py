"""Odd input a user may give: bad paths and addresses, Markdown without .md, stray bytes, escapes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reader.article.build import build_article
from reader.errors import ReaderError
from reader.sources.decode import decode_bytes
from reader.sources.load import load_path, load_source
from tests.conftest import BUNDLED, run_reader

STORY_MD = b"""# Budget passes after a long night

The council voted on Monday. The session ran past midnight.

## Reactions

The mayor said the city could now hire teachers. Critics were not convinced.
"""


def _one_line_error(result, expected: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"reader: error: {expected}"]


# ---------------------------------------------------------------- paths and addresses


def test_too_long_file_name_is_one_line_error(tmp_path: Path):
    name = "a" * 300 + ".txt"
    result = run_reader("summarize", name, cwd=tmp_path)
    _one_line_error(result, f"cannot read {name}: file name too long")


def test_file_in_locked_folder_is_permission_denied(monkeypatch: pytest.MonkeyPatch):
    # Tests may run as root, who reads every folder: the refusal is simulated.
    def locked(self: Path, *args, **kwargs) -> bool:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "exists", locked)
    with pytest.raises(ReaderError) as caught:
        load_path(Path("locked/art.txt"))
    assert str(caught.value) == "cannot read locked/art.txt: permission denied"


def test_empty_argument_says_no_file_given():
    _one_line_error(run_reader("summarize", ""), "no file given")


@pytest.mark.parametrize("spec", ["ftp://example.com/news.txt", "gopher://x"])
def test_other_url_schemes_are_refused(spec: str):
    scheme = spec.split(":")[0]
    with pytest.raises(
        ReaderError,
        match=rf"^cannot open {spec}: unsupported URL scheme {scheme} \(only http and https\)$",
    ):
        load_source(spec)


def test_file_url_reads_the_local_file():
    doc = load_source(BUNDLED.resolve().as_uri())
    assert doc.text == load_source(str(BUNDLED)).text


def test_bare_web_address_hints_at_https(tmp_path: Path):
    result = run_reader("summarize", "www.example.com", cwd=tmp_path)
    _one_line_error(
        result, "no such file: www.example.com (for a web page, use https://www.example.com)"
    )
    with pytest.raises(ReaderError, match=r"^no such file: missing-story\.txt$"):
        load_source("missing-story.txt")


def test_unclosed_ipv6_bracket_is_one_line_error():
    _one_line_error(
        run_reader("summarize", "http://[::1"), "cannot open http://[::1: not a valid web address"
    )


@pytest.mark.parametrize("port", ["99999", "0", "http"])
def test_invalid_port_is_named(port: str):
    address = f"http://example.com:{port}/news"
    with pytest.raises(
        ReaderError,
        match=rf"^cannot open {address}: invalid port {port} \(ports go from 1 to 65535\)$",
    ):
        load_source(address)


# ---------------------------------------------------------------- Markdown without a .md name


def test_markdown_on_standard_input_is_recognised():
    result = run_reader("inspect", "-", "--json", stdin=STORY_MD)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Budget passes after a long night"
    assert "#" not in data["body"]
    assert "Reactions" in [s["label"] for s in data["sections"]]


def test_markdown_in_a_txt_file_is_recognised(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_bytes(
        b"Lead paragraph here.\n\n## Background\n\nMore text.\n\n## Reactions\n\nEven more.\n"
    )
    doc = load_source(str(path))
    assert doc.kind == "markdown"
    assert [h for _, h in doc.headings] == ["Background", "Reactions"]


@pytest.mark.parametrize(
    "text",
    [
        b"Budget passes\n\nThe council voted on Monday. It was late.\n",
        b"The #1 seed lost. Fans used #upset all night.\n\n# of seats: 12\n",
    ],
)
def test_plain_text_stays_text(text: bytes):
    assert load_source("-", stdin=io.BytesIO(text)).kind == "text"


def test_bundled_article_stays_text():
    assert load_source(None).kind == "text"


def test_markdown_list_items_stay_separate_paragraphs():
    data = b"# Title\n\nWhat was decided:\n\n- item one\n- item two\n- a third item\n"
    article = build_article(load_source("-", stdin=io.BytesIO(data)))
    assert [p.text for p in article.paragraphs] == [
        "What was decided:",
        "item one",
        "item two",
        "a third item",
    ]


# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "The caf\xe9 served \u201cna\xefve\u201d coffee for \u20ac5 million."),
        (
            "cp1252",
            "Mayor Jos\xe9 Mu\xf1oz said the r\xe9sum\xe9 was \u2018fine\u2019 \u2014 a d\xe9j\xe0 vu.",
        ),
        (
            "cp1252",
            "Norway\u2019s Bj\xf8rn S\xe6ther and Sweden\u2019s \xc5sa L\xf6vgren met in Troms\xf8.",
        ),
        (
            "cp1252",
            "Prices rose 3\xbd% in the quarter. \u201cIt\u2019s over,\u201d he said. \xa310 \xa9 2024.",
        ),
        ("cp1250", "Pan Dvo\u0159\xe1k p\u0159ijel do Brna v \xfater\xfd."),
        (
            "cp1250",
            "Prezydent powiedzia\u0142, \u017ce rz\u0105d przyj\u0105\u0142 now\u0105 ustaw\u0119.",
        ),
        ("cp1250", "Premier Orb\xe1n szerint a korm\xe1ny \u0151sszel d\xf6nt."),
        (
            "cp1251",
            "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e talks will continue.",
        ),
        (
            "koi8_r",
            "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0420\u043e\u0441\u0441\u0438\u0438 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f \u043d\u0430 \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0435\u0439 \u043d\u0435\u0434\u0435\u043b\u0435 \u0432 \u041c\u043e\u0441\u043a\u0432\u0435.",
        ),
        (
            "euc_kr",
            "Seoul (Yonhap) -- \uc11c\uc6b8\uc2dc\ub294 \uc624\ub298 \uc0c8\ub85c\uc6b4 \uad50\ud1b5 \uc815\ucc45\uc744 \ubc1c\ud45c\ud588\ub2e4.",
        ),
    ],
)
def test_short_legacy_texts_decode_in_their_own_code_page(encoding: str, text: str):
    assert decode_bytes(text.encode(encoding)) == text


def test_utf8_with_a_stray_windows_byte_stays_utf8():
    data = (
        "Vladimir Put\xedn met Kim in Vostochny \u2014 \u201chistoric,\u201d said Peskov.".encode()
        + b" It\x92s over."
    )
    assert (
        decode_bytes(data)
        == "Vladimir Put\xedn met Kim in Vostochny \u2014 \u201chistoric,\u201d said Peskov. It\u2019s over."
    )


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_bytes(
        b"\x1b]0;pwned\x07The bridge opened on Monday. Thousands \x1b[31mcrossed\x1b[0m it."
        + " The caf\xe9 was full.\x1b[2J".encode("cp1252")
    )
    result = run_reader("summarize", str(path), "-n", "5")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "The bridge opened on Monday.",
        "Thousands crossed it.",
        "The caf\xe9 was full.",
    ]


def test_text_keeps_tabs_and_form_feeds_but_no_other_controls():
    text = decode_bytes(
        ("Col\tumn\fpage\r\nend \x1b[2J\x0b\x7f\x00\u0085\u009b2J caf\xe9 " + "x" * 500).encode()
    )
    assert text == "Col\tumn\fpage\r\nend  caf\xe9 " + "x" * 500


def test_a_file_of_control_bytes_is_still_binary():
    with pytest.raises(ReaderError, match="is a binary file, not text"):
        decode_bytes(bytes(range(1, 32)) * 40, "junk.txt")
