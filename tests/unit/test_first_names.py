"""The first-names table: the same genders as the original reading of gender-guesser's file, kept in the cache folder."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from reader.article import first_names
from reader.lexicon.people import first_name_table


def _original_table() -> dict[str, str]:
    """The table as reader.lexicon.people built it before the cache (the reference)."""
    codes = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "?"}
    weights: dict[str, dict[str, int]] = {}
    source = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    with resources.as_file(source) as path:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines:
        code, _, rest = line[:29].partition(" ")
        gender = codes.get(code)
        if gender is None or "+" in rest:
            continue
        weight = 1 + sum(int(c, 16) for c in line[30:] if c in "0123456789ABCDEF")
        counts = weights.setdefault(rest.strip().lower(), {"f": 0, "m": 0, "?": 0})
        counts[gender] += weight
    table = {}
    for name, c in weights.items():
        if c["?"]:
            continue
        if c["f"] >= 3 * max(c["m"], 1) - 2 and c["f"] > c["m"]:
            table[name] = "f"
        elif c["m"] >= 3 * max(c["f"], 1) - 2 and c["m"] > c["f"]:
            table[name] = "m"
    return table


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    first_names._genders.cache_clear()
    yield tmp_path
    first_names._genders.cache_clear()


def test_every_name_gets_the_gender_it_had():
    assert first_name_table() == _original_table()


def test_the_table_is_saved_once_and_read_back_the_same(cache_folder):
    table = first_name_table()
    expected = {name.capitalize(): gender for name, gender in table.items()}
    assert first_names.first_name_gender("Jane") == "f"
    saved = cache_folder / first_names.CACHE_FILE
    assert saved.is_file()
    written = saved.stat().st_mtime_ns
    first_names._genders.cache_clear()
    female, male = first_names._genders()  # from the saved file
    assert saved.stat().st_mtime_ns == written
    assert dict.fromkeys(female, "f") | dict.fromkeys(male, "m") == table
    for name in ("Jane", "John", "Mary", "Omar", "Priya", "Lena"):
        assert first_names.first_name_gender(name) == expected.get(name)
    assert first_names.first_name_gender("jane") is None  # not a name's shape
    assert first_names.first_name_gender("Xqzzy") is None


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"key": "another version", "f": ["john"], "m": ["jane"]}),
        json.dumps(["a list"]),
    ],
)
def test_a_saved_table_that_is_stale_or_not_ours_is_built_again(cache_folder, content):
    saved = cache_folder / first_names.CACHE_FILE
    saved.write_text(content, encoding="utf-8")
    assert first_names.first_name_gender("Jane") == "f"
    assert first_names.first_name_gender("John") == "m"
    assert json.loads(saved.read_text(encoding="utf-8"))["key"] == first_names.cache_key()


def test_a_cache_folder_that_cannot_be_written_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker / "cache"))  # below a file: no folder
    first_names._genders.cache_clear()
    try:
        assert first_names.first_name_gender("Jane") == "f"
    finally:
        first_names._genders.cache_clear()


def test_a_fifo_in_place_of_the_saved_table_does_not_block(cache_folder):
    import os

    os.mkfifo(cache_folder / first_names.CACHE_FILE)  # nobody writes to it: open() would wait
    assert first_names.first_name_gender("Jane") == "f"
