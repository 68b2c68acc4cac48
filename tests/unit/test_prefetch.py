"""The first article is read and built in a child process: same article, same errors."""

from __future__ import annotations

import os

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
