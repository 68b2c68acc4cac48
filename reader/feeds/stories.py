"""A story read in full: its article (the feed's own text or the linked page) and its brief.

The full text is the feed's content when it carries the whole article (at least
``FULL_TEXT_WORDS`` words), else the page the story links to, fetched through
the offline cache. A brief (the default summarizer's first pick and the experts
quoted) is kept in the cache folder by story and reader version, so the list
fills at once the next time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed

from reader import __version__
from reader.article.model import Article
from reader.errors import ReaderError
from reader.feeds.cache import Cache
from reader.feeds.fetch import MAX_CONNECTIONS, PAGE_CACHE, fetch_cached
from reader.feeds.model import Brief, Story
from reader.sources.document import Document

BRIEF_CACHE = "briefs"


def story_document(story: Story) -> Document:
    """The story's full text as a Document (ReaderError when it cannot be had)."""
    if story.content_html:
        from reader.sources.html import html_document

        page = f"<html><head><title></title></head><body><article>{story.content_html}</article></body></html>"
        document = html_document(
            page.encode("utf-8"),
            name=story.link or story.title,
            source=story.feed_title,
            url=story.link,
            content_type="text/html; charset=utf-8",
        )
        return _with_story_metadata(document, story)
    if not story.link:
        raise ReaderError(f"{story.title or 'the story'} has no link to its article")
    from reader.sources.load import document_from_bytes

    fetched = fetch_cached(story.link, PAGE_CACHE)
    document = document_from_bytes(
        fetched.data,
        name=story.link,
        source=story.feed_title,
        url=fetched.url,
        content_type=fetched.content_type,
    )
    return _with_story_metadata(document, story)


def _with_story_metadata(document: Document, story: Story) -> Document:
    from dataclasses import replace

    return replace(
        document,
        title=document.title or story.title or None,
        date=document.date or (story.published.date().isoformat() if story.published else None),
        site=document.site or story.feed_title or None,
        url=document.url or story.link,
    )


def read_story(story: Story) -> Article:
    """The story's article, built as any other source."""
    from reader.article.build import build_article

    return build_article(story_document(story))


def brief_of(article: Article) -> Brief:
    """The article's one-line summary and the experts it quotes."""
    from reader.summary.algorithms import DEFAULT_ALGORITHM, summarize

    summary = summarize(article, DEFAULT_ALGORITHM, 1)
    first = " ".join(summary.sentences[0].text.split()) if summary.sentences else ""
    experts: list[str] = []
    for quote in article.quotes:
        if quote.expert and quote.speaker and quote.speaker not in experts:
            experts.append(quote.speaker)
    return Brief(summary=first, experts=tuple(experts), words=article.word_count)


def _brief_key(story: Story) -> str:
    return f"{__version__}\n{story.key}\n{story.link or ''}"


def kept_brief(story: Story) -> Brief | None:
    """The brief computed for ``story`` before, if the cache has it."""
    kept = Cache(BRIEF_CACHE).get(_brief_key(story))
    if kept is None:
        return None
    try:
        record = json.loads(kept.data)
        return Brief(
            summary=str(record["summary"]),
            experts=tuple(str(name) for name in record["experts"]),
            words=int(record["words"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def keep_brief(story: Story, brief: Brief) -> None:
    """Cache ``brief`` for ``story``."""
    record = {"summary": brief.summary, "experts": list(brief.experts), "words": brief.words}
    Cache(BRIEF_CACHE).put(_brief_key(story), json.dumps(record).encode("utf-8"))


def story_brief(story: Story) -> Brief:
    """The story's brief, from the cache or computed (ReaderError when it cannot be read)."""
    brief = kept_brief(story)
    if brief is None:
        brief = brief_of(read_story(story))
        keep_brief(story, brief)
    return brief


StoryOutcome = Article | ReaderError


def read_stories(
    stories: Sequence[Story], on_done: Callable[[Story, StoryOutcome], None] | None = None
) -> dict[str, StoryOutcome]:
    """Each story's article (or the error that stopped it), fetched a few at a time.

    Pages are fetched concurrently (``MAX_CONNECTIONS``); articles are built
    and reported as their pages arrive. Keys are the stories' keys.
    """
    from reader.article.build import build_article

    outcomes: dict[str, StoryOutcome] = {}
    with ThreadPoolExecutor(max_workers=MAX_CONNECTIONS) as pool:
        futures = {pool.submit(story_document, story): story for story in stories}
        for future in as_completed(futures):
            story = futures[future]
            outcome: StoryOutcome
            try:
                outcome = build_article(future.result())
            except ReaderError as error:
                outcome = error
            outcomes[story.key] = outcome
            if on_done is not None:
                on_done(story, outcome)
    return outcomes


BriefOutcome = Brief | ReaderError


def read_briefs(
    stories: Sequence[Story],
    on_brief: Callable[[Story, BriefOutcome, int, int], None],
    cancelled: Callable[[], bool] = lambda: False,
) -> None:
    """Each story's brief (or the error that stopped it), reported as it is known.

    Briefs in the cache come first, at once; the others are computed from the
    full articles, fetched a few at a time (``read_stories``). ``on_brief`` gets
    the story, its outcome, how many of the computed ones are done and how many
    there are (for progress); nothing more is reported once ``cancelled()``.
    """
    missing = []
    for story in stories:
        kept = kept_brief(story)
        if kept is None:
            missing.append(story)
        elif not cancelled():
            on_brief(story, kept, 0, 0)
    done = 0

    def finished(story: Story, outcome: StoryOutcome) -> None:
        nonlocal done
        done += 1
        if cancelled():
            return
        if isinstance(outcome, ReaderError):
            on_brief(story, outcome, done, len(missing))
            return
        brief = brief_of(outcome)
        keep_brief(story, brief)
        on_brief(story, brief, done, len(missing))

    read_stories(missing, finished)
