"""Parse and summary times on the bundled article (medians of several runs).

    python benchmarks/bench_core.py [--runs 7] [--length 3]

Prints the time to load and parse the article (after a warm-up, so imports
are not counted), then each algorithm's summary time, beside the parse time
as a ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--length", type=int, default=3)
    args = parser.parse_args()

    from reader.article.build import build_article
    from reader.sources.load import bundled_article, load_path
    from reader.summary.algorithms import ALGORITHMS, summarize

    path = bundled_article()
    parse = lambda: build_article(load_path(path))  # noqa: E731
    article = parse()
    for algorithm in ALGORITHMS:  # warm-up: imports and caches
        summarize(article, algorithm, args.length)
    parse_time = median_seconds(parse, args.runs)
    print(
        f"bundled article: {article.word_count} words, {len(article.sentences)} sentences, {args.runs} runs each"
    )
    print(f"{'step':<12}{'median ms':>12}{'x parse':>10}")
    print(f"{'parse':<12}{parse_time * 1000:>12.2f}{1:>10.2f}")
    for algorithm in ALGORITHMS:
        seconds = median_seconds(lambda: summarize(article, algorithm, args.length), args.runs)  # noqa: B023 (called at once)
        print(f"{algorithm:<12}{seconds * 1000:>12.2f}{seconds / parse_time:>10.2f}")


if __name__ == "__main__":
    main()
