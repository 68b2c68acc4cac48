"""Whatever an article holds is shown as text: markup, control sequences and bidi overrides stay inert."""

from __future__ import annotations

import pytest
from conftest import ready, settle
from screen_text import screen_text

from reader.sources.document import Document
from reader.ui.app import ReaderApp
from reader.ui.text import clean, clean_with_offsets

HOSTILE = (
    "[bold red]Not bold[/] and [link=https://evil.example]no link[/link] in this sentence. "
    "It tries to clear the screen \x1b[2J\x1b[H and write the clipboard \x1b]52;c;ZXZpbA==\x07 here. "
    "A bell \x07 rings and back\x08\x08spaces erase, a C1 \x9b31m control too. "
    "Bidi \u202eevil\u202c and \u2066isolate\u2069 overrides are dropped.\n\n"
    '"[blink]Markup in a quote[/blink] stays text," said Jane Doe, a professor at Example University. '
    "The second paragraph has \x1b[31mred\x1b[0m words and [dim]dim[/dim] tags.\n\n"
    "A third paragraph ends the article with [/] a lone closing tag and a [ bracket."
)
BAD = ("\x1b", "\x07", "\x08", "\x9b", "\u202e", "\u202c", "\u2066", "\u2069")


def test_clean_keeps_offsets_in_step():
    text = "a\x1b[2Jb\u202ec\nd"
    shown, shift = clean_with_offsets(text)
    assert shown == "a[2Jbc d" == clean(text)
    assert shown[shift(text.index("b")) : shift(text.index("b") + 1)] == "b"
    assert shown[shift(text.index("d"))] == "d"


@pytest.mark.asyncio
async def test_hostile_article_is_shown_as_text():
    document = Document(
        text=HOSTILE, source="evil.txt", title="[b]Evil[/b] \x1b[31mtitle\x07", name="evil"
    )
    app = ReaderApp(source="evil.txt", document=document)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await settle(pilot)
        text = screen_text(app)
        flat = " ".join(text.split())
        assert "[bold red]Not bold[/]" in flat
        assert "[link=https://evil.example]no link[/link]" in flat
        assert "[2J[H" in flat  # the escape is gone, the rest is inert text
        assert "[b]Evil[/b] [31mtitle" in text.splitlines()[0]
        assert "[/] a lone closing tag" in flat
        assert "[dim]dim[/dim]" in flat
        for bad in BAD:
            assert bad not in text
        # The screen is intact: header on top, footer at the bottom, every line full width.
        lines = text.splitlines()
        assert len(lines) == 40
        assert "s Summary" in lines[-1]
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\x07" not in svg


@pytest.mark.asyncio
async def test_hostile_text_in_the_sidebar_and_summary():
    document = Document(text=HOSTILE, source="evil.txt", name="evil")
    app = ReaderApp(source="evil.txt", document=document)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s", "plus", "plus", "plus")
        await settle(pilot)
        text = screen_text(app)
        for bad in BAD:
            assert bad not in text
        pane_sentences = " ".join(app.screen.query_one("#summary-pane").sentences)
        assert "[bold red]Not bold[/]" in pane_sentences
