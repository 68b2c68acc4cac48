"""Algorithm name -> sumy summarizer class."""

from __future__ import annotations

from importlib import import_module

_STOCK = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
    "edmundson": ("sumy.summarizers.edmundson", "EdmundsonSummarizer"),
    "news": ("reader.summary.news", "NewsSummarizer"),
}


def summarizer_class(name: str) -> type:
    """The summarizer class for algorithm ``name``."""
    module, cls = _STOCK[name]
    return getattr(import_module(module), cls)
