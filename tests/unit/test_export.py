"""Markdown export: the outline, escaping, file names, never overwriting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.article.build import build_article
from reader.article.model import Article, Caption, Paragraph, Quote, Section, Sentence
from reader.errors import ReaderError
from reader.export import (
    escape_markdown,
    export_filename,
    export_markdown,
    export_to_folder,
    summary_text,
    write_new_file,
)
from reader.sources.load import load_source
from reader.summary.algorithms import Summary, summarize

BUNDLED = "content/korea-herald-putin-kim-jong-un-vostochny-cosmodrome.txt"


@pytest.fixture(scope="module")
def bundled():
    from reader.sources.load import bundled_article

    article = build_article(load_source(str(bundled_article())))
    return article, export_markdown(article, summarize(article, "lexrank", 3))


def test_bundled_article_outline(bundled):
    article, markdown = bundled
    lines = markdown.splitlines()
    assert lines[0] == f"# {escape_markdown(article.title)}"
    assert lines[2].startswith(
        "The Korea Herald \u00b7 Ji Da-gyum \u00b7 2023-09-13 \u00b7 <https://"
    )
    assert ".txt" not in markdown.split("## Summary", 1)[0]  # no file name for a source
    assert "## Summary (lexrank, 3 sentences)" in lines
    summary = lines[lines.index("## Summary (lexrank, 3 sentences)") + 2 :]
    assert [line.startswith("- ") for line in summary[:4]] == [True, True, True, False]
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_bundled_article_captions_with_credits(bundled):
    _, markdown = bundled
    photos = markdown.split("## Photos\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(photos) == 3
    assert [line.rsplit(" ", 1)[1] for line in photos] == ["(AP)", "(AFP)", "(Reuters)"]
    assert photos[0].startswith("- Russian President Vladimir Putin (left)")


def test_bundled_article_quotes_by_speaker_experts_first(bundled):
    _, markdown = bundled
    quotes = markdown.split("## Quotes\n\n", 1)[1]
    assert quotes.index("### Experts") < quotes.index("### Other voices")
    assert "**Kim Dong-yub**, professor" in quotes
    assert (
        quotes.index("**Kim Dong-yub**")
        < quotes.index("### Other voices")
        < quotes.index("**Vladimir Putin**")
    )


def _article(title="A *bold* claim # 1", captions=(), quotes=()):
    text = "First sentence. Second one."
    sentences = (Sentence(0, 0, 15, "First sentence.", 0), Sentence(1, 16, 27, "Second one.", 0))
    paragraph = Paragraph(0, 0, 27, sentences, text)
    return Article(
        title=title,
        source="example.txt",
        text=text,
        sections=(Section(0, "Start", (paragraph,)),),
        captions=tuple(captions),
        quotes=tuple(quotes),
        date="2023-09-13",
        url="https://example.com/a b",
        author="A. Writer",
        site="Example News",
    )


def test_a_small_article_in_full():
    quote = Quote("It is <b>done</b>", "Jane_Doe", "analyst at [X]", True, "direct", 0, 0, 5)
    article = _article(
        captions=[Caption("A photo *here*.", "AP", 0), Caption("No credit.", None, 0)],
        quotes=[quote],
    )
    summary = Summary("lsa", article.sentences[:1])
    assert export_markdown(article, summary) == (
        "# A \\*bold\\* claim # 1\n"
        "\n"
        "Example News \u00b7 A. Writer \u00b7 2023-09-13 \u00b7 <https://example.com/a%20b>\n"
        "\n"
        "## Summary (lsa, 1 sentence)\n"
        "\n"
        "- First sentence.\n"
        "\n"
        "## Photos\n"
        "\n"
        "- A photo \\*here\\*. (AP)\n"
        "- No credit.\n"
        "\n"
        "## Quotes\n"
        "\n"
        "### Experts\n"
        "\n"
        "**Jane\\_Doe**, analyst at \\[X\\]\n"
        "\n"
        "- \u201cIt is \\<b\\>done\\</b\\>\u201d\n"
    )


def test_empty_parts_are_left_out():
    article = _article()
    markdown = export_markdown(article, Summary("lexrank", article.sentences))
    assert "## Photos" not in markdown and "## Quotes" not in markdown


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words", "plain words"),
        ("*stars* and _under_", "\\*stars\\* and \\_under\\_"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("+1 vote", "\\+1 vote"),
        ("1986. A year", "1986\\. A year"),
        ("> not a quote", "\\> not a quote"),
        ("line\nbreak  and   spaces", "line break and spaces"),
        ("Tom &amp; Jerry & co", "Tom \\&amp; Jerry & co"),
        ("`code` [link](x) <html>", "\\`code\\` \\[link\\](x) \\<html\\>"),
        ("C #", "C \\#"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped


def _rendered_text(markdown: str) -> list[str]:
    """The plain text of each inline run in ``markdown``."""
    tokens = MarkdownIt("commonmark").enable("strikethrough").enable("table").parse(markdown)
    runs = []
    for token in tokens:
        if token.type == "inline":
            runs.append(
                "".join(
                    child.content
                    for child in token.children
                    if child.type in ("text", "softbreak")
                )
            )
    return runs


@given(
    st.text(
        alphabet=st.sampled_from(list("abmpx 1.#*_-+=>`<&;[]()!|~:/\\\n")), min_size=1, max_size=30
    )
)
def test_escaped_text_renders_as_itself(text):
    flat = " ".join(text.split())
    if not flat:
        return
    for line in (f"- {escape_markdown(text)}", f"# {escape_markdown(text)}"):
        runs = _rendered_text(line)
        assert len(runs) == 1, line
        tokens = MarkdownIt("commonmark").enable("strikethrough").enable("table").parse(line)
        children = next(t for t in tokens if t.type == "inline").children
        assert all(child.type == "text" for child in children), (line, [c.type for c in children])
        assert runs[0] == flat, line


@pytest.mark.parametrize(
    ("title", "name"),
    [
        (
            "North Korean leader Kim Jong-un and Russian President Vladimir Putin…",
            "north-korean-leader-kim-jong-un-and-russian-president.md",
        ),
        ("Café Society: what's next?", "cafe-society-what-s-next.md"),
        ("../../etc/passwd", "etc-passwd.md"),
        ("???", "article.md"),
        ("CON", "con-article.md"),
        ("북한 김정은", "북한-김정은.md"),
        ("x" * 100, "x" * 60 + ".md"),
    ],
)
def test_export_filename(title, name):
    assert export_filename(title) == name


@given(st.text(max_size=200))
def test_export_filenames_are_always_safe(title):
    name = export_filename(title)
    stem = name[:-3]
    assert name.endswith(".md") and 1 <= len(stem) <= 60
    assert "/" not in name and "\\" not in name and not stem.startswith(("-", "."))
    assert all(ch.isalnum() or ch == "-" for ch in stem)


def test_write_new_file_never_overwrites(tmp_path):
    first = write_new_file(tmp_path, "story.md", "one")
    second = write_new_file(tmp_path, "story.md", "two")
    third = write_new_file(tmp_path, "story.md", "three")
    assert [p.name for p in (first, second, third)] == ["story.md", "story-2.md", "story-3.md"]
    assert [p.read_text() for p in (first, second, third)] == ["one", "two", "three"]


def test_write_new_file_does_not_follow_a_symlink(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    (tmp_path / "story.md").symlink_to(target)
    written = write_new_file(tmp_path, "story.md", "new")
    assert written.name == "story-2.md" and target.read_text() == "keep me"


def test_write_new_file_into_a_missing_folder_is_a_reader_error(tmp_path):
    with pytest.raises(ReaderError, match="cannot write"):
        write_new_file(tmp_path / "nope", "story.md", "x")


def test_bundled_path_constant_exists():
    from pathlib import Path

    assert (Path(__file__).resolve().parents[2] / BUNDLED).is_file()


def test_export_to_folder_and_summary_text(tmp_path, monkeypatch):
    article = _article(title="Small news")
    summary = Summary("lexrank", article.sentences)
    monkeypatch.chdir(tmp_path)
    assert export_to_folder(article, summary) == tmp_path / "small-news.md"
    assert export_to_folder(article, summary, tmp_path).name == "small-news-2.md"
    assert (tmp_path / "small-news.md").read_text().startswith("# Small news\n")
    assert summary_text(summary) == "First sentence.\nSecond one."


def test_quotes_lose_the_comma_that_led_back_into_the_sentence():
    quotes = [
        Quote("We will win,", "Ann Lee", None, False, "direct", 0, 0, 12),
        Quote("Is it over?", "Ann Lee", None, False, "direct", 0, 0, 11),
    ]
    markdown = export_markdown(_article(quotes=quotes), Summary("lsa", ()))
    assert "- \u201cWe will win\u201d\n- \u201cIs it over?\u201d\n" in markdown
