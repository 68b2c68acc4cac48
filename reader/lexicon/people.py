"""Words that tell a person's gender: "spokeswoman", "Mr.", "the actress"."""

from __future__ import annotations

from pathlib import Path

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
# Each byte of a line's popularity columns -> its value as a hex digit (0 for any other byte).
_HEX_VALUES = bytes(int(chr(b), 16) if chr(b) in "0123456789ABCDEF" else 0 for b in range(256))
NAME_DATA = ("gender_guesser", "data", "nam_dict.txt")  # the package's name table


def name_data_file() -> Path | None:
    """The gender-guesser name table as a plain file (None when the package is zipped)."""
    import gender_guesser  # an empty package: nothing else is imported

    path = Path(gender_guesser.__file__).parent.joinpath(*NAME_DATA[1:])
    return path if path.is_file() else None


def first_name_table() -> dict[str, str]:
    """First name (lower case) -> "f" or "m", from gender-guesser's name table.

    Read straight from the file the package ships (its own parser is
    several times slower). Each line's weight is its popularity over the
    countries it lists; a name goes to a gender that outweighs the other
    GENDER_MAJORITY times, and never when it is listed as unisex ("?").
    About 35,000 names and 0.1 s: reader.article.first_names keeps the
    result in the user's cache folder.
    """
    path = name_data_file()
    if path is not None:
        data = path.read_bytes()
    else:
        from importlib import resources

        data = (resources.files(NAME_DATA[0]) / NAME_DATA[1] / NAME_DATA[2]).read_bytes()
    text = data.decode("utf-8", errors="replace")
    weights: dict[str, dict[str, int]] = {}
    for line in text.splitlines():
        code, _, rest = line[:29].partition(" ")
        gender = _CODES.get(code)
        if gender is None or "+" in rest:
            continue
        weight = 1 + sum(line[30:].encode("utf-8", "surrogatepass").translate(_HEX_VALUES))
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
