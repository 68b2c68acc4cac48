"""A Title Case headline opening the body: its capitalised runs are not all names.

``Clinton Breaks With Obama On 9/11 Lawsuit Bill`` or ``Obama Sees 'Personal
Insult' ...`` would otherwise register "Clinton Breaks With Obama On" and
"Obama Sees" as people, and the surnames of the story would resolve to them.
"""

from __future__ import annotations

import re

from reader.article.model import Paragraph
from reader.lexicon.works import TITLE_CASE_SMALL

# Share of a headline's content words that start with a capital.
HEADLINE_CAPITALS = 0.9
# Most words of a headline.
MAX_HEADLINE_WORDS = 30
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_headline(text: str, para: Paragraph) -> bool:
    """Whether ``para`` is a one-line Title Case headline."""
    inner = text[para.start : para.end]
    if "\n" in inner.strip():
        return False
    words = [w for w in _WORD.findall(inner) if w.lower() not in TITLE_CASE_SMALL]
    if not 4 <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALS * len(words)


def body_name(name: list[str], body: str) -> list[str]:
    """The longest run of two or more of a headline run's ``name`` words that the body
    also uses (``Hillary Clinton`` of ``Hillary Clinton Was Headed``), else ``[]``."""
    for size in range(len(name), 1, -1):
        for start in range(len(name) - size + 1):
            words = name[start : start + size]
            if re.search(rf"(?<!\w){re.escape(' '.join(words))}(?!\w)", body):
                return words
    return []
