"""Words that tell a person's gender: "spokeswoman", "Mr.", "the actress"."""

from __future__ import annotations

from functools import cache
from importlib import resources

FEMALE = frozenset(
    [
        "mrs",
        "ms",
        "miss",
        "madam",
        "dame",
        "lady",
        "queen",
        "princess",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "councilwoman",
        "mother",
        "wife",
        "daughter",
        "sister",
        "widow",
        "grandmother",
        "actress",
    ]
)
MALE = frozenset(
    [
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "councilman",
        "father",
        "husband",
        "son",
        "brother",
        "widower",
        "grandfather",
        "actor",
    ]
)


# Nouns a story uses for a person it has not named: "the man", "the guy".
GENERIC_PERSONS = frozenset(["man", "woman", "guy", "person", "boy", "girl"])
# How many times more often a first name must be one gender's than the other's.
GENDER_MAJORITY = 3
_CODES = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "?"}


@cache
def _first_names() -> dict[str, str]:
    """First name (lower case) -> "f" or "m", from gender-guesser's name table.

    Read once, straight from the file the package ships (its own parser is
    several times slower). Each line's weight is its popularity over the
    countries it lists; a name goes to a gender that outweighs the other
    GENDER_MAJORITY times, and never when it is listed as unisex ("?").
    """
    weights: dict[str, dict[str, int]] = {}
    source = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    with resources.as_file(source) as path:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines:
        code, _, rest = line[:29].partition(" ")
        gender = _CODES.get(code)
        if gender is None or "+" in rest:
            continue
        weight = 1 + sum(int(c, 16) for c in line[30:] if c in "0123456789ABCDEF")
        counts = weights.setdefault(rest.strip().lower(), {"f": 0, "m": 0, "?": 0})
        counts[gender] += weight
    table = {}
    for name, c in weights.items():
        if c["?"]:
            continue
        if c["f"] >= GENDER_MAJORITY * max(c["m"], 1) - 2 and c["f"] > c["m"]:
            table[name] = "f"
        elif c["m"] >= GENDER_MAJORITY * max(c["f"], 1) - 2 and c["m"] > c["f"]:
            table[name] = "m"
    return table


def first_name_gender(first: str) -> str | None:
    """ "f" or "m" when a first name tells the gender ("Jane", "John"), else None.

    Uses the table of about 40,000 first names that the gender-guesser package
    ships (no download).
    """
    if not first[:1].isupper() or len(first) < 2 or first.endswith("."):
        return None
    return _first_names().get(first.lower())
