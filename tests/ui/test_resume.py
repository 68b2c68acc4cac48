"""Resume: reopening an article returns to the place, summary and panes it had; --fresh; a bad state file."""

from __future__ import annotations

import json
import random

import pytest
from conftest import notices, ready, settle

import reader.ui.reader_screen as reader_screen
from reader.sources.load import load_source
from reader.state import ArticleState, StateStore, content_digest, source_key
from reader.ui.app import ReaderApp
from reader.ui.summary_pane import algorithm_name

pytestmark = pytest.mark.asyncio

SIZE = (110, 24)


def long_text(paragraphs: int = 30) -> str:
    rng = random.Random(7)
    words = [
        "council",
        "voted",
        "plan",
        "river",
        "bridges",
        "residents",
        "asked",
        "costs",
        "delays",
        "engineers",
        "mayor",
        "budget",
        "steel",
        "concrete",
        "traffic",
        "ferry",
        "harbour",
        "workers",
        "contract",
        "tender",
        "schedule",
        "flood",
        "season",
        "barge",
        "crane",
        "survey",
        "district",
        "committee",
        "report",
        "inspection",
        "repairs",
        "lanes",
        "cyclists",
        "tolls",
        "funding",
        "minister",
        "province",
    ]

    def sentence(i: int, j: int) -> str:
        return (
            " ".join(rng.choice(words) for _ in range(16)).capitalize()
            + f" in the year {1900 + 5 * i + j}."
        )

    body = "\n\n".join(" ".join(sentence(i, j) for j in range(6)) for i in range(paragraphs))
    return "Bridges for the river district\n\n" + body + "\n"


@pytest.fixture
def long_file(tmp_path):
    path = tmp_path / "bridges.txt"
    path.write_text(long_text())
    return path


def open_app(path, **kwargs) -> ReaderApp:
    return ReaderApp(source=str(path), document=load_source(str(path)), **kwargs)


async def test_quitting_and_reopening_returns_to_the_same_place_summary_and_panes(long_file):
    app = open_app(long_file)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen, view = app.screen, app.screen.view
        await pilot.press(
            *["right_curly_bracket"] * 3, "j", "j", "s", "a", "a", "plus", "plus", "b"
        )
        await settle(pilot)
        where = (view.paragraph, view.scroll_y, view.top_text())
        setup = (screen.algorithm, screen.length, screen.show_summary, screen.show_sidebar)
        assert where[0] == 3 and setup[1] == 5 and setup[2] and not setup[3]
        await pilot.press("q")
    saved = StateStore().get(source_key(str(long_file), long_file.read_text()))
    assert saved is not None and (saved.paragraph, saved.algorithm, saved.length) == (
        3,
        setup[0],
        5,
    )
    assert not saved.sidebar and saved.summary_open

    again = open_app(long_file)
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await settle(pilot)
        screen, view = again.screen, again.screen.view
        assert (view.paragraph, view.scroll_y, view.top_text()) == where  # the very line
        assert (screen.algorithm, screen.length, screen.show_summary, screen.show_sidebar) == setup
        assert len(screen.query_one("#summary-pane").sentences) == 5
        # The algorithm by the name the summary pane gives it.
        assert (
            f"Resumed at paragraph 4 of 30 \u00b7 {algorithm_name(setup[0])}, 5 sentences"
            in notices(again)
        )


async def test_fresh_opens_at_the_top_and_still_saves(long_file):
    key = source_key(str(long_file), long_file.read_text())
    app = open_app(long_file)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await settle(pilot)
        await pilot.press("q")
    assert StateStore().get(key).paragraph == 2
    fresh = open_app(long_file, fresh=True)
    async with fresh.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        view = fresh.screen.view
        assert view.paragraph == 0 and view.scroll_y == 0
        assert not any(n.startswith("Resumed") for n in notices(fresh))
        await pilot.press("right_curly_bracket")
        await settle(pilot)
        await pilot.press("q")
    assert StateStore().get(key).paragraph == 1


async def test_the_bundled_article_resumes_and_the_position_is_saved_while_reading(
    app, bundled, monkeypatch
):
    monkeypatch.setattr(reader_screen, "SAVE_EVERY", 0.1)
    key = source_key(None, bundled.text)
    async with app.run_test(size=(100, 20)) as pilot:
        await ready(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        paragraph = app.screen.view.paragraph
        assert paragraph > 0
        await pilot.pause(0.3)
        assert (
            StateStore().get(key).paragraph == paragraph
        )  # saved without quitting (a crash loses little)
        app.exit()  # not q: saved on the way out too
    again = ReaderApp(source=None, document=bundled)
    async with again.run_test(size=(100, 20), notifications=True) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert again.screen.view.paragraph == paragraph
        assert any(
            n.startswith(f"Resumed at paragraph {paragraph + 1} of 6") for n in notices(again)
        )


async def test_an_edited_text_resumes_by_path_and_says_it_changed(long_file):
    key = source_key(str(long_file), long_file.read_text())
    StateStore().put(
        key, ArticleState(paragraph=25, scroll=0.8, content=content_digest(long_file.read_text()))
    )
    long_file.write_text(long_text(10))  # edited since: shorter now
    assert source_key(str(long_file), long_file.read_text()) == key  # the same file
    app = open_app(long_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        assert app.screen.view.paragraph == 9  # as far as it goes
        assert any(
            n.startswith("Resumed at paragraph 10 of 10") and "changed" in n for n in notices(app)
        )


async def test_a_corrupt_state_file_is_set_aside_with_a_warning(app, user_folders):
    folder = user_folders["state"]
    folder.mkdir()
    (folder / "state.json").write_text('{"version": 1, "articles": {')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert (
            len(warnings) == 1
            and "state.json" in warnings[0].message
            and "not valid JSON" in warnings[0].message
        )
        await pilot.press("right_curly_bracket", "s")  # the reader works
        await settle(pilot)
        assert app.screen.view.paragraph == 1 and app.screen.summary_pane.sentences
        await pilot.press("q")
    assert list(folder.glob("state.json.corrupt-*"))
    data = json.loads((folder / "state.json").read_text())  # a fresh, valid file
    assert len(data["articles"]) == 1


async def test_an_unwritable_state_folder_is_a_warning_not_a_crash(app, user_folders):
    user_folders["state"].write_text("a file where the folder should be")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("right_curly_bracket")
        await settle(pilot)
        assert any("cannot save the reading position" in n for n in notices(app))
        assert app.screen.view.paragraph == 1
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize(("args", "fresh"), [([], False), (["--fresh"], True)])
async def test_reader_fresh_on_the_command_line_reaches_the_app(monkeypatch, args, fresh):
    from reader.cli import main

    made = []
    monkeypatch.setattr(ReaderApp, "run", lambda self: made.append(self))
    monkeypatch.setattr(
        "reader.cli._keyboard_from_terminal", lambda: None
    )  # tests may run with no terminal
    assert main(args) == 0
    assert len(made) == 1 and made[0].fresh is fresh and made[0].source is None
