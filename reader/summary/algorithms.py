"""Extractive summaries with sumy, traceable to the article's sentences.

The sumy document is built from the article's own body sentences (our Punkt
tokenizer made them), so every sentence sumy picks maps back to its place in
the article. Captions are never in it, and a sentence whose text repeats an
earlier one is left out, so no summary holds one sentence twice.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.article.model import Article, Sentence
from reader.errors import ReaderError
from reader.summary.candidates import Candidates, choose
from reader.summary.registry import REGISTRY, Algorithm, find, get
from reader.summary.words import stemmer, tokenizer

ALGORITHMS: tuple[str, ...] = tuple(entry.name for entry in REGISTRY)
DEFAULT_ALGORITHM = "keypoints"  # what s opens first: see README, "Summaries"
DEFAULT_LENGTH = 3
MAX_LENGTH = 50  # sentences: the longest summary a setting or a saved state may ask for

# "Display name: what it picks", per algorithm (the summary pane and the palette show them).
DESCRIPTIONS: dict[str, str] = {e.name: f"{e.display_name}: {e.description}" for e in REGISTRY}


@dataclass(frozen=True)
class Summary:
    """The sentences chosen by one algorithm, in article order."""

    algorithm: str
    sentences: tuple[Sentence, ...]

    @property
    def indexes(self) -> tuple[int, ...]:
        return tuple(s.index for s in self.sentences)


def algorithm_name(algorithm: str) -> str:
    """The name the UI shows for ``algorithm`` (``"textrank"`` -> ``"TextRank"``)."""
    entry = find(algorithm)
    return algorithm if entry is None else entry.display_name


def algorithm_description(algorithm: str) -> str:
    """What ``algorithm`` picks, in a few words ("" when unknown)."""
    entry = find(algorithm)
    return "" if entry is None else entry.description


def check_algorithm(name: str) -> str:
    """``name`` normalised, or a ReaderError naming the choices."""
    key = name.strip().lower()
    if key not in ALGORITHMS:
        raise ReaderError(f"unknown algorithm {name!r} (choose from {', '.join(ALGORITHMS)})")
    return key


# sumy's LSA warns when an article has fewer distinct words than sentences; the
# summary is still made, and a reader has nothing to do about it.
warnings.filterwarnings(
    "ignore", message="Number of words .* is lower than number of sentences", category=UserWarning
)


class SummaryCancelled(Exception):
    """Raised by summarize when its ``cancelled`` callback says to stop."""


Progress = Callable[[float], None]
# Share of the work done once words are tokenized and stemmed; the summarizer does the rest.
_PREPARED = 0.6
_CHUNK = 400  # sentences prepared between two progress reports


def summarize(
    article: Article,
    algorithm: str = DEFAULT_ALGORITHM,
    length: int = DEFAULT_LENGTH,
    *,
    in_context: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    candidates: Candidates | None = None,
) -> Summary:
    """Pick ``length`` sentences of ``article``'s body with ``algorithm``.

    The sentences come from ``candidates`` when they were chosen for this
    summary ahead (reader.summary.candidates), else they are chosen here;
    ``in_context=True`` keeps the sentences that lean on the one before (for
    measuring). ``progress`` is called with the share of the work done (0 to 1);
    ``cancelled`` is polled, and when it returns True, SummaryCancelled is raised.
    """
    algorithm = check_algorithm(algorithm)
    if length < 1:
        raise ReaderError(f"the summary length must be at least 1 (got {length})")
    if candidates is None or not candidates.serves(algorithm, length, in_context):
        candidates = choose(article, algorithm, length, in_context)
    if length >= len(candidates.sentences):
        return Summary(algorithm, candidates.sentences)
    entry = get(algorithm)
    summarizer = _summarizer(entry, article.title)
    if entry.keeps_context:
        summarizer.readable_only = not in_context
    document, by_identity = _sumy_document(candidates)
    _prepare(document, summarizer, progress, cancelled)
    chosen = summarizer(document, length)
    if progress is not None:
        progress(1.0)
    picked = sorted({by_identity[id(s)] for s in chosen}, key=lambda s: s.index)
    return Summary(algorithm, tuple(picked))


def _prepare(
    document: Any,
    summarizer: Any,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    """Tokenize and stem every sentence ahead of the summarizer, in chunks.

    Words are cached on sumy's sentences and stems in the summarizer, so this
    is work the summarizer would do anyway; in chunks it can report progress
    and stop early.
    """
    sentences = document.sentences
    for start in range(0, len(sentences), _CHUNK):
        if cancelled is not None and cancelled():
            raise SummaryCancelled
        for sentence in sentences[start : start + _CHUNK]:
            for word in sentence.words:
                summarizer.stem_word(word)
        if progress is not None:
            progress(_PREPARED * min(1.0, (start + _CHUNK) / len(sentences)))
    if cancelled is not None and cancelled():
        raise SummaryCancelled


class _KnownWords:
    """A tokenizer for sumy's sentences that gives the words found ahead, by text."""

    def __init__(self, candidates: Candidates) -> None:
        self._words = {s.text: w for s, w in zip(candidates.sentences, candidates.words)}

    def to_words(self, text: str) -> tuple[str, ...]:
        found = self._words.get(text)
        return tokenizer().to_words(text) if found is None else found


def _sumy_document(candidates: Candidates) -> tuple[Any, dict[int, Sentence]]:
    """sumy's document of the ``candidates`` (by paragraph), and sentence by sumy sentence id."""
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence

    words = _KnownWords(candidates)
    by_identity: dict[int, Sentence] = {}
    paragraphs: dict[int, list[Any]] = {}
    for sentence in candidates.sentences:
        sumy_sentence = SumySentence(sentence.text, words)
        by_identity[id(sumy_sentence)] = sentence
        paragraphs.setdefault(sentence.paragraph, []).append(sumy_sentence)
    document = ObjectDocumentModel(
        tuple(SumyParagraph(sentences) for sentences in paragraphs.values())
    )
    return document, by_identity


def prepare(algorithm: str = DEFAULT_ALGORITHM) -> None:
    """Import what ``algorithm`` needs (sumy, nltk's stemmer, numpy, scipy) before the first summary."""
    _summarizer(get(check_algorithm(algorithm)), "")


def _summarizer(entry: Algorithm, title: str) -> Any:
    """A new summarizer for ``entry``, set up for an article titled ``title``."""
    summarizer = entry.fast_class()(stemmer())
    for attribute, value in entry.options(title).items():
        setattr(summarizer, attribute, value)
    return summarizer
