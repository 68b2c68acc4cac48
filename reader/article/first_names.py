"""The first-names table for pronoun gender ("Jane" -> "f"), kept ready in the user's cache folder.

The table comes from the gender-guesser package's name file (4 MB, about
0.1 s to read and weigh: reader.lexicon.people.first_name_table). It is
built the first time it is needed and saved in the user's cache folder as
JSON (about 0.4 MB, read in a few milliseconds); the saved copy is used
while the reader's version, the table's format and the name file (its size
and modification time) stay the same, and is built again otherwise. A cache
folder that cannot be written only means the table is built each time.
"""

from __future__ import annotations

import json
from functools import cache

from reader import __version__
from reader.files import atomic_write, read_json_file
from reader.lexicon.people import first_name_table, name_data_file
from reader.paths import user_folder

CACHE_FILE = "first-names.json"
TABLE_FORMAT = 1  # bump when first_name_table's rules change
MAX_CACHE_BYTES = 4 * 1024 * 1024  # a larger file is not ours: built again


def first_name_gender(first: str) -> str | None:
    """ "f" or "m" when a first name tells the gender ("Jane", "John"), else None.

    Uses the table of about 35,000 first names made from the one the
    gender-guesser package ships (no download).
    """
    if not first[:1].isupper() or len(first) < 2 or first.endswith("."):
        return None
    female, male = _genders()
    name = first.lower()
    if name in female:
        return "f"
    if name in male:
        return "m"
    return None


def load_table() -> None:
    """Read the table now (a process with time to spare before its first article)."""
    _genders()


def cache_key() -> str:
    """What the saved table depends on: the reader, the table's rules and the name file."""
    path = name_data_file()
    if path is None:
        return ""  # the name file is inside a zip: nothing to check a saved copy against
    stat = path.stat()
    return f"{__version__}/{TABLE_FORMAT}/{stat.st_size}/{stat.st_mtime_ns}"


@cache
def _genders() -> tuple[frozenset[str], frozenset[str]]:
    """(female names, male names), lower case: from the cache file, or built and saved there."""
    key = cache_key()
    path = user_folder("cache") / CACHE_FILE
    if key:
        # Missing, unreadable, not a regular file (a FIFO would block) or not ours: built again.
        saved = read_json_file(path, MAX_CACHE_BYTES)
        if isinstance(saved, dict) and saved.get("key") == key:
            female, male = saved.get("f"), saved.get("m")
            if isinstance(female, list) and isinstance(male, list):
                return frozenset(female), frozenset(male)
    table = first_name_table()
    female = sorted(name for name, gender in table.items() if gender == "f")
    male = sorted(name for name, gender in table.items() if gender == "m")
    if key:
        try:
            atomic_write(
                path, json.dumps({"key": key, "f": female, "m": male}, ensure_ascii=False)
            )
        except OSError:
            pass  # a cache folder that cannot be written: the table is built next time too
    return frozenset(female), frozenset(male)
