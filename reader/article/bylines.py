"""Bylines, datelines and credit lines: the page's furniture, not the story.

A byline ("By Maria Lopez", "Maria Lopez, Staff Writer"), a dateline
("May 1, 2024", "Published: 2024-05-01 10:02", "Updated 3 hours ago") or a
credit line ("Reporting by Jane Doe; Editing by John Roe", "Copyright 2024
The Associated Press") is metadata: at the top of a text it goes to the
article's author and date, and nowhere is it summary material.
"""

from __future__ import annotations

import re

from reader.lazy import LazyPattern

MAX_FURNITURE_WORDS = 16  # a longer line is text, whatever it starts with

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le|bin|al-\w+))*"
_BYLINE = LazyPattern(
    rf"^(?i:by|written by|words by|story by|text by|report by)\s+(?P<name>{_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*)(?:\s*[,|/\u2013\u2014-]\s*(?P<role>[^.!?]{{1,60}}))?\.?$"
)
_ROLE_BYLINE = LazyPattern(
    rf"^(?P<name>{_NAME}),\s*(?i:staff|senior|chief|special|contributing|political|foreign|"
    r"business|science|health|sports|national|local|technology|tech|culture|arts)?\s*"
    r"(?i:writer|reporter|correspondent|editor|columnist|contributor)\b[^.!?]{0,40}$"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
)
_TIME = r"(?:\s*(?:,|at|-|\u2013)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATELINE = LazyPattern(
    rf"^(?:(?P<label>published|posted|updated|last updated|first published|date)\s*:?\s*(?:on\s+)?)?"
    rf"{_WEEKDAY}(?P<date>{_DATE}){_TIME}\s*(?:[|\u00b7]\s*{_TIME})?\.?$",
    re.I,
)
_RELATIVE_DATELINE = LazyPattern(
    r"^(?:published|posted|updated|last updated)\s*:?\s*(?:\d+\s+(?:minutes?|hours?|days?)\s+ago|"
    r"today|yesterday|just now)\.?$",
    re.I,
)
_CREDIT_LINE = LazyPattern(
    r"^(?:\(?(?:reporting|additional reporting|writing|editing|compiled|translated|produced|"
    r"contributed)\s+by\b|(?:copyright|\u00a9|\(c\))\s|all rights reserved\b|"
    r"(?:contact|email|e-mail)\s+(?:the\s+)?(?:reporter|writer|author)\b|"
    r"follow\s+(?:us|\w+\s+\w+)\s+on\s+(?:twitter|x|facebook|instagram)\b|"
    r"this (?:article|story) (?:was|has been) (?:updated|corrected|produced)\b|"
    r"(?:photo|image|video)s?\s*(?:credit)?\s*:)",
    re.I,
)


def byline_author(text: str) -> str | None:
    """The name(s) in a byline ("By Maria Lopez" -> "Maria Lopez"), or None."""
    line = " ".join(text.split())
    if len(line.split()) > MAX_FURNITURE_WORDS:
        return None
    match = _BYLINE.match(line) or _ROLE_BYLINE.match(line)
    return match.group("name").strip(" ,") if match else None


def dateline_date(text: str) -> str | None:
    """The date in a dateline ("Published: May 1, 2024" -> "May 1, 2024"), or None."""
    line = " ".join(text.split())
    if len(line.split()) > MAX_FURNITURE_WORDS:
        return None
    match = _DATELINE.match(line)
    if match:
        return match.group("date")
    return line if _RELATIVE_DATELINE.match(line) else None


def byline_and_date(text: str) -> tuple[str | None, str | None] | None:
    """(author, date) of a block whose every line is a byline or a dateline, else None.

    "By Maria Lopez" / "Published: May 3, 2025" on two lines of one block give both;
    a byline wrapped over two lines is read whole.
    """
    author, date = byline_author(text), dateline_date(text)
    if author or date:
        return author, date
    for line in text.splitlines():
        if not line.strip():
            continue
        found_author, found_date = byline_author(line), dateline_date(line)
        if found_author is None and found_date is None:
            return None
        author, date = author or found_author, date or found_date
    return (author, date) if author or date else None


def is_furniture(text: str) -> bool:
    """A byline, a dateline or a credit line (or one on each line): never story text."""
    if _furniture_line(text):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and all(_furniture_line(line) for line in lines)


def _furniture_line(text: str) -> bool:
    line = " ".join(text.split())
    if not line or len(line.split()) > MAX_FURNITURE_WORDS:
        return False
    return (
        byline_author(line) is not None
        or dateline_date(line) is not None
        or bool(_CREDIT_LINE.match(line))
    )
