"""What the first screen says and how structure is shown: the header, no invented
heading, Markdown lists and quotes, the contents pane, ] at the end of a short article."""

from __future__ import annotations

import pytest
from conftest import notices, ready, settle
from screen_text import screen_lines

from reader.sources.load import load_source
from reader.ui.app import ReaderApp
from reader.ui.contents import ContentsList
from reader.ui.header import ReaderHeader
from reader.ui.text import one_line

pytestmark = pytest.mark.asyncio

SIZES = [(80, 24), (100, 30), (150, 45)]
TITLE = "Kim, Putin meet at Russian spaceport, pledge support"
NOTE = """# Budget passes after long night

By Maria Lopez

The city council passed the budget on *Tuesday*, after a **long** night of debate.

## What changes

- Bus fares stay the same for another year.
- Libraries open on Sundays from March.

## Reactions

> We waited a long time for this. It is a good day for the city.

Residents said they were pleased. Some said the process took too long.
"""


@pytest.fixture
def note_app(tmp_path) -> ReaderApp:
    path = tmp_path / "budget.md"
    path.write_text(NOTE)
    return ReaderApp(source=str(path), document=load_source(str(path)))


@pytest.mark.parametrize("size", SIZES)
async def test_first_screen_shows_the_real_title_and_the_korea_herald(app, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        lines = screen_lines(app)
        assert lines[0].strip().startswith(TITLE) and lines[0].rstrip().endswith("0%")
        meta = lines[1].strip()
        assert meta.startswith(
            "The Korea Herald \u00b7 Ji Da-gyum \u00b7 13 Sep 2023 \u00b7 3 min read"
        )
        assert "3 min left" in meta
        assert "korea-herald-putin" not in "\n".join(lines)


@pytest.mark.parametrize("size", SIZES)
async def test_no_invented_heading_in_the_bundled_article(app, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        article = app.screen.article
        assert len(article.sections) == 1 and article.sections[0].derived
        assert all(block.kind != "heading" for block in app.screen.view.blocks)
        label = one_line(article.sections[0].label)
        text = "\n".join(screen_lines(app))
        assert label not in text and "\u00a7" not in text
        # The first text under the header is the lead photo's mark, then the lead paragraph.
        assert app.screen.view.top_text().startswith("\u25a3 Photo 1:")


@pytest.mark.parametrize("size", SIZES)
async def test_next_section_at_the_end_of_a_short_article_brings_the_last_paragraph_up(app, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        view = app.screen.view
        last = len(app.screen.article.paragraphs) - 1
        for expected in range(1, last + 1):
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert view.paragraph == expected  # one section: ] moves by paragraph
            assert one_line(app.screen.article.paragraphs[expected].text).startswith(
                view.top_text()
            )
        assert app.screen.query_one(ReaderHeader).progress == 1.0
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert view.paragraph == last
        assert any("end of the article" in message for message in notices(app))


@pytest.mark.parametrize("size", SIZES)
async def test_markdown_headings_lists_and_quotes(note_app, size):
    async with note_app.run_test(size=size) as pilot:
        await ready(pilot)
        app = note_app
        lines = [line.strip() for line in screen_lines(app)]
        assert lines[0].startswith("Budget passes after long night")
        assert lines[1].startswith("budget.md \u00b7 Maria Lopez \u00b7 1 min read")
        text = "\n".join(lines)
        assert any(line.startswith("What changes ") or line == "What changes" for line in lines)
        assert any(line.startswith("Reactions ") or line == "Reactions" for line in lines)
        assert "\u2022 Bus fares stay the same for another year." in text
        assert "\u2502 We waited a long time for this." in text
        assert "By Maria Lopez" not in text


@pytest.mark.parametrize("size", SIZES)
async def test_contents_pane_lists_headings_and_jumps(note_app, size):
    async with note_app.run_test(size=size) as pilot:
        await ready(pilot)
        app = note_app
        await pilot.press("t")
        await settle(pilot)
        contents = app.screen.query_one(ContentsList)
        assert app.screen.focused is contents
        prompts = [str(contents.get_option_at_index(i).prompt) for i in range(3)]
        # The whole note is in view and the reader at its top: its first part is current
        # (not its last: `]` would skip every section).
        assert prompts == [
            "\u25b8 Top \u00b7 The city council passed the budget on\u2026",
            "  What changes",
            "  Reactions",
        ]
        await pilot.press("j", "enter")
        await settle(pilot)
        view = app.screen.view
        assert view.top_text() == "What changes" and view.section == 1
        assert app.screen.query_one(ReaderHeader).section == "\u00a7 What changes"
        assert str(contents.get_option_at_index(1).prompt) == "\u25b8 What changes"
        await pilot.press("escape")
        await settle(pilot)
        assert not contents.display and app.screen.focused is view


async def test_the_header_names_the_section_being_read_at_the_end(note_app):
    async with note_app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app = note_app
        await pilot.press("G")
        await pilot.pause(0.3)
        await settle(pilot)
        # The whole note is on screen: the reader is at its end, reading its last section.
        assert app.screen.query_one(ReaderHeader).section == "\u00a7 Reactions"


async def test_a_text_of_one_section_has_no_contents(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert not app.screen.query(ContentsList)
        assert any("no sections" in message for message in notices(app))


@pytest.mark.parametrize("size", SIZES)
async def test_derived_parts_are_a_margin_mark_not_headings(tmp_path, size):
    from tests.unit.test_structure import long_text

    path = tmp_path / "long.txt"
    path.write_text(long_text())
    app = ReaderApp(source=str(path), document=load_source(str(path)))
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        sections = app.screen.article.sections
        assert len(sections) >= 2 and all(s.derived for s in sections)
        view = app.screen.view
        assert all(block.kind != "heading" for block in view.blocks)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert view.section == 1
        top = next(line for line in screen_lines(app)[2:] if line.strip())
        # The part's first line, with a quiet mark in the margin; its label is not printed.
        assert top.lstrip().startswith("\u00a7 " + sections[1].paragraphs[0].text[:20])
        assert sections[1].label not in "\n".join(screen_lines(app)[2:])
        header = app.screen.query_one(ReaderHeader)
        assert header.section == f"part 2 of {len(sections)}"
