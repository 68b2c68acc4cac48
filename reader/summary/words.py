"""The tokenizer, stemmer and stop words every summarizer shares (built once, on first use)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.nlp.tokenize import EnglishTokenizer


@lru_cache(maxsize=1)
def tokenizer() -> EnglishTokenizer:
    """Our Punkt-based tokenizer, in the shape sumy expects."""
    from reader.nlp.tokenize import EnglishTokenizer

    return EnglishTokenizer()


@lru_cache(maxsize=1)
def stemmer() -> Any:
    """sumy's English stemmer (one object, so the stem caches are shared)."""
    from sumy.nlp.stemmers import Stemmer

    return Stemmer("english")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from reader.nlp.stopwords import STOP_WORDS

    return STOP_WORDS
