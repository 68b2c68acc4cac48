"""A story of the article list, read in full: the reader's screen with a way back and on.

``backspace`` (or ``alt+left``) returns to the list where it was; ``J`` / ``K``
open the next / previous story of the list without going back to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType

from reader.ui.reader_screen import ReaderScreen

if TYPE_CHECKING:
    from reader.feeds.model import Story
    from reader.sources.document import Document
    from reader.ui.story_list import StoryListScreen


class StoryScreen(ReaderScreen):
    """One story opened from a StoryListScreen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("backspace,alt+left", "back", "Stories", id="story.back", key_display="⌫"),
        Binding("J", "story(1)", "Open the next story", id="story.next", show=False),
        Binding("K", "story(-1)", "Open the previous story", id="story.previous", show=False),
    ]

    def __init__(self, stories: StoryListScreen, story: Story, document: Document) -> None:
        settings = getattr(stories.app, "settings", None)
        options = {}
        if settings is not None:
            options = {
                "algorithm": settings.algorithm,
                "length": settings.length,
                "column_width": settings.column_width,
            }
        super().__init__(story.link or story.key, document, **options)
        self.stories = stories
        self.story = story

    def action_back(self) -> None:
        if self.back_stack:  # articles opened from this story first
            super().action_back()
            return
        self.save_state()
        self.app.pop_screen()

    def action_story(self, step: int) -> None:
        offset = (
            self.stories.stories.index(self.story) if self.story in self.stories.stories else -1
        )
        following = self.stories.story_at(offset, step)
        if following is None:
            where = "last" if step > 0 else "first"
            self.notify(f"This is the {where} story of the list.", markup=False, timeout=2)
            return
        self.save_state()
        self.app.pop_screen()
        self.stories.open_story(following)
