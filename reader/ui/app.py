"""The reader's Textual app: `reader [SOURCE]` opens it.

Start-up stays light: this module imports Textual and the reader's UI
modules only. The first article is read and built in a child process while
Textual starts (reader.prefetch, from the command line), so the first screen
drawn holds it; sumy and nltk are imported by a worker once it is shown.

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
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType

from reader.collector import resume
from reader.errors import ReaderError
from reader.paths import config_path
from reader.ui.messages import ArticleShown, SettingChanged
from reader.ui.reader_screen import ReaderScreen
from reader.ui.text import one_line

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen
    from textual.theme import Theme
    from textual.timer import Timer

    from reader.feeds.source import FeedSource
    from reader.prefetch import Prefetch
    from reader.settings import Settings
    from reader.sources.document import Document

# Start-up probe for the tests: "paint:FILE" writes the time of the first
# painted screen (whether nltk / sumy were imported by then, and whether the
# article was on it) to FILE as JSON and exits; "article:FILE" does so once
# the article is shown. Unset in normal use.
PROBE_ENV = "READER_STARTUP_PROBE"
SAVE_SETTINGS_AFTER = 1.0  # seconds without a change before changed settings are written


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
        feeds: FeedSource | None = None,
        prefetch: Prefetch | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.document = document
        self.feeds = feeds

        self.prefetch = prefetch
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
        self._unsaved: dict[str, object] = {}  # settings changed, saved once they settle
        self._save_timer: Timer | None = None

    def get_default_screen(self) -> Screen:
        if self.feeds is not None:
            from reader.ui.story_list import StoryListScreen

            return StoryListScreen(self.feeds)
        settings = self.settings
        if settings is None:
            return ReaderScreen(
                self.source, self.document, fresh=self.fresh, prefetch=self.prefetch
            )
        return ReaderScreen(
            self.source,
            self.document,
            fresh=self.fresh,
            prefetch=self.prefetch,
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
        if warnings:  # one notice, however many problems
            self.notify(
                "\n".join(one_line(w) for w in warnings),
                title="Settings",
                severity="warning",
                markup=False,
                timeout=10,
            )

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self._saved_theme:
            self._saved_theme = theme.name
            self.remember_setting("theme", theme.name)

    @on(SettingChanged)
    def setting_changed(self, changed: SettingChanged) -> None:
        self.remember_setting(changed.name, changed.value)

    def remember_setting(self, name: str, value: object) -> None:
        """Save one setting in the config file once it stops changing (w held down saves once)."""
        self._unsaved[name] = value
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_SETTINGS_AFTER, self.save_settings)

    def save_settings(self) -> None:
        """Write the settings changed since the last save; a problem is a notification."""
        from reader.settings import save_setting

        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        unsaved, self._unsaved = self._unsaved, {}
        for name, value in unsaved.items():
            try:
                save_setting(name, value, known_themes=tuple(self.available_themes))
            except ReaderError as error:
                self.notify(
                    one_line(error.message),
                    title="Settings not saved",
                    severity="error",
                    markup=False,
                )
                return

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quit (q, ctrl+q, or any other way), saving the reading position first."""
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                try:
                    screen.save_state()
                except Exception:  # never keep the reader from quitting; the last save stands
                    pass
        try:
            self.save_settings()  # a width or theme changed in the last moment
        except Exception:
            pass
        super().exit(*args, **kwargs)

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen in use: the topmost one (a story opened from a list is on top)."""
        readers = [s for s in self.screen_stack if isinstance(s, ReaderScreen)]
        return readers[-1] if readers else self.screen_stack[0]  # type: ignore[return-value]

    def show_stories(self, source: FeedSource) -> None:
        """Show the stories of the feed(s) a source turned out to be."""
        from reader.ui.story_list import StoryListScreen

        self.push_screen(StoryListScreen(source))

    def on_mount(self) -> None:
        from reader.ui.daemon import DaemonExecutor

        # Thread workers in daemon threads: quitting never waits for a download or a build.
        asyncio.get_running_loop().set_default_executor(DaemonExecutor())
        self._apply_theme()
        self.call_after_refresh(self._apply_keys)
        self.call_after_refresh(resume)  # the garbage collector, off since start-up
        if self._probe.startswith("paint:"):
            self.call_after_refresh(self._probe_done)

    def on_unmount(self) -> None:
        self.save_settings()  # however the app ends

    @on(ArticleShown)
    def article_shown(self) -> None:
        """The main screen shows an article."""
        if self._probe.startswith("article:"):
            self.call_after_refresh(self._probe_done)

    def _probe_done(self) -> None:
        import json
        import sys

        loaded = {name: name in sys.modules for name in ("nltk", "sumy")}
        article = bool(self.screen_stack) and getattr(self.reader, "article", None) is not None
        Path(self._probe.partition(":")[2]).write_text(
            json.dumps({"time": time.time(), "loaded": loaded, "article": article})
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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, with "Keys" opening the reader's own help (one list of keys)."""
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                yield SystemCommand("Keys", "Every key of the reader (?)", self.action_help)
            else:
                yield command

    def action_help(self) -> None:
        from reader.ui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_groups()))
