"""The garbage collector is off while a one-article command runs, and as it was afterwards."""

from __future__ import annotations

import gc

import pytest

from reader import cli
from reader.collector import paused, resume


@pytest.fixture(autouse=True)
def _collector_back_on():
    yield
    gc.unfreeze()
    gc.enable()


def test_inspect_runs_with_the_collector_off_and_leaves_it_on(monkeypatch, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Boats left the harbour at dawn.\n\nThe tide was high.\n", encoding="utf-8")
    seen: list[bool] = []
    monkeypatch.setattr(cli, "_print", lambda text: seen.append(gc.isenabled()))
    gc.unfreeze()
    assert cli.main(["inspect", str(story)]) == 0
    assert seen == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # the exit's collection skips what the command made


def test_a_failing_command_leaves_the_collector_on(tmp_path, capsys):
    assert cli.main(["inspect", str(tmp_path / "missing.txt")]) == 2
    assert "reader: error:" in capsys.readouterr().err
    assert gc.isenabled()


def test_commands_that_run_long_keep_the_collector(monkeypatch):
    seen: list[bool] = []
    monkeypatch.setitem(cli.COMMANDS, "feeds", lambda args: seen.append(gc.isenabled()) or 0)
    assert cli.main(["feeds"]) == 0
    assert seen == [True]


def test_paused_leaves_an_off_collector_off():
    gc.disable()
    with paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_resume_turns_it_on_and_freezes_what_exists():
    gc.unfreeze()
    with paused():
        kept = [object() for _ in range(10)]
        resume()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    gc.unfreeze()
    assert kept
