"""The help screen: every key, read from the binding definitions themselves, and the mouse.

Each key and description is listed once (photos and quotes share "Show in
article"); the dialogs' keys (open, export, this help) come after the
reader's, then the keys Textual itself provides and the mouse. The command
palette's "Keys" opens this same screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.modal import DismissOnce

KeyGroup = tuple[str, Sequence[BindingType]]
TWO_COLUMNS = 86  # terminal columns needed to show the keys in two columns
KEY_COLUMN = 12  # width of the keys' column

# Keys and gestures no reader binding defines: (keys, what they do).
ALSO = (
    ("\u2191/\u2193", "Move in a list"),
    ("home/end", "First / last item"),
    ("ctrl+q", "Quit"),
    ("ctrl+c", "Copy selected text"),
)
MOUSE = (
    ("wheel", "Scroll what is under it"),
    ("click", "Focus; show an item"),
    ("drag", "Select text"),
    ("click a hint", "Press its key (footer)"),
)
ENTER_IN_DIALOGS = ("Confirm", ["Open", "Export"])


class HelpKeys(VerticalScroll):
    """The list of keys; it scrolls with the reader's own keys too."""

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", id="help.down", show=False),
        Binding("k", "scroll_up", "Scroll up", id="help.up", show=False),
        Binding("g", "scroll_home", "Top", id="help.top", show=False),
        Binding("G", "scroll_end", "Bottom", id="help.bottom", show=False),
    ]


class HelpScreen(DismissOnce, ModalScreen[None]):
    """Lists the bindings of each part of the reader, with the user's keymap applied."""

    BINDINGS = [
        Binding(
            "escape,q,question_mark",
            "dismiss",
            "Close help",
            id="help.close",
            key_display="esc/q/?",
        ),
    ]

    def __init__(self, groups: Sequence[KeyGroup]) -> None:
        super().__init__()
        self.groups = groups

    def dialog_lines(self) -> list[Content]:
        """The keys of the dialogs, each key and description once with the dialogs it works in."""
        from reader.ui.export_screen import ExportScreen
        from reader.ui.open_screen import OpenScreen

        enter, used_in = ENTER_IN_DIALOGS
        where: dict[tuple[str, str], list[str]] = {("enter", enter): list(used_in)}
        for title, screen in (
            ("Open", OpenScreen),
            ("Export", ExportScreen),
            ("Help", HelpScreen),
            ("Help", HelpKeys),
        ):
            for binding in screen.BINDINGS:
                if isinstance(binding, Binding) and binding.id and binding.description:
                    where.setdefault((self.keys_of(binding), binding.description), []).append(
                        title
                    )
        return [
            self.line(keys, f"{text} ({', '.join(titles)})" if titles else text)
            for (keys, text), titles in where.items()
        ]

    def compose(self) -> ComposeResult:
        seen: set[tuple[str, str]] = set()
        groups = [
            (title, lines)
            for title, bindings in self.groups
            if (lines := list(self.lines(bindings, seen)))
        ]
        groups += [
            ("Dialogs", self.dialog_lines()),
            ("Also", [self.line(keys, text) for keys, text in ALSO]),
            ("Mouse", [self.line(keys, text) for keys, text in MOUSE]),
        ]
        # Two columns (one on a narrow terminal): the groups in order, about half the lines in each.
        half = sum(len(lines) + 2 for _, lines in groups) / 2
        first: list[tuple[str, list[Content]]] = []
        while groups and sum(len(lines) + 2 for _, lines in first) < half:
            first.append(groups.pop(0))
        with (
            Vertical(id="help-dialog"),
            HelpKeys(id="help-keys"),
            Horizontal(id="help-columns"),
        ):
            for column in (first, groups):
                with Vertical(classes="help-column"):
                    for title, lines in column:
                        yield Static(
                            Content.styled(title, "bold $text-accent"),
                            classes="help-title",
                            markup=False,
                        )
                        yield Static(Content("\n").join(lines), classes="help-group", markup=False)

    def on_mount(self) -> None:
        dialog = self.query_one("#help-dialog")
        dialog.border_title = "Keys"
        dialog.border_subtitle = "escape closes"
        self.query_one("#help-keys").focus()
        self._fit(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        self.set_class(width < TWO_COLUMNS, "-one-column")

    def keys_of(self, binding: Binding) -> str:
        """How the keys of ``binding`` are shown (after the app's keymap)."""
        keymap = getattr(self.app, "_keymap", {}) or {}
        remapped = keymap.get(binding.id) if binding.id else None
        if remapped is None and binding.key_display:
            return binding.key_display
        keys = (remapped or binding.key).split(",")
        return "/".join(
            self.app.get_key_display(Binding(key.strip(), binding.action)) for key in keys
        )

    @staticmethod
    def line(keys: str, description: str) -> Content:
        return Content.assemble(
            Content.styled(f"{keys:>{KEY_COLUMN}}", "bold $accent"), "  ", description
        )

    def lines(
        self, bindings: Iterable[BindingType], seen: set[tuple[str, str]] | None = None
    ) -> Iterable[Content]:
        """A line for each binding with an id and a description, leaving out those in ``seen``."""
        seen = set() if seen is None else seen
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.id or not binding.description:
                continue
            entry = (self.keys_of(binding), binding.description)
            if entry in seen:
                continue
            seen.add(entry)
            yield self.line(*entry)
