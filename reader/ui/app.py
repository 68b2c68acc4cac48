"""The reader's Textual app: `reader [SOURCE]` opens it.

Start-up stays light: this module imports Textual and the reader's UI
modules only; nltk and sumy are imported by workers once the first screen is
on the terminal (see ReaderScreen.on_mount).

Settings (reader.settings) are read when the app is made: the theme, the
column width, the summary algorithm and length, and the keymap; problems with
the config file are shown as warnings once the screen is up. A theme picked
from the command palette and the column width set with w / W are saved back
to the config file.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType

from reader.errors import ReaderError
from reader.paths import config_path
from reader.ui.messages import ArticleShown, SettingChanged
from reader.ui.reader_screen import ReaderScreen
from reader.ui.text import one_line

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.theme import Theme

    from reader.settings import Settings
    from reader.sources.document import Document

# Start-up probe for benchmarks/startup.py and the tests: "paint:FILE" writes
# the time of the first painted screen (and whether nltk / sumy were imported
# by then) to FILE as JSON and exits; "article:FILE" does so once the article
# is shown. Unset in normal use.
PROBE_ENV = "READER_STARTUP_PROBE"


def _reader_commands() -> type[Provider]:
    from reader.ui.commands import ReaderCommands

    return ReaderCommands


class ReaderApp(App[None]):
    """Read a news article: the text, its photo captions, quotes and summaries."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {lambda: _reader_commands()}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?"),
        Binding("ctrl+p", "command_palette", "Commands", id="app.command_palette", show=False),
    ]

    def __init__(
        self,
        source: str | None = None,
        document: Document | None = None,
        *,
        fresh: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.document = document
        self.fresh = fresh
        self._probe = os.environ.get(PROBE_ENV, "")
        # The theme, width and summary settings now (if there is a config file:
        # reader.settings is not imported otherwise, for start-up time); the
        # keymap, checked against the binding ids (which imports every part of
        # the UI), and any warnings after the first paint.
        self.settings: Settings | None = None
        if os.path.isfile(config_path()):  # False, not an error, when its folder can't be read
            from reader.settings import load_settings

            self.settings = load_settings(known_themes=tuple(self.available_themes))[0]
        self._saved_theme = self.settings.theme if self.settings else self.theme

    def get_default_screen(self) -> ReaderScreen:
        settings = self.settings
        if settings is None:
            return ReaderScreen(self.source, self.document, fresh=self.fresh)
        return ReaderScreen(
            self.source,
            self.document,
            fresh=self.fresh,
            algorithm=settings.algorithm,
            length=settings.length,
            column_width=settings.column_width,
        )

    # -- settings ------------------------------------------------------------

    @classmethod
    def binding_ids(cls) -> set[str]:
        """The id of every binding of the reader (what ``[keys]`` in the config file may remap)."""
        from reader.ui.keys import binding_ids

        return binding_ids()

    def _apply_theme(self) -> None:
        if self.settings is not None and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _apply_keys(self) -> None:
        """Read the settings again, with the binding ids to check ``[keys]``: the keymap and every warning."""
        from reader.settings import load_settings

        self.settings, warnings = load_settings(
            known_themes=tuple(self.available_themes), known_bindings=self.binding_ids()
        )
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        for warning in warnings:
            self.notify(
                one_line(warning), title="Settings", severity="warning", markup=False, timeout=10
            )

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self._saved_theme:
            self._saved_theme = theme.name
            self.remember_setting("theme", theme.name)

    @on(SettingChanged)
    def setting_changed(self, changed: SettingChanged) -> None:
        self.remember_setting(changed.name, changed.value)

    def remember_setting(self, name: str, value: object) -> None:
        """Save one setting in the config file; a problem is a notification."""
        from reader.settings import save_setting

        try:
            save_setting(name, value, known_themes=tuple(self.available_themes))
        except ReaderError as error:
            self.notify(
                one_line(error.message), title="Settings not saved", severity="error", markup=False
            )

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quit (q, ctrl+q, or any other way), saving the reading position first."""
        if self.screen_stack and isinstance(self.screen_stack[0], ReaderScreen):
            try:
                self.reader.save_state()
            except Exception:  # never keep the reader from quitting; the last periodic save stands
                pass
        super().exit(*args, **kwargs)

    @property
    def reader(self) -> ReaderScreen:
        """The main screen (whatever screen is on top of it)."""
        return self.screen_stack[0]  # type: ignore[return-value]

    def on_mount(self) -> None:
        from reader.ui.daemon import DaemonExecutor

        # Thread workers in daemon threads: quitting never waits for a download or a build.
        asyncio.get_running_loop().set_default_executor(DaemonExecutor())
        self._apply_theme()
        self.call_after_refresh(self._apply_keys)
        if self._probe.startswith("paint:"):
            self.call_after_refresh(self._probe_done)

    @on(ArticleShown)
    def article_shown(self) -> None:
        """The main screen shows an article."""
        if self._probe.startswith("article:"):
            self.call_after_refresh(self._probe_done)

    def _probe_done(self) -> None:
        import json
        import sys

        loaded = {name: name in sys.modules for name in ("nltk", "sumy")}
        Path(self._probe.partition(":")[2]).write_text(
            json.dumps({"time": time.time(), "loaded": loaded})
        )
        self.exit()

    def key_groups(self) -> list[tuple[str, list[Binding]]]:
        """Every binding of the reader, by the part of the screen it applies to."""
        from reader.ui.keys import help_groups

        return help_groups()

    async def on_event(self, event: events.Event) -> None:
        """Keys, clicks and pastes that come after quitting are dropped.

        (Type-ahead such as ``q o`` would otherwise open a dialog on an app
        that is closing: NoMatches, MountError.)
        """
        if isinstance(event, events.InputEvent) and (self._exit or not self.screen_stack):
            return
        await super().on_event(event)

    def pop_screen(self) -> AwaitComplete:
        """Close the screen on top; never the main screen (a dialog closed twice is closed once)."""
        if len(self.screen_stack) <= 1:
            return AwaitComplete.nothing()
        return super().pop_screen()

    def action_command_palette(self) -> None:
        """The command palette (Textual's, safe against keys that come faster than it opens)."""
        from textual.command import CommandPalette

        from reader.ui.commands import ReaderPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(ReaderPalette(id="--command-palette"))

    def action_help(self) -> None:
        from reader.ui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_groups()))
