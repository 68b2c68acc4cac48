"""Feed HTML (titles, snippets) to one line of plain text."""

from __future__ import annotations

from html.parser import HTMLParser

from reader.inert import clean

_BLOCKS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}
_SKIPPED = {"script", "style", "template", "noscript"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text of an HTML fragment on one line: tags dropped, entities decoded, controls removed."""
    if "<" not in html and "&" not in html:
        return " ".join(clean(html).split())
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return " ".join(clean("".join(parser.parts)).split())


def word_count(html: str | None) -> int:
    """How many words the text of ``html`` has."""
    return len(html_to_text(html).split()) if html else 0
