"""The sentence tokenizer needs no NLTK data."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_works_with_an_empty_nltk_data_folder(tmp_path):
    code = (
        "from reader.nlp.tokenize import split_sentences\n"
        "print(split_sentences('Dr. Lee went to Washington, D.C. on Monday. She met Sen. Park.'))\n"
    )
    env = {
        **os.environ,
        "NLTK_DATA": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert (
        result.stdout.strip()
        == "['Dr. Lee went to Washington, D.C. on Monday.', 'She met Sen. Park.']"
    )


def test_sumy_stock_tokenizer_would_fail_without_data(tmp_path):
    """The reason for our tokenizer: sumy's own needs downloaded data."""
    code = "from sumy.nlp.tokenizers import Tokenizer\nTokenizer('english')\n"
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    if result.returncode == 0:  # a machine with punkt_tab installed system-wide
        return
    assert "LookupError" in result.stderr


def test_summary_works_with_an_empty_nltk_data_folder(tmp_path, bundled_path):
    from tests.conftest import run_reader

    result = run_reader(
        "summarize",
        str(bundled_path),
        "-n",
        "2",
        env={"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 2
