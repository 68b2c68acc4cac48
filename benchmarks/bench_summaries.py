"""Stock sumy vs ``reader.summary.fast``: time per algorithm on generated texts.

    python benchmarks/bench_summaries.py            # 10k and 50k words, 200k LexRank
    python benchmarks/bench_summaries.py --quick    # 10k words only, 200k LexRank

Texts are made deterministically (seeded) from a Zipf-distributed vocabulary of
pseudo-words with English suffixes, mixed with sumy's English stop words, in
sentences of varied length grouped in paragraphs under a few upper-case
headings. Timings run a summarizer on an already parsed document: "fast" is a
fresh summarizer and stemmer (cold stem cache), "warm" the same one run again
(stems cached, as for every article after the first in the app, whose
summarizers share one stemmer). Stock and fast runs alternate and each column
is a median (3 stock runs, or 1 when it takes over 2 s; 7 fast runs), so load
on the machine weighs on both sides of a ratio. "same" checks both select the
same sentences ("tie?": they differ, which the tests allow only on exact ties).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from itertools import accumulate

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.utils import get_stop_words

from reader.nlp.tokenize import ABBREVIATIONS, EnglishTokenizer
from reader.summary.registry import fast_summarizers, stock_summarizers

FAST_SUMMARIZERS = fast_summarizers()
STOCK_SUMMARIZERS = stock_summarizers()

SEED = 20240913
SENTENCES_COUNT = 5
STOCK_RUNS = 3  # at most; one when a stock run takes over 2 s
FAST_RUNS = 7
# Stock sumy's time grows too fast for these sizes (KL at 50k words: hours).
SKIP_STOCK = {("kl", 50_000)}
STOP_WORDS = get_stop_words("english")

_ONSETS = [
    "b",
    "bl",
    "br",
    "c",
    "ch",
    "cl",
    "cr",
    "d",
    "dr",
    "f",
    "fl",
    "fr",
    "g",
    "gl",
    "gr",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "pl",
    "pr",
    "qu",
    "r",
    "s",
    "sh",
    "sk",
    "sl",
    "sp",
    "st",
    "t",
    "th",
    "tr",
    "v",
    "w",
    "wh",
    "z",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "ie", "oo", "ou"]
_CODAS = [
    "b",
    "ck",
    "d",
    "g",
    "k",
    "l",
    "ll",
    "m",
    "n",
    "nd",
    "ng",
    "nt",
    "p",
    "r",
    "rd",
    "rn",
    "s",
    "sk",
    "st",
    "t",
    "th",
    "x",
]
_SUFFIXES = ["", "", "", "s", "ed", "ing", "er", "ly", "ation", "ness", "ment", "ies"]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    """``size`` distinct pseudo-words, some sharing stems through suffixes."""
    words: list[str] = []
    seen = set(STOP_WORDS) | {a.replace(".", "") for a in ABBREVIATIONS}
    while len(words) < size:
        syllables = rng.choice((1, 1, 2, 2, 2, 3))
        stem = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
        word = stem + rng.choice(_CODAS) + rng.choice(_SUFFIXES)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def generate_text(words: int, seed: int = SEED) -> str:
    """A deterministic text of about ``words`` words."""
    rng = random.Random(seed)
    content = vocabulary(rng, 4000 + words // 10)
    content_weights = list(accumulate(1.0 / (rank + 1) ** 1.07 for rank in range(len(content))))
    stop = sorted(STOP_WORDS - {a.replace(".", "") for a in ABBREVIATIONS})
    stop_weights = list(accumulate(1.0 / (rank + 1) for rank in range(len(stop))))
    paragraphs: list[str] = []
    total = 0
    while total < words:
        lines = []
        if len(paragraphs) % 12 == 0:
            lines.append(
                " ".join(
                    rng.choices(content, cum_weights=content_weights, k=rng.randint(2, 5))
                ).upper()
            )
        sentences = []
        for _ in range(rng.randint(2, 8)):
            length = max(3, min(70, int(rng.lognormvariate(2.8, 0.5))))
            tokens = [
                rng.choices(stop, cum_weights=stop_weights)[0]
                if rng.random() < 0.45
                else rng.choices(content, cum_weights=content_weights)[0]
                for _ in range(length)
            ]
            if length > 12 and rng.random() < 0.5:
                tokens[rng.randint(3, length - 3)] += ","
            sentences.append(tokens[0].capitalize() + " " + " ".join(tokens[1:]) + ".")
            total += length
        lines.append(" ".join(sentences))
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def build_document(text: str):
    """The parsed document with every sentence's words already tokenized."""
    document = PlaintextParser.from_string(text, EnglishTokenizer()).document
    for sentence in document.sentences + document.headings:
        sentence.words  # noqa: B018 - fills sumy's cached property
    document.words  # noqa: B018
    return document


def make_summarizer(cls: type, document) -> object:
    """A summarizer configured like the tests configure it."""
    summarizer = cls(Stemmer("english"))
    if issubclass(cls, STOCK_SUMMARIZERS["edmundson"]):
        title = [w for h in document.headings[:1] for w in h.words]
        summarizer.bonus_words = title or ["said"]
        summarizer.stigma_words = ["hardly", "rather", "perhaps"]
        summarizer.null_words = STOP_WORDS
    else:
        summarizer.stop_words = STOP_WORDS
    return summarizer


def run_once(cls: type, document, warm_too: bool = False) -> tuple[float, float | None, tuple]:
    """Seconds of one run on a fresh summarizer and stemmer (cold stem cache),
    of a second run of the same summarizer (warm: stems cached, as when the app
    reuses it) when ``warm_too``, and the summary."""
    summarizer = make_summarizer(cls, document)
    start = time.perf_counter()
    summary = summarizer(document, SENTENCES_COUNT)
    cold = time.perf_counter() - start
    warm = None
    if warm_too:
        start = time.perf_counter()
        summarizer(document, SENTENCES_COUNT)
        warm = time.perf_counter() - start
    return cold, warm, summary


def bench_algorithm(
    name: str, document, with_stock: bool
) -> tuple[float | None, float, float, bool | None]:
    """Medians of stock, fast (cold) and fast (warm) seconds, and whether both agree.

    Stock and fast runs alternate, so a change in the machine's load touches
    both sides of the ratio alike: up to ``STOCK_RUNS`` stock runs (one when it
    takes over 2 s) and ``FAST_RUNS`` fast ones.
    """
    stock, cold, warm = [], [], []
    expected = got = ()
    for round_ in range(FAST_RUNS):
        if with_stock and round_ < STOCK_RUNS and not (stock and stock[-1] > 2.0):
            seconds, _, expected = run_once(STOCK_SUMMARIZERS[name], document)
            stock.append(seconds)
        seconds, warm_seconds, got = run_once(FAST_SUMMARIZERS[name], document, warm_too=True)
        cold.append(seconds)
        warm.append(warm_seconds)
    median = statistics.median
    return (
        (median(stock) if stock else None),
        median(cold),
        median(warm),
        (expected == got if stock else None),
    )


def bench_size(words: int, names: list[str], report: Callable[[str], None]) -> None:
    """Times stock and fast summarizers on one generated text."""
    start = time.perf_counter()
    document = build_document(generate_text(words))
    report(
        f"\n{words:,} words: {len(document.sentences):,} sentences, "
        f"{len(document.words):,} tokens (parse {time.perf_counter() - start:.2f} s, "
        f"load average {os.getloadavg()[0]:.1f})"
    )
    report(
        f"| {'algorithm':<10} | {'stock (s)':>9} | {'fast (s)':>8} | {'ratio':>6} | {'warm (s)':>8} | {'ratio':>6} | same |"
    )
    report(f"|{'-' * 12}|{'-' * 10}:|{'-' * 9}:|{'-' * 7}:|{'-' * 9}:|{'-' * 7}:|------|")
    for name in names:
        stock, fast, warm, same = bench_algorithm(name, document, (name, words) not in SKIP_STOCK)
        if stock is None:
            report(
                f"| {name:<10} | {'skipped':>9} | {fast:8.3f} | {'-':>6} | {warm:8.3f} | {'-':>6} | -    |"
            )
            continue
        report(
            f"| {name:<10} | {stock:9.3f} | {fast:8.3f} | {stock / fast:5.0f}x "
            f"| {warm:8.3f} | {stock / warm:5.0f}x | {'yes' if same else 'tie?':<4} |"
        )


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's ``ru_maxrss`` keeps the forking parent's peak across ``exec``, so
    the kernel's per-address-space ``VmHWM`` is preferred when available.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def lexrank_child(words: int) -> None:
    """Child process: summarise ``words`` words with fast LexRank, print JSON."""
    text = generate_text(words)
    start = time.perf_counter()
    document = build_document(text)
    parsed = time.perf_counter()
    summary = make_summarizer(FAST_SUMMARIZERS["lexrank"], document)(document, SENTENCES_COUNT)
    done = time.perf_counter()
    peak_mb = peak_rss_mb()
    print(
        json.dumps(
            {
                "sentences": len(document.sentences),
                "parse_s": parsed - start,
                "summary_s": done - parsed,
                "peak_mb": peak_mb,
                "selected": len(summary),
            }
        )
    )


def bench_lexrank_large(words: int, report: Callable[[str], None]) -> None:
    """LexRank on a large text, in a fresh process to measure its peak RSS."""
    child = subprocess.run(
        [sys.executable, __file__, "--lexrank-child", str(words)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    report(
        f"\nLexRank, {words:,} words ({result['sentences']:,} sentences): "
        f"summary {result['summary_s']:.2f} s (+ parse {result['parse_s']:.2f} s), "
        f"peak RSS {result['peak_mb']:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k words only")
    parser.add_argument(
        "--only", nargs="*", choices=sorted(FAST_SUMMARIZERS), help="algorithms to time"
    )
    parser.add_argument("--lexrank-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if args.lexrank_child:
        lexrank_child(args.lexrank_child)
        return
    report = lambda line: print(line, flush=True)  # noqa: E731
    names = args.only or list(FAST_SUMMARIZERS)
    for words in (10_000,) if args.quick else (10_000, 50_000):
        bench_size(words, names, report)
    bench_lexrank_large(200_000, report)


if __name__ == "__main__":
    main()
