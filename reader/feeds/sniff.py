"""Whether bytes are a feed or an OPML list of feeds, from their first element (no XML parser)."""

from __future__ import annotations

import re

_PROLOGUE = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?xml-stylesheet[^>]*\?>|<!DOCTYPE[^>[]*>)\s*)*",
    re.I | re.S,
)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|RDF)\b", re.I)
_OPML_ROOT = re.compile(rb"<opml\b", re.I)


def _root(data: bytes) -> bytes:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    match = _PROLOGUE.match(head)
    return head[match.end() if match else 0 :]


def is_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS or Atom feed."""
    return bool(_FEED_ROOT.match(_root(data)))


def is_opml(data: bytes) -> bool:
    """Whether ``data`` starts like an OPML file (a list of feeds)."""
    return bool(_OPML_ROOT.match(_root(data)))
