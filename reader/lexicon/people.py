"""Words that tell a person's gender: "spokeswoman", "Mr.", "the actress"."""

from __future__ import annotations

from functools import cache

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


@cache
def _gender_detector() -> object:
    import gender_guesser.detector as detector  # loads its first-names table once

    return detector.Detector(case_sensitive=False)


def first_name_gender(first: str) -> str | None:
    """ "f" or "m" when a first name tells the gender ("Jane", "John"), else None.

    Uses gender-guesser's table of about 40,000 first names (shipped with the
    package, no download); "mostly_", "andy" and "unknown" answers tell nothing.
    """
    if not first[:1].isupper() or len(first) < 2 or first.endswith("."):
        return None
    answer = _gender_detector().get_gender(first)  # type: ignore[attr-defined]
    if answer == "female":
        return "f"
    if answer == "male":
        return "m"
    return None
