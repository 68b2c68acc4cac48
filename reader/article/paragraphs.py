"""Body blocks to readable paragraphs of sentences, without changing a word.

A scraped block of a dozen sentences is split into paragraphs of at most
``MAX_SENTENCES`` sentences. The split points are chosen by dynamic
programming: prefer a boundary where a new quote or speaker starts and
where the two sides share few words; avoid one before a sentence that leans
on the previous one ("But...", "He...").
"""

from __future__ import annotations

import re
from math import ceil

from reader.article.blocks import Block
from reader.nlp.tokenize import sentence_spans

MAX_SENTENCES = 6
MIN_SENTENCES = 2
_OPENS_QUOTE = re.compile(r"^[\"\u201c\u2018']")
_LEANS_BACK = re.compile(
    r"^(?:but|and|or|so|yet|also|he|she|it|they|his|her|its|their|this|that|these|those|"
    r"such|then|still|however|meanwhile|moreover|instead|there)\b",
    re.I,
)
_INTRODUCES_SPEAKER = re.compile(r"\b[A-Z][\w'-]+(?: [A-Z][\w'-]+)+, (?:a|an|the)\b")
_WORD = re.compile(r"[a-z][a-z'-]{3,}")

Span = tuple[int, int]


def block_sentences(text: str, block: Block) -> list[Span]:
    """Sentence offsets (into ``text``) of one block."""
    return [(block.start + s, block.start + e) for s, e in sentence_spans(block.text)]


def split_block(text: str, sentences: list[Span]) -> list[list[Span]]:
    """Group a block's sentences into paragraphs of at most MAX_SENTENCES."""
    count = len(sentences)
    if count <= MAX_SENTENCES:
        return [sentences]
    parts = ceil(count / MAX_SENTENCES)
    costs = [_boundary_cost(text, sentences, i) for i in range(count)]
    return _best_partition(sentences, costs, parts)


def _boundary_cost(text: str, sentences: list[Span], i: int) -> float:
    """Cost of starting a paragraph at sentence ``i`` (lower is better)."""
    if i == 0:
        return 0.0
    current = text[sentences[i][0] : sentences[i][1]]
    cost = _overlap(text, sentences[max(0, i - 2) : i], sentences[i : i + 2])
    if _LEANS_BACK.match(current):
        cost += 0.6
    if _OPENS_QUOTE.match(current) and not _OPENS_QUOTE.match(text[sentences[i - 1][0] : sentences[i - 1][1]]):
        cost -= 0.3
    if _INTRODUCES_SPEAKER.search(current):
        cost -= 0.4
    return cost


def _overlap(text: str, before: list[Span], after: list[Span]) -> float:
    left = {w for s, e in before for w in _WORD.findall(text[s:e].lower())}
    right = {w for s, e in after for w in _WORD.findall(text[s:e].lower())}
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def _best_partition(sentences: list[Span], costs: list[float], parts: int) -> list[list[Span]]:
    """Cut ``sentences`` into ``parts`` runs of MIN..MAX sentences at least cost."""
    count = len(sentences)
    inf = float("inf")
    # best[k][i]: least cost of cutting the first i sentences into k runs.
    best = [[inf] * (count + 1) for _ in range(parts + 1)]
    back = [[0] * (count + 1) for _ in range(parts + 1)]
    best[0][0] = 0.0
    for k in range(1, parts + 1):
        for i in range(1, count + 1):
            for size in range(MIN_SENTENCES, MAX_SENTENCES + 1):
                j = i - size
                if j < 0 or best[k - 1][j] == inf:
                    continue
                # Balanced lengths read best: a small penalty for uneven runs.
                value = best[k - 1][j] + costs[j] + 0.02 * abs(size - count / parts)
                if value < best[k][i]:
                    best[k][i], back[k][i] = value, j
    if best[parts][count] == inf:
        return [sentences[i : i + MAX_SENTENCES] for i in range(0, count, MAX_SENTENCES)]
    runs: list[list[Span]] = []
    i = count
    for k in range(parts, 0, -1):
        j = back[k][i]
        runs.append(sentences[j:i])
        i = j
    return runs[::-1]
