"""A loopback HTTP server for tests: http.server in a thread on 127.0.0.1, port 0.

Tests register routes (path -> Route) and read back what the server saw
(request headers, bytes sent). Nothing leaves the machine.

    with LoopbackServer() as server:
        server.route("/page", Route(body=b"<html>...", content_type="text/html"))
        load_source(server.url("/page"))
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line (a slow server)
    stall: float = 0.0  # seconds after the headers, before the body (a slow body)
    chunks: Iterable[bytes] | None = None  # stream these (no Content-Length) instead of body
    content_length: int | None = None  # announce this length instead of len(body)
    reason: str | None = None  # the status line's reason phrase, sent as given (latin-1)
    # Seconds between bytes: the body (or, with drip_headers, an endless-looking
    # header of len(body) bytes) is sent one byte at a time; it ends by itself.
    drip: float = 0.0
    drip_headers: bool = False
    etag: str | None = None  # sent as ETag; a request with a matching If-None-Match gets 304


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # a real bug in the test server


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 with routes set by the test."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[dict[str, str]] = []
        self.sent: dict[str, int] = {}
        self.stop = threading.Event()
        self.httpd = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, route: Route) -> str:
        """Serve ``route`` at ``path``; returns the full URL."""
        self.routes[path] = route
        return self.url(path)

    def redirect(self, path: str, target: str, status: int = 302) -> str:
        return self.route(
            path, Route(status=status, content_type=None, headers={"Location": target})
        )

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def _handler_for(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            server.requests.append(
                {"path": self.path, **{k.lower(): v for k, v in self.headers.items()}}
            )
            route = server.routes.get(self.path.split("?", 1)[0])
            if route is None:
                route = Route(status=404, body=b"<html><body>not here</body></html>")
            if route.delay and server.stop.wait(route.delay):
                return
            try:
                self._answer(route)
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                pass  # the client gave up (timeout, size cap): expected in these tests

        def _answer(self, route: Route) -> None:
            if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.reason is not None:
                self.log_request(route.status)
                self.send_response_only(route.status, route.reason)
                self.send_header("Server", "loopback")
            else:
                self.send_response(route.status)
            if route.drip and route.drip_headers:
                self.wfile.write(b"".join(self._headers_buffer) + b"X-Drip: ")
                self._headers_buffer = []
                self._drip(route, route.body)
                return
            if route.etag is not None:
                self.send_header("ETag", route.etag)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.chunks is None:
                length = (
                    route.content_length if route.content_length is not None else len(route.body)
                )
                self.send_header("Content-Length", str(length))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.flush()
            if route.stall and server.stop.wait(route.stall):
                return
            if route.drip:
                self._drip(route, route.body)
                return
            if route.chunks is None:
                self.wfile.write(route.body)
                server.sent[self.path] = len(route.body)
                return
            sent = 0
            for chunk in route.chunks:
                self.wfile.write(chunk)
                sent += len(chunk)
                server.sent[self.path] = sent
            self.close_connection = True

        def _drip(self, route: Route, data: bytes) -> None:
            """``data`` one byte every ``route.drip`` seconds, until sent or the server stops."""
            for index in range(len(data)):
                if server.stop.wait(route.drip):
                    return
                self.wfile.write(data[index : index + 1])
                self.wfile.flush()
                server.sent[self.path] = index + 1
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    return Handler


@pytest.fixture
def http_server(monkeypatch: pytest.MonkeyPatch):
    """A running LoopbackServer; proxies from the environment are ignored."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with LoopbackServer() as server:
        yield server
