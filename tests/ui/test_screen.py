"""The main screen: header, article column, sidebar (photos, quotes), footer, help, quit, palette."""

from __future__ import annotations

import pytest
from conftest import WIDE, ready, settle
from screen_text import screen_text

from reader.ui.article_view import ArticleView
from reader.ui.help_screen import HelpScreen
from reader.ui.photos import PhotoList
from reader.ui.quotes import QuoteList

pytestmark = pytest.mark.asyncio


async def test_screen_shows_article_photos_and_expert_quotes(app):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        text = screen_text(app)
        header = text.splitlines()[:2]
        assert "Kim, Putin meet at Russian spaceport" in header[0] and "0%" in header[0]
        assert "The Korea Herald" in header[1] and "min read" in header[1]
        assert "Photos (3)" in text and "Quotes" in text
        photos = app.screen.query_one(PhotoList)
        assert photos.option_count == 3
        credits = [str(photos.get_option_at_index(i).prompt) for i in range(3)]
        assert [c.rsplit("(", 1)[1] for c in credits] == ["AP)", "AFP)", "Reuters)"]
        quotes = app.screen.query_one(QuoteList)
        experts = [v.speaker for v in quotes.voices if v.expert]
        assert experts[:2] == ["Kim Dong-yub", "Nam Sung-wook"]
        # Experts come first, with their role, under their own heading.
        lines = [str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count)]
        assert lines[0] == "EXPERTS"
        assert lines[1].startswith("Kim Dong-yub, professor")
        assert "OTHER VOICES" in lines
        assert lines.index("OTHER VOICES") > max(
            i for i, line in enumerate(lines) if line.startswith("Nam Sung-wook")
        )
        assert "Kim Dong-yub, professor" in text
        # Six paragraphs: one section, whose (derived) label is never printed as a heading.
        section = app.screen.article.sections[0]
        assert section.derived and section.label not in text
        assert app.focused is app.screen.query_one(ArticleView)


async def test_column_is_readable_and_centred(bundled):
    from reader.ui.app import ReaderApp

    app = ReaderApp(document=bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        await pilot.press("b")  # hide the sidebar: the column is centred in the whole width
        await settle(pilot)
        rows = screen_text(app).splitlines()[2:-1]  # below the two-line header
        lines = [line[:-2] for line in rows if line[:-2].strip()]  # without the scrollbar
        longest = max(len(line.strip()) for line in lines)
        assert 60 <= longest <= 80
        indents = {len(line) - len(line.lstrip()) for line in lines}
        assert min(indents) >= 55  # (200 - 80) / 2 + padding


async def test_footer_shows_the_keys_of_the_focused_part(app):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "s Summary" in footer and "][ Section" in footer
        assert "Show in article" not in footer
        await pilot.press("tab")
        footer = screen_text(app).splitlines()[-1]
        assert "Show in article" in footer


async def test_help_lists_every_key(app):
    async with app.run_test(size=(100, 60)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        descriptions = [b.description for _, group in app.key_groups() for b in group if b.id]
        assert len(descriptions) >= 25
        for description in descriptions:
            assert description in text, description
        for shown in ("]", "[", "}", "{", "a", "A", "+", "-", "?", "^p", "j/↓", "G/end"):
            assert f" {shown}  " in text, shown
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_help_follows_the_keymap(app):
    async with app.run_test(size=(100, 60)) as pilot:
        await ready(pilot)
        app.set_keymap({"reader.summary": "m"})
        await pilot.press("m")
        await settle(pilot)
        assert app.screen.show_summary
        await pilot.press("question_mark")
        await settle(pilot)
        assert "  m  Summary" in screen_text(app)


async def test_q_quits(app):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit
    assert app.return_code == 0


async def test_command_palette_jumps_to_a_section_and_picks_an_algorithm(tmp_path):
    from test_navigation import SECTIONED

    from reader.sources.load import load_source
    from reader.ui.app import ReaderApp

    path = tmp_path / "sections.md"
    path.write_text(SECTIONED)
    app = ReaderApp(source=str(path), document=load_source(str(path)))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        label = screen.article.sections[3].label
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"section 4: {label}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.view.section == 3
        assert screen.view.top_text() == label
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"summary algorithm: lsa")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.show_summary and screen.algorithm == "lsa"
        assert "LSA" in screen_text(app)
