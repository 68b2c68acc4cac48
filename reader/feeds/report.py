"""Feeds for the command line: a story list as text or JSON, and a Markdown digest."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from reader.article.model import Article
from reader.errors import ReaderError
from reader.feeds.model import Brief, Feed, Story

WORDS_PER_MINUTE = 230  # reading speed for "N min read"
DIGEST_SENTENCES = 3  # summary sentences per story in a digest
DIGEST_QUOTES = 3  # expert quotes per story in a digest

BriefOutcome = Brief | ReaderError


def stories_count(count: int) -> str:
    """ "1 story", "3 stories"."""
    return f"{count} {'story' if count == 1 else 'stories'}"


def reading_time(words: int) -> str:
    """ "4 min read" for ``words`` words (at least one minute)."""
    return f"{max(1, math.ceil(words / WORDS_PER_MINUTE))} min read"


def when(moment: datetime | None) -> str:
    """A story's date as YYYY-MM-DD HH:MM UTC ("" when unknown)."""
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else ""


def story_line(story: Story, brief: BriefOutcome | None, read: bool = False) -> list[str]:
    """A story in the text listing: a title line, then its summary, experts and link."""
    head = " \u00b7 ".join(part for part in (story.feed_title, when(story.published)) if part)
    marker = " " if read else "*"
    lines = [f"{marker} {story.title}", f"  {head}"]
    if isinstance(brief, Brief):
        if brief.words:
            lines[-1] += f" \u00b7 {reading_time(brief.words)}"
        if brief.summary:
            lines.append(f"  {brief.summary}")
        if brief.experts:
            lines.append(f"  Experts: {', '.join(brief.experts)}")
    elif isinstance(brief, ReaderError):
        lines.append(f"  (not read: {brief.message})")
        if story.snippet:
            lines.append(f"  {story.snippet}")
    elif story.snippet:
        lines.append(f"  {story.snippet}")
    if story.link:
        lines.append(f"  {story.link}")
    return lines


def feed_listing(
    feed: Feed, briefs: dict[str, BriefOutcome], read: set[str], limit: int | None = None
) -> str:
    """The feed's stories as text: newest first, one block each."""
    stories = feed.stories[:limit] if limit else feed.stories
    blocks = [f"{feed.title} ({len(stories)} of {stories_count(len(feed.stories))})"]
    if feed.dropped:
        blocks[0] += f"; {feed.dropped} older stories left out"
    for story in stories:
        blocks.append("\n".join(story_line(story, briefs.get(story.key), story.key in read)))
    return "\n\n".join(blocks)


def feed_json(
    feed: Feed, briefs: dict[str, BriefOutcome], limit: int | None = None
) -> dict[str, Any]:
    """The feed's stories as plain JSON types."""
    stories = feed.stories[:limit] if limit else feed.stories
    items = []
    for story in stories:
        brief = briefs.get(story.key)
        item: dict[str, Any] = {
            "title": story.title,
            "link": story.link,
            "date": story.published.isoformat() if story.published else None,
            "snippet": story.snippet,
            "summary": brief.summary if isinstance(brief, Brief) else None,
            "experts": list(brief.experts) if isinstance(brief, Brief) else [],
            "words": brief.words if isinstance(brief, Brief) else None,
        }
        if isinstance(brief, ReaderError):
            item["error"] = brief.message
        items.append(item)
    return {
        "title": feed.title,
        "url": feed.url,
        "site": feed.site,
        "dropped": feed.dropped,
        "stories": items,
    }


def digest_markdown(
    entries: list[tuple[Story, Article | ReaderError]], title: str = "Briefing"
) -> str:
    """A Markdown briefing: each story's title, link, summary and expert quotes."""
    from reader.article.voices import shown_quote
    from reader.export import escape_markdown
    from reader.summary.algorithms import DEFAULT_ALGORITHM, summarize

    lines = [f"# {escape_markdown(title)}", ""]
    for story, outcome in entries:
        heading = escape_markdown(story.title or story.link or "Untitled")
        lines += [f"## {heading}", ""]
        meta = [escape_markdown(p) for p in (story.feed_title, when(story.published)) if p]
        if story.link:
            meta.append(f"<{_autolink(story.link)}>")
        if meta:
            lines += [" \u00b7 ".join(meta), ""]
        if isinstance(outcome, ReaderError):
            lines += [f"*Not read: {escape_markdown(outcome.message)}*", ""]
            if story.snippet:
                lines += [escape_markdown(story.snippet), ""]
            continue
        summary = summarize(outcome, DEFAULT_ALGORITHM, DIGEST_SENTENCES)
        lines += [f"- {escape_markdown(s.text)}" for s in summary.sentences]
        lines.append("")
        experts = [q for q in outcome.quotes if q.expert and q.speaker][:DIGEST_QUOTES]
        for quote in experts:
            role = f", {escape_markdown(quote.role)}" if quote.role else ""
            speaker = escape_markdown(quote.speaker or "")
            lines.append(
                f"> \u201c{escape_markdown(shown_quote(quote))}\u201d \u2014 {speaker}{role}"
            )
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _autolink(url: str) -> str:
    import re

    return re.sub(r"[\s<>]", lambda m: f"%{ord(m.group()):02X}", url.strip())
