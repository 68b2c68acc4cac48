"""Body blocks to readable paragraphs of sentences, without changing a word.

A scraped block of a dozen sentences is split into paragraphs of at most
``MAX_SENTENCES`` sentences. The split points are chosen by dynamic
programming: prefer a boundary where a new quote or speaker starts and
where the two sides share few words; avoid one before a sentence that leans
on the previous one ("But...", "He...").
"""

from __future__ import annotations

import re

from reader.article.blocks import Block
from reader.lexicon.openers import PARAGRAPH_LEANS_BACK
from reader.nlp.tokenize import sentence_spans

MAX_SENTENCES = 6
MAX_QUOTED_SENTENCES = 12  # a paragraph may grow to this to keep a quotation whole
MIN_SENTENCES = 2
_OPENS_QUOTE = re.compile(r"^[\"\u201c\u2018']")
_LEANS_BACK = re.compile(PARAGRAPH_LEANS_BACK, re.I)
_INTRODUCES_SPEAKER = re.compile(r"\b[A-Z][\w'-]+(?: [A-Z][\w'-]+)+, (?:a|an|the)\b")
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_SIGNATURE = re.compile(r"^\u201d?\s*[\u2015\u2014]\s*[A-Z]")

Span = tuple[int, int]


def block_sentences(text: str, block: Block) -> list[Span]:
    """Sentence offsets (into ``text``) of one block."""
    return [(block.start + s, block.start + e) for s, e in sentence_spans(block.text)]


def split_block(text: str, sentences: list[Span]) -> list[list[Span]]:
    """Group a block's sentences into paragraphs of at most MAX_SENTENCES."""
    count = len(sentences)
    if count <= MAX_SENTENCES:
        return [sentences]
    inside = _inside_quote(text, sentences)
    costs = [
        _boundary_cost(text, sentences, i) + (_INSIDE_QUOTE_COST if inside[i] else 0.0)
        for i in range(count)
    ]
    return _best_partition(sentences, costs)


def _boundary_cost(text: str, sentences: list[Span], i: int) -> float:
    """Cost of starting a paragraph at sentence ``i`` (lower is better)."""
    if i == 0:
        return 0.0
    if not any(c.isspace() for c in text[sentences[i - 1][1] : sentences[i][0]]):
        return _INSIDE_WORD_COST  # '?"Next': the splitter broke inside a word
    current = text[sentences[i][0] : sentences[i][1]]
    cost = _overlap(text, sentences[max(0, i - 2) : i], sentences[i : i + 2])
    if _LEANS_BACK.match(current):
        cost += 0.6
    if _SIGNATURE.match(current):
        cost += _INSIDE_QUOTE_COST  # "― Jane Doe" signs the quote before it
    if _OPENS_QUOTE.match(current) and not _OPENS_QUOTE.match(
        text[sentences[i - 1][0] : sentences[i - 1][1]]
    ):
        cost -= 0.3
    if _INTRODUCES_SPEAKER.search(current):
        cost -= 0.4
    return cost


def _inside_quote(text: str, sentences: list[Span]) -> list[bool]:
    """For each sentence: does it start inside an open quotation?"""
    inside, is_open = [], False
    for start, end in sentences:
        inside.append(is_open)
        chunk = text[start:end]
        curly = chunk.count("\u201c") - chunk.count("\u201d")
        if chunk.startswith("\u201d"):
            curly += 2  # '\u201dFear.': a closing mark used to open
        if curly:
            is_open = curly > 0
        elif chunk.count('"') % 2:
            is_open = not is_open
    return inside


def _overlap(text: str, before: list[Span], after: list[Span]) -> float:
    left = {w for s, e in before for w in _WORD.findall(text[s:e].lower())}
    right = {w for s, e in after for w in _WORD.findall(text[s:e].lower())}
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def _best_partition(sentences: list[Span], costs: list[float]) -> list[list[Span]]:
    """Cut ``sentences`` into runs of at most MAX_SENTENCES at least cost.

    A run may grow to MAX_QUOTED_SENTENCES when every cut would fall inside a
    quotation.

    Every run has a price, so few runs are made, but an extra one is worth
    it to avoid a bad boundary, such as one inside a quotation.
    """
    count = len(sentences)
    inf = float("inf")
    # best[i]: (cost, runs) of the best cut of the first i sentences.
    best: list[tuple[float, int]] = [(0.0, 0)] + [(inf, 0)] * count
    back = [0] * (count + 1)
    for i in range(1, count + 1):
        for size in range(1, min(MAX_QUOTED_SENTENCES, i) + 1):
            j = i - size
            if best[j][0] == inf:
                continue
            # Each extra run costs a little, runs shorter than MIN_SENTENCES more, and
            # runs longer than MAX_SENTENCES more still: worth it only to keep a quotation whole.
            value = (
                best[j][0]
                + costs[j]
                + _RUN_COST
                + (_SHORT_RUN_COST if size < MIN_SENTENCES else 0.0)
                + (_LONG_RUN_COST if size > MAX_SENTENCES else 0.0)
            )
            if value < best[i][0]:
                best[i], back[i] = (value, best[j][1] + 1), j
    runs: list[list[Span]] = []
    i = count
    while i > 0:
        j = back[i]
        runs.append(sentences[j:i])
        i = j
    return runs[::-1]


_RUN_COST = 0.45
_SHORT_RUN_COST = 0.6
_INSIDE_QUOTE_COST = 5.0  # a paragraph boundary inside a quotation
_INSIDE_WORD_COST = 50.0  # sentences with no space between them: never a paragraph break
_LONG_RUN_COST = 4.0  # below _INSIDE_QUOTE_COST: a long paragraph beats a cut quotation
