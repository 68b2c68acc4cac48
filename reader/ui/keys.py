"""The reader's key bindings, found where they are defined: help groups, ids and key hints.

Every class of ``reader.ui`` that defines ``BINDINGS`` owns bindings; they are
discovered by importing the package's modules, never listed by hand. The help
screen groups them by the first part of their id (``article.``, ``summary.``...)
and the command palette shows the key of an action as the user's keymap has it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.dom import DOMNode

if TYPE_CHECKING:
    from textual.app import App

# Help groups: a title and the id prefixes of its bindings (in this order).
HELP_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Reading", ("article.",)),
    ("Search", ("search.",)),
    ("Summary view", ("summary.",)),
    ("Photos and quotes", ("photos.", "quotes.", "list.")),
    ("Reader", ("reader.", "app.")),
    ("Article list (feeds)", ("stories.", "story.")),
    ("Links", ("links.show", "links.")),
)
# Bindings of dialogs: shown in the dialog itself, not in the help screen.
DIALOG_PREFIXES = ("help.", "open.", "history.")


def _owner_rank(owner: type) -> int:
    """Screens first, then widgets, the app last (the order of their bindings within a help group)."""
    from textual.app import App
    from textual.screen import Screen

    if issubclass(owner, Screen):
        return 0
    return 2 if issubclass(owner, App) else 1


@cache
def binding_owners() -> tuple[type[DOMNode], ...]:
    """Every class of ``reader.ui`` that defines its own ``BINDINGS``."""
    import reader.ui

    owners: list[type[DOMNode]] = []
    for module_info in sorted(pkgutil.iter_modules(reader.ui.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"reader.ui.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                cls.__module__ == module.__name__
                and issubclass(cls, DOMNode)
                and cls.__dict__.get("BINDINGS")
            ):
                owners.append(cls)
    return tuple(sorted(owners, key=_owner_rank))  # stable: module order within a rank


def bindings() -> list[Binding]:
    """Every binding with an id, once per id (the first owner's)."""
    seen: set[str] = set()
    found: list[Binding] = []
    for owner in binding_owners():
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id and binding.id not in seen:
                seen.add(binding.id)
                found.append(binding)
    return found


def binding_ids() -> set[str]:
    """The id of every binding of the reader (what ``[keys]`` in the config file may remap)."""
    return {binding.id for binding in bindings() if binding.id}


def help_groups() -> list[tuple[str, list[Binding]]]:
    """The bindings of each help group, in the order of its prefixes."""
    everything = bindings()
    groups: list[tuple[str, list[Binding]]] = []
    for title, prefixes in HELP_GROUPS:
        members: list[Binding] = []
        for prefix in prefixes:
            members += [
                binding
                for binding in everything
                if binding.id and binding.id.startswith(prefix) and binding not in members
            ]
        groups.append((title, members))
    return groups


def keys_of(app: App[object], binding: Binding) -> str:
    """How the keys of ``binding`` are shown, after the app's keymap (``k/↑``)."""
    keymap: dict[str, str] = getattr(app, "_keymap", None) or {}
    remapped = keymap.get(binding.id) if binding.id else None
    if remapped is None and binding.key_display:
        return binding.key_display
    keys = (remapped or binding.key).split(",")
    return "/".join(app.get_key_display(Binding(key.strip(), binding.action)) for key in keys)


def key_hint(app: App[object], owner_bindings: Sequence[object], action: str) -> str:
    """The keys of the binding of ``action`` among ``owner_bindings`` ("" when none)."""
    for binding in owner_bindings:
        if isinstance(binding, Binding) and binding.action == action:
            return keys_of(app, binding)
    return ""
