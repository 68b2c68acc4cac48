"""One parser for a source spec: loading, resume keys and the CLI agree on what it names."""

from __future__ import annotations

import pytest

from reader.errors import ReaderError
from reader.sources.load import load_source
from reader.sources.spec import parse_source
from reader.state import source_key


def test_a_path_its_file_url_and_a_relative_path_share_one_resume_key(tmp_path, monkeypatch):
    article = tmp_path / "news" / "a story.txt"
    article.parent.mkdir()
    article.write_text("The council met on Monday.")
    inside = tmp_path / "elsewhere"
    inside.mkdir()
    monkeypatch.chdir(inside)
    key = source_key(str(article), "The council met on Monday.")
    assert source_key(article.as_uri(), "The council met on Monday.") == key  # %20 for the space
    assert source_key("file://localhost" + str(article), "text") == key
    assert source_key("../news/a story.txt", "The council met on Monday.") == key
    assert source_key(str(tmp_path / "news" / "other.txt"), "x") != key


def test_a_file_url_loads_the_file_it_names(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("The council met on Monday. It voted.")
    assert load_source(article.as_uri()).text == load_source(str(article)).text


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        ("-", "stdin"),
        ("story.txt", "file"),
        ("file:///tmp/a.txt", "file"),
        ("https://example.com/a", "url"),
        ("HTTP://example.com/a", "url"),
        ("C:/notes.txt", "file"),  # a drive letter is no URL scheme
    ],
)
def test_each_kind_of_spec_is_told_apart(spec, kind):
    assert parse_source(spec).kind == kind


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("ftp://example.com/a", "unsupported URL scheme ftp"),
        ("file://server/share/a.txt", "only files on this computer"),
        ("  ", "no file given"),
    ],
)
def test_specs_that_name_nothing_openable_are_refused_in_one_line(spec, message):
    with pytest.raises(ReaderError, match=message):
        parse_source(spec)


def test_a_url_key_ignores_case_of_scheme_and_host_and_the_fragment():
    key = source_key("https://example.com#top", "a")
    assert source_key("HTTPS://EXAMPLE.com", "b") == key
