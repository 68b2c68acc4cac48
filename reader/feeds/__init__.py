"""Feeds: RSS, Atom and OPML parsed into stories, subscriptions, and one-line briefs.

Plain modules (no Textual): ``model`` (Feed, Story, Subscription), ``parse``
(sniffing and parsing with feedparser; OPML), ``fetch`` (bounded, concurrent,
conditional fetching with an offline cache), ``subscriptions`` (the user's
list), ``briefs`` (each story's one-line summary and expert voices).
"""
