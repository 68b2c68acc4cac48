"""Words that tell a person's gender: "spokeswoman", "Mr.", "the actress"."""

from __future__ import annotations

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
