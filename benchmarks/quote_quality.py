"""Quote and speaker quality: the scorer on news_dev, PolNeAR dev/test and the bundled gold.

    .venv/bin/python benchmarks/quote_quality.py [--shared ../shared]

Runs ``../shared/eval/quotes/score.py`` with ``reader inspect {file} --json``
on each set and prints one table row per set (speaker accuracy, quote+speaker
F1, expert-quote F1, quote-span F1). Then checks every speaker ``reader``
names in the news_dev articles: none may be a bare common noun, a place or a
title word; offenders are printed and make the exit status 1.

PolNeAR test is held out: look at its row, never tune on it. ``--heldout DIR``
adds a row for another held-out folder of gold files.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.lexicon.grammar import DETERMINERS  # noqa: E402
from reader.lexicon.places import is_place  # noqa: E402
from reader.lexicon.roles import NP_WORDS, TITLES, is_role_head  # noqa: E402

SETS = [
    ("news_dev (12)", "eval/quotes/news_dev/*.gold.json"),
    ("PolNeAR dev (84)", "eval/quotes/polnear_gold/dev/*.gold.json"),
    ("PolNeAR test (84, held out)", "eval/quotes/polnear_gold/test/*.gold.json"),
]
BUNDLED = ROOT / "tests" / "unit" / "quote_articles" / "korea-herald.gold.json"


def reader_command() -> str:
    exe = Path(sys.executable).with_name("reader")
    return f"{exe} inspect {{file}} --json"


def score(scorer: Path, golds: list[Path]) -> dict:
    out = subprocess.run(
        [sys.executable, str(scorer), *map(str, golds), "--cmd", reader_command(), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out[out.index("{") :])
    return data.get("overall", data)


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def bad_speaker(speaker: str) -> str | None:
    """Why ``speaker`` is not a person or a description, or None when it may be one."""
    words = speaker.split()
    low = [w.lower().strip(".,") for w in words]
    if is_place(speaker):
        return "place"
    if len(words) == 1 and (low[0] in TITLES or low[0] in NP_WORDS or is_role_head(low[0])):
        return "title or role word alone"
    if len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+[^s]s", speaker):  # not "Congress"
        return "capitalised plural common noun"
    if len(words) == 1 and speaker.islower():
        return "bare common noun"
    if low[0] in DETERMINERS and len(words) == 2 and not is_role_head(low[1]):
        return "description with no role head"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = next(
        (d for d in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if d.is_dir()), None
    )
    ap.add_argument("--shared", type=Path, default=default or ROOT.parent / "shared")
    ap.add_argument(
        "--heldout",
        type=Path,
        help="a folder of *.gold.json articles outside every dev set: scored, never tuned on",
    )
    args = ap.parse_args()
    scorer = args.shared / "eval" / "quotes" / "score.py"
    if not scorer.exists():
        print(f"no scorer at {scorer}: pass --shared", file=sys.stderr)
        return 2
    rows = [(name, sorted(args.shared.glob(pattern))) for name, pattern in SETS]
    if args.heldout:
        golds = sorted(args.heldout.glob("*.gold.json"))
        rows.append((f"{args.heldout.name} ({len(golds)}, held out)", golds))
    rows.append(("bundled article", [BUNDLED]))
    print("| set | speaker accuracy | quote+speaker F1 | expert quotes F1 | quote spans F1 |")
    print("|---|---:|---:|---:|---:|")
    for name, golds in rows:
        s = score(scorer, golds)
        print(
            f"| {name} | {fmt(s['speaker_accuracy']['value'])} | "
            f"{fmt(s['quotes_with_speaker']['f1'])} | {fmt(s['expert_quotes']['f1'])} | "
            f"{fmt(s['quotes']['f1'])} |"
        )
    offenders = []
    for gold in rows[0][1]:
        article = gold.with_name(json.loads(gold.read_text())["article"])
        out = subprocess.run(
            reader_command().replace("{file}", str(article)).split(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for quote in json.loads(out)["quotes"]:
            why = quote["speaker"] and bad_speaker(quote["speaker"])
            if why:
                offenders.append(f"{article.name}: {quote['speaker']!r} ({why})")
    print()
    print(f"speakers that are not people in news_dev: {len(offenders)}")
    for line in sorted(set(offenders)):
        print("  " + line)
    return 1 if offenders else 0


if __name__ == "__main__":
    sys.exit(main())
