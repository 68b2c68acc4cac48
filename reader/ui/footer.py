"""The footer: the keys that matter now, fitted to the width, with ``? Help`` and ``q Quit`` always shown.

Textual's Footer shows every binding and cuts the line at the right edge
(at 80 columns it ended in ``q Qu``). This one measures each hint and leaves
out the least useful ones first, so that the footer always ends with the
help and quit keys; the keys of the focused widget (``enter Go to
sentence``...) come before the screen's.

It also keeps no memory per screen push and pop: Textual 8.2.8's Footer
recomposes on every change of the screen's bindings, and each new FooterKey
binds the footer's ``compact`` reactive with ``data_bind``, a watcher that is
only dropped when ``compact`` changes, which it never does (about 44 KB per
``?`` open and close). The watchers of keys no longer in the DOM are dropped
after each recompose.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

# Binding ids, most useful first: what a narrow footer keeps longest. Ids not
# listed (the focused widget's keys) rank right after the ALWAYS ones.
ALWAYS = ("app.help", "app.quit")
RANKED = (
    "summary.cancel",
    "reader.summary",
    "summary.next_algorithm",
    "summary.longer",
    "search.next",
    "article.next_section",
    "reader.sidebar",
    "app.command_palette",
    "article.search",
    "reader.copy",
    "reader.export",
)
HINT_PADDING = 3  # columns around a hint's key and description (" k Description ")
PALETTE_BORDER = 1  # the command palette's hint has a border on its left


@dataclass
class Hint:
    """One footer hint: a binding, or a group of bindings shown as ``a/A Algorithm``."""

    bindings: list[tuple[Binding, bool, str]]  # (binding, enabled, tooltip)
    group: Binding.Group | None
    keys: list[str]  # the key displays

    @property
    def id(self) -> str:
        return self.bindings[0][0].id or ""

    @property
    def description(self) -> str:
        if self.group is not None and len(self.bindings) > 1:
            return self.group.description
        return self.bindings[0][0].description

    @property
    def width(self) -> int:
        return sum(len(k) for k in self.keys) + len(self.description) + HINT_PADDING


def rank(hint: Hint) -> int:
    """Lower is kept longer."""
    if hint.id in ALWAYS:
        return -1
    if hint.id in RANKED:
        return 1 + RANKED.index(hint.id)
    return 0


def fit(hints: list[Hint], width: int, reserved: int = 0) -> list[Hint]:
    """The hints that fit in ``width`` columns (``reserved`` taken already), least useful left out first."""
    kept = list(hints)
    while kept and sum(h.width for h in kept) + reserved > width:
        droppable = [h for h in kept if h.id not in ALWAYS]
        if not droppable:
            break
        kept.remove(max(droppable, key=lambda h: (rank(h), kept.index(h))))
    return kept


class ReaderFooter(Footer):
    """Footer whose hints fit its width; the help and quit keys stay at its right end."""

    _composed: tuple[object, ...] | None = None  # what the shown keys were made from

    async def recompose(self) -> None:
        """Make the keys again, unless they would be the same as those shown."""
        if not self.is_attached or not isinstance(self.parent, DOMNode):
            return  # a refresh that arrives after its screen was closed (J, backspace)
        made_from = self._made_from() if self._bindings_ready else None
        if made_from is not None and made_from == self._composed and self.children:
            return  # a focus change or a refresh that changes no key (the start makes several)
        await super().recompose()
        self._composed = made_from
        self.drop_stale_watchers()

    def _made_from(self) -> tuple[object, ...]:
        """Everything compose() uses from the bindings, for the hints shown at this width."""
        return tuple(
            (
                tuple(
                    (b.key, b.action, b.description, enabled, tip)
                    for b, enabled, tip in h.bindings
                ),
                tuple(h.keys),
                h.group.description if h.group else None,
                h.group.compact if h.group else None,
            )
            for h in self.shown_hints()
        )

    def drop_stale_watchers(self) -> None:
        """Forget the watchers of nodes that have left the DOM."""
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        for name, watching in watchers.items():
            watchers[name] = [
                (node, callback)
                for node, callback in watching
                if not isinstance(node, DOMNode) or node.is_attached
            ]

    def hints(self) -> tuple[list[Hint], Hint | None]:
        """The hints to show (in their order, help and quit last) and the command palette's."""
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        hints: list[Hint] = []
        for multi in by_action.values():
            binding = multi[0][0]
            group = binding.group
            if group is not None and hints and hints[-1].group is group:
                hints[-1].bindings.append(multi[0])
                hints[-1].keys.append(self.app.get_key_display(binding))
            else:
                hints.append(Hint([multi[0]], group, [self.app.get_key_display(binding)]))
        hints.sort(key=lambda h: ALWAYS.index(h.id) if h.id in ALWAYS else -1)
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _, binding, enabled, tooltip = found
                palette = Hint(
                    [(binding, enabled, tooltip)], None, [self.app.get_key_display(binding)]
                )
        return hints, palette

    def shown_hints(self) -> list[Hint]:
        """The hints shown at the footer's present width (the palette's last, when it fits)."""
        hints, palette = self.hints()
        width = self.size.width or self.app.size.width
        if palette is not None:
            with_palette = fit([*hints, palette], width, PALETTE_BORDER)
            if palette in with_palette:
                return with_palette
        return fit(hints, width)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        shown = self.shown_hints()
        for hint in shown:
            palette = hint.id == "app.command_palette"
            if hint.group is not None and len(hint.bindings) > 1:
                with KeyGroup(classes="-compact" if hint.group.compact else ""):
                    for (binding, enabled, tooltip), key in zip(hint.bindings, hint.keys):
                        yield FooterKey(
                            binding.key,
                            key,
                            "",
                            binding.action,
                            disabled=not enabled,
                            tooltip=tooltip or binding.description,
                            classes="-grouped",
                        ).data_bind(compact=Footer.compact)
                yield FooterLabel(hint.group.description)
                continue
            binding, enabled, tooltip = hint.bindings[0]
            yield FooterKey(
                binding.key,
                hint.keys[0],
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip or ("" if not palette else binding.description),
                classes="-command-palette" if palette else "",
            ).data_bind(compact=Footer.compact)

    def on_resize(self) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)
