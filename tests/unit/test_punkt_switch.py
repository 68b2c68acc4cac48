"""The sentence splitter moved from nltk's Punkt to the ``punkt`` package: same sentences.

nltk's Punkt, run with the same abbreviations and sentence starters, is the
reference (nltk stays installed: sumy's stemmer needs it). On the bundled
article the two split every paragraph alike. On the eval articles (read here
only when present on this machine, never copied) a boundary may differ in two
ways only, both better:

- it moved across punctuation alone: ``51 percent.“`` (a closing quote typed as
  an opening one) stays with the sentence it ends, and a lone ``...`` joins
  the sentence before it instead of being a sentence of its own;
- nltk cut inside a spaced ellipsis (``anything . . . that``: three
  "sentences" of one period); ``punkt`` keeps the ellipsis whole.
- a cut after a title or a name's initials, before the name, is mended
  (``Dr.`` + ``A. B. Smith said``, ``coordinator S.B.`` + ``Supriyadi told``,
  ``George H.W.`` + ``Bush``, ``J.P.`` + ``Morgan``).

No boundary ever moves across a word.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.nlp import tokenize
from tests.conftest import BUNDLED

EVAL = Path("/work/shared/eval")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORD_CHARACTER = re.compile(r"[^\W_]")
_ELLIPSIS = re.compile(r"\.\s?\.")

Span = tuple[int, int]


def _nltk_spans(text: str) -> Iterator[Span]:
    """Yesterday's sentence_spans: nltk's Punkt with our parameters, lower-case pieces joined."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types.update(tokenize.ABBREVIATIONS)
    params.sent_starters.update(tokenize.SENTENCE_STARTERS)
    pending: Span | None = None
    for start, end in PunktSentenceTokenizer(params).span_tokenize(text):
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        span = (start + lead, start + lead + len(stripped))
        if pending is not None and stripped[0].islower():
            pending = (pending[0], span[1])
            continue
        if pending is not None:
            yield pending
        pending = span
    if pending is not None:
        yield pending


def _paragraphs(text: str) -> list[str]:
    return [p for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def _unexplained_changes(paragraph: str) -> list[str]:
    """Boundaries that differ between nltk and punkt other than in the two ways above."""
    before = {end for _, end in _nltk_spans(paragraph)}
    after = {end for _, end in tokenize.sentence_spans(paragraph)}
    problems = []
    for end in before ^ after:
        other = after if end in before else before
        nearest = min(other, key=lambda e: abs(e - end)) if other else end
        low, high = sorted((end, nearest))
        moved_across_punctuation = nearest != end and not _WORD_CHARACTER.search(
            paragraph[low:high]
        )
        inside_ellipsis = end in before and _ELLIPSIS.search(paragraph[end - 2 : end + 3])
        before_a_name = (
            end in before
            and end not in after
            and tokenize.continues_sentence(paragraph[:end], paragraph[end:].lstrip() or " ")
        )
        if not (moved_across_punctuation or inside_ellipsis or before_a_name):
            problems.append(paragraph[max(0, end - 40) : end + 20])
    return problems


def _eval_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EVAL.glob("quotes/news_dev/*.txt"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted(EVAL.glob("quotes/external/polnear/*/text/*.txt"))
    ]
    pairs = EVAL / "summaries-human/pairs.jsonl"
    if pairs.is_file():
        with pairs.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["article"] for line in lines if line.strip()]
    return texts


def test_the_bundled_article_splits_exactly_as_with_nltk():
    for paragraph in _paragraphs(BUNDLED.read_text(encoding="utf-8")):
        assert list(tokenize.sentence_spans(paragraph)) == list(_nltk_spans(paragraph))


def test_the_eval_articles_split_as_with_nltk_but_for_punctuation():
    texts = _eval_texts()
    if not texts:
        pytest.skip("the eval articles are not on this machine")
    paragraphs = [p for text in texts for p in _paragraphs(text)]
    problems = [problem for p in paragraphs for problem in _unexplained_changes(p)]
    assert problems == []
    changed = sum(list(tokenize.sentence_spans(p)) != list(_nltk_spans(p)) for p in paragraphs)
    assert changed < len(paragraphs) * 0.01  # the rest split identically


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("The rate is 51 percent.\u201c", ["The rate is 51 percent.\u201c"]),
        (
            "He should have been tougher. ... What they do is wrong.",
            ["He should have been tougher. ...", "What they do is wrong."],
        ),
        (
            "It gets you nothing . . . that is the point. So . . . we agreed.",
            ["It gets you nothing . . . that is the point.", "So . . . we agreed."],
        ),
        (
            "Mr. Smith went to Washington, D.C. on Monday. He met Sen. Park.",
            ["Mr. Smith went to Washington, D.C. on Monday.", "He met Sen. Park."],
        ),
        (
            "Dr. A. B. Smith of the U.S. Navy spoke. Then he left.",
            ["Dr. A. B. Smith of the U.S. Navy spoke.", "Then he left."],
        ),
        (
            "The coordinator S.B. Supriyadi said so. It ended.",
            ["The coordinator S.B. Supriyadi said so.", "It ended."],
        ),
        (
            "The firm bet on A.I. The shares rose. They moved to the U.S. The rain fell.",
            [
                "The firm bet on A.I.",
                "The shares rose.",
                "They moved to the U.S.",
                "The rain fell.",
            ],
        ),
    ],
)
def test_punctuation_stays_with_its_sentence(text, sentences):
    assert tokenize.split_sentences(text) == sentences
