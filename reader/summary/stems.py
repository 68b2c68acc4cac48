"""A mixin that stems each distinct word once, shared by every summarizer on one stemmer."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any, TypeAlias
from weakref import WeakKeyDictionary

# sumy has no type hints: its documents and sentences are named, not typed.
Document: TypeAlias = Any
SumySentence: TypeAlias = Any

_CACHE_LIMIT = 500_000  # words; a cache this big is dropped and rebuilt
_MISSING: Any = object()

# Stems per stemmer object, shared by all summarizers built on that stemmer.
_SHARED_STEMS: WeakKeyDictionary[Any, dict[str, str]] = WeakKeyDictionary()


def _shared_stems(stemmer: Callable[[str], str]) -> dict[str, str]:
    """The process-wide stem cache of ``stemmer`` (a private one if it can't be shared)."""
    try:
        cache = _SHARED_STEMS.get(stemmer)
        if cache is None or len(cache) > _CACHE_LIMIT:
            cache = _SHARED_STEMS[stemmer] = {}
        return cache
    except TypeError:  # not weak-referenceable
        return {}


class CachedStems:
    """Mixin: stems each distinct word once (sumy stems every occurrence).

    The stem cache is shared by every summarizer using the same stemmer object,
    so summarizers built per article stay fast after the first one.
    """

    if TYPE_CHECKING:  # given by sumy's summarizers, which this mixes into
        _stemmer: Callable[[str], str]
        stop_words: frozenset[str]

        def normalize_word(self, word: str) -> str: ...

    def _cache(self, name: str) -> dict[Any, Any]:
        cache = self.__dict__.get(name)
        if cache is None or len(cache) > _CACHE_LIMIT:
            shared = name == "_stem_cache"
            cache = self.__dict__[name] = _shared_stems(self._stemmer) if shared else {}
        return cache

    def stem_word(self, word: str) -> str:
        stem = self._cache("_stem_cache").get(word)
        return self._stem_missing([word])[0] if stem is None else stem

    def _stem_all(self, words: Sequence[str]) -> list[str]:
        """``[self.stem_word(w) for w in words]``, with fewer Python calls."""
        cached: list[str | None] = [*map(self._cache("_stem_cache").get, words)]
        if None not in cached:
            return cached  # type: ignore[return-value]  # no None among them
        missing = dict.fromkeys(w for w, s in zip(words, cached) if s is None)
        found = dict(zip(missing, self._stem_missing(missing)))
        return [found[w] if s is None else s for w, s in zip(words, cached)]

    def _stem_missing(self, words: Iterable[str]) -> list[str]:
        """sumy's ``stemmer(normalize_word(word))`` per word, remembered."""
        cache = self._cache("_stem_cache")
        normalize, stemmer = self.normalize_word, self._stemmer
        stems = []
        for word in words:
            normalized = normalize(word)
            # Entries hold stemmer(normalize(key)): shareable when normalizing is idempotent.
            shareable = normalize(normalized) == normalized
            stem = cache.get(normalized) if shareable else None
            if stem is None:
                stem = stemmer(normalized)
                if shareable:
                    cache[normalized] = stem
            cache[word] = stem
            stems.append(stem)
        return stems

    def _content_stems(self, words: Iterable[str]) -> list[str]:
        """Stems of the non-stop words, as sumy's ``_to_words_set`` gives them."""
        return [stem for stem in self._content_stems_or_none(words) if stem is not None]

    def _content_stems_or_none(self, words: Iterable[str]) -> list[str | None]:
        """Per word: its stem, or None for a stop word."""
        stop_words = self.stop_words
        cache = self._cache("_content_cache")
        if cache.get(_MISSING) is not stop_words:  # stop words changed
            cache.clear()
            cache[_MISSING] = stop_words
        stems = [*map(cache.get, words, repeat(_MISSING))]
        if _MISSING in stems:
            stems = [self._content_miss(w) if s is _MISSING else s for w, s in zip(words, stems)]
        return stems

    def _content_miss(self, word: str) -> str | None:
        """The content stem of ``word``, remembered."""
        normalized = self.normalize_word(word)
        stem = None if normalized in self.stop_words else self.stem_word(normalized)
        self._cache("_content_cache")[word] = stem
        return stem
