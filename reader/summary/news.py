"""A news summarizer: lead position, title words and directed centrality.

``NewsSummarizer`` is a sumy ``AbstractSummarizer`` on sumy's document model,
stemmer and stop words. Each sentence gets one score, the sum of:

* **position** (Edmundson's location method, made smooth): ``exp(-0.5 i)``
  for the ``i``-th sentence. News is written top-down, so the lead matters
  most.
* **directed centrality** (PacSum: Zheng and Lapata, "Sentence Centrality
  Revisited for Unsupervised Summarization", ACL 2019). Sentences are tf-idf
  vectors of stems; an edge is the cosine similarity less a threshold at
  ``THRESHOLD`` of the way from the smallest to the largest similarity. A
  sentence earns for the edges to sentences *after* it (it introduces what
  follows) and loses for the edges to sentences *before* it (it repeats).
  Both sums are scaled to at most 1.
* **title** (Edmundson's title method): tf-idf cosine similarity to the words
  of the article's title (``title_words``).
* a **word budget** of ``WORD_BUDGET`` words a sentence: a sentence loses
  ``OVER_BUDGET`` for every 10 words beyond it, so one long sentence does not
  take the room of a shorter, denser one.

The ``count`` best sentences are then taken greedily, with one rule: a
sentence that cannot be read alone ("But...", "He...", a quotation continued
from the sentence before; see ``reader.summary.context``) is taken only right
after the sentence it follows, so the summary never opens with one, and never
puts one after an unrelated sentence. ``readable_only = False`` turns the rule
off.

The weights were set on the CNN/DailyMail highlights (human-written), on half
of the set, and checked on the other half; see benchmarks/RESULTS.md.

Everything is vectorised with numpy and linear in the text except the
similarity graph (the pair products LexRank uses: a dense product over the
frequent terms, a sparse one over the rest), over at most ``GRAPH_LIMIT``
sentences. Sentences past it take no part in the centrality term (their
position score is nil by then anyway). About 0.2 s and 70 MB at 50,000 words,
0.5 s and 120 MB at 200,000 (the graph stops growing at ``GRAPH_LIMIT``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer

from reader.summary.context import text_reasons
from reader.summary.counts import sentences_wanted
from reader.summary.numeric import PairProducts, row_chunks
from reader.summary.sparse import RowMatrix
from reader.summary.stems import CachedStems, Document, SumySentence


class NewsSummarizer(CachedStems, AbstractSummarizer):
    """Lead position + title words + PacSum centrality, with a word budget."""

    POSITION_DECAY = 0.5
    FORWARD = 0.2
    BACKWARD = 0.6
    TITLE = 0.8
    THRESHOLD = 0.3
    WORD_BUDGET = 20
    OVER_BUDGET = 0.1
    GRAPH_LIMIT = 3000

    stop_words: frozenset[str] = frozenset()
    title_words: tuple[str, ...] = ()
    readable_only = True

    def __call__(self, document: Document, sentences_count: object) -> tuple[SumySentence, ...]:
        sentences = document.sentences
        count = sentences_wanted(sentences, sentences_count)
        if count >= len(sentences):  # no sentences, or all of them
            return tuple(sentences)
        ratings = self.rate_sentences(document)
        if self.readable_only:
            texts = [[str(s) for s in paragraph.sentences] for paragraph in document.paragraphs]
            leaning = np.array([why is not None for why in text_reasons(texts)], dtype=bool)
        else:
            leaning = np.zeros(len(sentences), dtype=bool)
        chosen = _select(ratings, leaning, count)
        return tuple(sentences[i] for i in chosen)

    def rate_sentences(self, document: Document) -> np.ndarray:
        """One score per sentence of ``document``, in document order."""
        sentences = document.sentences
        n = len(sentences)
        vocabulary, raw_rows, raw_terms, lengths = self._terms(sentences)
        size = max(len(vocabulary), 1)
        rows, terms, weights = _tfidf(raw_rows, raw_terms, n, size)
        position = np.exp(-self.POSITION_DECAY * np.arange(n))
        forward, backward = _centrality(
            rows, terms, weights, n, size, self.GRAPH_LIMIT, self.THRESHOLD
        )
        title = _title_similarity(rows, terms, weights, n, size, self._title_terms(vocabulary))
        over = np.maximum(lengths - self.WORD_BUDGET, 0) / 10.0
        return (
            position
            + self.FORWARD * forward
            - self.BACKWARD * backward
            + self.TITLE * title
            - self.OVER_BUDGET * over
        )

    def _terms(
        self, sentences: Sequence[SumySentence]
    ) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
        """Vocabulary of stems, sparse (row, term) occurrences, and sentence lengths in words."""
        vocabulary: dict[str, int] = {}
        seen: dict[str, int] = {}  # word as written -> term (-1: stop word)
        rows: list[int] = []
        terms: list[int] = []
        lengths = np.zeros(len(sentences))
        for row, sentence in enumerate(sentences):
            words = sentence.words
            lengths[row] = len(words)
            for word in words:
                term = seen.get(word)
                if term is None:
                    if self.normalize_word(word) in self.stop_words:
                        term = -1
                    else:
                        term = vocabulary.setdefault(self.stem_word(word), len(vocabulary))
                    seen[word] = term
                if term >= 0:
                    rows.append(row)
                    terms.append(term)
        return vocabulary, np.array(rows, dtype=np.int64), np.array(terms, dtype=np.int64), lengths

    def _title_terms(self, vocabulary: dict[str, int]) -> list[int]:
        terms = set()
        for word in self.title_words:
            if self.normalize_word(word) not in self.stop_words:
                term = vocabulary.get(self.stem_word(word))
                if term is not None:
                    terms.add(term)
        return sorted(terms)


def _tfidf(
    rows: np.ndarray, terms: np.ndarray, n: int, size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (row, term) pairs with their unit-length tf-idf weights."""
    keys, counts = np.unique(rows * size + terms, return_counts=True)
    rows, terms = keys // size, keys % size
    df = np.bincount(terms, minlength=size)
    weights = counts * np.log((n + 1) / (df[terms] + 0.5))
    norms = np.sqrt(np.bincount(rows, weights=weights**2, minlength=n))
    norms[norms == 0] = 1.0
    return rows, terms, weights / norms[rows]


def _centrality(
    rows: np.ndarray,
    terms: np.ndarray,
    weights: np.ndarray,
    n: int,
    size: int,
    limit: int,
    threshold: float,
) -> tuple[np.ndarray, np.ndarray]:
    """PacSum's forward and backward edge sums, each scaled to at most 1."""
    m = min(n, limit)
    forward, backward = np.zeros(n), np.zeros(n)
    if m < 2:
        return forward, backward
    inside = rows < m
    edges = _similarity(rows[inside], terms[inside], weights[inside], m, size)
    np.fill_diagonal(edges, np.inf)
    low = edges.min()
    np.fill_diagonal(edges, -np.inf)
    high = edges.max()
    edges -= low + threshold * (high - low)
    np.maximum(edges, 0, out=edges)  # the diagonal too: no sentence links to itself
    for block in row_chunks(m, m):  # row i of a block is sentence block.start + i
        forward[block] = np.triu(edges[block], block.start).sum(axis=1)  # edges to later sentences
        backward[block] = np.tril(edges[block], block.start - 1).sum(axis=1)  # to earlier ones
    return _scaled(forward), _scaled(backward)


def _similarity(
    rows: np.ndarray, terms: np.ndarray, weights: np.ndarray, m: int, size: int
) -> np.ndarray:
    """Cosine similarities of the first ``m`` sentences (a dense m x m matrix):
    frequent terms through a dense product, the others through a sparse one."""
    matrix = RowMatrix.from_cells(rows, terms, weights, (m, size))
    return PairProducts(matrix, matrix).block(slice(0, m))


def _title_similarity(
    rows: np.ndarray,
    terms: np.ndarray,
    weights: np.ndarray,
    n: int,
    size: int,
    title_terms: list[int],
) -> np.ndarray:
    """Cosine similarity of each sentence to the title's (binary) term vector."""
    if not title_terms:
        return np.zeros(n)
    in_title = np.zeros(size, dtype=bool)
    in_title[title_terms] = True
    return np.bincount(rows, weights=weights * in_title[terms], minlength=n) / math.sqrt(
        len(title_terms)
    )


def _scaled(values: np.ndarray) -> np.ndarray:
    top = values.max()
    return values / top if top > 0 else values


def _select(ratings: np.ndarray, leaning: np.ndarray, count: int) -> list[int]:
    """The ``count`` best-rated indexes, in order; a leaning sentence only after its predecessor."""
    n = len(ratings)
    chosen = np.zeros(n, dtype=bool)
    for _ in range(count):
        after_chosen = np.concatenate(([False], chosen[:-1]))
        allowed = ~chosen & (~leaning | after_chosen)
        if not allowed.any():
            allowed = ~chosen
        chosen[int(np.argmax(np.where(allowed, ratings, -np.inf)))] = True
    return np.flatnonzero(chosen).tolist()
