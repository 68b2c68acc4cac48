"""reader.summary.sparse: the numpy sparse matrix the summarizers use, against dense numpy."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.summary.sparse import RowMatrix


@st.composite
def sparse_cells(draw: st.DrawFn) -> tuple[np.ndarray, RowMatrix]:
    """A dense matrix of small integers, mostly zeros, and the RowMatrix of its cells."""
    rows = draw(st.integers(0, 7))
    cols = draw(st.integers(1, 7))
    cells = draw(
        st.lists(
            st.tuples(
                st.integers(0, max(rows - 1, 0)), st.integers(0, cols - 1), st.integers(1, 4)
            ),
            max_size=30,
        )
    )
    if rows == 0:
        cells = []
    dense = np.zeros((rows, cols))
    for r, c, v in cells:
        dense[r, c] += v  # repeated cells add up
    r, c, v = (np.array(x, dtype=np.int64) for x in zip(*cells)) if cells else ([], [], [])
    return dense, RowMatrix.from_cells(
        np.asarray(r), np.asarray(c), np.asarray(v, dtype=float), (rows, cols)
    )


@settings(max_examples=200, deadline=None)
@given(sparse_cells(), st.data())
def test_operations_agree_with_dense_numpy(
    pair: tuple[np.ndarray, RowMatrix], data: st.DataObject
) -> None:
    dense, matrix = pair
    assert np.array_equal(matrix.to_dense(), dense)
    assert np.array_equal(matrix.row_sums(), dense.sum(axis=1))
    assert np.array_equal(matrix.column_sums(), dense.sum(axis=0))
    assert np.array_equal(matrix.column_counts(), (dense != 0).sum(axis=0))
    assert np.array_equal(matrix.row_max(), dense.max(axis=1, initial=0.0))
    assert np.array_equal(matrix.transpose().to_dense(), dense.T)
    keep = np.array(
        data.draw(st.lists(st.booleans(), min_size=dense.shape[1], max_size=dense.shape[1]))
    )
    assert np.array_equal(matrix.columns(keep).to_dense(), dense[:, keep])
    chosen = (
        np.array(
            data.draw(
                st.lists(st.integers(0, max(dense.shape[0] - 1, 0)), max_size=dense.shape[0])
            ),
            dtype=np.int64,
        )
        if dense.shape[0]
        else np.zeros(0, dtype=np.int64)
    )
    assert np.array_equal(matrix.rows(chosen).to_dense(), dense[chosen])
    vector = np.arange(1.0, dense.shape[1] + 1)
    assert np.array_equal(matrix.dot(vector), dense @ vector)
    assert np.array_equal(matrix.product(matrix.transpose()), dense @ dense.T)
    factors = np.arange(2.0, dense.shape[0] + 2)
    assert np.array_equal(matrix.scaled(rows=factors).to_dense(), dense * factors[:, None])
    assert np.array_equal(RowMatrix.stack([matrix, matrix]).to_dense(), np.vstack([dense, dense]))
    assert np.array_equal(RowMatrix.from_dense(dense).to_dense(), dense)


def test_a_product_keeps_the_order_of_terms_in_its_sums() -> None:
    """Sums run term by term, as scipy's sparse product ran them (the summaries stay bit-exact)."""
    left = RowMatrix.from_cells(
        np.array([0, 0, 0]), np.array([2, 0, 1]), np.array([1e16, 1.0, -1e16]), (1, 3)
    )
    right = RowMatrix.from_cells(np.array([0, 1, 2]), np.array([0, 0, 0]), np.ones(3), (3, 1))
    # in term order: (1.0 + -1e16) + 1e16 == 0.0, not 1.0
    assert left.product(right)[0, 0] == (1.0 + -1e16) + 1e16
