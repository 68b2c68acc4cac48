"""Bytes to text: BOMs, UTF-8, then charset detection (cp1252, EUC-KR, UTF-16...)."""

from __future__ import annotations

import codecs

from reader.errors import ReaderError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in a text document (tab, newline,
# carriage return, form feed and escape are allowed).
_BINARY_CONTROLS = set(range(0, 32)) - {9, 10, 12, 13, 27}


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode ``data`` as text, or raise ReaderError when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), name)
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    if not _looks_like_utf16(data) and b"\x00" in data[:8192]:
        raise ReaderError(f"{name} is a binary file, not text")
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise ReaderError(f"{name} is a binary file, not text")
    return _checked(str(_preferred(matches)), name)


# Where a short text decodes equally well in several code pages, the common
# ones win: Windows-1252 over its Central European and Baltic cousins.
_PREFERRED = ("cp1252", "euc_kr", "cp949", "utf_16", "shift_jis", "gb18030", "big5", "cp1251", "latin_1")


def _preferred(matches: list) -> object:
    best = matches[0]
    close = [m for m in matches if m.chaos <= best.chaos + 0.01]
    for encoding in _PREFERRED:
        for match in close:
            if match.encoding == encoding:
                return match
    return best


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte is NUL for Latin text."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)


def _checked(text: str, name: str) -> str:
    sample = text[:8192]
    if sample and sum(ord(c) in _BINARY_CONTROLS for c in sample) > 0.01 * len(sample):
        raise ReaderError(f"{name} is a binary file, not text")
    return text
