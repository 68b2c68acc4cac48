"""Key points: the most central sentence of each part of the article, in order.

``KeyPointsSummarizer`` is a sumy ``AbstractSummarizer`` on sumy's document
model, stemmer and stop words. For a summary of ``count`` sentences the
article is cut into ``count`` parts of about equal length, at paragraph
boundaries where it can be; each part gives the one sentence closest to what
the part is about (the cosine similarity of its tf-idf vector to the part's
centroid), with a little weight for the article as a whole
(``ARTICLE_WEIGHT``), so that a point is about the story and not an aside.
A sentence that cannot be read alone ("But...", "He...", a quotation
continued; see ``reader.summary.context``) is chosen only when its part has
no other, and very short or very long sentences lose a little
(``SHORTEST``, ``LONGEST``).

Where the other algorithms pick the best sentences wherever they stand (in
news, mostly the lead), key points cover the whole article, one per part: a
long read can be skimmed from top to bottom, each point jumping to its place.
Linear in the text: no sentence-by-sentence graph.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer

from reader.summary.context import text_reasons
from reader.summary.counts import sentences_wanted
from reader.summary.fast import CachedStems
from reader.summary.sparse import RowMatrix


class KeyPointsSummarizer(CachedStems, AbstractSummarizer):
    """One central, readable sentence for each of ``count`` parts of the article."""

    ARTICLE_WEIGHT = 0.3  # similarity to the whole article, beside the part's
    SHORTEST = 6  # words; a shorter sentence loses SHORT_PENALTY
    LONGEST = 45  # words; a longer one loses LONG_PENALTY
    SHORT_PENALTY = 0.3
    LONG_PENALTY = 0.15
    LEANING_PENALTY = 10.0  # taken only when its part has nothing else

    stop_words: frozenset[str] = frozenset()

    def __call__(self, document: Any, sentences_count: Any) -> tuple[Any, ...]:
        sentences = document.sentences
        count = sentences_wanted(sentences, sentences_count)
        if count >= len(sentences):  # no sentences, or all of them
            return tuple(sentences)
        paragraph_starts = _paragraph_starts(document)
        parts = split_parts(len(sentences), paragraph_starts, count)
        ratings = self.rate_sentences(document, parts)
        chosen = [start + int(np.argmax(ratings[start:end])) for start, end in parts]
        return tuple(sentences[i] for i in chosen)

    def rate_sentences(self, document: Any, parts: list[tuple[int, int]]) -> np.ndarray:
        """One score per sentence: closeness to its part (and the article), less penalties."""
        sentences = document.sentences
        vectors, lengths = self._vectors(sentences)
        scores = np.zeros(len(sentences))
        article = _unit(vectors.column_sums())
        for start, end in parts:
            part = vectors.rows(slice(start, end))
            centroid = _unit(part.column_sums())
            scores[start:end] = part.dot(centroid) + self.ARTICLE_WEIGHT * part.dot(article)
        scores -= self.SHORT_PENALTY * (lengths < self.SHORTEST)
        scores -= self.LONG_PENALTY * (lengths > self.LONGEST)
        texts = [[str(s) for s in paragraph.sentences] for paragraph in document.paragraphs]
        leaning = np.array([why is not None for why in text_reasons(texts)], dtype=bool)
        if len(leaning) == len(scores):
            scores -= self.LEANING_PENALTY * leaning
        return scores

    def _vectors(self, sentences: Any) -> tuple[RowMatrix, np.ndarray]:
        """Unit tf-idf vectors of stems (a sparse matrix, one row a sentence) and lengths in words."""
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        terms: list[int] = []
        lengths = np.zeros(len(sentences))
        for row, sentence in enumerate(sentences):
            words = sentence.words
            lengths[row] = len(words)
            for word in words:
                if self.normalize_word(word) in self.stop_words:
                    continue
                rows.append(row)
                terms.append(vocabulary.setdefault(self.stem_word(word), len(vocabulary)))
        n, size = len(sentences), max(1, len(vocabulary))
        counts = RowMatrix.from_cells(
            np.array(rows), np.array(terms), np.ones(len(rows)), (n, size)
        )
        idf = np.log((n + 1) / (counts.column_counts() + 0.5))
        weighted = counts.scaled(columns=idf)
        norms = np.sqrt(weighted.with_data(weighted.data**2).row_sums())
        norms[norms == 0] = 1.0
        return weighted.scaled(rows=1.0 / norms), lengths


def _paragraph_starts(document: Any) -> list[int]:
    """Index (in document.sentences) of each paragraph's first sentence."""
    starts, seen = [], 0
    for paragraph in document.paragraphs:
        starts.append(seen)
        seen += len(paragraph.sentences)
    return starts


def split_parts(total: int, paragraph_starts: list[int], count: int) -> list[tuple[int, int]]:
    """``count`` runs of sentences (start, end) covering ``total``, of about equal length,
    cut at paragraph starts where one is near the ideal place."""
    count = max(1, min(count, total))
    starts = sorted({s for s in paragraph_starts if 0 < s < total})
    cuts: list[int] = []
    for k in range(1, count):
        ideal = k * total / count
        low = cuts[-1] + 1 if cuts else 1
        high = total - (count - k)  # room for the parts still to come
        near = [s for s in starts if low <= s <= high and abs(s - ideal) <= total / count / 2]
        cut = min(near, key=lambda s: abs(s - ideal)) if near else round(ideal)
        cuts.append(max(low, min(high, cut)))
    bounds = [0, *cuts, total]
    return list(zip(bounds, bounds[1:]))


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
