"""Fetch a web page over HTTP(S) with timeouts, a deadline, a redirect limit and a size cap.

Whatever the server sends is hostile until checked: the body is decoded here
(gzip or deflate, one layer) and its *decoded* size capped as it is produced;
the whole fetch, headers and body, must finish within a deadline; reason
phrases and header values reach messages inert; user names and passwords in
a URL are never shown (:func:`public_url`).
"""

from __future__ import annotations

import os
import re
import time
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reader import __version__
from reader.errors import ReaderError
from reader.inert import clean, shown_name

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"reader/{__version__} (+terminal news reader)"
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
# Seconds; READER_HTTP_TIMEOUT (one number) overrides both, for slow links or fast tests.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
# Seconds for the whole fetch (connection, headers, body), whatever the server
# drips; READER_HTTP_DEADLINE overrides it.
TOTAL_DEADLINE = 60.0
# Content codings decoded here, one layer at most (each with a bounded decoder).
ACCEPTED_ENCODINGS = ("gzip", "deflate")
_ENCODING_ALIASES = {"x-gzip": "gzip"}
# Longest piece of a server's text (reason phrase, content type) shown in a message.
MAX_SHOWN = 100
ACCEPTED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
)
# "user:pass@" after "scheme://" or "//" (a scheme-relative address).
_USERINFO = re.compile(r"^((?:[a-z][a-z0-9+.-]*:)?//)[^/?#]*@", re.I)
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.7"
_DNS_FAILURES = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo",
    "name resolution",
    "no address associated",
    "errno -2",
    "errno -3",
    "errno 8",
    "errno 11001",
)
_KIND_NAMES = {
    "application/pdf": "a PDF document",
    "application/json": "JSON data",
    "application/zip": "a ZIP archive",
    "application/octet-stream": "a binary file",
}


@dataclass(frozen=True)
class Fetched:
    """A downloaded page: its bytes, its content type and the URL after redirects."""

    data: bytes
    content_type: str | None
    url: str
    not_modified: bool = False  # a conditional request was answered 304: no bytes
    etag: str | None = None  # the validators to send next time
    last_modified: str | None = None


def public_url(url: str) -> str:
    """``url`` without the user name and password it may carry (``user:pass@``)."""
    return _USERINFO.sub(r"\1", url)


def fetch_url(
    url: str,
    *,
    timeout: float | None = None,
    deadline: float | None = None,
    max_bytes: int | None = None,
    max_redirects: int | None = None,
    accept: str = ACCEPT,
    accepted_types: tuple[str, ...] = ACCEPTED_TYPES,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """Download ``url``; every failure is a ReaderError naming the URL (without credentials).

    Limits default to the module's constants (read at call time, so tests can
    lower them); ``timeout`` or READER_HTTP_TIMEOUT sets both timeouts,
    ``deadline`` or READER_HTTP_DEADLINE the time the whole fetch may take.
    ``accept`` / ``accepted_types`` widen what is asked for and taken (feeds);
    ``headers`` adds request headers (``If-None-Match``, ``If-Modified-Since``).
    """
    import httpx

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    max_redirects = MAX_REDIRECTS if max_redirects is None else max_redirects
    _check_address(url)
    connect, read = _timeouts(timeout)
    clock = _Deadline(_deadline_seconds(deadline))
    try:
        with httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(read, connect=connect),
            headers={
                "User-Agent": USER_AGENT,
                "Accept": accept,
                "Accept-Encoding": ", ".join(ACCEPTED_ENCODINGS),
                **(headers or {}),
            },
        ) as client:
            _install_deadline(client, clock)
            request = client.build_request("GET", url)
            return _follow(client, request, url, (max_bytes, max_redirects), clock, accepted_types)
    except ReaderError:
        raise
    except httpx.TimeoutException as error:
        if clock.passed():
            raise _error(url, f"the page did not finish within {clock.seconds:g} s") from None
        if isinstance(error, httpx.ConnectTimeout):
            raise _error(url, f"the server did not answer within {connect:g} s") from None
        raise _error(url, f"timed out after {read:g} s without data") from None
    except _TooManyRedirects:
        raise _error(url, f"too many redirects (more than {max_redirects})") from None
    except httpx.ConnectError as error:
        raise _error(url, _connect_reason(error, url)) from None
    except httpx.UnsupportedProtocol:
        raise _error(url, "only http:// and https:// addresses can be opened") from None
    except (httpx.InvalidURL, ValueError):
        raise _error(url, "not a valid web address") from None
    except httpx.HTTPError as error:
        raise _error(url, _first_line(error) or type(error).__name__) from None
    except OSError as error:  # a socket error httpx did not wrap
        raise _error(url, _connect_reason(error, url)) from None


class _TooManyRedirects(Exception):
    """More redirects than allowed."""


def _follow(
    client: httpx.Client,
    request: httpx.Request,
    url: str,
    limits: tuple[int, int],
    clock: _Deadline,
    accepted_types: tuple[str, ...] = ACCEPTED_TYPES,
) -> Fetched:
    """Send ``request`` and follow its redirects (``limits``: bytes, redirects).

    Redirects are followed here, not by httpx, which would read and decode a
    redirect's whole body past every cap: here it is never read.
    """
    max_bytes, max_redirects = limits
    for _hop in range(max_redirects + 1):
        response = client.send(request, stream=True)
        try:
            if response.next_request is None:
                return _read(response, url, max_bytes, clock, accepted_types)
            request = response.next_request
        finally:
            response.close()
    raise _TooManyRedirects


def _check_address(url: str) -> None:
    """A ReaderError for an address that cannot be fetched: no host, bad brackets, bad port."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[::1": an unclosed IPv6 bracket
        raise _error(url, "not a valid web address") from None
    if not host:
        raise _error(url, "not a valid web address")
    try:
        port = parts.port
    except ValueError:  # not a number, or above 65535
        port = 0
    if port == 0:
        shown = parts.netloc.rpartition(":")[2]
        raise _error(url, f"invalid port {shown} (ports go from 1 to 65535)")


def _read(
    response: httpx.Response,
    url: str,
    max_bytes: int,
    clock: _Deadline,
    accepted_types: tuple[str, ...] = ACCEPTED_TYPES,
) -> Fetched:
    """Check status, type and coding, then stream and decode the body up to ``max_bytes``."""
    etag = response.headers.get("etag")
    last_modified = response.headers.get("last-modified")
    if response.status_code == 304:  # the copy the caller kept is still good
        return Fetched(
            data=b"",
            content_type=None,
            url=public_url(str(response.url)),
            not_modified=True,
            etag=etag,
            last_modified=last_modified,
        )
    if response.status_code >= 400:
        reason = _shown(response.reason_phrase or "")
        raise _error(url, f"HTTP {response.status_code} {reason}".strip())
    content_type = response.headers.get("content-type")
    _check_type(content_type, url, accepted_types)
    coding = _coding(response.headers.get_list("content-encoding", split_commas=True), url)
    limit = f"the page is larger than {_size(max_bytes)}"
    declared = response.headers.get("content-length", "")
    if coding is None and declared.isdigit() and int(declared) > max_bytes:
        raise _error(url, limit)
    chunks: list[bytes] = []
    size = received = 0
    decoder = _Inflater(coding) if coding else None
    try:
        for raw in response.iter_raw():
            received += len(raw)
            if received > max_bytes:
                raise _error(url, limit)
            # Room for one byte more than the cap: producing it proves the page too large.
            for piece in decoder.decode(raw, max_bytes - size + 1) if decoder else (raw,):
                size += len(piece)
                if size > max_bytes:
                    raise _error(url, limit)
                chunks.append(piece)
            if clock.passed():
                raise _error(url, f"the page did not finish within {clock.seconds:g} s")
    except zlib.error:
        raise _error(url, f"the server sent damaged {coding} data") from None
    data = b"".join(chunks)
    if not data.strip():
        raise _error(url, "the server sent an empty page")
    return Fetched(
        data=data,
        content_type=content_type,
        url=public_url(str(response.url)),
        etag=etag,
        last_modified=last_modified,
    )


def _coding(codings: list[str], url: str) -> str | None:
    """The one content coding to undo (None: none); ReaderError for stacked or unknown ones."""
    named = [c.strip().lower() for c in codings if c.strip().lower() not in ("", "identity")]
    named = [_ENCODING_ALIASES.get(c, c) for c in named]
    if len(named) > 1:
        shown = _shown(", ".join(named))
        raise _error(url, f"the page is compressed more than once ({shown}); not accepted")
    if named and named[0] not in ACCEPTED_ENCODINGS:
        raise _error(
            url, f"the page is compressed with {_shown(named[0])}, which is not supported"
        )
    return named[0] if named else None


class _Inflater:
    """gzip or deflate decoded with a bound on the bytes each call produces."""

    def __init__(self, coding: str) -> None:
        self._wbits = zlib.MAX_WBITS | 16 if coding == "gzip" else zlib.MAX_WBITS
        self._coding = coding
        self._started = False
        self._zlib = zlib.decompressobj(self._wbits)

    def decode(self, data: bytes, room: int) -> Iterator[bytes]:
        """The decoded pieces of ``data``, ``room`` bytes at most (zlib.error if damaged)."""
        while data and room > 0:
            try:
                piece = self._zlib.decompress(data, room)
            except zlib.error:
                if self._coding != "deflate" or self._started:
                    raise
                # "deflate" without the zlib header, as some servers send it.
                self._started = True
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self._started = True
            room -= len(piece)
            if piece:
                yield piece
            if self._zlib.eof:  # the end of a gzip member: another may follow
                data = self._zlib.unused_data
                if not data.startswith(b"\x1f\x8b"):
                    return
                self._zlib = zlib.decompressobj(self._wbits)
            else:
                data = self._zlib.unconsumed_tail


class _Deadline:
    """The time a whole fetch must end by; network waits never go past it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() >= self.end

    def clamp(self, timeout: float | None, timeout_error: type[Exception]) -> float:
        """``timeout`` shortened to the time left; ``timeout_error`` once none is left."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise timeout_error("the deadline passed")
        return left if timeout is None else min(timeout, left)


def _install_deadline(client: httpx.Client, clock: _Deadline) -> None:
    """Make every connection of ``client`` (proxies too) wait no later than ``clock`` allows."""
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if backend is not None:
            pool._network_backend = _DeadlineBackend(backend, clock)  # type: ignore[union-attr]


class _DeadlineBackend:
    """An httpcore network backend whose connects and streams respect a deadline."""

    def __init__(self, backend: Any, clock: _Deadline) -> None:
        self._backend = backend
        self._clock = clock

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, **kwargs: Any
    ) -> _DeadlineStream:
        import httpcore

        timeout = self._clock.clamp(timeout, httpcore.ConnectTimeout)
        stream = self._backend.connect_tcp(host, port, timeout, **kwargs)
        return _DeadlineStream(stream, self._clock)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, **kwargs: Any
    ) -> _DeadlineStream:
        import httpcore

        timeout = self._clock.clamp(timeout, httpcore.ConnectTimeout)
        stream = self._backend.connect_unix_socket(path, timeout, **kwargs)
        return _DeadlineStream(stream, self._clock)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineStream:
    """An httpcore network stream whose reads and writes respect a deadline."""

    def __init__(self, stream: Any, clock: _Deadline) -> None:
        self._stream = stream
        self._clock = clock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        import httpcore

        return self._stream.read(max_bytes, self._clock.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        import httpcore

        self._stream.write(buffer, self._clock.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> _DeadlineStream:
        import httpcore

        timeout = self._clock.clamp(timeout, httpcore.ConnectTimeout)
        stream = self._stream.start_tls(ssl_context, server_hostname, timeout)
        return _DeadlineStream(stream, self._clock)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def _check_type(
    content_type: str | None, url: str, accepted_types: tuple[str, ...] = ACCEPTED_TYPES
) -> None:
    """Accept HTML, plain text and Markdown (or no type at all: the bytes are sniffed)."""
    if not content_type:
        return
    media = _shown(content_type.split(";", 1)[0].strip().lower())
    if media in accepted_types:
        return
    if media.startswith("image/"):
        shown = "an image"
    elif media.startswith(("audio/", "video/")):
        shown = "audio or video"
    else:
        shown = _KIND_NAMES.get(media, "not a web page")
    raise _error(url, f"{shown} ({media}), not an article")


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):g} MB" if count >= 1024 * 1024 else f"{count} bytes"


def _shown(text: str) -> str:
    """A server's text for a message: inert, on one line, not too long."""
    shown = " ".join(clean(text).split())
    return shown if len(shown) <= MAX_SHOWN else shown[: MAX_SHOWN - 1] + "\u2026"


def _deadline_seconds(deadline: float | None) -> float:
    if deadline is None:
        override = os.environ.get("READER_HTTP_DEADLINE", "").strip()
        try:
            deadline = float(override) if override else None
        except ValueError:
            deadline = None
    return deadline if deadline is not None and deadline > 0 else TOTAL_DEADLINE


def _timeouts(timeout: float | None) -> tuple[float, float]:
    if timeout is None:
        override = os.environ.get("READER_HTTP_TIMEOUT", "").strip()
        try:
            timeout = float(override) if override else None
        except ValueError:
            timeout = None
    if timeout is not None and timeout > 0:
        return timeout, timeout
    return CONNECT_TIMEOUT, READ_TIMEOUT


def _connect_reason(error: Exception, url: str) -> str:
    """Name the usual causes of a failed connection in plain words."""
    text = str(error).lower()
    host = urlsplit(url).hostname or url
    if "refused" in text or "errno 111" in text or "errno 61" in text:
        return "connection refused"
    if any(s in text for s in _DNS_FAILURES):
        return f"cannot find the server {host}"
    if "certificate" in text or "ssl" in text:
        return "the secure connection failed (certificate or TLS error)"
    if "unreachable" in text:
        return "the network is unreachable"
    return f"cannot connect ({_first_line(error) or 'connection error'})"


def _first_line(error: Exception) -> str:
    return _shown((str(error).strip().splitlines() or [""])[0])


def shown_url(url: str) -> str:
    """``url`` for a message: no credentials, controls shown escaped."""
    return shown_name(public_url(url))


def _error(url: str, reason: str) -> ReaderError:
    return ReaderError(f"cannot open {shown_url(url)}: {clean(reason)}")
