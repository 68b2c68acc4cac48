"""Fast drop-in versions of sumy's summarizers that select the same sentences.

Each class subclasses the stock sumy summarizer, keeps its algorithm and its
document model, and replaces only the slow inner computations: stems are cached
per word, term counts become sparse matrices, pairwise similarities become
(chunked) sparse products, and the greedy loops of KL and SumBasic are
vectorised over all candidate sentences.

Exactness (see ``tests/unit/test_fast_summarizers.py``):

* Luhn, Edmundson, SumBasic, Reduction, TextRank (up to ``dense_limit``
  sentences) and LexRank (idem) compute bit-identical ratings: the vectorised
  code performs the same floating-point operations in the same order.
* KL computes its divergences in closed form and re-checks near-ties with
  sumy's own code, so it picks what sumy picks.
* LSA uses the identity ``sqrt(sum_i sigma_i^2 v_ij^2) == ||column j||`` (sumy
  keeps every dimension), computed in exact integer arithmetic: ratings equal
  sumy's up to sumy's own SVD rounding (~1e-13), so only exact ties may order
  differently, and our order no longer depends on ``PYTHONHASHSEED``.
* Above ``dense_limit`` sentences LexRank and TextRank switch to sparse power
  iterations whose sums round differently (~1e-16 relative).
* LexRank's idf-cosine is summed in another order than sumy's (which follows
  set iteration, i.e. the hash seed): a pair within ~1e-15 of the 0.1
  threshold may be linked differently; sumy itself is not stable there.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar
from warnings import warn

import numpy as np
from sumy.models import TfDocumentModel
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.edmundson_cue import EdmundsonCueMethod
from sumy.summarizers.edmundson_key import EdmundsonKeyMethod
from sumy.summarizers.edmundson_location import EdmundsonLocationMethod
from sumy.summarizers.edmundson_title import EdmundsonTitleMethod
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import ItemsCount

from reader.summary.numeric import PairProducts, count_matrix, encode_tokens, row_chunks
from reader.summary.sparse import RowMatrix
from reader.summary.stems import CachedStems, Document, SumySentence

__all__ = [
    "FastEdmundsonSummarizer",
    "FastKLSummarizer",
    "FastLexRankSummarizer",
    "FastLsaSummarizer",
    "FastLuhnSummarizer",
    "FastReductionSummarizer",
    "FastSumBasicSummarizer",
    "FastTextRankSummarizer",
]

_M = TypeVar("_M")  # an Edmundson method
_EdgeBlocks = Callable[[Sequence[int]], Iterator[tuple[np.ndarray, np.ndarray]]]

# --------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------


def _needed(count: object, sentences: int) -> int | None:
    """How many sentences ``count`` selects out of ``sentences`` (None: unknown)."""
    if callable(count):
        return None
    try:
        return len(ItemsCount(count)(range(sentences)))
    except (TypeError, ValueError):
        return None


class _SentenceTokens:
    """The words of some sentences as ids of their distinct words, each stemmed once."""

    def __init__(self, summarizer: CachedStems, sentences: Sequence[SumySentence]) -> None:
        self.ids, indptr, vocabulary = encode_tokens([s.words for s in sentences])
        self.sentence_of = np.repeat(np.arange(len(sentences)), np.diff(indptr))
        self.words = list(vocabulary)
        self.stems = summarizer._stem_all(self.words)
        self.sentences = len(sentences)

    def flags(self, stems: Collection[str]) -> np.ndarray:
        """Per token: is its stem one of ``stems``?"""
        known = np.fromiter(map(stems.__contains__, self.stems), dtype=bool, count=len(self.stems))
        return known[self.ids]

    def occurrences(self) -> list[int]:
        """How often each distinct word occurs (aligned with ``words`` and ``stems``)."""
        return np.bincount(self.ids, minlength=len(self.words)).tolist()

    def counts(self, stems: Collection[str]) -> np.ndarray:
        """Per sentence: how many of its tokens have a stem in ``stems`` (exact integers)."""
        return np.bincount(self.sentence_of[self.flags(stems)], minlength=self.sentences)


def _log_lengths(token_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """``math.log(len(tokens))`` per sentence (0 for empty ones), as sumy rounds it."""
    logs: dict[int, float] = {}
    out = np.zeros(len(token_lists))
    for i, tokens in enumerate(token_lists):
        n = len(tokens)
        if n:
            if n not in logs:
                logs[n] = math.log(n)
            out[i] = logs[n]
    return out


def _edge_block(
    products: PairProducts,
    log_lengths: np.ndarray,
    rows: slice | np.ndarray,
    zero_norm_as_rank: bool,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """Dense block of sumy's TextRank/Reduction edge ``rank / (log|a| + log|b|)``.

    ``rank`` is the number of equal word pairs, i.e. the dot product of the
    count vectors (exact: integers). The norm is 0 only between one-word
    sentences: there TextRank keeps ``rank``, Reduction 0.0.
    """
    edges = products.block(rows, out)
    single = np.ix_(np.flatnonzero(log_lengths[rows] == 0), np.flatnonzero(log_lengths == 0))
    kept = edges[single] if zero_norm_as_rank else 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        np.divide(edges, np.add.outer(log_lengths[rows], log_lengths), out=edges)
    edges[single] = kept
    return edges


def _greedy_ratings(
    sentences: Sequence[SumySentence], picks: Iterator[int], needed: int | None
) -> dict[SumySentence, int]:
    """sumy's ``ratings[s] = -len(ratings)`` over the greedy ``picks``.

    With ``needed`` we stop as soon as ``needed`` sentences are settled: all
    their copies are picked and their rating is above every later one (later
    ratings are at most ``-len(ratings)``). The rest then share a lower rating.
    """
    if needed is not None and needed <= 0:
        return dict.fromkeys(sentences, 0)
    ratings: dict[SumySentence, int] = {}
    copies = Counter(sentences)
    left = copies.copy()
    settled, waiting = 0, []
    for index in picks:
        sentence = sentences[index]
        ratings[sentence] = -len(ratings)
        left[sentence] -= 1
        if not left[sentence]:
            waiting.append(sentence)
        floor = -len(ratings)
        settled += sum(copies[s] for s in waiting if ratings[s] > floor)
        waiting = [s for s in waiting if ratings[s] <= floor]
        if needed is not None and settled >= needed:
            break
    else:
        return ratings
    low = -len(sentences) - 1
    return {s: low if left[s] else ratings[s] for s in sentences}


# --------------------------------------------------------------------------
# Graph methods: LexRank, TextRank, Reduction
# --------------------------------------------------------------------------


class FastLexRankSummarizer(CachedStems, LexRankSummarizer):
    """LexRank with sparse idf-cosines and a sparse power method."""

    dense_limit = 4000  # sentences; up to here sumy's own dense power method runs
    dense_term_ratio = 64  # terms in more than 1/64 of the sentences use dense BLAS

    def __call__(self, document: Document, sentences_count: object) -> tuple[SumySentence, ...]:
        self._ensure_dependencies_installed()
        sentences = document.sentences
        words = [self._to_words_set(s) for s in sentences]
        if not words:
            return ()
        adjacency = self._adjacency(words)
        scores = self._scores(adjacency)
        ratings = dict(zip(sentences, scores))
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def _to_words_set(self, sentence: SumySentence) -> list[str]:
        return self._content_stems(sentence.words)

    def _adjacency(self, words: Sequence[Sequence[str]]) -> np.ndarray | RowMatrix:
        """Boolean matrix of ``idf_modified_cosine > threshold`` (sparse if large).

        Numerators are ``sum tf1 * idf**2 * tf2``: a dense BLAS product over the
        frequent terms plus a sparse one over the rest.
        """
        counts = count_matrix(words)
        n = counts.shape[0]
        tf = counts.with_data(counts.data / np.repeat(counts.row_max(), counts.row_lengths))
        frequencies = tf.column_counts()
        idf = np.array([math.log(n / (1 + int(f))) for f in frequencies])
        weighted = tf.scaled(columns=idf**2)
        norms = np.sqrt(tf.with_data(tf.scaled(columns=idf).data ** 2).row_sums())
        norms[norms == 0] = 1.0  # those rows have zero numerators: cosine 0, as sumy
        products = PairProducts(weighted, tf, self.dense_term_ratio)
        dense = n <= self.dense_limit
        linked = np.empty((n, n), dtype=bool) if dense else None
        blocks: list[RowMatrix] = []
        for rows in row_chunks(n, n):
            numerators = products.block(rows)
            numerators /= norms[rows, None] * norms[None, :]
            if linked is not None:
                np.greater(numerators, self.threshold, out=linked[rows])
            else:
                blocks.append(RowMatrix.from_dense(numerators > self.threshold, np.float32))
        return linked if linked is not None else RowMatrix.stack(blocks)

    def _scores(self, adjacency: np.ndarray | RowMatrix) -> np.ndarray:
        if isinstance(adjacency, np.ndarray):
            degrees = adjacency.sum(axis=1, dtype=float)
            degrees[degrees == 0] = 1
            matrix = adjacency.astype(float)
            matrix /= degrees[:, None]
            return self.power_method(matrix, self.epsilon)
        degrees = adjacency.row_lengths.astype(float)
        degrees[degrees == 0] = 1
        return self._sparse_power_method(adjacency, degrees)

    def _sparse_power_method(self, adjacency: RowMatrix, degrees: np.ndarray) -> np.ndarray:
        """sumy's power method for the matrix ``adjacency / degrees``."""
        transposed = adjacency.transpose()
        inverse = 1.0 / degrees
        count = adjacency.shape[0]
        p_vector = np.full(count, 1.0 / count)
        lambda_val = 1.0
        while lambda_val > self.epsilon:
            next_p = transposed.dot(p_vector * inverse)
            next_p /= np.linalg.norm(next_p)
            lambda_val = float(np.linalg.norm(next_p - p_vector))
            p_vector = next_p
        return p_vector


class FastTextRankSummarizer(CachedStems, TextRankSummarizer):
    """TextRank with the similarity matrix built from sparse count products."""

    dense_limit = 4000  # sentences; up to here the matrix is sumy's, bit for bit

    def rate_sentences(self, document: Document) -> dict[SumySentence, float]:
        sentences = document.sentences
        words = [self._to_words_set(s) for s in sentences]
        if len(sentences) <= self.dense_limit:
            ranks = self.power_method(self._dense_matrix(words), self.epsilon)
        else:
            ranks = self._sparse_ranks(words)
        return dict(zip(sentences, ranks))

    def _to_words_set(self, sentence: SumySentence) -> list[str]:
        return self._content_stems(sentence.words)

    def _weights(self, words: Sequence[Sequence[str]]) -> np.ndarray:
        """sumy's raw edge weights, dense."""
        counts = count_matrix(words)
        products = PairProducts(counts, counts)
        logs = _log_lengths(words)
        n = len(words)
        weights = np.empty((n, n))
        for rows in row_chunks(n, n):
            _edge_block(products, logs, rows, zero_norm_as_rank=True, out=weights[rows])
        return weights

    def _dense_matrix(self, words: Sequence[Sequence[str]]) -> np.ndarray:
        """sumy's stochastic matrix, computed with the same float operations."""
        weights = self._weights(words)
        n = len(words)
        weights /= weights.sum(axis=1)[:, np.newaxis] + self._ZERO_DIVISION_PREVENTION
        weights *= self.damping
        weights += (1.0 - self.damping) / n  # == full(...) + damping * weights
        return weights

    def _sparse_ranks(self, words: Sequence[Sequence[str]]) -> np.ndarray:
        """The power method on ``teleport + damping * W`` with W kept sparse."""
        counts = count_matrix(words)
        products = PairProducts(counts, counts)
        logs = _log_lengths(words)
        n = len(words)
        blocks = [
            RowMatrix.from_dense(_edge_block(products, logs, rows, zero_norm_as_rank=True))
            for rows in row_chunks(n, n)
        ]
        weights = RowMatrix.stack(blocks)
        sums = weights.row_sums() + self._ZERO_DIVISION_PREVENTION
        weights = weights.scaled(rows=1.0 / sums)
        transposed = weights.transpose()
        transposed = transposed.with_data(transposed.data * self.damping)
        teleport = (1.0 - self.damping) / n
        p_vector = np.full(n, 1.0 / n)
        lambda_val = 1.0
        while lambda_val > self.epsilon:
            next_p = transposed.dot(p_vector) + teleport * p_vector.sum()
            lambda_val = float(np.linalg.norm(next_p - p_vector))
            p_vector = next_p
        return p_vector


class FastReductionSummarizer(CachedStems, ReductionSummarizer):
    """Reduction with edges from sparse count products, summed as sumy sums them."""

    def rate_sentences(self, document: Document) -> dict[SumySentence, float]:
        sentences = document.sentences
        ratings: defaultdict[SumySentence, float] = defaultdict(float)
        if len(sentences) < 2:
            return ratings
        words = [self._to_words_set(s) for s in sentences]
        edges = self._edges(words)
        totals = np.empty(len(sentences))
        for rows, block in edges(range(len(sentences))):
            block[np.arange(block.shape[0]), rows] = 0.0
            # sumy adds a sentence's edges one by one, in document order: cumsum
            # is that same sequential sum (np.sum would sum pairwise).
            totals[rows] = np.cumsum(block, axis=1, out=block)[:, -1]
        ratings.update(zip(sentences, totals.tolist()))
        for group in _duplicates(sentences):
            ratings[sentences[group[0]]] = _shared_total(group, edges, len(sentences))
        return ratings

    def _to_words_set(self, sentence: SumySentence) -> list[str]:
        return self._content_stems(sentence.words)

    @staticmethod
    def _edges(words: Sequence[Sequence[str]]) -> _EdgeBlocks:
        """A function yielding (rows, dense edge block) for the given rows."""
        counts = count_matrix(words)
        products = PairProducts(counts, counts)
        logs = _log_lengths(words)

        def blocks(rows: Sequence[int]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
            indexes = np.asarray(rows)
            for part in row_chunks(len(indexes), len(words)):
                chosen = indexes[part]
                yield chosen, _edge_block(products, logs, chosen, zero_norm_as_rank=False)

        return blocks


def _duplicates(sentences: Sequence[SumySentence]) -> list[list[int]]:
    """Indices of sentences that are equal (and so share one rating in sumy)."""
    groups: defaultdict[SumySentence, list[int]] = defaultdict(list)
    for index, sentence in enumerate(sentences):
        groups[sentence].append(index)
    return [g for g in groups.values() if len(g) > 1]


def _shared_total(group: list[int], edges: _EdgeBlocks, count: int) -> float:
    """The rating sumy accumulates for equal sentences, in its exact order."""
    rows: dict[int, list[float]] = {}
    for chosen, block in edges(group):
        rows.update(zip(chosen.tolist(), block.tolist()))
    members = set(group)
    total = 0.0
    for a in range(count):
        if a in members:
            for b in range(a + 1, count):
                total += rows[a][b]
                if b in members:
                    total += rows[a][b]
        else:
            for b in group:
                if b > a:
                    total += rows[b][a]
    return total


# --------------------------------------------------------------------------
# Greedy methods: KL and SumBasic
# --------------------------------------------------------------------------


class GreedyPicks:
    """Mixin for summarizers that move sentences to the summary one at a time (KL, SumBasic).

    Subclasses give ``_picks(sentences)``: document indices in the order
    sumy would pick them; ratings follow from that order.
    """

    if TYPE_CHECKING:  # given by the subclass and by sumy's summarizer

        def _picks(self, sentences: Sequence[SumySentence]) -> Iterator[int]: ...

        def _get_best_sentences(
            self, sentences: Sequence[SumySentence], count: object, rating: object
        ) -> tuple[SumySentence, ...]: ...

    def __call__(self, document: Document, sentences_count: object) -> tuple[SumySentence, ...]:
        sentences = document.sentences
        needed = _needed(sentences_count, len(sentences))
        ratings = _greedy_ratings(sentences, self._picks(sentences), needed)
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def _compute_ratings(self, sentences: Sequence[SumySentence]) -> dict[SumySentence, int]:
        return _greedy_ratings(sentences, self._picks(sentences), None)


class FastKLSummarizer(GreedyPicks, CachedStems, KLSummarizer):
    """KL-Sum with all candidate divergences of a step computed at once."""

    tie_tolerance = 1e-9  # relative; nearer candidates are re-rated by sumy's code

    def _picks(self, sentences: Sequence[SumySentence]) -> Iterator[int]:
        """Document indices in the order sumy moves sentences to the summary."""
        word_freq = self.compute_tf(sentences)
        vocab = {w: i for i, w in enumerate(word_freq)}
        freq = np.fromiter(word_freq.values(), dtype=float, count=len(vocab))
        contents = [self._get_content_words_in_sentence(s) for s in sentences]
        state = _KLState(freq, [[vocab[w] for w in c] for c in contents])
        summary_words: list[str] = []
        for _ in range(len(sentences)):
            divergences = state.divergences()
            best = self._best(divergences, contents, summary_words, word_freq)
            yield best
            words = sentences[best].words
            summary_words.extend(words)
            state.add(best, [vocab[w] for w in words if w in vocab], len(words))

    def _best(
        self,
        divergences: np.ndarray,
        contents: list[list[str]],
        summary_words: list[str],
        word_freq: dict[str, float],
    ) -> int:
        """sumy's first minimum; near-ties are decided by sumy's own arithmetic."""
        lowest = divergences.min()
        band = self.tie_tolerance * max(1.0, abs(lowest))
        candidates = np.flatnonzero(divergences <= lowest + band)
        if len(candidates) == 1:
            return int(candidates[0])
        exact = [
            self._kl_divergence(self._joint_freq(contents[i], summary_words), word_freq)
            for i in candidates
        ]
        return int(candidates[exact.index(min(exact))])


class _KLState:
    """The summary's word counts and the candidates' sparse word counts."""

    def __init__(self, freq: np.ndarray, contents: list[list[int]]) -> None:
        self.freq = freq
        self.log_freq = np.log(freq) if len(freq) else freq
        self.active = np.ones(len(contents), dtype=bool)
        self.lengths = np.array([len(c) for c in contents], dtype=float)
        rows, cols, values = [], [], []
        for row, ids in enumerate(contents):
            for col, value in Counter(ids).items():
                rows.append(row)
                cols.append(col)
                values.append(value)
        self._set_entries(
            np.array(rows, dtype=np.int64),
            np.array(cols, dtype=np.int64),
            np.array(values, dtype=float),
        )
        self.summary = np.zeros(len(freq))
        self.summary_length = 0
        self._alive_at_compaction = len(contents)

    def _set_entries(self, rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> None:
        self.rows, self.cols, self.values = rows, cols, values
        self.entry_freq = self.freq[cols]
        self.entry_log_freq = self.log_freq[cols]

    def divergences(self) -> np.ndarray:
        """KL(doc || summary + candidate) for every candidate (inf if used)."""
        n = len(self.active)
        in_summary = self.summary > 0
        present = self.summary[in_summary]
        base = float(np.sum(self.freq[in_summary] * (self.log_freq[in_summary] - np.log(present))))
        base_mass = float(np.sum(self.freq[in_summary]))
        shared = self.summary[self.cols]
        with np.errstate(divide="ignore", invalid="ignore"):
            old = np.where(
                shared > 0, self.entry_freq * (self.entry_log_freq - np.log(shared)), 0.0
            )
        new = self.entry_freq * (self.entry_log_freq - np.log(shared + self.values))
        delta = np.bincount(self.rows, new - old, minlength=n)
        mass = base_mass + np.bincount(
            self.rows, np.where(shared > 0, 0.0, self.entry_freq), minlength=n
        )
        totals = self.lengths + self.summary_length
        with np.errstate(divide="ignore"):
            scale = np.where(mass > 0, mass * np.log(np.maximum(totals, 1.0)), 0.0)
        result = np.where(mass > 0, base + delta + scale, 0.0)
        result[~self.active] = np.inf
        return result

    def add(self, index: int, ids: list[int], length: int) -> None:
        """Moves sentence ``index`` (words ``ids`` in the vocabulary) to the summary."""
        self.active[index] = False
        np.add.at(self.summary, np.asarray(ids, dtype=np.int64), 1.0)
        self.summary_length += length
        alive = int(self.active.sum())
        if alive * 2 < self._alive_at_compaction:
            keep = self.active[self.rows]
            self._set_entries(self.rows[keep], self.cols[keep], self.values[keep])
            self._alive_at_compaction = alive


class FastSumBasicSummarizer(GreedyPicks, CachedStems, SumBasicSummarizer):
    """SumBasic with the average word probabilities of all sentences at once."""

    def _get_content_words_in_sentence(self, sentence: SumySentence) -> list[str]:
        return self._content_stems(sentence.words)

    def _get_all_content_words_in_doc(self, sentences: Sequence[SumySentence]) -> list[str]:
        return [w for s in sentences for w in self._content_stems(s.words)]

    def _picks(self, sentences: Sequence[SumySentence]) -> Iterator[int]:
        """Document indices in the order sumy moves sentences to the summary."""
        word_freq = self._compute_tf(sentences)
        vocab = {w: i for i, w in enumerate(word_freq)}
        probabilities = np.fromiter(word_freq.values(), dtype=float, count=len(vocab))
        tokens = [
            np.array([vocab[w] for w in self._get_content_words_in_sentence(s)], dtype=np.int64)
            for s in sentences
        ]
        active = np.ones(len(sentences), dtype=bool)
        layout = _SumLayout(tokens, np.flatnonzero(active))
        for _ in range(len(sentences)):
            averages = layout.averages(probabilities, len(sentences))
            averages[~active] = -np.inf
            best = int(np.argmax(averages))  # first maximum, as sumy
            yield best
            active[best] = False
            for word in tokens[best].tolist():
                probabilities[word] *= probabilities[word]
            if layout.stale(int(active.sum())):
                layout = _SumLayout(tokens, np.flatnonzero(active))


class _SumLayout:
    """Sentences' word ids by position, longest sentences first.

    Adding position by position sums every sentence left to right, exactly as
    Python's ``sum`` does, for all sentences at once.
    """

    def __init__(self, tokens: Sequence[np.ndarray], rows: np.ndarray) -> None:
        lengths = np.array([len(tokens[r]) for r in rows], dtype=np.int64)
        order = np.argsort(-lengths, kind="stable")
        self.rows = rows[order][lengths[order] > 0]
        self.lengths = lengths[order][: len(self.rows)]
        width = int(self.lengths[0]) if len(self.rows) else 0
        padded = np.zeros((len(self.rows), width), dtype=np.int64)
        for i, row in enumerate(self.rows.tolist()):
            padded[i, : len(tokens[row])] = tokens[row]
        counts = [(self.lengths > j).sum() for j in range(width)]
        self.columns = [np.ascontiguousarray(padded[: counts[j], j]) for j in range(width)]
        self.size = len(rows)

    def averages(self, probabilities: np.ndarray, count: int) -> np.ndarray:
        """Average word probability per sentence (0 for sentences without words)."""
        result = np.zeros(count)
        if not self.columns:
            return result
        sums = probabilities[self.columns[0]]
        for column in self.columns[1:]:
            sums[: len(column)] += probabilities[column]
        result[self.rows] = sums / self.lengths
        return result

    def stale(self, alive: int) -> bool:
        return alive * 2 < self.size


# --------------------------------------------------------------------------
# Word-statistics methods: LSA, Luhn, Edmundson
# --------------------------------------------------------------------------


class FastLsaSummarizer(CachedStems, LsaSummarizer):
    """LSA with a sorted (hash-seed independent) dictionary and closed-form ranks."""

    def __call__(self, document: Document, sentences_count: object) -> tuple[SumySentence, ...]:
        self._ensure_dependecies_installed()
        dictionary = self._create_dictionary(document)
        if not dictionary:
            return ()
        rows, cols, counts = self._counts(document, dictionary)
        words_count, sentences_count_ = len(dictionary), len(document.sentences)
        if words_count < sentences_count_:
            message = (
                "Number of words (%d) is lower than number of sentences (%d). "
                "LSA algorithm may not work properly."
            )
            warn(message % (words_count, sentences_count_), stacklevel=2)
        if self._keeps_all_dimensions(words_count, sentences_count_):
            ranks = _column_norms(rows, cols, counts, words_count, sentences_count_)
        else:
            matrix = np.zeros((words_count, sentences_count_))
            np.add.at(matrix, (rows, cols), counts)
            matrix = self._compute_term_frequency(matrix)
            _u, sigma, v = np.linalg.svd(matrix, full_matrices=False)
            ranks = self._compute_ranks(sigma, v)
        ordered = iter(ranks)
        return self._get_best_sentences(
            document.sentences, sentences_count, lambda s: next(ordered)
        )

    def _create_dictionary(self, document: Document) -> dict[str, int]:
        """Like sumy's, but rows follow sorted words, not set iteration order."""
        unique_words = set(self._content_stems(document.words))
        return {w: i for i, w in enumerate(sorted(unique_words))}

    def _counts(
        self, document: Document, dictionary: dict[str, int]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, count) of the non-zero cells of sumy's word x sentence matrix."""
        cells: Counter[tuple[int, int]] = Counter()
        for col, sentence in enumerate(document.sentences):
            rows = map(dictionary.get, self._stem_all(sentence.words))
            cells.update((row, col) for row in rows if row is not None)
        if not cells:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        keys = np.array(list(cells.keys()), dtype=np.int64)
        return (
            keys[:, 0],
            keys[:, 1],
            np.fromiter(cells.values(), dtype=np.int64, count=len(cells)),
        )

    def _compute_term_frequency(self, matrix: np.ndarray, smooth: float = 0.4) -> np.ndarray:
        """sumy's smoothed max-tf normalisation, vectorised (same float operations)."""
        assert 0.0 <= smooth < 1.0
        maxima = np.max(matrix, axis=0)
        columns = maxima != 0
        matrix[:, columns] = smooth + (1.0 - smooth) * (matrix[:, columns] / maxima[columns])
        return matrix

    @staticmethod
    def _keeps_all_dimensions(words_count: int, sentences_count: int) -> bool:
        """Whether sumy's ``_compute_ranks`` uses every singular value."""
        k = min(words_count, sentences_count)
        dimensions = max(LsaSummarizer.MIN_DIMENSIONS, int(k * LsaSummarizer.REDUCTION_RATIO))
        return dimensions >= k


def _column_norms(
    rows: np.ndarray, cols: np.ndarray, counts: np.ndarray, words_count: int, sentences_count: int
) -> np.ndarray:
    """sumy's LSA ranks when no dimension is dropped: the column norms of the
    smoothed matrix ``0.4 + 0.6 * count / max`` (``rank_j**2 = (A^T A)_jj``).

    A cell is ``(2M + 3c) / 5M``, so ``rank_j**2 = N_j / (25 M_j**2)`` with
    integer ``N_j``: computed exactly, equal ranks are equal floats.
    """
    del rows  # only the column of a cell matters
    maxima = np.zeros(sentences_count, dtype=np.int64)
    np.maximum.at(maxima, cols, counts)
    nonzero = np.bincount(cols, minlength=sentences_count)
    cells = (2 * maxima[cols] + 3 * counts) ** 2
    numerators = _int_bincount(cols, cells, sentences_count)
    numerators += 4 * maxima**2 * (words_count - nonzero)
    denominators = 25 * maxima**2
    ranks = np.zeros(sentences_count)
    used = maxima > 0
    ranks[used] = np.sqrt(numerators[used].astype(float) / denominators[used].astype(float))
    return ranks


def _int_bincount(index: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """``np.bincount`` with exact integer weights."""
    out = np.zeros(size, dtype=np.int64)
    np.add.at(out, index, values)
    return out


class FastLuhnSummarizer(CachedStems, LuhnSummarizer):
    """Luhn with each distinct word stemmed once and its chunks found for all sentences at once."""

    def __call__(self, document: Document, sentences_count: object) -> tuple[SumySentence, ...]:
        if self.max_gap_size <= 0:  # sumy's chunks never close: keep its loop
            return super().__call__(document, sentences_count)
        sentences = document.sentences
        tokens = _SentenceTokens(self, sentences + document.headings)
        if self.significant_percentage == 1:
            significant = self._frequent_stems(tokens)
        else:
            significant = frozenset(self._get_significant_words(document.words))
        ratings = _best_chunk_ratings(tokens, significant, self.max_gap_size)[: len(sentences)]
        ordered = iter(ratings.tolist())
        return self._get_best_sentences(sentences, sentences_count, lambda s: next(ordered))

    def _frequent_stems(self, tokens: _SentenceTokens) -> frozenset[str]:
        """sumy's significant words (at 100%): content stems found more than once."""
        frequencies: Counter[str] = Counter()
        for stem, count in zip(self._content_stems_or_none(tokens.words), tokens.occurrences()):
            if stem is not None:
                frequencies[stem.lower()] += count  # sumy's TfDocumentModel lowercases
        return frozenset(stem for stem, count in frequencies.items() if count > 1)

    def _get_significant_words(self, words: Sequence[str]) -> tuple[str, ...]:
        stems = tuple(self._content_stems(words))
        model = TfDocumentModel(stems)
        terms = model.most_frequent_terms(int(len(stems) * self.significant_percentage))
        return tuple(t for t in terms if model.term_frequency(t) > 1)


def _best_chunk_ratings(
    tokens: _SentenceTokens, significant_stems: frozenset[str], gap: int
) -> np.ndarray:
    """sumy's Luhn ``rate_sentence`` of every sentence: the rating of its best chunk.

    A chunk starts at a significant word and takes in the next ones while fewer
    than ``gap`` insignificant words separate them; it rates
    ``significant ** 2 / words`` (words up to its last significant one), or 0
    with a single significant word.
    """
    ratings = np.zeros(tokens.sentences)
    positions = np.flatnonzero(tokens.flags(significant_stems))
    if not len(positions):
        return ratings
    owners = tokens.sentence_of[positions]
    starts = np.ones(len(positions), dtype=bool)
    starts[1:] = (owners[1:] != owners[:-1]) | (np.diff(positions) > gap)
    first = np.flatnonzero(starts)
    ends = np.append(first[1:], len(positions))
    significant = ends - first
    words = positions[ends - 1] - positions[first] + 1
    chunk_ratings = np.where(significant == 1, 0.0, significant**2 / words)
    np.maximum.at(ratings, owners[first], chunk_ratings)
    return ratings


class FastEdmundsonSummarizer(CachedStems, EdmundsonSummarizer):
    """Edmundson whose four methods count stems of all sentences at once.

    As in sumy, each enabled method adds its rating (at its default weights),
    and equal sentences share one rating: the last one's, as sumy's dicts
    keyed by sentence keep it.
    """

    def __call__(self, document: Document, sentences_count: object) -> tuple[SumySentence, ...]:
        sentences = document.sentences
        ratings = iter(self._ratings(document).tolist())
        return self._get_best_sentences(sentences, sentences_count, lambda s: next(ratings))

    def _ratings(self, document: Document) -> np.ndarray:
        """The sum of the enabled methods' ratings, per sentence (exact integers)."""
        sentences = document.sentences
        tokens = _SentenceTokens(self, sentences + document.headings)
        ratings = np.zeros(len(sentences), dtype=np.int64)

        def counts(stems: Collection[str]) -> np.ndarray:
            return tokens.counts(stems)[: len(sentences)]

        if self._cue_weight > 0.0:
            self._build_cue_method_instance()  # sumy's checks of the word lists
            ratings += counts(self._bonus_words) - counts(self._stigma_words)
        if self._key_weight > 0.0:
            self._build_key_method_instance()
            frequencies: Counter[str] = Counter()
            for stem, count in zip(tokens.stems, tokens.occurrences()):
                if stem in self._bonus_words:
                    frequencies[stem] += count
            ratings += counts(_key_words(frequencies, 0.5))
        if self._title_weight > 0.0:
            title = self._build_title_method_instance()
            ratings += counts(title._compute_significant_words(document))
        if self._location_weight > 0.0:
            location = self._build_location_method_instance()
            ratings += counts(location._compute_significant_words(document))
            ratings += _location_bonus(document.paragraphs)
            last = dict(zip(sentences, range(len(sentences))))
            if len(last) < len(sentences):  # equal sentences: the last one's position counts
                ratings = ratings[[last[s] for s in sentences]]
        return ratings

    def _share(self, method: _M) -> _M:
        method.__dict__["_stem_cache"] = self._cache("_stem_cache")
        return method

    def _build_cue_method_instance(self) -> _CueMethod:
        super()._build_cue_method_instance()
        return self._share(_CueMethod(self._stemmer, self._bonus_words, self._stigma_words))

    def _build_key_method_instance(self) -> _KeyMethod:
        super()._build_key_method_instance()
        return self._share(_KeyMethod(self._stemmer, self._bonus_words))

    def _build_title_method_instance(self) -> _TitleMethod:
        super()._build_title_method_instance()
        return self._share(_TitleMethod(self._stemmer, self._null_words))

    def _build_location_method_instance(self) -> _LocationMethod:
        super()._build_location_method_instance()
        return self._share(_LocationMethod(self._stemmer, self._null_words))


def _key_words(frequencies: Counter[str], weight: float) -> frozenset[str]:
    """Edmundson's key words: bonus stems more frequent than ``weight`` x the most frequent."""
    most = max(frequencies.values(), default=0)
    return frozenset(word for word, frequency in frequencies.items() if frequency / most > weight)


def _location_bonus(paragraphs: Sequence[Any]) -> np.ndarray:
    """Edmundson's location points per sentence: first and last paragraph, first
    and last sentence of a paragraph (sumy's default weights, 1 each)."""
    bonus: list[int] = []
    for paragraph_order, paragraph in enumerate(paragraphs):
        count = len(paragraph.sentences)
        in_paragraph = 1 if paragraph_order == 0 or paragraph_order == len(paragraphs) - 1 else 0
        bonus.extend(
            in_paragraph + (1 if order == 0 or order == count - 1 else 0) for order in range(count)
        )
    return np.array(bonus, dtype=np.int64)


class _CueMethod(CachedStems, EdmundsonCueMethod):
    """Cue method with cached stems (for sumy's ``cue_method``)."""

    def _rate_sentence(
        self, sentence: SumySentence, bonus_word_weight: float, stigma_word_weight: float
    ) -> float:
        stems = self._stem_all(sentence.words)
        bonus = sum(map(self._bonus_words.__contains__, stems))
        stigma = sum(map(self._stigma_words.__contains__, stems))
        return bonus * bonus_word_weight - stigma * stigma_word_weight


def _count_in(self: CachedStems, sentence: SumySentence, significant_words: Iterable[str]) -> int:
    """How many of the sentence's stems are significant."""
    if not isinstance(significant_words, (set, frozenset)):
        significant_words = frozenset(significant_words)
    return sum(map(significant_words.__contains__, self._stem_all(sentence.words)))


class _KeyMethod(CachedStems, EdmundsonKeyMethod):
    """Key method with cached stems."""

    _rate_sentence = _count_in

    def _compute_significant_words(self, document: Document, weight: float) -> tuple[str, ...]:
        frequencies = Counter(
            filter(self._bonus_words.__contains__, self._stem_all(document.words))
        )
        return tuple(_key_words(frequencies, weight))


class _TitleMethod(CachedStems, EdmundsonTitleMethod):
    """Title method with cached stems."""

    _rate_sentence = _count_in


class _LocationMethod(CachedStems, EdmundsonLocationMethod):
    """Location method with cached stems."""

    _rate_sentence = _count_in
