"""The command palette shows article text as text: a heading never acts, breaks the palette or freezes it."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import pytest
from conftest import ready, settle
from screen_text import screen_text
from textual.command import CommandPalette

from reader.article.model import Section
from reader.sources.load import load_source
from reader.ui.app import ReaderApp
from reader.ui.commands import MAX_SECTION_HITS, match

pytestmark = pytest.mark.asyncio

PARAGRAPH = "The town council met on Tuesday and talked for a long time about the new bridge.\n\n"


def article_with_headings(tmp_path, *headings: str) -> ReaderApp:
    body = "# A test article\n\n" + PARAGRAPH
    for heading in headings:
        body += f"## {heading}\n\n" + PARAGRAPH * 12
    path = tmp_path / "article.md"
    path.write_text(body)
    document = load_source(str(path))
    return ReaderApp(source=str(path), document=document)


async def open_palette(pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    for _ in range(50):  # the hits come in batches
        await pilot.pause(0.05)
        if (
            pilot.app.screen.query("CommandList")
            and pilot.app.screen.query_one("CommandList").option_count
        ):
            break
    await pilot.pause(0.3)


async def test_a_heading_with_an_action_is_shown_literally_and_does_nothing(
    tmp_path, user_folders
):
    target = user_folders["cwd"] / "notes.txt"
    target.write_text("my notes\n")
    heading = "[@click=app.screenshot('notes.txt','.')]Photo gallery[/]"
    app = article_with_headings(tmp_path, heading, "[@click=app.quit]Quit gallery[/]")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_palette(pilot, "gallery")
        text = screen_text(app)
        assert heading in text
        assert "[@click=app.quit]Quit gallery[/]" in text
        # No hit carries an action, and clicking one (in a terminal a click runs
        # a markup action) picks it: it writes nothing.
        commands = app.screen.query_one("CommandList")
        for index in range(commands.option_count):
            prompt = commands.get_option_at_index(index).prompt
            assert not any("@click" in str(span.style) for span in prompt.spans)
        row = next(i for i, line in enumerate(text.splitlines()) if "Photo gallery" in line)
        column = text.splitlines()[row].index("Photo gallery")
        await pilot.click(offset=(column + 2, row))
        await settle(pilot)
        assert target.read_text() == "my notes\n"
        assert not app._exit
        assert not isinstance(app.screen, CommandPalette)  # the click picked the hit
        assert app.screen.view.section == 1
        # Choosing the quit heading goes to its section, it does not quit.
        await open_palette(pilot, "quit gallery")
        await pilot.press("enter")
        await settle(pilot)
        assert not app._exit
        assert app.screen_stack[0].view.section == 2
    assert [p.name for p in user_folders["cwd"].iterdir()] == ["notes.txt"]


async def test_broken_markup_in_a_heading_hides_no_command(tmp_path):
    app = article_with_headings(tmp_path, "[/] Closing tag first", "Open [bold tag")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_palette(pilot, "o")
        text = screen_text(app)
        assert "[/] Closing tag first" in text
        await pilot.press("escape")
        await open_palette(pilot, "wider column")
        assert "Wider column" in screen_text(app)  # a command after the sections still comes
        await open_palette(pilot, "")
        await pilot.press("escape")


async def test_key_hints_follow_a_remapped_key(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.set_keymap({"reader.summary": "m", "reader.narrower": "ctrl+n"})
        await open_palette(pilot, "toggle summary")
        text = screen_text(app)
        assert "Show or hide the summary pane (m)" in text
        assert "(s)" not in text
        await pilot.press("escape")
        await open_palette(pilot, "narrower column")
        assert "Make the reading column narrower (^n)" in screen_text(app)


async def test_100k_headings_keep_the_palette_responsive(app):
    """Each keystroke's search yields to the loop: the longest stall stays far below a second."""
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = app.screen
        first = screen.article.sections[0]
        sections = tuple(
            Section(index=i, label=f"Heading number {i} about the bridge", paragraphs=())
            for i in range(100_000)
        )
        screen.article = replace(screen.article, sections=(first, *sections[1:]))
        stalls: list[float] = []
        running = True

        async def watch_loop() -> None:
            last = time.perf_counter()
            while running:
                await asyncio.sleep(0.01)
                now = time.perf_counter()
                stalls.append(now - last)
                last = now

        watcher = asyncio.create_task(watch_loop())
        started = time.perf_counter()
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"number 77777")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        commands = palette.query_one("CommandList")
        wanted = "Go to section 77778: Heading number 77777 about the bridge"
        deadline = time.perf_counter() + 60
        while wanted not in screen_text(app) and time.perf_counter() < deadline:
            await pilot.pause(0.1)
        running = False
        await watcher
        elapsed = time.perf_counter() - started
        print(
            "DEBUG",
            elapsed,
            app.screen,
            commands.option_count,
            palette.query_one("CommandInput").value,
            [
                str(commands.get_option_at_index(i).prompt)[:60]
                for i in range(min(5, commands.option_count))
            ],
        )
        assert wanted in screen_text(app)
        assert commands.option_count <= MAX_SECTION_HITS + 20
        # Generous (the machine may be busy): without the bound one keystroke stalls for seconds.
        assert max(stalls) < 2.5, (max(stalls), elapsed)
        await pilot.press("escape")


async def test_match_is_linear_and_scores_runs_higher():
    """A hostile heading costs time in proportion to its length (4x text, under 8x time)."""
    query = "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbc"

    def fastest(size: int) -> float:
        hostile = "a" * size + "b" * size
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            score, offsets = match(query, hostile)
            runs.append(time.perf_counter() - started)
            assert score == 0 and offsets == ()
        return min(runs)

    assert fastest(20_000) / fastest(5_000) < 8
    assert match("ab", "a" * 5000 + "b" * 5000)[0] > 0
    together = match("bridge", "Go to section 3: The bridge")[0]
    apart = match("bridge", "Go to section 3: Bring a ridge")[0]
    assert together > apart > 0
    assert match("", "anything") == (0.0, ())
