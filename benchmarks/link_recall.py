"""How many of an HTML page's body links the reader keeps, against trafilatura's own.

    python benchmarks/link_recall.py --part look
    python benchmarks/link_recall.py --part held-out

The reference is trafilatura with ``include_links=True`` (the options the
reader uses otherwise): the ``ref`` elements of its body, as (text, address).
The reader extracts the body without links (asking for them changes which
paragraphs trafilatura keeps) and finds the page's links again in it
(reader.sources.links). Prints recall (reference links the reader has, same
text and address), the reader's links the reference lacks, and the pages. The
eval pages are read where they are; nothing is copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from html_quality import DEFAULT_EVAL, PARTS, in_part


def reference_links(data: bytes) -> Counter[tuple[str, str]]:
    import trafilatura

    from reader.sources.html import decode_html, without_unstorable_references
    from reader.sources.links import link_url

    tree = trafilatura.load_html(without_unstorable_references(decode_html(data)))
    if tree is None:
        return Counter()
    extracted = trafilatura.bare_extraction(
        tree, favor_precision=True, include_comments=False, with_metadata=True, include_links=True
    )
    body = getattr(extracted, "body", None)
    found: Counter[tuple[str, str]] = Counter()
    for ref in body.iter("ref") if body is not None else ():
        text = " ".join("".join(ref.itertext()).split())
        url = link_url(ref.get("target") or "")
        if text and url:
            found[(text, url)] += 1
    return found


def reader_links(data: bytes, name: str) -> Counter[tuple[str, str]]:
    from reader.errors import ReaderError
    from reader.sources.html import html_document

    try:
        document = html_document(data, name=name, source=name)
    except ReaderError:
        return Counter()
    return Counter(
        (" ".join(document.text[link.start : link.end].split()), link.url)
        for link in document.links
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--part", choices=PARTS, default="all")
    args = parser.parse_args()
    truth = json.loads((args.eval / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(pid for pid in truth if in_part(pid, args.part))
    wanted = kept = extra = ours_total = 0
    for pid in ids:
        with gzip.open(args.eval / "html" / f"{pid}.html.gz", "rb") as handle:
            data = handle.read()
        reference, ours = reference_links(data), reader_links(data, f"{pid}.html")
        wanted += sum(reference.values())
        kept += sum((reference & ours).values())
        extra += sum((ours - reference).values())
        ours_total += sum(ours.values())
    recall = kept / wanted if wanted else 1.0
    print(f"part: {args.part}; pages: {len(ids)}")
    print(
        f"trafilatura's body links: {wanted}; the reader's: {ours_total}; "
        f"kept: {kept} (recall {recall:.3f}); the reader's not in trafilatura's: {extra}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
