"""Photo captions in scraped plain text, recognised by their shape.

A caption is a short block that shows at least two signs of being one: its
text repeated twice in a row (as scrapers copy image captions), an agency
credit such as ``(AP)``, a credit line after or before it (``Photo: Jane
Doe/Getty Images``, ``Jane Doe/AP A man ...``), a slideshow counter (``1 of
4.``), or photo phrasing (``(left)``, ``In this pool photo``, a scene told in
the present with no closing full stop). Captions that share a line with each
other, with page chrome or with body text are split out at their credits. A
block that only repeats body text (a pull quote) is not a caption: it is
dropped from the body, since its words are already there. The agencies,
credit words and chrome come from ``reader.lexicon.credits``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from reader.article.blocks import Block, normalize_space
from reader.lazy import LazyPattern
from reader.lexicon.credits import (
    AGENCY,
    AGENCY_FIRST_CREDIT,
    CHROME_RUN,
    LABEL,
    SLASH_CREDIT,
    is_chrome,
    strip_chrome,
)

# "(AP)", "(AP Photo/Jane Doe)", "(Yonhap News)", "(Photo: Jane Doe)", "(Getty Images/File)",
# "(Graphic by Kim Min-ji/The Korea Herald)".
_CREDIT_PAREN = LazyPattern(
    rf"\((?P<credit>(?:{AGENCY})(?:[ /-][^()\n]{{0,60}})?"
    rf"|{LABEL}s?(?: by)?\s*[:/]?\s*[^()\n]{{1,60}}"
    rf"|(?i:courtesy)(?: of)?\s+[^()\n]{{1,60}}"
    rf"|[^()\n]{{1,50}}(?:Photo|Photos|Images|Pictures|Agency|News|Pool))\)"
)
_TRAILING_CREDIT = LazyPattern(rf"\s*{_CREDIT_PAREN.pattern}\s*$")
_CREDIT_LINE = LazyPattern(
    rf"^(?:(?i:{LABEL}|photo credit|courtesy)s?\s*(?:by\s*)?[:\u2014-]\s*"
    rf"(?P<credit>.{{2,80}})|(?P<bare>(?:{AGENCY})(?: Photo)?(?:/\S+(?:[ /]\S+){{0,5}})?)"
    rf"|(?i:{LABEL})s?\s+by\s+(?P<by>[A-Z][^.!?]{{1,70}})"
    rf"|(?:(?i:{LABEL})s?\s+)?(?i:courtesy)(?:\s+of)?\s+(?P<courtesy>(?:the\s+)?[A-Z][^.!?]{{1,70}}))\.?$",
)
# What opens a credit before its source: "Photo: ", "Photo courtesy of ", "Courtesy ", "by ".
_CREDIT_PREFIX = LazyPattern(
    rf"^(?:(?i:{LABEL}|photo credit)s?\s*)?(?:(?i:courtesy)\s*(?:of\s+)?)?(?:(?i:by)\s+)?[:/]?\s*"
)
# "1 of 4.", "Photo 2 of 10:", "3/7" opening a slideshow caption.
_COUNTER = LazyPattern(
    r"(?:(?<=\s)|^)(?:(?:Photo|Image|Picture|Slide)\s+)?(?P<n>\d{1,2})\s*(?:of|/)\s*(?P<m>\d{1,2})"
    r"(?:[.:)]\s+|\s+(?=[A-Z]))"
)
_PHOTO_PHRASE = LazyPattern(
    r"\((?:left|right|center|centre|top|bottom|front|back|second|third|fourth|L|R|C)\b[^()]{0,30}\)"
    r"|\b(?:in this|this)\s+(?:\w+\s+){0,3}(?:photo|photograph|image|picture|handout|file photo"
    r"|illustration|infographic|graphic|chart|map)\b"
    r"|\b(?:pictured|photographed|poses? for (?:a )?photo|file photo|handout photo)\b"
    r"|\b(?:is|are)\s+(?:here\s+)?(?:shown|show|seen|pictured)\b|\bhere shown\b",
    re.I,
)
# Phrasing only a caption uses: "..., in this picture illustration taken in Zenica",
# "In this undated handout photo", "This infographic shows".
_STRONG_PHOTO_PHRASE = LazyPattern(
    r"\bin this (?:\w+ ){0,3}(?:photo|photograph|image|picture|illustration)(?: illustration)?"
    r"(?: (?:taken|released|provided|obtained|distributed|made|dated|shot|posted)\b)"
    r"|\bin this (?:file|handout|undated|pool|aerial|screen grab|still) (?:photo|image|picture)"
    r"|^(?:this|an?|the) (?:info)?graphic (?:shows|illustrates|explains)\b"
    r"|^\[(?:photo|graphic|infographic)\]",
    re.I,
)
# A scene told in the present: "Jane Doe works on ...", "Relatives are holding ...".
_PRESENT_SCENE = LazyPattern(
    r"^(?:[A-Z][\w'\u2019.-]*\s+){1,6}(?:[a-z]{3,}(?<!ss)s|(?:is|are)\s+[a-z]+ing)\s+"
    r"(?:on|at|in|with|a|an|the|their|his|her|during|near|outside|inside|after|before|for)\b"
)
_ARTICLE = LazyPattern(r"\b(?:a|an|the)\b", re.I)
# A verb in the present near a block's start: "A man walks his dog", "Crews are clearing".
_PRESENT_TENSE = LazyPattern(
    r"^(?:\S+\s+){1,5}?(?:[a-z]{3,}(?<!ss)(?<!us)(?<!is)(?<!ws)s|(?:is|are)\s+[a-z]{3,}ing)\s+"
    r"(?:on|at|in|with|a|an|the|their|his|her|its|past|through|into|from|over|under|near|"
    r"outside|inside|during|after|before|for|as|to|up|down|out)\b"
)
_OPENING_CHARS = 80  # how far into a block its verb is looked for
# An agency's bare name before or after a caption: "Getty Images A man ...", "... Tuesday. AFP".
_AGENCY_BEFORE = LazyPattern(rf"^(?P<credit>(?:{AGENCY})(?: Photo| Images| PHOTO)?)\s+(?=[A-Z])")
_AGENCY_AFTER = LazyPattern(rf"(?<=[.!?])\s+(?P<credit>(?:{AGENCY})(?: Photo| Images| PHOTO)?)$")
_AGENCY_ONLY_LIKENESS = 2  # a bare name credits only a block that reads as a caption
_CREDIT_BEFORE_MARGIN = 2  # how much more caption-like the next block must read
# Openers of narrative, never of a caption: "Meanwhile, ...", "But ...".
_NARRATIVE_OPENER = LazyPattern(
    r"^(?:Meanwhile|However|But|And|So|Also|Still|Yet|Then|Now|Earlier|Later|Update)\b"
)
# Pasted posts and live-blog entries: "... pic.twitter.com/x — Jane (@jane)", "06.48 Reuters - ...".
_NOT_A_CAPTION = LazyPattern(r"pic\.twitter\.com|https?://|\(@\w+\)|^\d{1,2}[.:]\d{2}\b")
_SPEECH = LazyPattern(r"\b(?:said|says|say|told|added|according to)\b", re.I)
_OPENS_QUOTE = LazyPattern(r"^[\"\u201c\u201d\u201e\u00ab]")
_SENTENCE_END = LazyPattern(r"[.!?\"\u201d')\]:]$")
_UNPUNCTUATED_MIN_WORDS = 8
_UNPUNCTUATED_MAX_WORDS = 45
_MIN_SPLIT_CAPTION_WORDS = 3
_MIN_RUN_CAPTION_WORDS = 5  # "WASHINGTON (AP) -" opens a story, it is no caption
MAX_CAPTION_WORDS = 90


@dataclass(frozen=True)
class FoundCaption:
    """A caption found in the text, with the span it occupied."""

    text: str
    credit: str | None
    start: int
    end: int


@dataclass(frozen=True)
class CaptionSplit:
    """The body blocks left once captions and pull quotes are taken out."""

    body: list[Block]
    captions: list[tuple[int, FoundCaption]]  # (index of the next body block, caption)


def separate_captions(blocks: list[Block]) -> CaptionSplit:
    """Split ``blocks`` into body blocks and captions (each caption once)."""
    body: list[Block] = []
    captions: list[tuple[int, FoundCaption]] = []
    previous_caption: str | None = None
    pending: str | None = None  # a credit line that stands before its caption
    for position, block in enumerate(blocks):
        credit = _credit_line(block.text)
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if credit and captions and captions[-1][0] == len(body) and captions[-1][1].credit is None:
            last = captions[-1][1]
            captions[-1] = (len(body), FoundCaption(last.text, credit, last.start, block.end))
            continue
        before = body[-1] if body and body[-1] is blocks[position - 1] else None
        if credit and following is not None and _credits_the_next(before, following):
            pending = credit
            continue
        if credit and before is not None:
            caption = _as_caption(before, credit_line=credit)
            if caption:
                body.pop()
                captions.append((len(body), caption))
                previous_caption = normalize_space(caption.text)
                continue
        if captions and captions[-1][0] == len(body) and is_chrome(block.text):
            continue  # "Enlarge", "Previous Next": a gallery's buttons after its caption
        credit_line, pending = pending, None
        for piece in _split_inline_captions(block):
            if isinstance(piece, Block):
                caption = _as_caption(piece, credit_line=credit_line)
                if caption is None:
                    if previous_caption and normalize_space(piece.text) == previous_caption:
                        continue
                    body.append(piece)
                    previous_caption = None
                    continue
                piece = caption
            if normalize_space(piece.text) != previous_caption:
                captions.append((len(body), piece))
            previous_caption = normalize_space(piece.text)
    return CaptionSplit(_without_pull_quotes(body, captions), captions)


def without_counter(text: str) -> str:
    """Caption text without a slideshow's counter: ``"1 of 4. A man ..."`` -> ``"A man ..."``."""
    counter = _COUNTER.match(text)
    if counter and 1 <= int(counter["n"]) <= int(counter["m"]):
        return text[counter.end() :]
    return text


def _credits_the_next(before: Block | None, following: Block) -> bool:
    """Whether a credit line between two blocks credits the one after it: that one reads
    as a caption (a scene in the present, one sentence, photo phrasing) clearly more than
    the block before it, or nothing before it could be a caption."""
    after = _caption_likeness(following.text)
    if before is None:
        return after > 0
    return after >= _caption_likeness(before.text) + _CREDIT_BEFORE_MARGIN


def _caption_likeness(text: str) -> int:
    """A rough score of how much ``text`` reads like a photo caption."""
    body = text.strip()
    words = len(body.split())
    if not _MIN_SPLIT_CAPTION_WORDS <= words <= MAX_CAPTION_WORDS or _NOT_A_CAPTION.search(body):
        return 0
    score = 2 if _STRONG_PHOTO_PHRASE.search(body) else int(bool(_PHOTO_PHRASE.search(body)))
    score += _untold_scene(body) + bool(_PRESENT_TENSE.search(body[:_OPENING_CHARS]))
    score += _sentence_count(body) == 1
    if _SPEECH.search(body) or _OPENS_QUOTE.match(body):
        score -= 2
    return max(score, 0)


def caption_and_credit(text: str) -> tuple[str, str | None]:
    """Split a credit off caption text: ``"A man. (AP)"`` -> ``("A man.", "AP")``.

    The credit may close the caption in parentheses, stand on its last line,
    follow its last sentence (``"A man. Jane Doe/AP"``) or open it
    (``"Jane Doe/AP A man."``). A slideshow's counter (``"1 of 4. "``) is dropped.
    """
    text = without_counter(strip_chrome(text))
    match = _TRAILING_CREDIT.search(text)
    if match:
        return text[: match.start()].rstrip(), _clean_credit(match.group("credit"))
    lines = text.rstrip().splitlines()
    if len(lines) > 1:
        credit = _credit_line(lines[-1])
        if credit:
            return "\n".join(lines[:-1]).rstrip(), credit
    for slash in slash_credits(text):
        rest = text[slash.end() :].strip()
        if slash.start() == 0 and rest[:1].isupper():
            return rest, _clean_credit(slash.group("credit"))
        if not rest and _SENTENCE_END.search(text[: slash.start()].rstrip()):
            return text[: slash.start()].rstrip(), _clean_credit(slash.group("credit"))
    return text.strip(), None


def slash_credits(text: str) -> list[re.Match[str]]:
    """``Name/Source`` and ``AGENCY/Name`` credits in ``text``, in order, none overlapping."""
    found = sorted(
        [*SLASH_CREDIT.finditer(text), *AGENCY_FIRST_CREDIT.finditer(text)],
        key=lambda m: (m.start(), -m.end()),
    )
    kept: list[re.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _credit_line(text: str) -> str | None:
    line = text.strip()
    if "\n" in line or len(line) > 90:
        return None
    match = _CREDIT_LINE.match(line)
    if match:
        source = next(g for g in ("credit", "bare", "by", "courtesy") if match.group(g))
        return _clean_credit(match.group(source))
    slash = SLASH_CREDIT.fullmatch(line) or AGENCY_FIRST_CREDIT.fullmatch(line)
    return _clean_credit(slash.group("credit")) if slash else None


def _clean_credit(credit: str) -> str:
    """The source of a credit: ``Photo courtesy of Jane Doe.`` -> ``Jane Doe``."""
    credit = strip_chrome(credit).strip().rstrip(".")
    return _CREDIT_PREFIX.sub("", credit) or credit


def _repeated_half(text: str) -> str | None:
    """``"X X"`` -> ``"X"`` when a block is one text twice in a row."""
    flat = normalize_space(text)
    if len(flat) < 20 or len(flat) % 2 == 0:
        return None
    half = len(flat) // 2
    first, gap, second = flat[:half], flat[half], flat[half + 1 :]
    return first if gap == " " and first == second else None


def _as_caption(block: Block, credit_line: str | None = None) -> FoundCaption | None:
    """``block`` as a caption, if it has the shape of one."""
    text = block.text
    repeated = _repeated_half(text)
    if repeated is not None:
        text = repeated
    body, credit = caption_and_credit(text)
    credit = credit or credit_line
    words = len(body.split())
    if words == 0 or words > MAX_CAPTION_WORDS:
        return None
    evidence = 2 * (repeated is not None) + 2 * (credit is not None)
    if not (_NARRATIVE_OPENER.match(body) or _NOT_A_CAPTION.search(body)):
        evidence += 2 if _STRONG_PHOTO_PHRASE.search(body) else bool(_PHOTO_PHRASE.search(body))
        evidence += _untold_scene(body)
    if (_SPEECH.search(body) or _OPENS_QUOTE.match(body)) and repeated is None:
        evidence -= 2  # reported speech, or a quotation standing alone: no photo's caption
    if _sentence_count(body) > 3:
        evidence -= 1
    if evidence < 2:
        return None
    return FoundCaption(body, credit, block.start, block.end)


def _untold_scene(text: str) -> int:
    """Evidence from a line with no closing punctuation (1), told in the present (2)."""
    words = len(text.split())
    if _SENTENCE_END.search(text) or not (
        _UNPUNCTUATED_MIN_WORDS <= words <= _UNPUNCTUATED_MAX_WORDS
    ):
        return 0
    if ":" in text or "\n" in text:
        return 0  # "Live: the search goes on", a list
    present = bool(_PRESENT_SCENE.match(text)) and bool(_ARTICLE.search(text))
    return 1 + present


def _caption_shaped(text: str) -> bool:
    """Words a caption could be, once a credit says it is one (no speech, a few sentences)."""
    words = len(text.split())
    return (
        _MIN_SPLIT_CAPTION_WORDS <= words <= MAX_CAPTION_WORDS
        and not _SPEECH.search(text)
        and not _NOT_A_CAPTION.search(text)
        and not _OPENS_QUOTE.match(text)
        and _sentence_count(text) <= 3
    )


def _sentence_count(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text)) or 1


Piece = Block | FoundCaption


def _split_inline_captions(block: Block) -> list[Piece]:
    """Captions that share a block with each other or with body text, and the rest."""
    for splitter in (
        _counted_captions,
        _slash_credited_captions,
        _paren_credited_captions,
        _agency_named_caption,
    ):
        pieces = splitter(block)
        if pieces is not None:
            return pieces
    return [block]


def _agency_named_caption(block: Block) -> list[Piece] | None:
    """``"Getty Images A man walks his dog ..."`` or ``"... on Tuesday. Getty Images"``: an
    agency's bare name before or after a block that reads as a caption on its own."""
    text = block.text.strip()
    match = _AGENCY_BEFORE.match(text) or _AGENCY_AFTER.search(text)
    if match is None:
        return None
    words = (text[match.end() :] if match.start() == 0 else text[: match.start()]).strip()
    if _caption_likeness(words) < _AGENCY_ONLY_LIKENESS:
        return None
    return [FoundCaption(words, _clean_credit(match.group("credit")), block.start, block.end)]


def _counted_captions(block: Block) -> list[Piece] | None:
    """A slideshow's captions: ``"1 of 4. A man ... 2 of 4. A woman ..."``."""
    text = block.text
    first = _COUNTER.match(text)
    if not first or not 1 <= int(first["n"]) <= int(first["m"]) or int(first["m"]) < 2:
        return None
    marks = [m for m in _COUNTER.finditer(text) if m["m"] == first["m"]]
    pieces: list[Piece] = []
    for mark, following in zip(marks, [*marks[1:], None]):
        end = following.start() if following else len(text)
        caption_text, credit = caption_and_credit(text[mark.end() : end])
        if caption_text:
            pieces.append(
                FoundCaption(caption_text, credit, block.start + mark.start(), block.start + end)
            )
    return pieces or None


def _slash_credited_captions(block: Block) -> list[Piece] | None:
    """Captions marked by ``Name/Source`` credits, before or after them, amid page chrome.

    ``"Jane Doe/AP A man waves. Jane Doe/AP A boy runs. Previous Next"`` holds two
    captions, each after its credit; ``"... Share ADVERTISEMENT A man waves.
    JOHN ROE/STAFF PHOTO Related"`` one, before its credit. Nothing changes when
    no caption is found.
    """
    text = block.text
    credits = [m for m in slash_credits(text) if not _in_parentheses(text, m.start())]
    if not credits:
        return None
    pieces: list[Piece] = []
    found = False
    next_credit = 0
    for start, end in _outside_chrome(text):
        while next_credit < len(credits) and credits[next_credit].start() < start:
            next_credit += 1
        inside = []
        while next_credit < len(credits) and credits[next_credit].end() <= end:
            inside.append(credits[next_credit])
            next_credit += 1
        if not inside:
            pieces.extend(_sub_block(block, start, end))
            continue
        credit_first = inside[0].start() == start
        cursor = start
        for index, credit in enumerate(inside):
            if credit_first:
                stop = inside[index + 1].start() if index + 1 < len(inside) else end
                words, span = text[credit.end() : stop].strip(), (credit.start(), stop)
            else:
                words, span = text[cursor : credit.start()].strip(), (cursor, credit.end())
                if not _SENTENCE_END.search(words) and credit.end() < end:
                    words = ""  # "a poll by ABC News/Washington Post found": no caption
            cursor = span[1]
            if words and _caption_shaped(words) and (not credit_first or words[:1].isupper()):
                pieces.append(
                    FoundCaption(
                        strip_chrome(words),
                        _clean_credit(credit.group("credit")),
                        block.start + span[0],
                        block.start + span[1],
                    )
                )
                found = True
            else:
                pieces.extend(_sub_block(block, *span))
        pieces.extend(_sub_block(block, cursor, end))
    return pieces if found else None


def _in_parentheses(text: str, index: int) -> bool:
    """True when ``text[index]`` stands inside an open parenthesis (a credit there is "(...)")."""
    opening = text.rfind("(", 0, index)
    return opening >= 0 and text.rfind(")", opening, index) < 0


def _outside_chrome(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` between runs of page chrome."""
    spans = []
    cursor = 0
    for run in CHROME_RUN.finditer(text):
        if run.start() > cursor:
            spans.append((cursor, run.start()))
        cursor = run.end()
    if cursor < len(text):
        spans.append((cursor, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _paren_credited_captions(block: Block) -> list[Piece] | None:
    """``"X (AP) X (AP)"`` repeated captions, or a block of captions each with its credit."""
    credits = list(_CREDIT_PAREN.finditer(block.text))
    if len(credits) < 2:
        return None
    return _repeated_captions(block, credits) or _credited_run(block, credits)


def _credited_run(block: Block, credits: list[re.Match[str]]) -> list[Piece] | None:
    """``"A man waves. (AP) A boy runs. (Reuters)"``: every part ends with a credit."""
    text = block.text
    if strip_chrome(text[credits[-1].end() :]):
        return None
    pieces: list[Piece] = []
    cursor = 0
    for credit in credits:
        words = text[cursor : credit.start()].strip()
        if not _caption_shaped(words) or len(words.split()) < _MIN_RUN_CAPTION_WORDS:
            return None
        pieces.append(
            FoundCaption(
                words,
                _clean_credit(credit.group("credit")),
                block.start + cursor,
                block.start + credit.end(),
            )
        )
        cursor = credit.end()
    return pieces


def _repeated_captions(block: Block, credits: list[re.Match[str]]) -> list[Piece] | None:
    """Pull ``"... X (AP) X (AP) ..."`` captions out of the middle of a block."""
    pieces: list[Piece] = []
    cursor = 0
    text = block.text
    for first, second in zip(credits, credits[1:]):
        if first.start() < cursor:
            continue
        candidate = text[first.end() : second.end()].strip()
        begin = first.end() - len(candidate)
        if (
            len(candidate) < 20
            or begin < cursor
            or normalize_space(text[begin : first.end()]) != normalize_space(candidate)
        ):
            continue
        if begin > 0 and not text[begin - 1].isspace():
            continue
        caption_text, credit = caption_and_credit(candidate)
        pieces.extend(_sub_block(block, cursor, begin))
        pieces.append(
            FoundCaption(caption_text, credit, block.start + begin, block.start + second.end())
        )
        cursor = second.end()
    if not pieces:
        return None
    pieces.extend(_sub_block(block, cursor, len(text)))
    return pieces


def _sub_block(block: Block, start: int, end: int) -> list[Block]:
    chunk = block.text[start:end]
    stripped = chunk.strip()
    if not stripped or is_chrome(stripped):
        return []
    begin = block.start + start + (len(chunk) - len(chunk.lstrip()))
    return [Block(begin, begin + len(stripped), stripped)]


def _without_pull_quotes(
    body: list[Block], captions: list[tuple[int, FoundCaption]]
) -> list[Block]:
    """Drop short blocks whose whole text stands in another body block (pull quotes).

    Caption positions are renumbered to the blocks that remain.
    """
    word_lists = [_WORDS.findall(b.text.lower()) for b in body]
    joined = [" ".join(w) for w in word_lists]
    by_opening: dict[tuple[str, ...], set[int]] = {}
    for index, tokens in enumerate(word_lists):
        for i in range(len(tokens) - _KEY + 1):
            by_opening.setdefault(tuple(tokens[i : i + _KEY]), set()).add(index)
    # Longest first, so a block that repeats many times is compared with few others.
    longest_first = {
        key: sorted(found, key=lambda i: len(word_lists[i]), reverse=True)
        for key, found in by_opening.items()
    }
    removed: set[int] = set()
    for index, tokens in enumerate(word_lists):
        if not _KEY <= len(tokens) <= 60:
            continue
        for other in longest_first.get(tuple(tokens[:_KEY]), ()):
            if len(word_lists[other]) <= len(tokens):
                break
            if other not in removed and joined[index] in joined[other]:
                removed.add(index)
                break
    if not removed:
        return body
    gone = sorted(removed)
    for i, (before, caption) in enumerate(captions):
        captions[i] = (before - bisect_left(gone, before), caption)
    return [block for index, block in enumerate(body) if index not in removed]


_KEY = 5
_WORDS = LazyPattern(r"\w+")
