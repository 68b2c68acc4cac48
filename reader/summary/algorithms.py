"""Extractive summaries with sumy, traceable to the article's sentences.

The sumy document is built from the article's own body sentences (our Punkt
tokenizer made them), so every sentence sumy picks maps back to its place in
the article. Captions are never in it, and a sentence whose text repeats an
earlier one is left out, so no summary holds one sentence twice.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from reader.article.model import Article, Sentence
from reader.errors import ReaderError

ALGORITHMS: tuple[str, ...] = (
    "news",
    "lexrank",
    "lsa",
    "textrank",
    "luhn",
    "kl",
    "sumbasic",
    "reduction",
    "edmundson",
)
DEFAULT_ALGORITHM = "news"
DEFAULT_LENGTH = 3

# Words that mark a sentence as less fit for a summary (Edmundson's stigma words).
STIGMA_WORDS = (
    "hardly",
    "impossible",
    "perhaps",
    "maybe",
    "reportedly",
    "allegedly",
    "unclear",
    "rumor",
)

DESCRIPTIONS = {  # "Name: what it picks", in plain words (the summary pane and the palette show them)
    "news": "News: the opening and the sentences the story keeps coming back to",
    "lexrank": "LexRank: the sentences most like all the others",
    "lsa": "LSA: the sentences that best cover the article's main subjects",
    "textrank": "TextRank: the sentences that share the most words with the others",
    "luhn": "Luhn: the sentences packed with the article's most frequent words",
    "kl": "KL-Sum: the sentences whose words together match the article's best",
    "sumbasic": "SumBasic: the sentences with the most frequent words, without repeats",
    "reduction": "Reduction: the sentences most connected to all the others",
    "edmundson": "Edmundson: sentences with the title's words and key phrases, early on",
}


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
    return DESCRIPTIONS.get(algorithm, algorithm).partition(":")[0]


def algorithm_description(algorithm: str) -> str:
    """What ``algorithm`` picks, in a few words ("" when unknown)."""
    return DESCRIPTIONS.get(algorithm, "").partition(": ")[2]


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
) -> Summary:
    """Pick ``length`` sentences of ``article``'s body with ``algorithm``.

    Sentences that cannot be read out of context ("But...", "He...", a bare
    quotation; see reader.summary.context) are left out of the candidates
    unless too few would remain; ``in_context=True`` keeps them (for measuring).
    ``progress`` is called with the share of the work done (0 to 1);
    ``cancelled`` is polled, and when it returns True, SummaryCancelled is raised.
    """
    algorithm = check_algorithm(algorithm)
    if length < 1:
        raise ReaderError(f"the summary length must be at least 1 (got {length})")
    candidates = [s for s in unique_sentences(article) if not is_label(s.text)]
    if len(candidates) < length:  # an article of labels only: take what there is
        candidates = unique_sentences(article)
    summarizer = _summarizer(algorithm, article.title)
    if hasattr(summarizer, "readable_only"):  # it keeps such sentences in context itself
        summarizer.readable_only = not in_context
    elif not in_context:
        from reader.summary.context import readable

        candidates = readable(candidates, article.sentences, length)
    if length >= len(candidates):
        return Summary(algorithm, tuple(candidates))
    document, by_identity = _sumy_document(article, candidates)
    _prepare(document, summarizer, progress, cancelled)
    chosen = summarizer(document, length)
    if progress is not None:
        progress(1.0)
    picked = sorted({by_identity[id(s)] for s in chosen}, key=lambda s: s.index)
    return Summary(algorithm, tuple(picked))


def _prepare(
    document, summarizer, progress: Progress | None, cancelled: Callable[[], bool] | None
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


_LABEL_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


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


def _sumy_document(article: Article, candidates: list[Sentence]):
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = _tokenizer()
    by_identity: dict[int, Sentence] = {}
    paragraphs: dict[int, list] = {}
    for sentence in candidates:
        sumy_sentence = SumySentence(sentence.text, tokenizer)
        by_identity[id(sumy_sentence)] = sentence
        paragraphs.setdefault(sentence.paragraph, []).append(sumy_sentence)
    document = ObjectDocumentModel(
        tuple(SumyParagraph(sentences) for sentences in paragraphs.values())
    )
    return document, by_identity


@lru_cache(maxsize=1)
def _tokenizer():
    from reader.nlp.tokenize import EnglishTokenizer

    return EnglishTokenizer()


@lru_cache(maxsize=1)
def _stemmer():
    from sumy.nlp.stemmers import Stemmer

    return Stemmer("english")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from reader.nlp.stopwords import STOP_WORDS

    return STOP_WORDS


def _summarizer(algorithm: str, title: str) -> Callable:
    from reader.summary.registry import summarizer_class

    cls = summarizer_class(algorithm)
    summarizer = cls(_stemmer())
    if algorithm == "edmundson":
        tokenizer = _tokenizer()
        summarizer.bonus_words = [
            w for w in tokenizer.to_words(title) if w.lower() not in stop_words()
        ] or ["news"]
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.null_words = stop_words()
    else:
        summarizer.stop_words = stop_words()
    if algorithm == "news":
        summarizer.title_words = _tokenizer().to_words(title)
    return summarizer
