"""The first article is read and built in a child process: same article, same errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reader import prefetch
from reader.errors import ReaderError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def test_the_child_builds_the_same_article_as_the_parent_would(tmp_path, bundled_article):
    fetched = prefetch.start(None)
    assert fetched is not None
    document = fetched.wait_document()
    assert document.text == bundled_article.text
    article = fetched.article()
    assert article == bundled_article


def test_with_the_modules_shared_with_the_ui_imported_first_the_article_is_the_same(
    bundled_article,
):
    fetched = prefetch.start(None, shared=prefetch.SHARED_WITH_THE_UI)
    assert fetched is not None
    assert fetched.article(timeout=60) == bundled_article


def test_the_modules_imported_before_the_fork_are_ones_the_terminal_ui_imports_anyway():
    """Importing them before the fork never adds to the UI's start: only the child is spared."""
    code = (
        "import sys, reader.ui.app, reader.state\n"
        "from reader.prefetch import SHARED_WITH_THE_UI\n"
        "print(' '.join(m for m in SHARED_WITH_THE_UI if m not in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert found.stdout.strip() == ""


def test_an_unreadable_source_is_the_same_one_line_error(tmp_path):
    fetched = prefetch.start(str(tmp_path / "missing.txt"))
    assert fetched is not None
    with pytest.raises(ReaderError, match=r"no such file: .*missing\.txt"):
        fetched.wait_document()
    with pytest.raises(ReaderError):  # and again, for whoever asks for the article
        fetched.article(timeout=1)


def test_a_source_with_no_article_fails_at_the_article(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    fetched = prefetch.start(str(empty))
    assert fetched is not None
    with pytest.raises(ReaderError, match="is empty"):
        fetched.wait_document()


def test_the_article_can_be_awaited_with_a_time_limit(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "Harbour reopens\n\nThe harbour reopened on Tuesday. Boats left at dawn.\n",
        encoding="utf-8",
    )
    fetched = prefetch.start(str(story))
    assert fetched is not None
    assert fetched.wait_document().title in (None, "Harbour reopens")
    article = None
    for _ in range(200):  # at most 20 s on a very busy machine
        article = fetched.article(timeout=0.1)
        if article is not None:
            break
    assert article is not None
    assert [s.text for s in article.sentences][-2:] == [
        "The harbour reopened on Tuesday.",
        "Boats left at dawn.",
    ]


def test_a_long_text_sends_its_first_part_before_the_whole(tmp_path):
    from reader.article.build import build_article
    from reader.sources.load import load_source

    story = tmp_path / "long.txt"
    paragraph = "The council met on Tuesday. It agreed to rebuild the sea wall by the spring."
    story.write_text(
        "Harbour\n\n" + "\n\n".join(f"{paragraph} Part {n}." for n in range(1500)),
        encoding="utf-8",
    )
    fetched = prefetch.start(str(story))
    assert fetched is not None
    first = fetched.first(timeout=60)
    assert first is not None
    whole = fetched.article(timeout=60)
    assert whole == build_article(load_source(str(story)))
    assert fetched.head is not None and fetched.head is not whole
    assert whole.text.startswith(fetched.head.text)
    assert len(fetched.head.text) < len(whole.text) / 5


@pytest.mark.parametrize("algorithm", ["lexrank", "keypoints"])
def test_the_child_chooses_the_summary_sentences_the_parent_would(bundled_article, algorithm):
    """`reader summarize` ranks candidates the child chose: the same summary as made here."""
    from reader.summary.algorithms import summarize
    from reader.summary.candidates import choose

    fetched = prefetch.start(None, head=False, summary=(algorithm, 3))
    assert fetched is not None
    article = fetched.article()
    assert article == bundled_article
    assert fetched.candidates == choose(bundled_article, algorithm, 3)
    given = summarize(article, algorithm, 3, candidates=fetched.candidates)
    assert given == summarize(bundled_article, algorithm, 3)
    assert len(given.sentences) == 3


# A web page written for these tests: a photo with a caption, a heading, quotes.
_PAGE_PARAGRAPHS = [
    "Fishing boats left the harbour at dawn on Tuesday for the first time since the storms.",
    "\u201cWe have waited long enough for this,\u201d said Anna Berg, the harbour master.",
    "Engineers said the sea wall would be finished by the spring.",
]


def _page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:2])
    body += (
        '<figure><img src="wall.jpg" width="800" height="500"><figcaption>Workers on the '
        'sea wall on Tuesday. <span class="credit">Photo: Lena Walsh</span></figcaption></figure>'
        "<h2>The works</h2>" + "".join(f"<p>{p}</p>" for p in paragraphs[2:])
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>The harbour reopens | Coast News</title>"
        '<meta name="author" content="Mei Tanaka"></head><body>'
        f"<main><article><h1>The harbour reopens</h1>{body}</article></main></body></html>"
    )


def _long_page() -> str:
    more = [
        f"Part {n} of the works was agreed by the council on Friday after a long meeting "
        f"in the town hall, where residents asked about the cost of stage {n}."
        for n in range(400)
    ]
    return _page([*_PAGE_PARAGRAPHS, *more])


def _expected(tmp_path, name: str):
    """The article of the page saved as ``name``, read and built in this process."""
    from reader.article.build import build_article
    from reader.sources.load import load_source

    return build_article(load_source(str(tmp_path / name)))


def _started(tmp_path, name: str, page: str, let_read) -> prefetch.Prefetch:
    """A prefetch of ``page`` (saved as ``name``) whose Document comes after the caller waits."""
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    fetched = prefetch.start(str(path))
    assert fetched is not None
    fetched.warm()  # the screen is up and waits
    let_read()
    return fetched


def test_a_page_read_after_the_screen_waits_is_built_by_it_the_same(tmp_path, held_source):
    """The screen, idle before the page is read, builds its article: the same as the child's."""
    page = _page(_PAGE_PARAGRAPHS)
    fetched = _started(tmp_path, "page.html", page, held_source)
    article = fetched.first(timeout=60)
    expected = _expected(tmp_path, "page.html")
    assert article is not None
    assert article.text == expected.text
    assert article.paragraphs == expected.paragraphs
    assert article.captions == expected.captions
    assert article.quotes == expected.quotes
    assert fetched.article(timeout=60) is article  # built once


def test_a_long_page_read_after_the_screen_waits_comes_first_part_then_whole(
    tmp_path, held_source
):
    """The screen builds the first part; the child builds the whole, which begins with it."""
    page = _long_page()
    fetched = _started(tmp_path, "long.html", page, held_source)
    first = fetched.first(timeout=60)
    whole = fetched.article(timeout=60)
    expected = _expected(tmp_path, "long.html")
    assert first is not None and whole is not None
    assert first is fetched.head and first is not whole
    assert whole.text == expected.text and whole.paragraphs == expected.paragraphs
    assert whole.text.startswith(first.text) and len(first.text) < len(whole.text) / 3
    assert first.paragraphs == whole.paragraphs[: len(first.paragraphs)]


def test_an_unreadable_page_read_after_the_screen_waits_is_one_error(tmp_path, held_source):
    page = "<html><body><nav>Home</nav></body></html>"
    fetched = _started(tmp_path, "empty.html", page, held_source)
    with pytest.raises(ReaderError, match="no article text"):
        fetched.first(timeout=60)
    with pytest.raises(ReaderError):
        fetched.article(timeout=1)


def test_a_long_text_comes_whole_though_its_document_is_read_late(tmp_path):
    """The child goes on building while the Document (more than a pipe holds) is unread."""
    from reader.article.build import build_article
    from reader.sources.load import load_source

    story = tmp_path / "long.txt"
    paragraph = "The council met on Tuesday. It agreed to rebuild the sea wall by the spring."
    story.write_text(
        "Harbour\n\n" + "\n\n".join(f"{paragraph} Part {n}." for n in range(3000)),
        encoding="utf-8",
    )
    fetched = prefetch.start(str(story))
    assert fetched is not None
    whole = fetched.article(timeout=60)  # the Document, the first part, then the whole
    assert fetched.document is not None and fetched.head is not None
    assert whole == build_article(load_source(str(story)))
