"""Settings: one TOML file in the user's config folder.

The file is ``config.toml`` in ``platformdirs.user_config_path("reader")``
(``~/.config/reader/config.toml`` on Linux), or in ``$READER_CONFIG_DIR``
when that is set. ``reader config`` prints its path and the settings in
effect. Every setting is optional::

    # The Textual theme (pick one from the command palette, ctrl+p; the
    # reader remembers the choice here). Default "textual-dark".
    theme = "nord"

    # Width of the reading column, 60 to 120 (w / W change it and the reader
    # remembers it here). Default 80.
    column_width = 90

    # The summary the reader starts with (and `reader export` uses): an
    # algorithm, one of those `reader summarize --help` lists, and a length
    # in sentences, 1 to 50. Defaults: the reader's default algorithm, and 3.
    algorithm = "lsa"
    length = 5

    # Remap keys: binding id = the key, or several separated by commas
    # (a list of strings works too). Key names are Textual's: "ctrl+f",
    # "slash", "question_mark", "f3" ...
    [keys]
    "article.search" = "ctrl+f,slash"
    summary.next_algorithm = "right"   # dotted ids work unquoted too

A problem never stops the reader: a file that is not valid TOML is reported in
one line (with the line number) and the defaults are used; a bad value is
named in one line and that setting's default used; an unknown setting is
reported and ignored.

This module never imports Textual: the UI passes the names of its themes and
binding ids to ``load_settings`` to have them checked.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import sys
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.files import BadFile, atomic_write, read_regular_file
from reader.paths import config_path
from reader.summary.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_LENGTH, MAX_LENGTH

DEFAULT_THEME = "textual-dark"
DEFAULT_COLUMN_WIDTH = 80
MIN_COLUMN_WIDTH = 60
MAX_COLUMN_WIDTH = 120
MAX_CONFIG_BYTES = 1024 * 1024  # a config file larger than this is not read

# textual.theme.BUILTIN_THEMES of the Textual the reader pins (a test checks
# they agree), so that `reader config` can check a theme without importing
# Textual; where Textual is imported already, its own list is used.
BUILTIN_THEME_NAMES: tuple[str, ...] = (
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "catppuccin-mocha",
    "dracula",
    "tokyo-night",
    "monokai",
    "flexoki",
    "catppuccin-latte",
    "catppuccin-frappe",
    "catppuccin-macchiato",
    "solarized-light",
    "solarized-dark",
    "rose-pine",
    "rose-pine-moon",
    "rose-pine-dawn",
    "atom-one-dark",
    "atom-one-light",
    "ansi-dark",
    "ansi-light",
)


def builtin_theme_names() -> Collection[str]:
    """Textual's built-in themes: from Textual when it is imported, else the copy."""
    textual_themes = sys.modules.get("textual.theme")
    builtin = getattr(textual_themes, "BUILTIN_THEMES", None)
    return tuple(builtin) if isinstance(builtin, Mapping) else BUILTIN_THEME_NAMES


SETTING_NAMES: tuple[str, ...] = ("theme", "column_width", "algorithm", "length")
KEYS_TABLE = "keys"


@dataclass(frozen=True)
class Settings:
    """The settings in effect (the defaults unless the config file says otherwise)."""

    theme: str = DEFAULT_THEME
    column_width: int = DEFAULT_COLUMN_WIDTH
    algorithm: str = DEFAULT_ALGORITHM
    length: int = DEFAULT_LENGTH
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys, for App.set_keymap

    def to_toml(self) -> str:
        """These settings in the config file's format."""
        lines = [f"{name} = {_toml_value(getattr(self, name))}" for name in SETTING_NAMES]
        lines += ["", f"[{KEYS_TABLE}]"]
        lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in sorted(self.keymap.items())]
        return "\n".join(lines) + "\n"


DEFAULTS = Settings()


class _Invalid(ValueError):
    """A value that does not fit a setting; the message says what would."""


def check_setting(name: str, value: Any, known_themes: Collection[str] | None = None) -> Any:
    """``value`` checked (and normalised) for setting ``name``; _Invalid if it does not fit."""
    if name == "theme":
        themes = builtin_theme_names() if known_themes is None else known_themes
        if not isinstance(value, str) or value.strip() not in themes:
            raise _Invalid(f"a theme name: {', '.join(sorted(themes))}")
        return value.strip()
    if name == "column_width":
        return _check_int(value, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH)
    if name == "length":
        return _check_int(value, 1, MAX_LENGTH)
    if name == "algorithm":
        if not isinstance(value, str) or value.strip().lower() not in ALGORITHMS:
            raise _Invalid(f"one of {', '.join(ALGORITHMS)}")
        return value.strip().lower()
    raise _Invalid("a known setting")


def _check_int(value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _Invalid(f"a whole number from {low} to {high}")
    return value


# Modifiers, then one character or a key's name: "s", "ctrl+f", "shift+pageup", "question_mark".
_KEY_NAME = re.compile(r"^(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*(?:[^\s,]|[a-z][a-z0-9_]+)$")
_BINDING_ID = re.compile(r"^[A-Za-z0-9_.\-]+$")


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"article": {"search": "x"}}`` -> ``{"article.search": "x"}``: TOML reads unquoted dotted keys as tables."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def check_keys(value: Any) -> str:
    """Keys for one binding: ``"ctrl+f"``, ``"ctrl+f,slash"`` or a list of key names."""
    parts: list[Any]
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, list) and value:
        parts = value
    else:
        raise _Invalid('a key such as "ctrl+f", or several separated by commas')
    keys = [p.strip() if isinstance(p, str) else None for p in parts]
    if not all(k and _KEY_NAME.match(k) for k in keys):
        raise _Invalid('a key such as "ctrl+f", or several separated by commas')
    return ",".join(k for k in keys if k)


def load_settings(
    path: Path | None = None,
    *,
    known_themes: Collection[str] | None = None,
    known_bindings: Collection[str] | None = None,
) -> tuple[Settings, list[str]]:
    """The settings in effect and one warning line per problem with the file.

    ``known_themes``: theme names to accept (default: Textual's built-in
    themes). ``known_bindings``: binding ids to accept in ``[keys]`` (default:
    any well-formed id). Never raises for anything in or about the file.
    """
    path = config_path() if path is None else Path(path)
    data, warnings = _read_toml(path)
    if data is None:
        return DEFAULTS, warnings
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name == KEYS_TABLE:
            continue
        if name not in SETTING_NAMES:
            warnings.append(f"{path}: unknown setting {name!r} (ignored)")
            continue
        try:
            values[name] = check_setting(name, value, known_themes)
        except _Invalid as error:
            default = getattr(DEFAULTS, name)
            warnings.append(
                f"{path}: {name} = {_shown(value)} is not valid (expected {error}); using {_toml_value(default)}"
            )
    keymap: dict[str, str] = {}
    table = data.get(KEYS_TABLE, {})
    if not isinstance(table, dict):
        warnings.append(
            f"{path}: {KEYS_TABLE} should be a table ([{KEYS_TABLE}]) of binding id = keys (ignored)"
        )
        table = {}
    for binding, value in _flatten(table).items():
        if not _BINDING_ID.match(binding) or (
            known_bindings is not None and binding not in known_bindings
        ):
            close = get_close_matches(binding, sorted(known_bindings or ()), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            warnings.append(
                f"{path}: [{KEYS_TABLE}] {binding!r} is not a binding id (ignored{hint})"
            )
            continue
        try:
            keymap[binding] = check_keys(value)
        except _Invalid as error:
            shown = f"[{KEYS_TABLE}] {binding} = {_shown(value)}"
            warnings.append(f"{path}: {shown} is not valid (expected {error}; ignored)")
    return replace(DEFAULTS, **values, keymap=keymap), warnings


def _read_toml(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The parsed file (None if absent or broken) and the warnings."""
    defaults = "using the default settings"
    try:
        raw = read_regular_file(path, MAX_CONFIG_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        return None, []
    except BadFile as error:
        return None, [f"cannot read the config file: {error}; {defaults}"]
    except OSError as error:
        return None, [f"cannot read the config file {path} ({_reason(error)}); {defaults}"]
    try:
        return tomllib.loads(raw.decode("utf-8")), []
    except UnicodeDecodeError:
        return None, [f"{path} is not UTF-8 text; {defaults}"]
    except tomllib.TOMLDecodeError as error:
        return None, [f"{path} is not valid TOML: {error}; {defaults}"]
    except RecursionError:
        return None, [f"{path} is not valid TOML: nested too deeply; {defaults}"]


def _shown(value: Any) -> str:
    text = _toml_value(value) if isinstance(value, (str, int, float, bool)) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# -- saving -------------------------------------------------------------------------------


def save_setting(
    name: str, value: Any, path: Path | None = None, *, known_themes: Collection[str] | None = None
) -> Path:
    """Set one setting in the config file, keeping everything else in it (comments too).

    ``name`` is a setting (``"theme"``, ``"column_width"``, ``"algorithm"``,
    ``"length"``) or ``"keys.<binding id>"``. Creates the file if needed and
    writes it atomically. Raises ReaderError (one line) for a bad value, a
    config file that is not valid TOML (it is left alone), or a write error.
    """
    path = config_path() if path is None else Path(path)
    table, _, key = name.partition(".") if name.startswith(KEYS_TABLE + ".") else ("", "", name)
    try:
        if table == KEYS_TABLE and _BINDING_ID.match(key):
            value = check_keys(value)
        elif not table:
            value = check_setting(name, value, known_themes)
        else:
            raise _Invalid("a known setting")
    except _Invalid as error:
        raise ReaderError(f"cannot set {name} = {_shown(value)} (expected {error})") from None
    text = _read_for_saving(path)
    try:
        tomllib.loads(text)  # tomllib's message names the line
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise ReaderError(f"{path} is not valid TOML ({error}); fix it to save settings") from None
    import tomlkit

    document = tomlkit.parse(text)
    if table:
        keys = document.get(KEYS_TABLE)
        if keys is None:
            keys = document[KEYS_TABLE] = tomlkit.table()
        if not isinstance(keys, dict):
            raise ReaderError(f"{path}: {KEYS_TABLE} is not a table; fix it to save keys")
        _set_binding(keys, key, value)
    else:
        _set_top_level(document, key, value)
    try:
        atomic_write(path, tomlkit.dumps(document))
    except OSError as error:
        raise ReaderError(
            f"cannot save the config file {path} ({error.strerror or error})"
        ) from None
    return path


def _read_for_saving(path: Path) -> str:
    """The config file's text ("" when there is none); ReaderError when it cannot be read."""
    try:
        return read_regular_file(path, MAX_CONFIG_BYTES).decode("utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as error:
        reason = str(error) if isinstance(error, BadFile) else _reason(error)
        raise ReaderError(f"cannot read the config file {path} ({reason})") from None


def _set_top_level(document: Any, key: str, value: Any) -> None:
    """Set a top-level setting: in place, else after the last one (above the tables and
    the comments right above them, which belong to them)."""
    import tomlkit
    from tomlkit.items import AoT, Comment, Table

    body = document.body
    if key in document or not hasattr(document, "_insert_at"):
        document[key] = value
        return
    tables = [i for i, (_, item) in enumerate(body) if isinstance(item, (Table, AoT))]
    values = [
        i for i, (k, _) in enumerate(body) if k is not None and (not tables or i < tables[0])
    ]
    if values:
        document._insert_at(values[-1] + 1, key, value)
    elif not tables:
        document[key] = value
    else:
        at = tables[0]
        while at > 0 and isinstance(body[at - 1][1], Comment):
            at -= 1
        item = tomlkit.item(value)
        item.trivia.trail = "\n\n"  # a blank line between it and the table's comment
        document._insert_at(at, key, item)


def _set_binding(keys: Any, binding: str, value: str) -> None:
    """Set ``binding`` in the ``[keys]`` table: where it is (quoted or dotted), else quoted."""
    node = keys
    *tables, last = binding.split(".")
    for part in tables:
        node = node.get(part) if isinstance(node, dict) else None
    if binding not in keys and isinstance(node, dict) and tables:
        node[last] = value
    else:
        keys[binding] = value


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _toml_string(key)


def _toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch in "\b\t\n\f\r":
            out.append({"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return (
            "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
        )
    raise TypeError(f"cannot write {type(value).__name__} to TOML")
