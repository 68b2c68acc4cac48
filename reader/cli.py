"""Command line: `reader [SOURCE]`, `summarize`, `inspect`, `export`, `config`.

Every user error is one line on stderr and exit code 2. `inspect` and
`summarize` never import Textual; the TUI is imported only by `reader`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from reader import __version__
from reader.collector import paused
from reader.errors import ReaderError, os_reason
from reader.inert import clean, clean_lines, escape_json, shown_name

if TYPE_CHECKING:
    from reader.article.model import Article
    from reader.feeds.model import Brief, Feed, Story
    from reader.summary.candidates import Candidates

SOURCE_HELP = "a text, Markdown or HTML file, an http(s) URL, or - for standard input"
EPILOG = (
    "commands:\n  summarize   print an extractive summary\n  inspect     print the parsed article (outline or JSON)"
    "\n  export      write an outline of the article as Markdown"
    "\n  config      print the config file's path and the settings in effect"
    "\n  feed        list a feed's stories with a one-line summary each"
    "\n  digest      write a Markdown briefing of one or more feeds"
    "\n  feeds       list, add, remove, import or export your subscriptions"
)
FEED_HELP = "an RSS or Atom feed: an http(s) URL, a file, or - for standard input"


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors."""

    def error(self, message: str) -> NoReturn:
        message = " ".join(clean(message).split())
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _open_parser() -> Parser:
    parser = Parser(
        prog="reader",
        description="Read a news article in the terminal: captions, quotes and summaries.",
        epilog=EPILOG + "\n\nRun 'reader COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", nargs="?", help=SOURCE_HELP + " (default: the bundled article)")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="open at the top, not where you left off (the position is still saved)",
    )
    return parser


def _summarize_parser() -> Parser:
    from reader.summary.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_LENGTH

    parser = Parser(
        prog="reader summarize", description="Print an extractive summary, one sentence a line."
    )
    parser.add_argument("source", nargs="?", help=SOURCE_HELP + " (default: the bundled article)")
    parser.add_argument(
        "-n",
        "--sentences",
        type=_positive,
        default=None,
        metavar="N",
        help=f"number of sentences (default: the configured length, else {DEFAULT_LENGTH})",
    )
    parser.add_argument(
        "-a",
        "--algorithm",
        default=None,
        metavar="NAME",
        help=f"one of {', '.join(ALGORITHMS)} (default: the configured algorithm, else {DEFAULT_ALGORITHM})",
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON with each sentence's place"
    )
    return parser


def _inspect_parser() -> Parser:
    parser = Parser(
        prog="reader inspect", description="Print the parsed article: sections, captions, quotes."
    )
    parser.add_argument("source", nargs="?", help=SOURCE_HELP + " (default: the bundled article)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of an outline")
    return parser


def _export_parser() -> Parser:
    from reader.summary.algorithms import ALGORITHMS

    parser = Parser(
        prog="reader export",
        description="Write an outline of the article as Markdown: title, source, the summary, "
        "photo captions with credits and quotes by speaker. Never overwrites a file.",
    )
    parser.add_argument("source", nargs="?", help=SOURCE_HELP + " (default: the bundled article)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file to write, which must not exist yet, or - for standard output "
        "(default: a new file named after the title in the current folder)",
    )
    parser.add_argument(
        "-n",
        "--sentences",
        type=_positive,
        default=None,
        metavar="N",
        help="number of summary sentences (default: the configured length)",
    )
    parser.add_argument(
        "-a",
        "--algorithm",
        default=None,
        metavar="NAME",
        help=f"one of {', '.join(ALGORITHMS)} (default: the configured algorithm)",
    )
    return parser


def _config_parser() -> Parser:
    parser = Parser(
        prog="reader config",
        description="Print the config file's path and the settings in effect, as TOML. "
        "Problems with the file are reported on standard error.",
    )
    parser.add_argument("--path", action="store_true", help="print only the config file's path")
    return parser


def _load(source: str | None) -> Article:
    from reader.article.build import build_article
    from reader.sources.load import load_source
    from reader.sources.spec import parse_source

    if parse_source(source).kind == "stdin" and sys.stdin is None:
        raise ReaderError("standard input is closed")
    return build_article(load_source(source))


def _load_while_preparing(
    source: str | None, algorithm: str, length: int
) -> tuple[Article, Candidates | None]:
    """The article of a local ``source``, built in a child process while sumy and nltk are imported here.

    The import (nltk's package: about 1 s) and the build need nothing from
    each other; with ``fork`` they run side by side (reader.prefetch). Errors
    in the source are still reported before the long import: numpy is
    imported first (nltk needs it), then the child has read the source or
    said why it could not. Web addresses, feeds and systems without ``fork``
    load here, as before. The child also chooses the summary's candidate
    sentences and their words (reader.summary.candidates), so that here only
    the ranking is left once sumy is imported.
    """
    from reader.sources.spec import parse_source
    from reader.summary.algorithms import prepare

    prefetch = None
    if parse_source(source).kind in ("bundled", "file"):
        from reader.prefetch import start

        # the command prints only the whole; the child chooses the summary's sentences too
        prefetch = start(source, head=False, summary=(algorithm, length))
    if prefetch is not None:
        import numpy  # noqa: F401  (needed by the summary; the child reads the source meanwhile)

        prefetch.wait_document()
        prepare(algorithm)
        article = prefetch.article()
        if article is not None:
            return article, prefetch.candidates
    article = _load(source)  # a feed (read as any file), or no child process
    prepare(algorithm)
    return article, None


def run_summarize(argv: Sequence[str]) -> int:
    from reader.summary.algorithms import check_algorithm, summarize

    args = _summarize_parser().parse_args(argv)
    algorithm, length = _configured(args.algorithm, args.sentences)
    algorithm = check_algorithm(algorithm)
    article, candidates = _load_while_preparing(args.source, algorithm, length)
    summary = summarize(article, algorithm, length, candidates=candidates)
    if args.json:
        from reader.outline import summary_json

        _print_json(summary_json(article, summary))
    else:
        _print("\n".join(" ".join(s.text.split()) for s in summary.sentences))
    return 0


def run_inspect(argv: Sequence[str]) -> int:
    from reader.outline import article_json, article_outline

    args = _inspect_parser().parse_args(argv)
    article = _load(args.source)
    if args.json:
        _print_json(article_json(article))
    else:
        _print(article_outline(article))
    return 0


def _warn(lines: Sequence[str]) -> None:
    for line in lines:
        _stderr(f"reader: warning: {' '.join(clean(line).split())}")


def _configured(algorithm: str | None, length: int | None) -> tuple[str, int]:
    """The algorithm and length asked for, else those of the config file."""
    if algorithm is not None and length is not None:
        return algorithm, length
    from reader.settings import load_settings

    settings, warnings = load_settings()
    _warn(warnings)
    return algorithm or settings.algorithm, length or settings.length


def run_export(argv: Sequence[str]) -> int:
    from reader.export import create_file, export_filename, export_markdown, write_new_file
    from reader.summary.algorithms import check_algorithm, summarize

    args = _export_parser().parse_args(argv)
    algorithm, length = _configured(args.algorithm, args.sentences)
    algorithm = check_algorithm(algorithm)
    target = None if args.output in (None, "-") else Path(args.output)
    if target is not None:
        if args.output.endswith("/"):
            raise ReaderError(f"{shown_name(args.output)} names a folder; give a file name")
        _check_new_file(target)
    article = _load(args.source)
    text = export_markdown(article, summarize(article, algorithm, length))
    if args.output == "-":
        _print(text.rstrip("\n"))
        return 0
    if target is None:
        written = write_new_file(Path("."), export_filename(article.title), text)
    else:
        try:
            create_file(target, text)
        except FileExistsError:
            raise ReaderError(
                f"{shown_name(str(target))} exists already; not overwriting it"
            ) from None
        except OSError as error:
            raise ReaderError(
                f"cannot write {shown_name(str(target))}: {os_reason(error)}"
            ) from None
        written = target
    _print(shown_name(str(written)))
    return 0


def _check_new_file(target: Path) -> None:
    """Refuse an export target that exists or cannot be made, before any work."""
    shown = shown_name(str(target))
    try:
        if target.is_dir():
            raise ReaderError(f"{shown} is a folder; give a file name")
        if target.exists() or target.is_symlink():
            raise ReaderError(f"{shown} exists already; not overwriting it")
    except OSError as error:
        raise ReaderError(f"cannot write {shown}: {os_reason(error)}") from None


def run_config(argv: Sequence[str]) -> int:
    from reader.settings import config_path, load_settings
    from reader.state import state_path

    args = _config_parser().parse_args(argv)
    path = config_path()
    if args.path:
        _print(shown_name(str(path)))
        return 0
    from reader.ui.app import ReaderApp  # the binding ids, to check [keys]

    settings, warnings = load_settings(path, known_bindings=ReaderApp.binding_ids())
    _warn(warnings)
    try:
        where = "" if path.is_file() else " (not found: the defaults are in effect)"
    except OSError as error:
        where = f" (cannot read it: {os_reason(error)})"
    _print(
        f"# config file: {shown_name(str(path))}{where}\n"
        f"# state file: {shown_name(str(state_path()))}\n\n{settings.to_toml().rstrip()}"
    )
    return 0


def run_open(argv: Sequence[str]) -> int:
    args = _open_parser().parse_args(argv)
    from reader.prefetch import SHARED_WITH_THE_UI, start
    from reader.sources.spec import parse_source

    if sys.stdin is None:
        raise ReaderError("standard input is closed: no terminal to read keys from")
    local = not parse_source(args.source).is_url
    # The source is read and its article built in a child process while Textual is imported.
    prefetch = start(args.source, shared=SHARED_WITH_THE_UI)
    from reader.ui.app import ReaderApp

    document = feeds = None
    if local:  # fail fast, before the screen opens
        if prefetch is None:
            from reader.feeds.source import FeedSource, open_any

            found = open_any(args.source).item
            if isinstance(found, FeedSource):
                feeds = found
            else:
                document = found
        elif sys.stdin.isatty() and args.source != "-":
            # A missing file is reported at once; a web page still being read is
            # waited for by the first screen (while Textual starts).
            document = prefetch.wait_document(timeout=0)
        else:
            document = prefetch.wait_document()
        if prefetch is not None and prefetch.feeds is not None:
            feeds, prefetch = prefetch.feeds, None
    if not sys.stdin.isatty():
        _keyboard_from_terminal()
    app = ReaderApp(
        source=args.source, document=document, fresh=args.fresh, prefetch=prefetch, feeds=feeds
    )
    app.run()
    return app.return_code or 0


def _keyboard_from_terminal() -> None:
    """Read keys from the terminal when standard input was a pipe (`cat story.txt | reader -`)."""
    import os

    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise ReaderError(
            "no terminal to read keys from; use 'reader inspect' or 'reader summarize' in pipes"
        ) from None
    os.dup2(terminal, sys.stdin.fileno())
    os.close(terminal)


def _feed_parser() -> Parser:
    parser = Parser(
        prog="reader feed",
        description="List a feed's stories, newest first, each with a one-line summary"
        " of the full article and the experts it quotes.",
    )
    parser.add_argument("source", help=FEED_HELP)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "-l", "--limit", type=_positive, default=10, metavar="N", help="stories (default: 10)"
    )
    parser.add_argument(
        "--snippets",
        action="store_true",
        help="show the feed's own snippets; do not fetch the articles",
    )
    return parser


def _read_feed(source: str) -> Feed:
    from reader.feeds.fetch import fetch_feed

    if source == "-" and sys.stdin is None:
        raise ReaderError("standard input is closed")
    result = fetch_feed(source)
    if result.feed is None:
        raise ReaderError(result.error or f"cannot read {source}")
    if result.offline:
        from reader.feeds.cache import age_text

        _warn([f"offline ({result.offline}): the copy fetched {age_text(result.stored or 0)}"])
    return result.feed


def _progress(done: int, total: int) -> None:
    if total > 1 and sys.stderr is not None and sys.stderr.isatty():
        width = 24
        filled = width * done // total
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
        sys.stderr.flush()


def _briefs(stories: Sequence[Story]) -> dict[str, Brief | ReaderError]:
    from reader.feeds.stories import read_briefs

    briefs: dict[str, Brief | ReaderError] = {}

    def found(story: Story, outcome: Brief | ReaderError, done: int, total: int) -> None:
        briefs[story.key] = outcome
        if total:
            _progress(done, total)

    read_briefs(stories, found)
    return briefs


def run_feed(argv: Sequence[str]) -> int:
    from reader.feeds.report import feed_json, feed_listing
    from reader.feeds.subscriptions import read_keys

    args = _feed_parser().parse_args(argv)
    feed = _read_feed(args.source)
    stories = feed.stories[: args.limit]
    briefs = {} if args.snippets else _briefs(stories)
    if args.json:
        _print_json(feed_json(feed, briefs, args.limit))
    else:
        _print(feed_listing(feed, briefs, read_keys(), args.limit))
    return 0


def _digest_parser() -> Parser:
    parser = Parser(
        prog="reader digest",
        description="Write a Markdown briefing: per story its title, link, summary and expert"
        " quotes. Without SOURCE, your subscriptions.",
    )
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help=FEED_HELP)
    parser.add_argument(
        "-l",
        "--limit",
        type=_positive,
        default=5,
        metavar="N",
        help="stories per feed (default: 5)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="a new file to write (- for stdout; default: a new file here)",
    )
    return parser


def run_digest(argv: Sequence[str]) -> int:
    from pathlib import Path

    from reader.export import create_file, write_new_file
    from reader.feeds.report import digest_markdown
    from reader.feeds.stories import read_stories
    from reader.feeds.subscriptions import subscriptions

    args = _digest_parser().parse_args(argv)
    sources = args.sources or [feed.url for feed in subscriptions()]
    if not sources:
        raise ReaderError(
            "no feed given and no subscriptions (add one with 'reader feeds add URL')"
        )
    target = None if args.output in (None, "-") else Path(args.output)
    if target is not None:
        _check_new_file(target)
    stories = []
    for source in sources:
        stories += list(_read_feed(source).stories[: args.limit])
    done = [0]

    def finished(story: Story, outcome: Article | ReaderError) -> None:
        done[0] += 1
        _progress(done[0], len(stories))

    outcomes = read_stories(stories, finished)
    text = clean_lines(digest_markdown([(story, outcomes[story.key]) for story in stories]))
    if args.output == "-":
        _print(text.rstrip("\n"))
        return 0
    if target is None:
        from datetime import date

        written = write_new_file(Path("."), f"briefing-{date.today().isoformat()}.md", text)
    else:
        try:
            create_file(target, text)
        except FileExistsError:
            raise ReaderError(f"{target} exists already; not overwriting it") from None
        except OSError as error:
            raise ReaderError(f"cannot write {target}: {os_reason(error)}") from None
        written = target
    _print(shown_name(str(written)))
    return 0


def _feeds_parser() -> Parser:
    parser = Parser(prog="reader feeds", description="Your subscriptions.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="list them (the default)")
    add = actions.add_parser("add", help="follow a feed")
    add.add_argument("url")
    remove = actions.add_parser("remove", help="stop following a feed")
    remove.add_argument("url")
    opml_in = actions.add_parser("import", help="follow the feeds of an OPML file")
    opml_in.add_argument("file")
    opml_out = actions.add_parser("export", help="write them as OPML (- for stdout)")
    opml_out.add_argument("file")
    for sub in (add, remove, opml_in, opml_out):
        sub.error = parser.error  # type: ignore[method-assign]
    return parser


def run_feeds(argv: Sequence[str]) -> int:
    from pathlib import Path

    from reader.export import create_file
    from reader.feeds import subscriptions as subs
    from reader.feeds.model import Subscription
    from reader.feeds.parse import opml_text, parse_opml

    args = _feeds_parser().parse_args(argv)
    if args.action in (None, "list"):
        feeds = subs.subscriptions()
        _print("\n".join(f"{f.url}  {f.title}".rstrip() for f in feeds) or "no subscriptions")
    elif args.action == "add":
        url = args.url.strip()
        if not url.lower().startswith(("http://", "https://")):
            raise ReaderError(f"{url} is not a web address (http:// or https://)")
        title = _read_feed(url).title
        added = subs.add_feeds([Subscription(url, title)])
        _print(f"following {title or url}" if added else f"already following {url}")
    elif args.action == "remove":
        if not subs.remove_feed(args.url.strip()):
            raise ReaderError(f"not following {args.url}")
        _print(f"stopped following {args.url}")
    elif args.action == "import":
        from reader.sources.load import read_source

        raw = read_source(args.file)
        added = subs.add_feeds(parse_opml(raw.data, name=raw.name))
        _print(f"{len(added)} feed{'s' if len(added) != 1 else ''} added")
    else:
        text = clean_lines(opml_text(subs.subscriptions()))
        if args.file == "-":
            _print(text.rstrip("\n"))
        else:
            target = Path(args.file)
            _check_new_file(target)
            try:
                create_file(target, text)
            except OSError as error:
                raise ReaderError(f"cannot write {target}: {os_reason(error)}") from None
            _print(shown_name(str(target)))
    return 0


COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "summarize": run_summarize,
    "inspect": run_inspect,
    "export": run_export,
    "config": run_config,
    "feed": run_feed,
    "digest": run_digest,
    "feeds": run_feeds,
}


# Run with the garbage collector off (reader.collector): the commands that read one article
# and end, and the terminal UI, which turns it on after its first screen.
COLLECTOR_OFF = (run_open, run_summarize, run_inspect, run_export)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reader` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = COMMANDS.get(args[0]) if args else None
    if sys.stdout is None:  # started with standard output closed (`reader inspect f >&-`)
        _error("standard output is closed; nothing can be printed")
        return 2
    run, rest = (command, args[1:]) if command is not None else (run_open, args)
    try:
        with paused() if run in COLLECTOR_OFF else nullcontext():
            return run(rest)
    except ReaderError as error:
        _error(str(error))
        return error.exit_code
    except OSError as error:  # a system error no check foresaw: still one line, no traceback
        named = error.filename is not None
        _error(
            f"{shown_name(str(error.filename))}: {os_reason(error)}" if named else os_reason(error)
        )
        return 2
    except KeyboardInterrupt:
        return 130


def _error(message: str) -> None:
    """One inert line on stderr, even when the message holds a newline (from a file name)."""
    _stderr(f"reader: error: {' '.join(clean(message).split())}")


def _stderr(line: str) -> None:
    """``line`` on stderr, unless standard error is closed or broken (nowhere left to say it)."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _print_json(data: object) -> None:
    """``data`` as JSON on stdout: non-ASCII text kept, controls and bidi characters escaped."""
    import json

    _print(escape_json(json.dumps(data, ensure_ascii=False, indent=2)))


def _print(text: str) -> None:
    """``text`` on stdout, made inert by the one rule (reader.inert); its line breaks kept."""
    if sys.stdout is None:
        raise ReaderError("standard output is closed; nothing can be printed")
    try:
        sys.stdout.write(clean_lines(text) + "\n")
        sys.stdout.flush()
    except OSError as error:
        import os

        os.dup2(
            os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno()
        )  # nothing more to flush at exit
        if not isinstance(error, BrokenPipeError):  # a full disk, a closed output
            raise ReaderError(f"cannot write the output: {os_reason(error)}") from None
        # else the reader of our output went away (`reader summarize x | head -1`): not an error
