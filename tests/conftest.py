"""Shared fixtures: the bundled article and a runner for the CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = next((ROOT / "content").glob("*.txt"))
# Subprocesses never read or write the developer's own config and state.
ISOLATED_CONFIG = tempfile.mkdtemp(prefix="reader-test-config-")
ISOLATED_STATE = tempfile.mkdtemp(prefix="reader-test-state-")
ISOLATED_DATA = tempfile.mkdtemp(prefix="reader-test-data-")
ISOLATED_CACHE = tempfile.mkdtemp(prefix="reader-test-cache-")
# In-process builds too (the first-names table is saved in the cache folder).
os.environ.setdefault("READER_CACHE_DIR", ISOLATED_CACHE)


@pytest.fixture(scope="session")
def bundled_path() -> Path:
    return BUNDLED


@pytest.fixture(scope="session")
def bundled_article():
    from reader.article.build import build_article
    from reader.sources.load import load_path

    return build_article(load_path(BUNDLED))


def run_reader(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None
):
    """Run `python -m reader ARGS` and return the CompletedProcess (text output)."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8",
        "READER_CONFIG_DIR": ISOLATED_CONFIG,
        "READER_STATE_DIR": ISOLATED_STATE,
        "READER_DATA_DIR": ISOLATED_DATA,
        "READER_CACHE_DIR": ISOLATED_CACHE,
        **(env or {}),
    }
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=environment,
        timeout=120,
    )
    result.stdout = result.stdout.decode("utf-8")
    result.stderr = result.stderr.decode("utf-8")
    return result


def article_from_text(text: str, **meta):
    """Build an Article from text written in a test."""
    from reader.article.build import build_article
    from reader.sources.document import Document

    return build_article(Document(text=text, kind="text", source="test", **meta))


# Timing-sensitive tests (a real terminal, the start-up clock) share one xdist worker, so
# they never run beside each other; the suite runs with `--dist loadgroup` (pyproject.toml).
TIMING_SENSITIVE = ("tests/e2e/", "tests/ui/test_startup.py")


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath)).resolve().relative_to(ROOT).as_posix()
        if path.startswith(TIMING_SENSITIVE):
            item.add_marker(pytest.mark.xdist_group("timing"))


@pytest.fixture
def held_source(monkeypatch):
    """Hold the prefetch child before it reads its source, until the test calls the fixture.

    (The child is a fork of the test process: it reads through the patched
    ``open_any``, which waits on a pipe made before the fork.) So a test can
    have the screen waiting before the Document comes, as a web page does.
    """
    from reader.feeds import source

    read_end, write_end = os.pipe()
    real = source.open_any

    def open_when_let(spec):
        os.read(read_end, 1)
        return real(spec)

    monkeypatch.setattr(source, "open_any", open_when_let)
    yield lambda: os.write(write_end, b"!")
    os.close(read_end)
    os.close(write_end)
