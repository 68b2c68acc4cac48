"""Links of Markdown and HTML articles: kept with their text and offsets, and where they lead."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

from reader.article.build import build_article
from reader.export import export_markdown
from reader.outline import article_json, article_outline
from reader.sources.html import html_document
from reader.sources.links import link_target
from reader.sources.load import document_from_bytes
from reader.sources.markdown import markdown_document
from reader.summary.algorithms import Summary

MARKDOWN = """# The river plan

The council [voted on Tuesday](https://example.com/votes "The vote") to approve
*a [plan](plan.md) for the river*. The full text is at <https://example.org/plan>,
and [the engineers' report][report] explains the cost.

- Residents asked for [a new bridge](bridge.html) years ago.
- ![The river at dawn, seen from the old mill](river.jpg)
- [![Logo](logo.png)](https://example.com/home)

[report]: https://example.org/report.pdf
"""

PAGE = """<!doctype html><html><head><title>The river plan</title></head><body>
<nav><a href="/home">Home</a> <a href="/world">World news</a> <a href="/sport">Sport</a></nav>
<article><h1>The river plan</h1>
<p>The council <a href="/votes/2024"> voted on Tuesday </a> to approve a plan for the river,
which residents had asked for over many years of patient campaigning in the town.</p>
<p>Read the <a href="https://example.org/report.pdf">full <b>report</b></a> and the
<a href="mailto:press@example.org">press office</a> statement, which says more about the
cost of the works and the time they will take to finish.</p>
<p>A third paragraph with no links at all, just more words about the river and the town
so that the page reads as an article of some length to the extractor.</p>
</article>
<footer><a href="/about">About us</a> <a href="/jobs">Jobs</a></footer>
</body></html>"""


def _links(document) -> list[tuple[str, str]]:
    return [(document.text[link.start : link.end], link.url) for link in document.links]


# -- Markdown ------------------------------------------------------------------


def test_markdown_inline_reference_and_autolinks_are_kept_with_their_text() -> None:
    document = markdown_document(MARKDOWN, name="plan.md", source="plan.md")
    assert _links(document) == [
        ("voted on Tuesday", "https://example.com/votes"),
        ("plan", "plan.md"),
        ("https://example.org/plan", "https://example.org/plan"),
        ("the engineers' report", "https://example.org/report.pdf"),
        ("a new bridge", "bridge.html"),
    ]
    assert "[" not in document.text and "](" not in document.text


def test_markdown_images_are_captions_not_links_and_emphasis_stays_in_place() -> None:
    document = markdown_document(MARKDOWN, name="plan.md", source="plan.md")
    assert "river.jpg" not in {link.url for link in document.links}
    assert "https://example.com/home" not in {link.url for link in document.links}  # no text
    assert "The river at dawn, seen from the old mill" in [c.text for c in document.captions]
    (emphasis,) = document.styles
    assert document.text[emphasis.start : emphasis.end] == "a plan for the river"


def test_markdown_link_text_keeps_the_paragraphs_spacing() -> None:
    document = markdown_document(
        "# T\n\n- see [ the map ](map.html) now\n- and [this](x.html)\n", name="t.md", source="t"
    )
    assert document.text.startswith("see the map now")
    assert _links(document) == [("the map", "map.html"), ("this", "x.html")]


def test_markdown_links_in_headings_are_not_kept() -> None:
    document = markdown_document(
        "# T\n\n## [Part one](one.html)\n\nSome text here.\n", name="t.md", source="t"
    )
    assert document.links == ()
    assert document.headings[0][1] == "Part one"


def test_markdown_link_addresses_lose_credentials_and_controls() -> None:
    document = markdown_document(
        "# T\n\nPay at [your bank](https://bank.example@evil.example/login).\n",
        name="t.md",
        source="t",
    )
    assert _links(document) == [("your bank", "https://evil.example/login")]


def test_scheme_relative_link_addresses_lose_credentials_too() -> None:
    document = markdown_document(
        "# T\n\nSee [the list](//me:secret@lists.example/q).\n", name="t.md", source="t"
    )
    assert _links(document) == [("the list", "//lists.example/q")]


def test_an_exported_relative_link_is_text_never_raw_html() -> None:
    document = markdown_document(
        "# T\n\nRun [the x](script) and [the y](notes/b.md).\n", name="t.md", source="t"
    )
    exported = export_markdown(build_article(document), Summary("news", ()))
    assert "- the x: script" in exported and "<script>" not in exported
    assert "- the y: notes/b.md" in exported


# -- HTML --------------------------------------------------------------------


def test_html_body_links_are_kept_and_boilerplate_links_go_with_the_boilerplate() -> None:
    document = html_document(PAGE.encode(), name="plan.html", source="plan.html")
    assert _links(document) == [
        ("voted on Tuesday", "/votes/2024"),
        ("full report", "https://example.org/report.pdf"),
        ("press office", "mailto:press@example.org"),
    ]
    assert "The council voted on Tuesday to approve" in document.text  # one space each side
    urls = {link.url for link in document.links}
    assert not urls & {"/home", "/world", "/sport", "/about", "/jobs"}


def test_html_relative_links_are_resolved_against_the_page_address() -> None:
    document = html_document(
        PAGE.encode(), name="plan", source="plan", url="https://news.example.com/town/plan.html"
    )
    assert _links(document)[0] == ("voted on Tuesday", "https://news.example.com/votes/2024")


def test_links_resolved_against_a_page_address_with_credentials_lose_them() -> None:
    document = html_document(
        PAGE.encode(), name="plan", source="plan", url="https://me:pw@news.example.com/town/a"
    )
    assert _links(document)[0] == ("voted on Tuesday", "https://news.example.com/votes/2024")


def test_markdown_text_with_the_mark_characters_makes_no_link() -> None:
    document = markdown_document(
        "# T\n\nA third \ue006\U000f0001paragraph\ue007 and [a link](a.html).\n",
        name="t.md",
        source="t",
    )
    assert _links(document) == [("a link", "a.html")]
    assert document.text == "A third paragraph and a link."


def test_html_links_in_list_items_and_only_whole_words() -> None:
    page = PAGE.replace(
        "<p>A third paragraph",
        "<ul><li>See the <a href='/art'>art</a> pages for the start of the works and more"
        " on the river.</li></ul><p>A third paragraph",
    )
    document = html_document(page.encode(), name="plan.html", source="plan.html")
    art = [(t, u) for t, u in _links(document) if u == "/art"]
    assert art == [("art", "/art")]
    (link,) = [link for link in document.links if link.url == "/art"]
    assert document.text[link.start - 4 : link.end] == "the art"


def test_article_links_point_into_its_text_and_paragraphs_and_survive_pickling() -> None:
    article = build_article(document_from_bytes(PAGE.encode(), name="p.html", source="p.html"))
    article = pickle.loads(pickle.dumps(article))
    assert [(link.text, link.paragraph) for link in article.links] == [
        ("voted on Tuesday", 0),
        ("full report", 1),
        ("press office", 1),
    ]
    for link in article.links:
        paragraph = article.paragraphs[link.paragraph]
        assert article.text[link.start : link.end] == link.text
        assert paragraph.start <= link.start < link.end <= paragraph.end


def test_inspect_json_outline_and_export_carry_the_links_inert() -> None:
    page = PAGE.replace(
        'href="/votes/2024"> voted on Tuesday ',
        'href="https://u:secret@x.example/\x1b[2Jv"> voted',
    )
    article = build_article(document_from_bytes(page.encode(), name="p.html", source="p.html"))
    data = article_json(article)
    assert data["links"][0] == {
        "text": "voted",
        "url": "https://x.example/[2Jv",
        "paragraph": 0,
        "start": article.links[0].start,
        "end": article.links[0].end,
    }
    assert "3 links" in article_outline(article)
    exported = export_markdown(article, Summary("news", ()))
    assert "## Links" in exported
    assert "- full report: <https://example.org/report.pdf>" in exported
    assert "secret" not in exported and "\x1b" not in exported


def test_reader_inspect_json_lists_links(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "inspect", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    links = json.loads(done.stdout)["links"]
    assert [(link["text"], link["url"]) for link in links][:2] == [
        ("voted on Tuesday", "https://example.com/votes"),
        ("plan", "plan.md"),
    ]


# -- following a link ------------------------------------------------------------


def test_web_links_open_as_they_are_and_relative_ones_against_the_page() -> None:
    page = "https://news.example.com/town/plan.html"
    assert link_target("https://example.org/a", page_url=page, source=page).spec == (
        "https://example.org/a"
    )
    target = link_target("../votes.html", page_url=page, source=page)
    assert (target.spec, target.browser) == ("https://news.example.com/votes.html",) * 2
    assert link_target("//cdn.example.net/x", page_url=page, source=page).spec == (
        "https://cdn.example.net/x"
    )


def test_other_schemes_and_places_in_the_page_are_refused() -> None:
    for url in ("mailto:a@example.org", "javascript:alert(1)", "tel:+123", "data:text/html,x"):
        target = link_target(url, page_url="https://example.com/", source="https://example.com/")
        assert target.spec is None and target.browser is None
        assert target.refused and "does not open" in target.refused
    assert link_target("#notes", page_url=None, source="a.md").refused


def test_a_web_pages_file_link_is_refused_a_local_files_is_not(tmp_path: Path) -> None:
    web = link_target(
        "file:///etc/passwd", page_url="https://e.example/", source="https://e.example/"
    )
    assert web.spec is None and web.refused
    local = link_target("file:///etc/hosts", page_url=None, source=str(tmp_path / "a.md"))
    assert local.spec == "file:///etc/hosts"


def test_a_local_files_relative_link_opens_the_file_beside_it(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    beside = tmp_path / "notes" / "bridge.md"
    beside.write_text("# Bridge\n\nText.\n", encoding="utf-8")
    source = str(tmp_path / "plan.md")
    target = link_target("notes/bridge.md#top", page_url=None, source=source)
    assert target.spec == str(beside)
    assert target.browser == beside.as_uri()
    # A file that is not there, in an article with a web address: the web page.
    target = link_target("gone.html", page_url="https://e.example/a/", source=source)
    assert target.spec == "https://e.example/a/gone.html"
    # No web address: relative links of a page read from standard input cannot be resolved.
    assert link_target("gone.html", page_url=None, source="-").refused
