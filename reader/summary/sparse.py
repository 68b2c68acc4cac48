"""Sparse matrices in compressed rows (CSR), with numpy alone.

The summarizers need only a few operations of a sparse sentence x term matrix:
build it from cells, scale rows or columns, sum them, take rows or columns, multiply
by a vector and form dense blocks of pair products. ``RowMatrix`` does those in
plain numpy, so a summary does not import scipy (whose import, pulled in by nltk's
package import when scipy is installed, cost more than half a second of every first
summary). Sums run in the order scipy runs them (row by row, in column order), so the
figures are the same to the bit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MATVEC_CHUNK = 1 << 20  # stored values multiplied at once: bounds the temporaries (8 MB)


class RowMatrix:
    """A sparse matrix: row ``i`` holds ``data[indptr[i]:indptr[i+1]]`` at columns ``indices[...]``.

    Columns are sorted and unique within each row (the canonical CSR form).
    """

    __slots__ = ("data", "indices", "indptr", "shape")

    def __init__(
        self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]
    ) -> None:
        self.data = data
        self.indices = indices
        self.indptr = indptr
        self.shape = shape

    @classmethod
    def from_cells(
        cls, rows: np.ndarray, columns: np.ndarray, values: np.ndarray, shape: tuple[int, int]
    ) -> RowMatrix:
        """The matrix holding ``values`` at (``rows``, ``columns``); repeated cells are summed."""
        rows = np.asarray(rows, dtype=np.int64)
        columns = np.asarray(columns, dtype=np.int64)
        values = np.asarray(values, dtype=np.float64)
        cells = rows * shape[1] + columns
        order = np.argsort(cells, kind="stable")
        cells = cells[order]
        starts = np.flatnonzero(np.r_[True, cells[1:] != cells[:-1]]) if len(cells) else cells
        data = np.add.reduceat(values[order], starts) if len(cells) else values[:0]
        unique = cells[starts]
        indptr = np.zeros(shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(unique // shape[1], minlength=shape[0]), out=indptr[1:])
        return cls(data, unique % shape[1], indptr, shape)

    @classmethod
    def from_dense(cls, array: np.ndarray, dtype: type = np.float64) -> RowMatrix:
        """The non-zero cells of a 2-D array."""
        rows, columns = np.nonzero(array)
        indptr = np.zeros(array.shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=array.shape[0]), out=indptr[1:])
        return cls(array[rows, columns].astype(dtype), columns, indptr, array.shape)

    @classmethod
    def stack(cls, blocks: Sequence[RowMatrix]) -> RowMatrix:
        """The blocks one under the other (they have the same number of columns)."""
        if not blocks:
            return cls(
                np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64), (0, 0)
            )
        offsets = np.cumsum([0, *(len(b.data) for b in blocks[:-1])])
        indptr = np.concatenate(
            [blocks[0].indptr[:1], *(b.indptr[1:] + o for b, o in zip(blocks, offsets))]
        )
        shape = (sum(b.shape[0] for b in blocks), blocks[0].shape[1])
        data = np.concatenate([b.data for b in blocks])
        indices = np.concatenate([b.indices for b in blocks])
        return cls(data, indices, indptr, shape)

    # ------------------------------------------------------------ views of it

    @property
    def row_lengths(self) -> np.ndarray:
        """Stored values per row."""
        return np.diff(self.indptr)

    def row_ids(self) -> np.ndarray:
        """The row of each stored value."""
        return np.repeat(np.arange(self.shape[0]), self.row_lengths)

    def row_sums(self) -> np.ndarray:
        return np.bincount(self.row_ids(), weights=self.data, minlength=self.shape[0])

    def column_sums(self) -> np.ndarray:
        return np.bincount(self.indices, weights=self.data, minlength=self.shape[1])

    def column_counts(self) -> np.ndarray:
        """Stored values per column (the rows a term occurs in)."""
        return np.bincount(self.indices, minlength=self.shape[1])

    def row_max(self) -> np.ndarray:
        """Each row's largest value, 0 for an empty row (values are positive)."""
        out = np.zeros(self.shape[0])
        filled = self.row_lengths > 0
        if filled.any():
            out[filled] = np.maximum.reduceat(self.data, self.indptr[:-1][filled])
        return out

    def to_dense(self) -> np.ndarray:
        out = np.zeros(self.shape)
        out[self.row_ids(), self.indices] = self.data
        return out

    # ------------------------------------------------------------ new matrices

    def scaled(
        self, rows: np.ndarray | None = None, columns: np.ndarray | None = None
    ) -> RowMatrix:
        """Each value times its row's factor in ``rows`` and its column's in ``columns``."""
        data = self.data
        if columns is not None:
            data = data * columns[self.indices]
        if rows is not None:
            data = data * np.repeat(rows, self.row_lengths)
        return RowMatrix(data, self.indices, self.indptr, self.shape)

    def with_data(self, data: np.ndarray) -> RowMatrix:
        """The same cells holding ``data``."""
        return RowMatrix(data, self.indices, self.indptr, self.shape)

    def rows(self, chosen: slice | np.ndarray) -> RowMatrix:
        """The matrix of the ``chosen`` rows, in that order."""
        picked = np.arange(self.shape[0])[chosen]
        lengths = self.row_lengths[picked]
        indptr = np.zeros(len(picked) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        positions = _ranges(self.indptr[picked], lengths)
        return RowMatrix(
            self.data[positions], self.indices[positions], indptr, (len(picked), self.shape[1])
        )

    def columns(self, keep: np.ndarray) -> RowMatrix:
        """The matrix of the columns where ``keep`` (a boolean mask) is true, renumbered."""
        kept = keep[self.indices]
        renumber = np.cumsum(keep) - 1
        counts = np.bincount(self.row_ids()[kept], minlength=self.shape[0])
        indptr = np.zeros(self.shape[0] + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        shape = (self.shape[0], int(keep.sum()))
        return RowMatrix(self.data[kept], renumber[self.indices[kept]], indptr, shape)

    def transpose(self) -> RowMatrix:
        order = np.argsort(self.indices, kind="stable")  # by column, rows in order within one
        indptr = np.zeros(self.shape[1] + 1, dtype=np.int64)
        np.cumsum(self.column_counts(), out=indptr[1:])
        shape = (self.shape[1], self.shape[0])
        return RowMatrix(self.data[order], self.row_ids()[order], indptr, shape)

    # ------------------------------------------------------------ products

    def dot(self, vector: np.ndarray) -> np.ndarray:
        """``self @ vector``, a few rows at a time (each row summed in column order)."""
        out = np.zeros(self.shape[0])
        step = max(1, MATVEC_CHUNK * self.shape[0] // max(len(self.data), 1))
        for start in range(0, self.shape[0], step):
            stop = min(self.shape[0], start + step)
            part = slice(self.indptr[start], self.indptr[stop])
            ids = np.repeat(np.arange(stop - start), self.row_lengths[start:stop])
            weights = self.data[part] * vector[self.indices[part]]
            out[start:stop] = np.bincount(ids, weights=weights, minlength=stop - start)
        return out

    def product(self, right: RowMatrix) -> np.ndarray:
        """``self @ right`` as a dense array.

        Every (row, term, column) triple is listed and summed by cell, terms in
        order, as scipy's sparse product sums them.
        """
        rows, cols = self.shape[0], right.shape[1]
        lengths = right.row_lengths[self.indices]
        positions = _ranges(right.indptr[self.indices], lengths)
        left_rows = np.repeat(self.row_ids(), lengths)
        cells = left_rows * cols + right.indices[positions]
        weights = np.repeat(self.data, lengths) * right.data[positions]
        return np.bincount(cells, weights=weights, minlength=rows * cols).reshape(rows, cols)


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + n) for s, n in zip(starts, lengths)])``, vectorised."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    shifts = np.repeat(starts - (ends - lengths), lengths)
    return np.arange(total, dtype=np.int64) + shifts
