"""Summaries: sumy's algorithms over the article's own body sentences."""

from __future__ import annotations

import pytest

from reader.errors import ReaderError
from reader.summary.algorithms import ALGORITHMS, summarize
from reader.summary.candidates import is_label, unique_sentences
from tests.conftest import article_from_text


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("length", [1, 3, 5])
def test_every_algorithm_picks_n_body_sentences_in_order(bundled_article, algorithm, length):
    summary = summarize(bundled_article, algorithm, length)
    assert summary.algorithm == algorithm
    assert len(summary.sentences) == length
    indexes = [s.index for s in summary.sentences]
    assert indexes == sorted(set(indexes))
    for sentence in summary.sentences:
        assert bundled_article.sentences[sentence.index] is sentence
        assert not any(
            sentence.text in c.text or c.text in sentence.text for c in bundled_article.captions
        )


def test_repeated_sentences_are_offered_once():
    text = (
        "The dam broke at dawn. Villages downstream were flooded. The dam broke at dawn. "
        "Rescuers used boats to reach people. The army sent helicopters."
    )
    article = article_from_text(text)
    assert len(unique_sentences(article)) == 4
    summary = summarize(article, "luhn", 4)
    assert [s.text for s in summary.sentences].count("The dam broke at dawn.") == 1


def test_length_beyond_the_article_gives_the_whole_body():
    article = article_from_text("One sentence here. Another one there.")
    assert [s.index for s in summarize(article, "lsa", 10).sentences] == [0, 1]


def test_bad_algorithm_and_length(bundled_article):
    with pytest.raises(ReaderError, match="unknown algorithm"):
        summarize(bundled_article, "nope", 3)
    with pytest.raises(ReaderError, match="at least 1"):
        summarize(bundled_article, "lexrank", 0)


def test_edmundson_uses_title_words_as_bonus():
    text = (
        "Farmers in the valley planted corn this spring. The weather was kind. "
        "A new irrigation canal opened in May. Prices at the market rose slightly. "
        "Children helped with the harvest in the autumn."
    )
    article = article_from_text(text, title="Irrigation canal opens")
    summary = summarize(article, "edmundson", 1)
    assert summary.sentences[0].text == "A new irrigation canal opened in May."


def test_progress_is_reported_and_cancel_stops(bundled_article):
    from reader.summary.algorithms import SummaryCancelled

    seen: list[float] = []
    summarize(bundled_article, "lexrank", 3, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 2
    with pytest.raises(SummaryCancelled):
        summarize(bundled_article, "lexrank", 3, cancelled=lambda: True)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Apple's 16-inch MacBook Pro", True),
        ("Watch the video:", True),
        ("At the same meeting,", True),
        ("He won.", False),
        ("\u201cWe will,\u201d he said.", False),
        ("The council approved the budget on Tuesday night after a long debate", False),
    ],
)
def test_labels_are_told_from_sentences(text, label):
    assert is_label(text) is label


@pytest.mark.parametrize("algorithm", ["news", "lexrank", "sumbasic"])
def test_a_label_left_in_the_text_is_never_summary_material(algorithm):
    article = article_from_text(
        "The council approved the new city budget on Tuesday night after a long debate.\n\n"
        "City budget vote\n\n"
        "The budget adds money for schools, parks and the city budget office.\n\n"
        "Critics said the city budget vote came too fast for residents to follow.\n"
    )
    texts = [s.text for s in summarize(article, algorithm, 3).sentences]
    assert "City budget vote" not in texts and len(texts) == 3


# --- the registry: one entry per algorithm, everything else derived ---


def test_every_registry_entry_is_offered_named_and_described():
    from reader.summary import algorithms, registry

    assert tuple(e.name for e in registry.REGISTRY) == algorithms.ALGORITHMS
    assert len(set(algorithms.ALGORITHMS)) == len(algorithms.ALGORITHMS)
    for entry in registry.REGISTRY:
        assert algorithms.algorithm_name(entry.name) == entry.display_name
        assert algorithms.algorithm_description(entry.name) == entry.description
        assert algorithms.check_algorithm(f" {entry.name.upper()} ") == entry.name
        stock = entry.stock_class()
        if stock is not None:  # a fast class reproduces the stock one it subclasses
            assert issubclass(entry.fast_class(), stock)


def test_a_new_registry_entry_summarizes_without_other_changes(monkeypatch, bundled_article):
    from reader.summary import algorithms, registry

    entry = registry.Algorithm(
        "firsts",
        "Firsts",
        "the first sentences (a test entry)",
        "sumy.summarizers.luhn:LuhnSummarizer",
    )
    monkeypatch.setattr(registry, "_BY_NAME", {**registry._BY_NAME, entry.name: entry})
    monkeypatch.setattr(algorithms, "ALGORITHMS", (*algorithms.ALGORITHMS, entry.name))
    summary = summarize(bundled_article, "firsts", 2)
    assert summary.algorithm == "firsts" and len(summary.sentences) == 2
    assert algorithms.algorithm_name("firsts") == "Firsts"


def test_listing_the_algorithms_imports_no_summarizer():
    import subprocess
    import sys

    code = (
        "import sys; from reader.summary.algorithms import ALGORITHMS, DESCRIPTIONS; "
        "print(len(ALGORITHMS), 'sumy' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(ALGORITHMS)), "False", "False"]


def test_candidates_chosen_for_another_summary_are_not_used(bundled_article):
    """Candidates made ahead serve only the summary they were chosen for."""
    from reader.summary.candidates import choose

    for_three = choose(bundled_article, "lexrank", 3)
    five = summarize(bundled_article, "lexrank", 5, candidates=for_three)
    assert five == summarize(bundled_article, "lexrank", 5)
    assert len(five.sentences) == 5
    luhn = summarize(bundled_article, "luhn", 3, candidates=for_three)
    assert luhn == summarize(bundled_article, "luhn", 3)
