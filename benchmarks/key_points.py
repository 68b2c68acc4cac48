#!/usr/bin/env python3
"""Which view ``s`` opens first: the news summary or the key points.

For each system (Lead-3, ``news``, ``keypoints``), over the human-written
CNN/DailyMail highlights (``/work/shared/eval/summaries-human``, 150 articles)
and, as a second set, the BBC references (``/work/shared/eval/summaries``),
at ``--length`` sentences (default 3):

* ROUGE-1 / 2 / Lsum F1 x100 (``score.py``'s own scorer: rouge-score, stemming);
* **on first screen**: the share of chosen sentences that are among the
  article's first three, which the reader already sees below the summary pane;
* **coverage**: the share of the article's thirds (by sentence) that hold at
  least one chosen sentence: how much of the article the summary lets a
  reader skim;
* **mean place**: the mean position of the chosen sentences (0 = the first
  sentence, 1 = the last).

In process (``summarize``, as the reader shows it). Usage, from the
repository root with the project's venv (needs ``rouge-score``):

    python benchmarks/key_points.py [--length 3] [--limit 0] [--bbc-limit 300]

The eval data stay where they are; nothing from them is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EVAL = Path(os.environ.get("READER_EVAL", "/work/shared/eval"))
SCORE = EVAL / "summaries" / "score.py"
SETS = {
    "CNN/DailyMail, human-written highlights": EVAL / "summaries-human" / "pairs.jsonl",
    "BBC, machine-made extractive references": EVAL / "summaries" / "pairs.jsonl",
}
FIRST_SCREEN = 3  # sentences the reader sees right below the summary pane
THIRDS = 3


def _pairs(path: Path, limit: int) -> list[dict]:
    pairs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                pairs.append(json.loads(line))
            if limit and len(pairs) >= limit:
                break
    return pairs


def table(path: Path, limit: int, length: int) -> list[str]:
    sys.path.insert(0, str(SCORE.parent))
    import score

    from reader.article.build import build_article
    from reader.sources.document import Document
    from reader.summary.algorithms import summarize
    from reader.summary.candidates import unique_sentences

    pairs = _pairs(path, limit)
    articles = [
        build_article(Document(text=p["article"] + "\n", kind="text", source="eval"))
        for p in pairs
    ]
    rows = [
        "| system | R1 | R2 | RLsum | on first screen | coverage (thirds) | mean place |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in ("lead", "news", "keypoints"):
        totals = dict.fromkeys(("rouge1", "rouge2", "rougeLsum"), 0.0)
        first = chosen_count = 0
        covered = place = 0.0
        for pair, article in zip(pairs, articles):
            if name == "lead":
                chosen = unique_sentences(article)[:length]
            else:
                chosen = list(summarize(article, name, length).sentences)
            total = max(1, len(article.sentences))
            scores = score.rouge_f1(
                pair["summary"], "\n".join(" ".join(s.text.split()) for s in chosen)
            )
            for key in totals:
                totals[key] += scores[key]
            first += sum(s.index < FIRST_SCREEN for s in chosen)
            chosen_count += len(chosen)
            covered += len({min(THIRDS - 1, s.index * THIRDS // total) for s in chosen}) / THIRDS
            place += sum(s.index / max(1, total - 1) for s in chosen) / max(1, len(chosen))
        n = max(1, len(pairs))
        rows.append(
            f"| {name} | {100 * totals['rouge1'] / n:.1f} | {100 * totals['rouge2'] / n:.1f} "
            f"| {100 * totals['rougeLsum'] / n:.1f} | {100 * first / max(1, chosen_count):.0f}% "
            f"| {100 * covered / n:.0f}% | {place / n:.2f} |"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--length", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="first K human pairs (default all)")
    ap.add_argument("--bbc-limit", type=int, default=300, help="first K BBC pairs (default 300)")
    args = ap.parse_args(argv)
    for (title, path), limit in zip(SETS.items(), (args.limit, args.bbc_limit)):
        print(f"### {title}\n")
        print("\n".join(table(path, limit, args.length)))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
