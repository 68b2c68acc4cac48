"""Fetch a web page over HTTP(S) with timeouts, a redirect limit and a size cap."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader import __version__
from reader.errors import ReaderError

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"reader/{__version__} (+terminal news reader)"
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
# Seconds; READER_HTTP_TIMEOUT (one number) overrides both, for slow links or fast tests.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
ACCEPTED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
)
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
    """A downloaded page: its bytes, its content type and the URL after redirects.

    ``not_modified`` is true when a conditional request was answered 304 (no
    bytes then); ``etag`` and ``last_modified`` are the validators to send next time.
    """

    data: bytes
    content_type: str | None
    url: str
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None


def fetch_url(
    url: str,
    *,
    timeout: float | None = None,
    max_bytes: int | None = None,
    max_redirects: int | None = None,
    accept: str = ACCEPT,
    accepted_types: tuple[str, ...] = ACCEPTED_TYPES,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """Download ``url``; every failure is a ReaderError naming the URL.

    Limits default to the module's constants (read at call time, so tests can
    lower them); ``timeout`` or READER_HTTP_TIMEOUT sets both timeouts.
    ``accept`` / ``accepted_types`` widen what is asked for and taken (feeds);
    ``headers`` adds request headers (``If-None-Match``, ``If-Modified-Since``).
    """
    import httpx

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    max_redirects = MAX_REDIRECTS if max_redirects is None else max_redirects
    _check_address(url)
    connect, read = _timeouts(timeout)
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=max_redirects,
                timeout=httpx.Timeout(read, connect=connect),
                headers={"User-Agent": USER_AGENT, "Accept": accept, **(headers or {})},
            ) as client,
            client.stream("GET", url) as response,
        ):
            return _read(response, url, max_bytes, accepted_types)
    except ReaderError:
        raise
    except httpx.TooManyRedirects:
        raise _error(url, f"too many redirects (more than {max_redirects})") from None
    except httpx.ConnectTimeout:
        raise _error(url, f"the server did not answer within {connect:g} s") from None
    except httpx.TimeoutException:
        raise _error(url, f"timed out after {read:g} s without data") from None
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
    response: httpx.Response, url: str, max_bytes: int, accepted_types: tuple[str, ...]
) -> Fetched:
    """Check status and type, then stream the body up to ``max_bytes``."""
    etag = response.headers.get("etag")
    last_modified = response.headers.get("last-modified")
    if response.status_code == 304:
        return Fetched(
            data=b"",
            content_type=None,
            url=str(response.url),
            not_modified=True,
            etag=etag,
            last_modified=last_modified,
        )
    if response.status_code >= 400:
        reason = response.reason_phrase or ""
        raise _error(url, f"HTTP {response.status_code} {reason}".strip())
    content_type = response.headers.get("content-type")
    _check_type(content_type, url, accepted_types)
    limit = f"the page is larger than {_size(max_bytes)}"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _error(url, limit)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _error(url, limit)
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise _error(url, "the server sent an empty page")
    return Fetched(
        data=data,
        content_type=content_type,
        url=str(response.url),
        etag=etag,
        last_modified=last_modified,
    )


def _check_type(
    content_type: str | None, url: str, accepted_types: tuple[str, ...] = ACCEPTED_TYPES
) -> None:
    """Accept HTML, plain text and Markdown (or no type at all: the bytes are sniffed)."""
    if not content_type:
        return
    media = content_type.split(";", 1)[0].strip().lower()
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
    return (str(error).strip().splitlines() or [""])[0][:200]


def _error(url: str, reason: str) -> ReaderError:
    return ReaderError(f"cannot open {url}: {reason}")
