"""The sentences a summary may pick, with their words: the text side of a summary.

Choosing candidates (no labels, bylines, repeats or sentences that lean on the
one before) and splitting them into words needs our tokenizer and rules, not
sumy, nltk or numpy. So ``reader summarize`` has them made in the child process
that builds the article (reader.prefetch) while it imports sumy itself, and
the summary only ranks what it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.article.model import Article, Sentence
from reader.summary.registry import get

_LABEL_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Candidates:
    """What ``algorithm`` may pick for a ``length``-sentence summary, and each one's words."""

    algorithm: str
    length: int
    in_context: bool
    sentences: tuple[Sentence, ...]
    words: tuple[tuple[str, ...], ...]  # per sentence, as our tokenizer splits it

    def serves(self, algorithm: str, length: int, in_context: bool) -> bool:
        """Whether these are the candidates of that summary."""
        return (self.algorithm, self.length, self.in_context) == (algorithm, length, in_context)


def choose(article: Article, algorithm: str, length: int, in_context: bool = False) -> Candidates:
    """The candidates of ``article`` for ``algorithm`` (a checked name) and ``length``.

    Sentences that cannot be read out of context ("But...", "He...", a bare
    quotation; see reader.summary.context) are left out unless too few would
    remain, or ``in_context`` is true, or the algorithm weighs them itself.
    """
    from reader.summary.context import is_furniture, readable
    from reader.summary.words import tokenizer

    sentences = [
        s for s in unique_sentences(article) if not is_label(s.text) and not is_furniture(s.text)
    ]
    if len(sentences) < length:  # an article of labels only: take what there is
        sentences = unique_sentences(article)
    if not in_context and not get(algorithm).keeps_context:
        sentences = readable(sentences, article.sentences, length)
    words = tokenizer()
    return Candidates(
        algorithm,
        length,
        in_context,
        tuple(sentences),
        tuple(words.to_words(s.text) for s in sentences),
    )


def is_label(text: str) -> bool:
    """A few words with no sentence end: a kicker, a photo's title, a heading left in
    the text ("Apple's 16-inch MacBook Pro"); never summary material."""
    return len(text.split()) < _LABEL_WORDS and not _SENTENCE_END.search(text.strip())


def unique_sentences(article: Article) -> list[Sentence]:
    """Body sentences, without later repeats of the same text."""
    seen: set[str] = set()
    unique = []
    for sentence in article.sentences:
        key = " ".join(sentence.text.split())
        if key not in seen:
            seen.add(key)
            unique.append(sentence)
    return unique
