"""The article as JSON and as a plain-text outline, for the CLI.

The outline is inert text (each field one line by :func:`reader.inert.clean`);
the JSON keeps the article's text exact (offsets point into it) and the CLI
escapes what a terminal could act on when it prints it.
"""

from __future__ import annotations

from typing import Any

from reader.article.model import Article, Quote
from reader.article.voices import voice_groups
from reader.inert import clean
from reader.summary.algorithms import Summary


def _flat(text: str) -> str:
    """``text`` inert and on one line, its runs of white space collapsed."""
    return " ".join(clean(text).split())


def _shown_url(url: str | None) -> str | None:
    from reader.sources.url import public_url

    return public_url(url) if url else url


def quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "expert": quote.expert,
        "kind": quote.kind,
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
    }


def article_json(article: Article) -> dict[str, Any]:
    """Everything the reader parsed, as plain JSON types."""
    return {
        "title": article.title,
        "source": article.source,
        "url": _shown_url(article.url),
        "date": article.date,
        "author": article.author,
        "site": article.site,
        "words": article.word_count,
        "sections": [
            {
                "label": s.label,
                "heading": s.heading,
                "derived": s.derived,
                "paragraphs": [p.text for p in s.paragraphs],
            }
            for s in article.sections
        ],
        "body": article.body,
        "text": article.text,  # what every "start" and "end" offset points into
        "captions": [
            {"text": c.text, "credit": c.credit, "paragraph": c.before_paragraph}
            for c in article.captions
        ],
        "quotes": [quote_json(q) for q in article.quotes],
        "links": [
            {
                "text": link.text,
                "url": _shown_url(link.url),
                "paragraph": link.paragraph,
                "start": link.start,
                "end": link.end,
            }
            for link in article.links
        ],
        "sentences": [
            {"index": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end}
            for s in article.sentences
        ],
    }


def summary_json(article: Article, summary: Summary) -> dict[str, Any]:
    """A summary with each sentence's place in the article."""
    return {
        "title": article.title,
        "algorithm": summary.algorithm,
        "length": len(summary.sentences),
        "sentences": [
            {
                "index": s.index,
                "paragraph": s.paragraph,
                "section": article.section_of(s.paragraph).index,
                "start": s.start,
                "end": s.end,
                "text": _flat(s.text),
            }
            for s in summary.sentences
        ],
    }


def article_outline(article: Article) -> str:
    """A readable outline: title, sections, photo captions, quotes by speaker."""
    lines = [_flat(article.title)]
    meta = [
        _flat(part)
        for part in (article.site or article.source, article.author, article.date)
        if part
    ]
    counts = (
        f"{_count(article.word_count, 'word')}, {_count(len(article.paragraphs), 'paragraph')}"
    )
    if article.links:
        counts += f", {len(article.links)} link{'' if len(article.links) == 1 else 's'}"
    meta.append(counts)
    lines.append(" \u00b7 ".join(meta))
    if len(article.sections) > 1:
        real = any(not s.derived for s in article.sections)
        lines += ["", "Sections" if real else "Parts (found by the reader, not the author's)"]
    for section in article.sections if len(article.sections) > 1 else ():
        first, last = section.paragraphs[0].index + 1, section.paragraphs[-1].index + 1
        span = f"paragraph {first}" if first == last else f"paragraphs {first}-{last}"
        label = f"({_flat(section.label)})" if section.derived and real else _flat(section.label)
        lines.append(f"  {section.index + 1}. {label} ({span})")
    if article.captions:
        lines += ["", "Photos"]
        for caption in article.captions:
            credit = f" ({_flat(caption.credit)})" if caption.credit else ""
            lines.append(f"  - {_flat(caption.text)}{credit}")
    groups = voice_groups(article.quotes)
    if groups:
        lines += ["", "Quotes"]
    for heading, voices in groups:
        lines.append(f"  {_flat(heading)}")
        for voice in voices:
            role = f", {_flat(voice.role)}" if voice.role else ""
            lines.append(f"    {_flat(voice.speaker)}{role}")
            for quote in voice.quotes:
                lines.append(f"      \u201c{_flat(quote.text).rstrip(',')}\u201d")
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    """ "1 word", "2 words"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
