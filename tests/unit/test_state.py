"""Resume state: keys, round trips, atomic writes, a corrupt file set aside."""

from __future__ import annotations

import json
import os

import pytest

from reader.files import atomic_write
from reader.sources.load import bundled_article
from reader.state import (
    ArticleState,
    StateStore,
    content_digest,
    resume_message,
    source_key,
    state_path,
)


@pytest.fixture
def store(tmp_path):
    return StateStore(tmp_path / "state" / "state.json")


def test_a_file_is_known_by_its_absolute_path(tmp_path, monkeypatch):
    article = tmp_path / "story.txt"
    article.write_text("Some text.")
    monkeypatch.chdir(tmp_path)
    assert source_key("story.txt", "Some text.") == source_key(str(article), "Some text.")
    # An edited file keeps its key: it resumes by path.
    assert source_key("story.txt", "Other text.") == source_key("story.txt", "Some text.")
    assert source_key("other.txt", "Some text.") != source_key("story.txt", "Some text.")


def test_the_bundled_article_is_known_by_its_path():
    assert source_key(None, "x") == source_key(str(bundled_article()), "y")


def test_a_url_is_known_by_its_url_without_the_fragment():
    key = source_key("https://example.com/news/1", "a")
    assert source_key("HTTPS://Example.com/news/1#top", "b") == key
    assert source_key("https://example.com/news/2", "a") != key
    assert source_key("https://example.com/News/1", "a") != key  # the path is case-sensitive


def test_standard_input_is_known_by_its_text():
    assert source_key("-", "one text") == source_key("-", "one text")
    assert source_key("-", "one text") != source_key("-", "another text")


def test_put_then_get_round_trips_across_stores(store):
    state = ArticleState(
        paragraph=7,
        scroll=0.25,
        algorithm="lsa",
        length=5,
        sidebar=False,
        summary_open=True,
        content=content_digest("text"),
    )
    assert store.put("k1", state, now=1000.0)
    again = StateStore(store.path).get("k1")
    assert again == ArticleState(7, 0.25, "lsa", 5, False, True, content_digest("text"), 1000.0)
    assert store.get("missing") is None
    assert store.warnings == []


def test_the_file_is_json_and_no_temporary_file_is_left(store):
    store.put("k1", ArticleState(paragraph=2))
    data = json.loads(store.path.read_text())
    assert data["version"] == 1 and data["articles"]["k1"]["paragraph"] == 2
    # The lock file stays (removing it would let a third reader lock another file).
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["state.json", "state.json.lock"]


def test_a_corrupt_file_is_set_aside_with_a_warning(store):
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"version": 1, "articles": {"k1": {"paragraph": 3}')  # cut short
    assert store.get("k1") is None
    assert len(store.warnings) == 1
    assert "not valid JSON" in store.warnings[0] and "corrupt-" in store.warnings[0]
    aside = [p for p in store.path.parent.iterdir() if p.name.startswith("state.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_text().startswith('{"version": 1')
    assert not store.path.exists()
    # and the reader carries on: the next save writes a fresh file
    assert store.put("k2", ArticleState(paragraph=1))
    assert StateStore(store.path).get("k2").paragraph == 1


@pytest.mark.parametrize(
    "content", [b"[1, 2, 3]", b'{"articles": 5}', b"\xff\xfe\x00garbage", b""]
)
def test_other_bad_files_are_set_aside_too(store, content):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    assert store.get("k") is None
    assert len(store.warnings) == 1 and "moved it to state.json.corrupt-" in store.warnings[0]


def test_two_corrupt_files_in_the_same_second_are_both_kept(store):
    store.path.parent.mkdir(parents=True)
    for _ in range(2):
        store.path.write_text("not json")
        StateStore(store.path).get("k")
    assert len(list(store.path.parent.glob("state.json.corrupt-*"))) == 2


def test_an_unreadable_state_file_does_not_raise(store):
    store.path.mkdir(parents=True)  # a folder where the file should be
    assert store.get("k") is None
    assert len(store.warnings) == 1


def test_an_unwritable_state_folder_is_a_warning_not_an_error(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    store = StateStore(blocker / "state.json")
    assert store.get("k") is None
    assert store.put("k", ArticleState()) is False
    assert len(store.warnings) == 1 and "cannot save" in store.warnings[0]


def test_bad_fields_fall_back_to_defaults(store):
    store.path.parent.mkdir(parents=True)
    record = {
        "paragraph": -4,
        "scroll": 7.5,
        "algorithm": "magic",
        "length": 500,
        "sidebar": "yes",
        "summary_open": True,
        "content": 5,
        "updated": "now",
    }
    store.path.write_text(json.dumps({"version": 1, "articles": {"k": record, "bad": [1]}}))
    state = store.get("k")
    assert state == ArticleState(paragraph=0, scroll=1.0, summary_open=True)
    assert store.get("bad") is None
    assert store.warnings == []


def test_only_the_most_recent_entries_are_kept(tmp_path):
    store = StateStore(tmp_path / "state.json", max_entries=3)
    for number in range(5):
        store.put(f"k{number}", ArticleState(paragraph=number), now=100.0 + number)
    store.put("k1", ArticleState(paragraph=9), now=200.0)  # k1 is dropped, then saved again
    fresh = StateStore(store.path)
    assert len(fresh) == 3
    assert [fresh.get(k) is not None for k in ("k0", "k1", "k2", "k3", "k4")] == [
        False,
        True,
        False,
        True,
        True,
    ]


def test_put_keeps_what_another_reader_saved_meanwhile(tmp_path):
    first, second = StateStore(tmp_path / "state.json"), StateStore(tmp_path / "state.json")
    first.get("a"), second.get("b")
    first.put("a", ArticleState(paragraph=1))
    second.put("b", ArticleState(paragraph=2))
    both = StateStore(tmp_path / "state.json")
    assert both.get("a").paragraph == 1 and both.get("b").paragraph == 2


def test_forget(store):
    store.put("a", ArticleState(paragraph=1))
    assert store.forget("a")
    assert StateStore(store.path).get("a") is None


def test_changed_text_and_clamping():
    state = ArticleState(paragraph=40, scroll=0.9, content=content_digest("old"))
    assert state.changed_since("new") and not state.changed_since("old")
    assert not ArticleState().changed_since("anything")  # unknown content
    assert state.clamped(10).paragraph == 9
    assert state.clamped(100) is state


def test_resume_message():
    state = ArticleState(paragraph=11, algorithm="lsa", length=1)
    assert resume_message(state, 30) == "Resumed at paragraph 12 of 30 \u00b7 lsa, 1 sentence"
    assert resume_message(state, changed=True).endswith("(the text has changed since)")


def test_state_dir_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "st"))
    assert state_path() == tmp_path / "st" / "state.json"
    assert StateStore().path == tmp_path / "st" / "state.json"


def test_atomic_write_keeps_the_mode_and_replaces(tmp_path):
    target = tmp_path / "f.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_a_state_file_that_cannot_be_read_is_left_in_place(store, monkeypatch):
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text('{"articles": {}}')

    def refuse(path, limit):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("reader.state.read_regular_file", refuse)
    assert store.get("k") is None
    assert store.warnings == [
        f"the state file {store.path} cannot be read (Permission denied); reading positions will not be saved"
    ]
    assert store.put("k", ArticleState()) is False
    monkeypatch.undo()
    assert store.path.read_text() == '{"articles": {}}'


# hostile state files: a warning, nothing saved over them, never a hang


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "huge"])
def test_a_hostile_state_file_is_left_alone_with_one_warning(tmp_path, kind):
    from reader.state import MAX_STATE_BYTES

    path = tmp_path / "state.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.write_text(" " * (MAX_STATE_BYTES + 1))
    before = os.lstat(path)
    store = StateStore(path)
    assert store.get("k") is None
    assert store.put("k", ArticleState(paragraph=3)) is False
    [warning] = store.warnings
    assert "reading positions will not be saved" in warning
    assert ("too large" if kind == "huge" else "not a regular file") in warning
    assert os.lstat(path).st_ino == before.st_ino


def test_deeply_nested_json_is_set_aside(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    store = StateStore(path)
    assert store.get("k") is None
    assert store.put("k", ArticleState(paragraph=3))
    assert StateStore(path).get("k").paragraph == 3
    assert any(p.name.startswith("state.json.corrupt-") for p in tmp_path.iterdir())


_SAVER = """
import sys, time
from reader.state import ArticleState, StateStore
path, name, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
while time.time() < start:
    pass
for i in range(40):
    StateStore(path).put(f"{name}-{i}", ArticleState(paragraph=i))
"""


def test_two_readers_saving_at_once_both_keep_their_positions(tmp_path):
    import subprocess
    import sys
    import time
    from pathlib import Path

    path = tmp_path / "state.json"
    start = time.time() + 1.5  # both start saving in the same millisecond
    root = str(Path(__file__).parents[2])
    savers = [
        subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(path), name, str(start)],
            cwd=root,
            env={**os.environ, "PYTHONPATH": root},
        )
        for name in ("one", "two")
    ]
    assert [saver.wait(timeout=120) for saver in savers] == [0, 0]
    store = StateStore(path)
    assert store.warnings == []
    assert len(store) == 80  # no save lost to the other reader's
    assert store.get("one-39").paragraph == 39 and store.get("two-39").paragraph == 39
