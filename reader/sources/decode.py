"""Bytes to text: BOMs, UTF-8, then charset detection (cp1252, EUC-KR, UTF-16...).

The text that leaves here holds no control characters but tab, newline,
carriage return and form feed: an escape sequence in a file must not reach
the terminal (``ESC ] 0 ; title BEL`` would retitle the window).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from reader.errors import ReaderError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in a text document (tab, newline,
# carriage return, form feed and escape are allowed: escape sequences are
# removed, a file of coloured text is still text).
_BINARY_CONTROLS = set(range(32)) - {9, 10, 12, 13, 27}
# Terminal escape sequences: CSI ("ESC [ 31 m"), string commands with their
# terminator (OSC "ESC ] 0;title BEL", DCS, APC...), two-character escapes;
# 7-bit and 8-bit forms. An unterminated string command loses its introducer only.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,2048}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
)
# The same in bytes for charset detection, which gives up on text holding them;
# ISO-2022 shifts ("ESC $ B") are not touched.
_BYTE_ESCAPE_SEQUENCE = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b]{0,2048}(?:\x07|\x1b\\)|\x1b[\]PX^_]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# A UTF-8 text with a stray byte or two (a Windows apostrophe pasted in) is still UTF-8.
_MIN_UTF8_CHARACTERS = 2
_UTF8_PER_BAD_BYTE = 2


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode ``data`` as text, or raise ReaderError when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), name)
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    utf16 = _looks_like_utf16(data)
    if not utf16 and b"\x00" in data[:8192]:
        raise ReaderError(f"{name} is a binary file, not text")
    mostly_utf8 = None if utf16 else _mostly_utf8(data)
    if mostly_utf8 is not None:
        return _checked(mostly_utf8, name)
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data if utf16 else _BYTE_ESCAPE_SEQUENCE.sub(b"", data)))
    if not matches:
        raise ReaderError(f"{name} is a binary file, not text")
    return _checked(str(_preferred(matches)), name)


def strip_controls(text: str) -> str:
    """``text`` without escape sequences and control characters (tab, newline, CR, form feed stay)."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few invalid bytes (each read as cp1252), or None when it is not UTF-8."""
    strict = data.decode("utf-8", errors="replace")  # counted first: all in C, fast on big files
    replaced = strict.count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())
    good = (
        len(strict) - len(strict.encode("ascii", "ignore")) - replaced
    )  # valid characters beyond ASCII
    if good >= _MIN_UTF8_CHARACTERS and good >= _UTF8_PER_BAD_BYTE * bad:
        return data.decode("utf-8", errors="reader-cp1252")
    return None


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: an invalid UTF-8 byte is read as windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("reader-cp1252", _as_cp1252)

# When the ranking below ties, the common code pages win: Windows-1252 over
# its Central European and Baltic cousins.
_PREFERRED = (
    "cp1252",
    "euc_kr",
    "cp949",
    "utf_16",
    "shift_jis",
    "gb18030",
    "big5",
    "cp1251",
    "cp1250",
    "latin_1",
)
# charset-normalizer's "chaos" misjudges short texts (a cp1252 news line scores
# worse than its cp775 mojibake); candidates this close to the best are
# ranked by how plausible their letters are.
_CHAOS_WINDOW = 0.15
_SCORED_CHARACTERS = 20_000
# Letters beyond ASCII of the languages single-byte code pages are used for.
_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüßé",  # German
    "áéíñóúü",  # Spanish
    "àáâãçéêíóôõú",  # Portuguese
    "àèéìíîòóù",  # Italian
    "àçèéíïòóúü",  # Catalan
    "áéëïóöü",  # Dutch
    "æøåé",  # Danish, Norwegian
    "åäöé",  # Swedish, Finnish
    "áéíóúýþðæö",  # Icelandic
    "áčďéěíňóřšťúůýžäĺľôŕ",  # Czech, Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "čćđšž",  # Croatian, Bosnian, Slovenian
    "ăâîșțşţ",  # Romanian
    "çğıöşüâî",  # Turkish
    "āčēģīķļņšūžąęėįųõäöü",  # Latvian, Lithuanian, Estonian
)
# Scripts whose letters mix in one text (Japanese kana and kanji).
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}
# Symbols that stand next to letters in real text.
_WORD_SYMBOLS = frozenset("\u2019\u2018\u00b7\u2010\u2011\u2013\u2014\u00ad\u00b4")


def _preferred(matches: list) -> object:
    """The best of charset-normalizer's close guesses: plausible letters first, then chaos."""
    best = matches[0].chaos
    close = [m for m in matches if m.chaos <= best + _CHAOS_WINDOW]
    return min(close, key=lambda m: (_oddities(str(m)[:_SCORED_CHARACTERS]), m.chaos, _rank(m)))


def _rank(match: object) -> int:
    names = getattr(match, "could_be_from_charset", None) or [getattr(match, "encoding", "")]
    return min((_PREFERRED.index(n) for n in names if n in _PREFERRED), default=len(_PREFERRED))


def _oddities(text: str) -> int:
    """How many characters look like mojibake: controls, symbols or other scripts inside words, odd letters."""
    odd = 0
    letters: dict[str, int] = {}
    for i, char in enumerate(text):
        if char < "\x80":
            continue
        category = unicodedata.category(char)
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if category[0] == "L":
            letters[char.lower()] = letters.get(char.lower(), 0) + 1
            odd += char.isupper() and before.islower()  # "MuŮoz"
            odd += _script(char) != "LATIN" and "LATIN" in (
                _script(before),
                _script(after),
            )  # "Ђ12bn"
        elif category in ("Cc", "Cn", "Co"):
            odd += 1
        elif category[0] == "M":
            odd += _script(char) not in ("COMBINING", _script(before))  # "Muٌoz"
        elif (
            category[0] in "SN"
            and char not in _WORD_SYMBOLS
            and (before.isalpha() or after.isalpha())
        ):
            odd += 1  # "rz¹d", "powiedzia³": a code page's symbol standing for a letter
    return odd + _foreign_letters(letters)


def _script(char: str) -> str:
    """The script a character's Unicode name starts with (LATIN, CYRILLIC, CJK...)."""
    if char < "\x80":
        return "LATIN" if char.isalpha() else "COMMON"
    script = unicodedata.name(char, "?").split(" ")[0]
    return _SCRIPT_GROUPS.get(script, script)


def _foreign_letters(letters: dict[str, int]) -> int:
    """Letters outside the one alphabet (a language's, or a script) that fits the most of them."""
    if not letters:
        return 0
    total = sum(letters.values())
    fitting = [sum(n for c, n in letters.items() if c in alphabet) for alphabet in _ALPHABETS]
    scripts: dict[str, int] = {}
    for char, count in letters.items():
        script = _script(char)
        if script != "LATIN":
            scripts[script] = scripts.get(script, 0) + count
    return total - max(fitting + list(scripts.values()))


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte is NUL for Latin text."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)


def _checked(text: str, name: str) -> str:
    """``text`` without control characters, or a ReaderError when it is mostly controls (binary)."""
    sample = _ESCAPE_SEQUENCE.sub("", text[:8192])
    if sample and sum(ord(c) in _BINARY_CONTROLS for c in sample) > 0.01 * len(sample):
        raise ReaderError(f"{name} is a binary file, not text")
    return strip_controls(text)
