"""Numeric helpers shared by the summarizers: token ids, count matrices, pair products."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import chain

import numpy as np

from reader.summary.sparse import RowMatrix

ROW_CHUNK_CELLS = 4_000_000  # cells of a dense row block (32 MB of float64)


def encode_tokens(
    token_lists: Sequence[Sequence[str]],
) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Token ids (flat), row pointers and the vocabulary, in first-seen order."""
    vocab: defaultdict[str, int] = defaultdict()
    vocab.default_factory = vocab.__len__  # a new token gets the next id
    ids = np.fromiter(map(vocab.__getitem__, chain.from_iterable(token_lists)), dtype=np.int64)
    indptr = np.zeros(len(token_lists) + 1, dtype=np.int64)
    np.cumsum([*map(len, token_lists)], out=indptr[1:])
    vocab.default_factory = None
    return ids, indptr, vocab


def count_matrix(token_lists: Sequence[Sequence[str]]) -> RowMatrix:
    """Sentences x terms matrix of term counts (float64, exact integers)."""
    ids, indptr, vocab = encode_tokens(token_lists)
    shape = (len(token_lists), max(len(vocab), 1))
    rows = np.repeat(np.arange(len(token_lists)), np.diff(indptr))
    return RowMatrix.from_cells(rows, ids, np.ones(len(ids)), shape)


def row_chunks(rows: int, cols: int) -> Iterator[slice]:
    """Row slices whose dense blocks stay under ``ROW_CHUNK_CELLS`` cells."""
    step = max(1, ROW_CHUNK_CELLS // max(cols, 1))
    for start in range(0, rows, step):
        yield slice(start, min(rows, start + step))


class PairProducts:
    """Dense row blocks of ``left @ right.T`` for sparse sentence x term matrices.

    Terms found in more than ``1 / dense_ratio`` of the sentences go through a
    dense BLAS product, the rest through a sparse one (frequent terms would
    make the sparse product's output nearly dense and slow).
    """

    def __init__(self, left: RowMatrix, right: RowMatrix, dense_ratio: int = 64):
        frequent = left.column_counts() * dense_ratio > left.shape[0]
        self.dense_left = left.columns(frequent).to_dense()
        self.dense_right_t = np.ascontiguousarray(right.columns(frequent).to_dense().T)
        self.sparse_left = left.columns(~frequent)
        self.sparse_right_t = right.columns(~frequent).transpose()

    def block(self, rows: slice | np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """``(left @ right.T)[rows]`` as a dense array (written to ``out`` if given)."""
        out = np.matmul(self.dense_left[rows], self.dense_right_t, out=out)
        out += self.sparse_left.rows(rows).product(self.sparse_right_t)
        return out
