"""Numeric helpers shared by the summarizers: token ids, count matrices, pair products."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import chain

import numpy as np
import scipy.sparse as sp

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


def count_matrix(token_lists: Sequence[Sequence[str]]) -> sp.csr_matrix:
    """Sentences x terms matrix of term counts (float64, exact integers)."""
    ids, indptr, vocab = encode_tokens(token_lists)
    shape = (len(token_lists), max(len(vocab), 1))
    matrix = sp.csr_matrix((np.ones(len(ids)), ids, indptr), shape=shape)
    matrix.sum_duplicates()
    return matrix


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

    def __init__(self, left: sp.csr_matrix, right: sp.csr_matrix, dense_ratio: int = 64):
        frequencies = np.bincount(left.indices, minlength=left.shape[1])
        frequent = frequencies * dense_ratio > left.shape[0]
        self.dense_left = left[:, frequent].toarray()
        self.dense_right_t = np.ascontiguousarray(right[:, frequent].toarray().T)
        self.sparse_left = left[:, ~frequent].tocsr()
        self.sparse_right_t = right[:, ~frequent].T.tocsr()

    def block(self, rows: slice | np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """``(left @ right.T)[rows]`` as a dense array (written to ``out`` if given)."""
        out = np.matmul(self.dense_left[rows], self.dense_right_t, out=out)
        rest = (self.sparse_left[rows] @ self.sparse_right_t).tocoo()
        out[rest.row, rest.col] += rest.data  # canonical: no repeated cells
        return out
