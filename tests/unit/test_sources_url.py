"""URLs: fetched from a loopback server started by the tests, never from outside."""

from __future__ import annotations

import socket

import pytest

from reader import __version__
from reader.errors import ReaderError
from reader.sources import url as url_module
from reader.sources.load import load_source
from tests.unit.http_server import Route, http_server  # noqa: F401 (fixture)
from tests.unit.test_sources_html import PARAGRAPHS, article_page, korean_page

HTML = "text/html; charset=utf-8"


@pytest.fixture(autouse=True)
def fast_timeouts(monkeypatch: pytest.MonkeyPatch):
    """Short timeouts so the slow-server cases take a fraction of a second."""
    monkeypatch.setenv("READER_HTTP_TIMEOUT", "0.5")


def fails(spec: str, message: str) -> None:
    with pytest.raises(ReaderError) as caught:
        load_source(spec)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_html_page_over_http(http_server):
    address = http_server.route(
        "/news/tram-plan.html", Route(body=article_page().encode(), content_type=HTML)
    )
    doc = load_source(address)
    assert doc.kind == "html"
    assert doc.url == address and doc.source == address
    assert doc.title == "Council approves tram expansion"
    assert doc.text.split("\n\n") == PARAGRAPHS
    assert len(doc.captions) == 5
    assert doc.name == "tram-plan"


def test_honest_user_agent(http_server):
    address = http_server.route("/p", Route(body=article_page().encode(), content_type=HTML))
    load_source(address)
    assert (
        http_server.requests[-1]["user-agent"] == f"reader/{__version__} (+terminal news reader)"
    )


def test_redirects_are_followed_and_the_final_url_kept(http_server):
    final = http_server.route("/final", Route(body=article_page().encode(), content_type=HTML))
    http_server.redirect("/start", "/middle", status=301)
    http_server.redirect("/middle", "/final")
    doc = load_source(http_server.url("/start"))
    assert doc.url == final
    assert doc.source == http_server.url("/start")


def test_five_redirects_are_allowed_six_are_not(http_server):
    http_server.route("/hop5", Route(body=article_page().encode(), content_type=HTML))
    for hop in range(5):
        http_server.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    assert load_source(http_server.url("/hop0")).kind == "html"
    http_server.redirect("/extra", "/hop0")
    fails(
        http_server.url("/extra"),
        f"cannot open {http_server.url('/extra')}: too many redirects (more than 5)",
    )


def test_redirect_loop(http_server):
    http_server.redirect("/loop", "/loop")
    fails(
        http_server.url("/loop"),
        f"cannot open {http_server.url('/loop')}: too many redirects (more than 5)",
    )


def test_markdown_and_plain_text_over_http(http_server):
    md = http_server.route(
        "/a.md",
        Route(
            body=b"# Title\n\nSome *Markdown* text.", content_type="text/markdown; charset=utf-8"
        ),
    )
    txt = http_server.route("/a.txt", Route(body=b"Just plain text.", content_type="text/plain"))
    markdown = load_source(md)
    assert (markdown.kind, markdown.title, markdown.text) == (
        "markdown",
        "Title",
        "Some Markdown text.",
    )
    assert load_source(txt).kind == "text"


def test_missing_content_type_is_sniffed(http_server):
    address = http_server.route("/raw", Route(body=article_page().encode(), content_type=None))
    assert load_source(address).kind == "html"


def test_euc_kr_page_over_http(http_server):
    address = http_server.route(
        "/kr", Route(body=korean_page(meta=True).encode("euc-kr"), content_type="text/html")
    )
    assert "서울시는" in load_source(address).text


def test_http_404(http_server):
    fails(
        http_server.url("/missing"),
        f"cannot open {http_server.url('/missing')}: HTTP 404 Not Found",
    )


def test_http_500(http_server):
    address = http_server.route("/boom", Route(status=500, body=b"oops"))
    fails(address, f"cannot open {address}: HTTP 500 Internal Server Error")


def test_slow_server_times_out(http_server):
    address = http_server.route("/slow", Route(body=article_page().encode(), delay=5))
    fails(address, f"cannot open {address}: timed out after 0.5 s without data")


def test_stalled_body_times_out(http_server):
    address = http_server.route("/stall", Route(body=article_page().encode(), stall=5))
    fails(address, f"cannot open {address}: timed out after 0.5 s without data")


def test_refused_connection():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    address = f"http://127.0.0.1:{port}/page"
    fails(address, f"cannot open {address}: connection refused")


def test_dns_failure(monkeypatch: pytest.MonkeyPatch):
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)  # no real lookup leaves the machine
    fails(
        "http://no-such-host.invalid/news",
        "cannot open http://no-such-host.invalid/news: cannot find the server no-such-host.invalid",
    )


@pytest.mark.parametrize(
    ("content_type", "shown"),
    [
        ("application/pdf", "a PDF document (application/pdf), not an article"),
        ("image/jpeg", "an image (image/jpeg), not an article"),
        ("video/mp4", "audio or video (video/mp4), not an article"),
        ("application/vnd.ms-excel", "not a web page (application/vnd.ms-excel), not an article"),
    ],
)
def test_non_html_responses_are_refused(http_server, content_type: str, shown: str):
    address = http_server.route("/file", Route(body=b"%PDF-1.7 binary", content_type=content_type))
    fails(address, f"cannot open {address}: {shown}")


def test_oversized_body_by_declared_length(http_server):
    address = http_server.route(
        "/big", Route(body=b"<html></html>", content_length=11 * 1024 * 1024)
    )
    fails(address, f"cannot open {address}: the page is larger than 10 MB")


def test_oversized_streamed_body_stops_reading(http_server):
    chunk = b"<p>" + b"x" * (64 * 1024) + b"</p>"
    total = 40 * 1024 * 1024
    address = http_server.route(
        "/stream", Route(chunks=(chunk for _ in range(total // len(chunk))))
    )
    fails(address, f"cannot open {address}: the page is larger than 10 MB")
    assert (
        http_server.sent.get("/stream", 0) < total - 1024 * 1024
    )  # we hung up long before the end


def test_size_cap_is_read_at_call_time(http_server, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(url_module, "MAX_BYTES", 1000)
    address = http_server.route("/p", Route(body=article_page().encode(), content_type=HTML))
    fails(address, f"cannot open {address}: the page is larger than 1000 bytes")


def test_page_without_article_text(http_server):
    page = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    address = http_server.route("/menu", Route(body=page))
    fails(address, f"no article text found in {address}")


def test_empty_response(http_server):
    address = http_server.route("/empty", Route(body=b""))
    fails(address, f"cannot open {address}: the server sent an empty page")


def test_invalid_address():
    fails("http://", "cannot open http://: not a valid web address")
