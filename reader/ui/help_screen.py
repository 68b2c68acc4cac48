"""The help screen: every key, read from the binding definitions themselves."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.modal import DismissOnce

KeyGroup = tuple[str, Sequence[BindingType]]
TWO_COLUMNS = 86  # terminal columns needed to show the keys in two columns


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

    def compose(self) -> ComposeResult:
        groups = [
            (title, lines)
            for title, bindings in self.groups
            if (lines := list(self.lines(bindings)))
        ]
        # Two columns (one on a narrow terminal): the groups in order, about half the lines in each.
        half = sum(len(lines) + 2 for _, lines in groups) / 2
        first: list[tuple[str, list[Content]]] = []
        while groups and sum(len(lines) + 2 for _, lines in first) < half:
            first.append(groups.pop(0))
        with (
            Vertical(id="help-dialog"),
            VerticalScroll(id="help-keys"),
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

    def on_resize(self, event) -> None:
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

    def lines(self, bindings: Iterable[BindingType]) -> Iterable[Content]:
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.id or not binding.description:
                continue
            yield Content.assemble(
                Content.styled(f"{self.keys_of(binding):>12}", "bold $accent"),
                "  ",
                binding.description,
            )
