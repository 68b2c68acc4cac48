"""Algorithm name -> summarizer class.

sumy's eight algorithms come as our vectorised subclasses (reader.summary.fast),
which pick the same sentences as stock sumy, many times faster; "news" is our
own sumy summarizer (reader.summary.news).
"""

from __future__ import annotations


def summarizer_class(name: str) -> type:
    """The summarizer class for algorithm ``name``."""
    if name == "keypoints":
        from reader.summary.keypoints import KeyPointsSummarizer

        return KeyPointsSummarizer
    if name == "news":
        from reader.summary.news import NewsSummarizer

        return NewsSummarizer
    from reader.summary.fast import FAST_SUMMARIZERS

    return FAST_SUMMARIZERS[name]
