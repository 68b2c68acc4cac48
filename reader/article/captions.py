"""Photo captions in scraped plain text, recognised by their shape.

A caption is a short block that shows at least two signs of being one: its
text repeated twice in a row (as scrapers copy image captions), a trailing
agency credit such as ``(AP)``, a credit line (``Photo: Jane Doe/Getty
Images``), or photo phrasing (``(left)``, ``In this pool photo``). A block
that only repeats body text (a pull quote) is not a caption: it is dropped
from the body, since its words are already there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.article.blocks import Block, normalize_space

AGENCIES = (
    "AP",
    "AFP",
    "Reuters",
    "Yonhap",
    "EPA",
    "EPA-EFE",
    "Getty Images",
    "Xinhua",
    "UPI",
    "Bloomberg",
    "Kyodo",
    "Newsis",
    "News1",
    "Korea Herald",
    "Korea Times",
    "Joint Press Corps",
    "KCNA",
    "Yna",
    "ANSA",
    "dpa",
    "PA",
    "PA Media",
    "Shutterstock",
    "Sputnik",
    "TASS",
    "Anadolu",
    "NurPhoto",
    "SOPA Images",
    "Alamy",
    "Pool",
    "Handout",
    "Courtesy",
    "File",
    "Unsplash",
)
_AGENCY = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
# "(AP)", "(AP Photo/Jane Doe)", "(Yonhap News)", "(Photo: Jane Doe)", "(Getty Images/File)".
_CREDIT_PAREN = re.compile(
    rf"\((?P<credit>(?:{_AGENCY})(?:[ /-][^()\n]{{0,60}})?"
    rf"|(?:photo|photograph|image|picture|credit|courtesy)s?(?: by)?\s*[:/]?\s*[^()\n]{{1,60}}"
    rf"|[^()\n]{{1,50}}(?:Photo|Photos|Images|Pictures|Agency|News|Pool))\)"
)
_TRAILING_CREDIT = re.compile(rf"\s*{_CREDIT_PAREN.pattern}\s*$")
_CREDIT_LINE = re.compile(
    r"^(?:(?:photo|photograph|image|picture|illustration|credit|photo credit|source)s?\s*(?:by\s*)?[:\u2014-]\s*"
    rf"(?P<credit>.{{2,80}})|(?P<bare>(?:{_AGENCY})(?: Photo)?(?:/.{{1,60}})?))$",
    re.I,
)
_PHOTO_PHRASE = re.compile(
    r"\((?:left|right|center|centre|top|bottom|front|back|second|third|fourth|L|R|C)\b[^()]{0,30}\)"
    r"|\b(?:in this|this)\s+(?:\w+\s+){0,3}(?:photo|photograph|image|picture|handout|file photo)\b"
    r"|\b(?:pictured|photographed|poses? for (?:a )?photo|file photo|handout photo)\b",
    re.I,
)
_SPEECH = re.compile(r"\b(?:said|says|told|added|according to)\b", re.I)
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
    pending_credit: tuple[int, str] | None = None
    previous_caption: str | None = None
    for position, block in enumerate(blocks):
        credit = _credit_line(block.text)
        if credit and captions and captions[-1][0] == len(body) and captions[-1][1].credit is None:
            last = captions[-1][1]
            captions[-1] = (len(body), FoundCaption(last.text, credit, last.start, block.end))
            continue
        if credit and pending_credit is None and body and body[-1] is blocks[position - 1]:
            caption = _as_caption(body[-1], credit_line=credit)
            if caption:
                body.pop()
                captions.append((len(body), caption))
                previous_caption = normalize_space(caption.text)
                continue
        for piece in _split_inline_captions(block):
            if isinstance(piece, FoundCaption):
                if normalize_space(piece.text) != previous_caption:
                    captions.append((len(body), piece))
                previous_caption = normalize_space(piece.text)
                continue
            caption = _as_caption(piece)
            if caption is not None:
                if normalize_space(caption.text) != previous_caption:
                    captions.append((len(body), caption))
                previous_caption = normalize_space(caption.text)
                continue
            if previous_caption and normalize_space(piece.text) == previous_caption:
                continue
            body.append(piece)
            previous_caption = None
    return CaptionSplit(_without_pull_quotes(body, captions), captions)


def caption_and_credit(text: str) -> tuple[str, str | None]:
    """Split a trailing credit off caption text: ``"A man. (AP)"`` -> ``("A man.", "AP")``."""
    match = _TRAILING_CREDIT.search(text)
    if match:
        return text[: match.start()].rstrip(), _clean_credit(match.group("credit"))
    lines = text.rstrip().splitlines()
    if len(lines) > 1:
        credit = _credit_line(lines[-1])
        if credit:
            return "\n".join(lines[:-1]).rstrip(), credit
    return text.strip(), None


def _credit_line(text: str) -> str | None:
    line = text.strip()
    if "\n" in line or len(line) > 90:
        return None
    match = _CREDIT_LINE.match(line)
    if not match:
        return None
    return _clean_credit(match.group("credit") or match.group("bare"))


def _clean_credit(credit: str) -> str:
    credit = credit.strip().rstrip(".")
    return (
        re.sub(
            r"^(?:photo|photograph|image|picture|credit)s?\s*(?:by\s*)?[:/]?\s*",
            "",
            credit,
            flags=re.I,
        )
        or credit
    )


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
    evidence = (
        2 * (repeated is not None) + 2 * (credit is not None) + bool(_PHOTO_PHRASE.search(body))
    )
    if _SPEECH.search(body) and repeated is None:
        evidence -= 2
    if _sentence_count(body) > 3:
        evidence -= 1
    if evidence < 2:
        return None
    return FoundCaption(body, credit, block.start, block.end)


def _sentence_count(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text)) or 1


def _split_inline_captions(block: Block) -> list[Block | FoundCaption]:
    """Pull ``"... X (AP) X (AP) ..."`` captions out of the middle of a block."""
    credits = list(_CREDIT_PAREN.finditer(block.text))
    if len(credits) < 2:
        return [block]
    pieces: list[Block | FoundCaption] = []
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
        return [block]
    pieces.extend(_sub_block(block, cursor, len(text)))
    return pieces


def _sub_block(block: Block, start: int, end: int) -> list[Block]:
    chunk = block.text[start:end]
    stripped = chunk.strip()
    if not stripped:
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
    removed: set[int] = set()
    for index, tokens in enumerate(word_lists):
        if not _KEY <= len(tokens) <= 60:
            continue
        for other in by_opening.get(tuple(tokens[:_KEY]), ()):
            if (
                other != index
                and other not in removed
                and len(word_lists[other]) > len(tokens)
                and joined[index] in joined[other]
            ):
                removed.add(index)
                break
    if not removed:
        return body
    for i, (before, caption) in enumerate(captions):
        captions[i] = (before - sum(1 for r in removed if r < before), caption)
    return [block for index, block in enumerate(body) if index not in removed]


_KEY = 5
_WORDS = re.compile(r"\w+")
