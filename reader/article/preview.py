"""The first part of a long document, to show while the whole article is built.

Building a long text's article takes time in proportion to its length
(30,000 words: about 0.4 s), while the first screen shows only its first few
hundred words. :func:`head_document` cuts a long document after its first
HEAD_CHARS characters, at the end of a block, into a document of its own
(its headings, captions, list items and emphasis cut to match): the reader
builds and shows that first, and replaces it with the whole article when it
is ready. A short document has no head (None): it is built whole at once.
"""

from __future__ import annotations

from dataclasses import replace

from reader.sources.document import Document

LONG_TEXT = (
    40_000  # characters (about 6,500 words): a longer document is shown from its head first
)
HEAD_CHARS = 8_000  # characters in the head: more than the tallest screen shows of the column


def head_document(document: Document, chars: int = HEAD_CHARS) -> Document | None:
    """The first ``chars`` characters of a long ``document`` (to the end of a block); None when short."""
    text = document.text
    if len(text) < max(LONG_TEXT, 2 * chars):
        return None
    cut = text.find("\n\n", chars)
    if cut < 0:
        return None
    return replace(
        document,
        text=text[:cut],
        headings=tuple(h for h in document.headings if h[0] < cut),
        captions=tuple(
            c for c in document.captions if c.position is not None and c.position < cut
        ),
        blocks=tuple(replace(b, end=min(b.end, cut)) for b in document.blocks if b.start < cut),
        styles=tuple(replace(s, end=min(s.end, cut)) for s in document.styles if s.start < cut),
    )
