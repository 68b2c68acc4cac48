"""Start-up: the first screen is painted before nltk and sumy are imported."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "startup.py"


def _benchmark():
    spec = importlib.util.spec_from_file_location("startup_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not sys.platform.startswith(("linux", "darwin")), reason="needs a pty")
def test_first_paint_comes_before_nltk_and_sumy():
    bench = _benchmark()
    command = bench.reader_command()
    if not shutil.which(command[0]) and not Path(command[0]).exists():
        pytest.skip("the reader script is not installed")
    seconds, data = bench.timed_run(command, "paint", (80, 24))
    assert data["loaded"] == {"nltk": False, "sumy": False}
    assert seconds < 30
