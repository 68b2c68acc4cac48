"""The summary view: s, a / A, + / -, enter, escape; workers, caching and cancelling."""

from __future__ import annotations

import threading

import pytest
from conftest import WIDE, notices, ready, settle
from screen_text import screen_text

import reader.summary.algorithms as algorithms
from reader.summary.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_LENGTH
from reader.ui.summary_pane import SummaryPane
from reader.ui.text import one_line

pytestmark = pytest.mark.asyncio


@pytest.fixture
def calls(monkeypatch):
    """Count the summaries computed (the real summarizer still runs)."""
    made: list[tuple[str, int]] = []
    real = algorithms.summarize

    def counting(article, algorithm, length, **kwargs):
        made.append((algorithm, length))
        return real(article, algorithm, length, **kwargs)

    monkeypatch.setattr(algorithms, "summarize", counting)
    return made


@pytest.fixture
def slow(monkeypatch):
    """A summarizer that waits until released (set the event)."""
    release = threading.Event()
    real = algorithms.summarize

    def waiting(article, algorithm, length, **kwargs):
        release.wait(10)
        return real(article, algorithm, length, **kwargs)

    monkeypatch.setattr(algorithms, "summarize", waiting)
    yield release
    release.set()


async def test_s_shows_the_summary_and_highlights_it(app, calls):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("s")
        await settle(pilot)
        pane = screen.query_one(SummaryPane)
        assert pane.display and len(pane.sentences) == DEFAULT_LENGTH
        summary = screen.summaries[(DEFAULT_ALGORITHM, DEFAULT_LENGTH)]
        assert screen.view.summary == frozenset(summary.indexes)
        text = screen_text(app)
        assert f"{DEFAULT_LENGTH} sentences" in text
        assert one_line(summary.sentences[0].text)[:40] in " ".join(text.split())
        await pilot.press("s")
        await settle(pilot)
        assert not pane.display and screen.view.summary == frozenset()
        await pilot.press("s")
        await settle(pilot)
        assert calls == [(DEFAULT_ALGORITHM, DEFAULT_LENGTH)]  # cached


async def test_a_and_A_change_the_algorithm(app, calls):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("a")  # not in the summary view: nothing happens
        assert screen.algorithm == DEFAULT_ALGORITHM
        await pilot.press("s")
        await settle(pilot)
        start = ALGORITHMS.index(DEFAULT_ALGORITHM)
        await pilot.press("a")
        await settle(pilot)
        after = ALGORITHMS[(start + 1) % len(ALGORITHMS)]
        assert screen.algorithm == after
        title = str(screen.query_one(SummaryPane).border_title)
        assert algorithms.DESCRIPTIONS[after].split(":")[0] in title
        await pilot.press("A", "A")
        await settle(pilot)
        assert screen.algorithm == ALGORITHMS[(start - 1) % len(ALGORITHMS)]
        assert len(screen.query_one(SummaryPane).sentences) == DEFAULT_LENGTH
        assert (after, DEFAULT_LENGTH) in calls


async def test_plus_and_minus_change_the_length(app, calls):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("s")
        await settle(pilot)
        pane = screen.query_one(SummaryPane)
        await pilot.press("plus")
        await settle(pilot)
        assert len(pane.sentences) == DEFAULT_LENGTH + 1
        assert f"{DEFAULT_LENGTH + 1} sentences" in screen_text(app)
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert len(pane.sentences) == DEFAULT_LENGTH - 1
        for _ in range(DEFAULT_LENGTH + 2):
            await pilot.press("minus")
        await settle(pilot)
        assert screen.length == 1 and len(pane.sentences) == 1
        before = len(calls)
        await pilot.press(*["plus"] * (DEFAULT_LENGTH - 1))
        await settle(pilot)
        assert len(calls) == before  # lengths 2 and 3 were computed before: cached
        assert len(pane.sentences) == DEFAULT_LENGTH


async def test_enter_on_a_summary_sentence_jumps_to_it(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("s")
        await settle(pilot)
        summary = screen.summaries[(screen.algorithm, screen.length)]
        target = summary.sentences[-1]
        assert app.focused.id == "summary-list"  # s moved into the summary
        for _ in range(len(summary.sentences) - 1):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.view.marked == one_line(target.text)
        assert screen.view.paragraph == target.paragraph
        in_view = " ".join(screen_text(app).split())
        assert one_line(target.text)[:30] in in_view


async def test_a_slow_summary_shows_progress_keeps_keys_working_and_escape_cancels(app, slow):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("s")
        await pilot.pause(0.1)
        pane = screen.query_one(SummaryPane)
        assert pane.busy and screen.summarizing
        assert "Summarizing with" in screen_text(app) and "escape cancels" in screen_text(app)
        await pilot.press("right_square_bracket", "right_square_bracket")  # keys keep working
        await pilot.pause()
        assert screen.view.paragraph == 2  # one section: ] moves by paragraph
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert not pane.busy and not screen.summarizing
        assert "cancelled" in pane.message
        assert screen.show_summary
        slow.set()
        await settle(pilot)
        assert (screen.algorithm, screen.length) not in screen.summaries


async def test_hiding_the_summary_cancels_it(app, slow):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("s")
        await pilot.pause(0.1)
        assert screen.summarizing
        await pilot.press("s")
        await pilot.pause(0.1)
        assert not screen.summarizing and not screen.query_one(SummaryPane).display
        slow.set()
        await settle(pilot)
        assert screen.view.summary == frozenset()


async def test_the_progress_bar_follows_the_summary_and_a_cancel_is_quiet(app, monkeypatch):
    reported = threading.Event()
    stopped = threading.Event()

    def stepping(article, algorithm, length, *, progress=None, cancelled=None, **kwargs):
        progress(0.4)
        reported.set()
        while not cancelled():  # polls like the real one
            threading.Event().wait(0.01)
        stopped.set()
        raise algorithms.SummaryCancelled

    monkeypatch.setattr(algorithms, "summarize", stepping)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("s")
        await pilot.pause()
        assert reported.wait(5)
        await pilot.pause(0.1)
        pane = screen.query_one(SummaryPane)
        bar = pane.query_one("ProgressBar")
        assert pane.busy and bar.total == 100 and bar.progress == 40
        await pilot.press("escape")
        assert stopped.wait(5)  # the summarizer saw the cancel and stopped
        await settle(pilot)
        assert not pane.busy and "cancelled" in pane.message
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_focus_stays_in_the_summary_pane_while_a_new_summary_is_computed(app, slow):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        pane = screen.query_one(SummaryPane)
        slow.set()
        await pilot.press("s")
        await settle(pilot)
        slow.clear()  # the next summaries wait
        assert app.focused.id == "summary-list"  # s moved into the summary
        assert "Go to sentence" in screen_text(app).splitlines()[-1]
        await pilot.press("a")
        await pilot.pause(0.1)
        assert pane.busy and app.focused is not None and pane in app.focused.ancestors_with_self
        assert "Cancel summary" in screen_text(app).splitlines()[-1]
        await pilot.press("escape")  # still cancels
        await pilot.pause(0.1)
        assert not screen.summarizing and "cancelled" in pane.message
        assert app.focused is not None and pane in app.focused.ancestors_with_self
        await pilot.press("a")
        await pilot.pause(0.1)
        assert pane.busy
        slow.set()
        await settle(pilot)
        assert not pane.busy and app.focused.id == "summary-list"
        assert "Go to sentence" in screen_text(app).splitlines()[-1]
        await pilot.press("minus")  # a length not computed yet
        await settle(pilot)
        assert len(pane.sentences) == DEFAULT_LENGTH - 1 and app.focused.id == "summary-list"
        await pilot.press("down")  # the sentence list's keys work
        assert app.focused.highlighted == 1
        await pilot.press("tab")
        assert app.focused.id == "article"


async def test_the_busy_line_and_the_title_name_the_algorithm_alike(app, slow):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press(
            "s", *["a"] * (ALGORITHMS.index("textrank") - ALGORITHMS.index(DEFAULT_ALGORITHM))
        )
        await pilot.pause(0.1)
        assert screen.algorithm == "textrank" and screen.query_one(SummaryPane).busy
        text = screen_text(app)
        assert (
            "Summary \u00b7 TextRank \u00b7" in text and "Summarizing with TextRank\u2026" in text
        )
        assert "textrank" not in text
        slow.set()
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"algorithm: kl")
        await pilot.pause(0.3)
        assert "Summary algorithm: KL-Sum" in screen_text(app)


def article_top(screen) -> tuple[int, str]:
    """The screen row of the article's first line and its text."""
    return screen.view.region.y, screen.view.top_text()


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (150, 45)])
async def test_the_article_does_not_move_while_a_summary_computes(app, slow, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await settle(pilot)
        text = screen.view.top_text()
        await pilot.press("s")  # the pane opens above: the article's first line stays the same
        await pilot.pause(0.1)
        pane = screen.query_one(SummaryPane)
        assert pane.busy and screen.view.top_text() == text
        opened = article_top(screen)
        height = pane.outer_size.height
        slow.set()
        await settle(pilot)
        assert not pane.busy and article_top(screen) == opened
        for key in ("a", "plus", "minus", "minus", "A"):
            slow.clear()
            await pilot.press(key)
            await pilot.pause(0.1)
            assert pane.busy or screen._summary_ready(), key
            assert article_top(screen) == opened and pane.outer_size.height == height, key
            slow.set()
            await settle(pilot)
            assert article_top(screen) == opened and pane.outer_size.height == height, key
            assert "Summarizing" not in screen_text(app)


async def test_the_pane_describes_each_algorithm_in_plain_words(app):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("s")
        await settle(pilot)
        pane = screen.query_one(SummaryPane)
        shown = []
        for _ in ALGORITHMS:
            subtitle = str(pane.border_subtitle)
            assert subtitle == algorithms.algorithm_description(screen.algorithm)
            shown.append(subtitle)
            await pilot.press("a")
            await settle(pilot)
        text = " ".join(shown)
        for jargon in ("PacSum", "centrality", "PageRank", "latent", "distribution", "cue words"):
            assert jargon not in text
        news = "the opening and the sentences the story keeps coming back to"
        assert algorithms.algorithm_description("news") == news and news in shown


async def test_plus_at_the_longest_and_minus_at_one_sentence_say_so(app):
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*["minus"] * DEFAULT_LENGTH)
        await settle(pilot)
        assert screen.length == 1
        assert "The summary is at its shortest: one sentence" in notices(app)
        most = len(screen.article.sentences)
        screen.length = most
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert screen.length == most
        assert f"The summary has every sentence of the article ({most})" in notices(app)


async def test_every_registered_algorithm_is_offered(app):
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("s")
        await settle(pilot)
        names = []
        for _ in ALGORITHMS:
            names.append(str(screen.query_one(SummaryPane).border_title).split(" \u00b7 ")[1])
            await pilot.press("a")
            await settle(pilot)
        first = ALGORITHMS.index(screen.algorithm) - len(names) % len(ALGORITHMS)
        order = ALGORITHMS[first:] + ALGORITHMS[:first]  # from the one s opened with
        assert names == [algorithms.algorithm_name(a) for a in order]
