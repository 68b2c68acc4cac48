"""Start-up stays light: the CLI paths never import Textual, the TUI path not sumy/nltk."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import BUNDLED, ROOT


def _modules_after(code: str) -> set[str]:
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_inspect_and_summarize_never_import_textual():
    code = (
        "import contextlib, io\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['inspect', {str(BUNDLED)!r}, '--json'])\n"
        f"    main(['summarize', {str(BUNDLED)!r}])\n"
    )
    modules = _modules_after(code)
    assert "sumy" in modules  # the summary really ran
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)


def test_the_cli_module_and_the_app_module_import_no_nlp():
    modules = _modules_after("import reader.cli, reader.ui.app")
    for heavy in ("nltk", "sumy", "numpy", "trafilatura", "httpx"):
        assert not any(m == heavy or m.startswith(heavy + ".") for m in modules), heavy


def test_the_article_is_built_without_nltk_or_scipy(tmp_path):
    """Sentences, paragraphs, captions, quotes and sections: only summaries need nltk (and scipy)."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Harbour reopens</title>"
        '<meta property="article:published_time" content="2024-05-02"></head><body><article>'
        "<h1>Harbour reopens</h1><p>The harbour reopened on Tuesday. "
        '"We are back," said Mayor Ann Lee, who cut the ribbon.</p>'
        "<figure><img src='a.jpg' width='800' height='500'><figcaption>Boats at dawn on "
        "Tuesday. Photo: Lena Walsh</figcaption></figure>"
        "<p>Fishing boats left at dawn. Dr. Omar Haddad said the U.S. had sent engineers.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    code = (
        "from reader.article.build import build_article\n"
        "from reader.sources.load import load_source\n"
        f"for spec in (None, {str(BUNDLED)!r}, {str(page)!r}):\n"
        "    article = build_article(load_source(spec))\n"
        "    assert article.sentences and article.paragraphs, spec\n"
    )
    modules = _modules_after(code)
    for heavy in ("nltk", "scipy", "sumy.summarizers", "textual"):
        assert not any(m == heavy or m.startswith(heavy + ".") for m in modules), heavy
