"""The sidebar: Photos above Quotes."""

from __future__ import annotations

from textual.containers import Vertical

from reader.article.model import Article


class Sidebar(Vertical):
    """Photo captions and quotes of the article (its lists are mounted after the first paint)."""

    _article: Article | None = None  # the article shown (kept for lists mounted later)

    async def populate(self) -> None:
        """Mount the Photos and Quotes lists (filled with the article, if one is shown)."""
        from reader.ui.photos import PhotoList
        from reader.ui.quotes import QuoteList

        if not self.children:
            await self.mount_all([PhotoList(id="photos"), QuoteList(id="quotes")])
            if self._article is not None:
                self._fill(self._article)

    def show_article(self, article: Article) -> None:
        """Show the article's captions and quotes (once the lists are mounted)."""
        self._article = article
        if self.children:
            self._fill(article)

    def _fill(self, article: Article) -> None:
        from reader.ui.photos import PhotoList
        from reader.ui.quotes import QuoteList

        self.query_one(PhotoList).show_captions(article.captions)
        self.query_one(QuoteList).show_quotes(article.quotes)

    def on_resize(self) -> None:
        """Fold or unfold the captions for the sidebar's new height."""
        from reader.ui.photos import PhotoList

        found = self.query(PhotoList)
        if found:
            found.first().refit()
