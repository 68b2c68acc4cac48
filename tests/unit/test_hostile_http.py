"""Hostile servers, on a loopback server: compression bombs, drips, lying status lines.

Each case failed before the fix: a stacked gzip grew the reader by the whole
decoded size, a drip was waited on forever, the reason phrase and the content
type reached the terminal raw, and ``user:pass@`` was echoed.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import time
import tracemalloc
import zlib

import pytest

from reader.cli import main
from reader.errors import ReaderError
from reader.sources.load import load_source
from tests.unit.http_server import Route, http_server  # noqa: F401 (fixture)
from tests.unit.test_sources_html import PARAGRAPHS, article_page

HTML = "text/html; charset=utf-8"
# Anything a terminal acts on: C0 but tab and newline, DEL, C1, bidi controls.
RAW_HAZARD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MB = 1024 * 1024


@pytest.fixture(autouse=True)
def fast_timeouts(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("READER_HTTP_TIMEOUT", "0.5")


def failure(spec: str) -> str:
    with pytest.raises(ReaderError) as caught:
        load_source(spec)
    return str(caught.value)


@functools.cache
def zeros_gzipped(megabytes: int) -> bytes:
    """``megabytes`` MB of zero bytes, gzipped (about 1 KB per MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(MB)
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


def peak_memory(work) -> int:
    """The most memory Python held at once while ``work()`` ran, in bytes."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# ---------------------------------------------------------------- compression


def test_stacked_gzip_bomb_is_refused_before_decoding(http_server):
    bomb = gzip.compress(zeros_gzipped(200), 9)  # 200 MB behind two layers
    assert len(bomb) < 5000
    address = http_server.route(
        "/bomb", Route(body=bomb, headers={"Content-Encoding": "gzip, gzip"})
    )
    started = time.monotonic()
    messages: list[str] = []
    peak = peak_memory(lambda: messages.append(failure(address)))
    assert messages == [
        f"cannot open {address}: the page is compressed more than once (gzip, gzip); not accepted"
    ]
    assert time.monotonic() - started < 5
    assert peak < 20 * MB


def test_stacked_codings_in_two_headers_are_refused(http_server):
    address = http_server.route(
        "/two",
        Route(
            body=gzip.compress(gzip.compress(article_page().encode())),
            headers={"Content-Encoding": "gzip", "content-encoding": "x-gzip"},
        ),
    )
    assert failure(address).endswith("compressed more than once (gzip, gzip); not accepted")


def test_a_redirect_body_is_never_read(http_server):
    final = http_server.route("/final", Route(body=article_page().encode()))
    http_server.route(
        "/moved",
        Route(
            status=302,
            body=gzip.compress(zeros_gzipped(200), 9),
            content_type=None,
            headers={"Location": "/final", "Content-Encoding": "gzip, gzip"},
        ),
    )
    documents = []
    peak = peak_memory(lambda: documents.append(load_source(http_server.url("/moved"))))
    assert documents[0].url == final
    assert peak < 20 * MB


def test_single_gzip_bomb_stops_at_the_cap_with_bounded_memory(http_server):
    address = http_server.route(
        "/gz", Route(body=zeros_gzipped(300), headers={"Content-Encoding": "gzip"})
    )
    messages: list[str] = []
    peak = peak_memory(lambda: messages.append(failure(address)))
    assert messages == [f"cannot open {address}: the page is larger than 10 MB"]
    assert peak < 40 * MB  # the cap and a chunk, not a chunk's thousandfold expansion


@pytest.mark.parametrize(
    ("coding", "pack"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, no zlib header
        ("identity", lambda data: data),
        ("gzip, identity", gzip.compress),
    ],
)
def test_one_layer_of_a_known_coding_is_decoded(http_server, coding, pack):
    address = http_server.route(
        "/page",
        Route(body=pack(article_page().encode()), headers={"Content-Encoding": coding}),
    )
    assert load_source(address).text.split("\n\n") == PARAGRAPHS


def test_two_gzip_members_are_one_page(http_server):
    page = article_page().encode()
    body = gzip.compress(page[:500]) + gzip.compress(page[500:])
    address = http_server.route("/members", Route(body=body, headers={"Content-Encoding": "gzip"}))
    assert load_source(address).text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize(
    ("coding", "reason"),
    [
        ("br", "the page is compressed with br, which is not supported"),
        ("compress", "the page is compressed with compress, which is not supported"),
        ("zstd", "the page is compressed with zstd, which is not supported"),
        ("\x9b2Jevil", "the page is compressed with 2jevil, which is not supported"),
    ],
)
def test_unknown_codings_are_refused(http_server, coding, reason):
    address = http_server.route(
        "/odd", Route(body=b"\x00" * 100, headers={"Content-Encoding": coding})
    )
    assert failure(address) == f"cannot open {address}: {reason}"


def test_damaged_gzip_is_one_line(http_server):
    address = http_server.route(
        "/bad", Route(body=b"\x1f\x8b\x08\x00garbage" * 10, headers={"Content-Encoding": "gzip"})
    )
    assert failure(address) == f"cannot open {address}: the server sent damaged gzip data"


def test_only_decodable_codings_are_asked_for(http_server):
    address = http_server.route("/p", Route(body=article_page().encode(), content_type=HTML))
    load_source(address)
    assert http_server.requests[-1]["accept-encoding"] == "gzip, deflate"


# ---------------------------------------------------------------- the deadline


def test_dripping_headers_end_at_the_deadline(http_server, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("READER_HTTP_DEADLINE", "1")
    address = http_server.route("/drip-head", Route(body=b"a" * 200, drip=0.05, drip_headers=True))
    started = time.monotonic()
    message = failure(address)
    assert message == f"cannot open {address}: the page did not finish within 1 s"
    assert time.monotonic() - started < 3


def test_dripping_body_ends_at_the_deadline(http_server, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("READER_HTTP_DEADLINE", "1")
    address = http_server.route("/drip-body", Route(body=article_page().encode(), drip=0.05))
    started = time.monotonic()
    message = failure(address)
    assert message == f"cannot open {address}: the page did not finish within 1 s"
    assert time.monotonic() - started < 3
    assert http_server.sent["/drip-body"] < 100


def test_the_deadline_is_a_named_sixty_seconds():
    from reader.sources import url

    assert url.TOTAL_DEADLINE == 60.0


# ---------------------------------------------------------------- what a server says


@pytest.mark.parametrize(
    "reason",
    [
        "Not \x1b]0;X\x07Found\x1b[2J",  # 7-bit: OSC title, clear screen
        "Not \x9b2J\x9d52;c;SGVsbG8=\x9cFound",  # 8-bit CSI and OSC 52 (the clipboard)
        "Not Found \u202edlrow".encode().decode("latin-1"),  # the UTF-8 bytes of U+202E
        "Not \x1b]0;unterminated",
    ],
)
def test_reason_phrase_reaches_the_error_line_inert(http_server, capsys, reason):
    address = http_server.route("/gone", Route(status=404, reason=reason))
    assert main(["inspect", address]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"reader: error: cannot open {address}: ")
    assert captured.err.count("\n") == 1
    assert not RAW_HAZARD.search(captured.err)


def test_c1_reason_phrase_keeps_its_words(http_server):
    address = http_server.route(
        "/gone", Route(status=404, reason="Not \x9b2JFound\u2066".encode().decode("latin-1"))
    )
    assert failure(address) == f"cannot open {address}: HTTP 404 Not 2JFound"


def test_content_type_reaches_the_error_line_inert(http_server):
    address = http_server.route(
        "/typed",
        Route(
            body=b"%PDF", content_type="application/\x9b31m\u202eevil".encode().decode("latin-1")
        ),
    )
    assert failure(address) == (
        f"cannot open {address}: not a web page (application/31mevil), not an article"
    )


def test_a_long_reason_phrase_is_cut(http_server):
    address = http_server.route("/long", Route(status=500, reason="x" * 5000))
    message = failure(address)
    assert len(message) < 200 and message.endswith("\u2026")


# ---------------------------------------------------------------- credentials


def with_credentials(address: str) -> str:
    return address.replace("http://", "http://reader:s3cret@", 1)


def test_credentials_are_never_shown_or_kept(http_server, capsys, tmp_path):
    address = http_server.route("/story.html", Route(body=article_page().encode()))
    secret = with_credentials(address)
    document = load_source(secret)
    assert (document.url, document.source) == (address, address)
    assert main(["inspect", secret]) == 0
    assert main(["inspect", "--json", secret]) == 0
    assert main(["export", secret, "-o", "-"]) == 0
    target = tmp_path / "story.md"
    assert main(["export", secret, "-o", str(target)]) == 0
    out = capsys.readouterr().out
    written = target.read_text(encoding="utf-8")
    for text in (out, written):
        assert "s3cret" not in text and "reader:" not in text
    assert f"<{address}>" in written
    assert http_server.requests[-1]["authorization"].startswith("Basic ")  # still sent


def test_credentials_are_not_in_error_lines(http_server, capsys):
    missing = with_credentials(http_server.url("/missing"))
    assert main(["inspect", missing]) == 2
    assert capsys.readouterr().err == (
        f"reader: error: cannot open {http_server.url('/missing')}: HTTP 404 Not Found\n"
    )
    assert main(["inspect", "ftp://me:s3cret@example.org/x"]) == 2
    err = capsys.readouterr().err
    assert "s3cret" not in err and "ftp://example.org/x" in err


def test_credentials_after_a_redirect_are_dropped(http_server):
    final = http_server.route("/final", Route(body=article_page().encode()))
    http_server.redirect("/start", with_credentials(final))
    assert load_source(http_server.url("/start")).url == final


def test_front_matter_url_loses_its_credentials(tmp_path, capsys):
    story = tmp_path / "story.md"
    story.write_text(
        "---\nurl: https://me:s3cret@news.example/story\n---\n# A story\n\n"
        + "\n\n".join(PARAGRAPHS),
        encoding="utf-8",
    )
    assert main(["inspect", "--json", str(story)]) == 0
    assert json.loads(capsys.readouterr().out)["url"] == "https://news.example/story"
