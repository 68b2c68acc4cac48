"""Every summary algorithm, one entry each.

An entry names the algorithm, says what the UI shows for it, which class runs it
and how a new summarizer of that class is set up for an article. Everything
else (the list of choices, the descriptions, the fast/stock class maps that the
exactness tests and benchmarks compare) is derived from ``REGISTRY``. Adding an
algorithm is adding one entry.

Classes are named as ``"module:Class"`` and imported on first use, so reading
the list of algorithms (the CLI's help, the config's validation) never imports
sumy or numpy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reader.summary.words import stop_words, tokenizer

# Words that mark a sentence as less fit for a summary (Edmundson's stigma words).
STIGMA_WORDS = (
    "hardly",
    "impossible",
    "perhaps",
    "maybe",
    "reportedly",
    "allegedly",
    "unclear",
    "rumor",
)

Options = Callable[[str], Mapping[str, object]]


def plain_options(title: str) -> Mapping[str, object]:
    """Our stop words; the title plays no part."""
    return {"stop_words": stop_words()}


def title_options(title: str) -> Mapping[str, object]:
    """Our stop words and the words of the article's title (``title_words``)."""
    return {"stop_words": stop_words(), "title_words": tuple(tokenizer().to_words(title))}


def edmundson_options(title: str) -> Mapping[str, object]:
    """Edmundson's cue words: the title's content words as bonus words, our stigma words."""
    words = stop_words()
    bonus = [w for w in tokenizer().to_words(title) if w.lower() not in words]
    return {"bonus_words": bonus or ["news"], "stigma_words": STIGMA_WORDS, "null_words": words}


@dataclass(frozen=True)
class Algorithm:
    """One summary algorithm."""

    name: str  # as typed in the CLI, the config and the state file
    display_name: str  # as the UI shows it
    description: str  # what it picks, in a few plain words
    fast: str  # "module:Class" of the summarizer that runs
    # "module:Class" of the stock sumy summarizer that ``fast`` reproduces exactly
    # (None: an algorithm of our own); the exactness tests compare the two.
    stock: str | None = None
    options: Options = plain_options  # attributes set on a new summarizer, from the title
    # The summarizer keeps sentences that lean on the one before in context itself
    # (its ``readable_only`` attribute); otherwise they leave the candidates first.
    keeps_context: bool = False

    def fast_class(self) -> type:
        return _load(self.fast)

    def stock_class(self) -> type | None:
        return None if self.stock is None else _load(self.stock)


def _load(path: str) -> type:
    module, _, name = path.partition(":")
    cls: type = getattr(importlib.import_module(module), name)
    return cls


_FAST = "reader.summary.fast:"

REGISTRY: tuple[Algorithm, ...] = (
    Algorithm(
        "news",
        "News",
        "the opening and the sentences the story keeps coming back to",
        "reader.summary.news:NewsSummarizer",
        options=title_options,
        keeps_context=True,
    ),
    Algorithm(
        "keypoints",
        "Key points",
        "one sentence for each part of the article, in order",
        "reader.summary.keypoints:KeyPointsSummarizer",
    ),
    Algorithm(
        "lexrank",
        "LexRank",
        "the sentences most like all the others",
        _FAST + "FastLexRankSummarizer",
        "sumy.summarizers.lex_rank:LexRankSummarizer",
    ),
    Algorithm(
        "lsa",
        "LSA",
        "the sentences that best cover the article's main subjects",
        _FAST + "FastLsaSummarizer",
        "sumy.summarizers.lsa:LsaSummarizer",
    ),
    Algorithm(
        "textrank",
        "TextRank",
        "the sentences that share the most words with the others",
        _FAST + "FastTextRankSummarizer",
        "sumy.summarizers.text_rank:TextRankSummarizer",
    ),
    Algorithm(
        "luhn",
        "Luhn",
        "the sentences packed with the article's most frequent words",
        _FAST + "FastLuhnSummarizer",
        "sumy.summarizers.luhn:LuhnSummarizer",
    ),
    Algorithm(
        "kl",
        "KL-Sum",
        "the sentences whose words together match the article's best",
        _FAST + "FastKLSummarizer",
        "sumy.summarizers.kl:KLSummarizer",
    ),
    Algorithm(
        "sumbasic",
        "SumBasic",
        "the sentences with the most frequent words, without repeats",
        _FAST + "FastSumBasicSummarizer",
        "sumy.summarizers.sum_basic:SumBasicSummarizer",
    ),
    Algorithm(
        "reduction",
        "Reduction",
        "the sentences most connected to all the others",
        _FAST + "FastReductionSummarizer",
        "sumy.summarizers.reduction:ReductionSummarizer",
    ),
    Algorithm(
        "edmundson",
        "Edmundson",
        "sentences with the title's words and key phrases, early on",
        _FAST + "FastEdmundsonSummarizer",
        "sumy.summarizers.edmundson:EdmundsonSummarizer",
        options=edmundson_options,
    ),
)

_BY_NAME = {entry.name: entry for entry in REGISTRY}


def find(name: str) -> Algorithm | None:
    """The entry named ``name`` (exactly), or None."""
    return _BY_NAME.get(name)


def get(name: str) -> Algorithm:
    """The entry named ``name`` (a KeyError when there is none)."""
    return _BY_NAME[name]


def summarizer_class(name: str) -> type:
    """The summarizer class that runs algorithm ``name``."""
    return _BY_NAME[name].fast_class()


def fast_summarizers() -> dict[str, type]:
    """Name -> our fast class, for the algorithms that reproduce a stock sumy one."""
    return {e.name: e.fast_class() for e in REGISTRY if e.stock is not None}


def stock_summarizers() -> dict[str, type]:
    """Name -> the stock sumy class that ``fast_summarizers()[name]`` reproduces."""
    return {e.name: cls for e in REGISTRY if (cls := e.stock_class()) is not None}
