"""Hostile servers on a loopback server: peak memory and time until the reader gives up.

    python benchmarks/hostile_fetch.py

Each case is fetched with ``reader.sources.load.load_source``; peak memory is
what tracemalloc saw Python hold at once (decoded bytes included). Run it on
two checkouts to compare (the numbers of one run are in RESULTS.md).
"""

from __future__ import annotations

import gzip
import os
import sys
import time
import tracemalloc
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.errors import ReaderError
from reader.sources.load import load_source
from tests.unit.http_server import LoopbackServer, Route
from tests.unit.test_sources_html import article_page

MB = 1024 * 1024


def zeros_gzipped(megabytes: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(MB)
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


def measure(address: str) -> tuple[float, float, str]:
    tracemalloc.start()
    started = time.monotonic()
    try:
        load_source(address)
        outcome = "loaded"
    except ReaderError as error:
        outcome = str(error).split(": ", 1)[1]
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1] / MB
    tracemalloc.stop()
    return peak, elapsed, outcome


def main() -> None:
    os.environ.setdefault("READER_HTTP_TIMEOUT", "0.5")
    os.environ.setdefault("READER_HTTP_DEADLINE", "2")
    stacked = gzip.compress(zeros_gzipped(200), 9)
    with LoopbackServer() as server:
        cases = {
            f"gzip, gzip: 200 MB in {len(stacked) / 1024:.1f} KB": server.route(
                "/stacked", Route(body=stacked, headers={"Content-Encoding": "gzip, gzip"})
            ),
            "gzip: 200 MB of zeros": server.route(
                "/single", Route(body=zeros_gzipped(200), headers={"Content-Encoding": "gzip"})
            ),
            "302 with a gzip, gzip body": server.route(
                "/moved",
                Route(
                    status=302,
                    body=stacked,
                    content_type=None,
                    headers={"Location": "/page", "Content-Encoding": "gzip, gzip"},
                ),
            ),
            "headers dripped, a byte / 0.1 s (60 bytes)": server.route(
                "/drip", Route(body=b"a" * 60, drip=0.1, drip_headers=True)
            ),
        }
        load_source(server.route("/page", Route(body=article_page().encode())))  # warm up
        print("| case | peak memory | time | outcome |")
        print("|---|---|---|---|")
        for name, address in cases.items():
            peak, elapsed, outcome = measure(address)
            print(f"| {name} | {peak:.1f} MB | {elapsed:.2f} s | {outcome} |")


if __name__ == "__main__":
    main()
