"""Body and caption quality of the HTML extractor, scored by the eval set's score.py.

    python benchmarks/html_quality.py                       # reader inspect {file} --json
    python benchmarks/html_quality.py --quick               # the source layer only, in-process JSON
    python benchmarks/html_quality.py --cmd "..." --jobs 8 --eval /work/shared/eval/html
    python benchmarks/html_quality.py --part look       # pages whose id starts 0-7
    python benchmarks/html_quality.py --part held-out   # pages whose id starts 8-f

Runs score.py (read its docstring) for our extractor and for trafilatura alone
(default and favor_precision), then audits captions in-process: caption
precision (our captions that are a figcaption or image alt text of the page),
caption recall (page figcaptions of 4+ words found in our captions, with their
credits) and captions of ours found verbatim in our body (the rule), besides
those sharing 60 % of their shingles with it (score.py's leak test, which also
fires when an article's first sentence repeats a caption). Prints a Markdown table and
exits 1 when a rule fails: body F1 no worse than trafilatura's by more than
0.01, and no caption in the body. The eval pages are read where they are;
nothing is copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_EVAL = Path(os.environ.get("READER_HTML_EVAL", "/work/shared/eval/html"))
DEFAULT_CMD = "reader inspect {file} --json"
MAX_F1_LOSS = 0.01
# The pages are split by the first hex digit of their id: rules are written looking at
# "look" only; "held-out" is measured, never read, so its figures say how the rules generalise.
LOOK_DIGITS = frozenset("01234567")
PARTS = ("all", "look", "held-out")


def in_part(page_id: str, part: str) -> bool:
    """True when ``page_id`` belongs to ``part`` ("all", "look" or "held-out")."""
    return part == "all" or (page_id[:1].lower() in LOOK_DIGITS) == (part == "look")


def part_data(eval_dir: Path, part: str, tmp: Path) -> Path:
    """A data folder for score.py holding only ``part``'s pages (symlinks, nothing copied)."""
    if part == "all":
        return eval_dir
    truth = json.loads((eval_dir / "ground-truth.json").read_text("utf8"))
    chosen = {pid: page for pid, page in truth.items() if in_part(pid, part)}
    (tmp / "html").mkdir(parents=True)
    for pid in chosen:
        (tmp / "html" / f"{pid}.html.gz").symlink_to(eval_dir / "html" / f"{pid}.html.gz")
    (tmp / "ground-truth.json").write_text(json.dumps(chosen), "utf8")
    return tmp


def emit(path: str) -> None:
    """Print {"body", "captions"} for one file straight from the source layer."""
    from reader.errors import ReaderError
    from reader.sources.load import load_source

    try:
        doc = load_source(path)
    except ReaderError as error:
        print(error, file=sys.stderr)
        raise SystemExit(2) from None
    captions = [{"text": c.text, "credit": c.credit} for c in doc.captions]
    print(json.dumps({"body": doc.text, "captions": captions}, ensure_ascii=False))


def run_score(
    eval_dir: Path, label: str, source: list[str], jobs: int, limit: int, part: str = "all"
) -> dict:
    """Run score.py with ``source`` (["--cmd", ...] or ["--builtin", ...]); its summary JSON."""
    with tempfile.TemporaryDirectory(prefix="html-quality-") as tmp:
        out = Path(tmp) / "summary.json"
        data = part_data(eval_dir, part, Path(tmp) / "data")
        command = [
            sys.executable,
            str(eval_dir / "score.py"),
            *source,
            "--data",
            str(data),
            "--label",
            label,
            "--bootstrap",
            "200",
            "--jobs",
            str(jobs),
            "--json-out",
            str(out),
        ]
        if limit:
            command += ["--limit", str(limit)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        return json.loads(out.read_text("utf8"))


def audit_captions(eval_dir: Path, limit: int, part: str = "all") -> dict:
    """Caption precision, recall (text + credit) and captions found in the body, in-process."""
    sys.path.insert(0, str(eval_dir))
    import score  # the eval set's scorer: its tokenizer, shingles and figcaption parser
    from lxml import html as lxml_html

    from reader.errors import ReaderError
    from reader.sources.html import html_document

    truth = json.loads((eval_dir / "ground-truth.json").read_text("utf8"))
    ids = sorted(pid for pid in truth if in_part(pid, part))[: limit or None]
    ours = matched = expected = found = in_body = near_body = 0
    for pid in ids:
        with gzip.open(eval_dir / "html" / f"{pid}.html.gz", "rb") as handle:
            data = handle.read()
        page = data.decode("utf8", "replace")
        try:
            doc = html_document(data, name=pid, source=pid)
        except ReaderError:
            continue
        figcaptions = score.figcaptions(page)
        alts = [img.get("alt") or "" for img in lxml_html.fromstring(data).iter("img")]
        page_sh = score.shingles(score.word_tokens(" \n ".join(figcaptions + alts)))
        body_sh = score.shingles(score.word_tokens(doc.text))
        body = " ".join(doc.text.split()).lower()
        for caption in doc.captions:
            ours += 1
            matched += score.contained(caption.text, page_sh)
            if len(score.word_tokens(caption.text)) >= 4:
                in_body += " ".join(caption.text.split()).lower() in body
                near_body += score.contained(caption.text, body_sh)
        mine = score.shingles(
            score.word_tokens(" \n ".join(f"{c.text} {c.credit or ''}" for c in doc.captions))
        )
        wanted = [c for c in figcaptions if len(score.word_tokens(c)) >= 4]
        expected += len(wanted)
        found += sum(score.contained(c, mine) for c in wanted)
    return {
        "precision": matched / ours if ours else 0.0,
        "recall": found / expected if expected else 0.0,
        "captions": ours,
        "in_body": in_body,
        "near_body": near_body,
    }


def row(name: str, summary: dict) -> str:
    z, c = summary["zyte"], summary["captions"]
    recall = c.get("reported_by_tool_recall")
    return (
        f"| {name} | {z['f1']:.3f} | {z['precision']:.3f} | {z['recall']:.3f} | {summary['bag']['f1']:.3f} "
        f"| {c['leaked_into_body']}/{c['figcaptions']} | {'' if recall is None else f'{recall:.3f}'} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--eval",
        type=Path,
        default=DEFAULT_EVAL,
        help="folder with score.py, html/, ground-truth.json",
    )
    parser.add_argument("--cmd", help=f"extractor command for score.py (default: {DEFAULT_CMD!r})")
    parser.add_argument(
        "--quick", action="store_true", help="score the source layer in-process instead of the CLI"
    )
    parser.add_argument("--jobs", type=int, default=min(8, os.cpu_count() or 1))
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument(
        "--part",
        choices=PARTS,
        default="all",
        help="all pages, the looked-at part or the held-out part",
    )
    parser.add_argument("--emit", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.emit:
        emit(args.emit)
        return 0
    if not (args.eval / "score.py").is_file():
        print(f"no eval set at {args.eval} (set --eval or READER_HTML_EVAL)", file=sys.stderr)
        return 2
    if args.quick:
        cmd = f"{shlex.quote(sys.executable)} {shlex.quote(str(Path(__file__).resolve()))} --emit {{file}}"
    else:
        cmd = args.cmd or DEFAULT_CMD
        if cmd == DEFAULT_CMD and shutil.which("reader") is None:
            cmd = f"{shlex.quote(sys.executable)} -m reader inspect {{file}} --json"

    runs = {
        "trafilatura (default)": run_score(
            args.eval,
            "trafilatura",
            ["--builtin", "trafilatura"],
            args.jobs,
            args.limit,
            args.part,
        ),
        "trafilatura favor_precision": run_score(
            args.eval,
            "trafilatura:precision",
            ["--builtin", "trafilatura:precision"],
            args.jobs,
            args.limit,
            args.part,
        ),
        "reader": run_score(args.eval, "reader", ["--cmd", cmd], args.jobs, args.limit, args.part),
    }
    audit = audit_captions(args.eval, args.limit, args.part)
    ours, best = (
        runs["reader"],
        max(
            runs["trafilatura (default)"]["zyte"]["f1"],
            runs["trafilatura favor_precision"]["zyte"]["f1"],
        ),
    )

    print(
        f"part: {args.part}; pages: {ours['pages']}, failed: {ours['failed']}, empty: {ours['empty']}; command: `{cmd}`\n"
    )
    print(
        "| extractor | body F1 | P | R | bag F1 | figcaptions leaked | caption recall (text only) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, summary in runs.items():
        print(row(name, summary))
    print(
        f"\ncaptions (in-process audit): {audit['captions']} reported, precision {audit['precision']:.3f}, "
        f"recall with credits {audit['recall']:.3f}; ours in our body: {audit['in_body']} verbatim, "
        f"{audit['near_body']} with >= 60 % of their 4-word shingles"
    )

    loss = best - ours["zyte"]["f1"]
    failures = []
    if loss > MAX_F1_LOSS:
        failures.append(
            f"body F1 {ours['zyte']['f1']:.3f} is {loss:.3f} below trafilatura's best {best:.3f}"
        )
    if audit["in_body"]:
        failures.append(f"{audit['in_body']} of our captions are in our body")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    print("\nOK" if not failures else "\nFAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
