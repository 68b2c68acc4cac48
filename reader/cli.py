"""Command line: `reader [SOURCE]`, `summarize`, `inspect`, `export`, `config`.

Every user error is one line on stderr and exit code 2. `inspect` and
`summarize` never import Textual; the TUI is imported only by `reader`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from reader import __version__
from reader.errors import ReaderError, os_reason

SOURCE_HELP = "a text, Markdown or HTML file, an http(s) URL, or - for standard input"
EPILOG = (
    "commands:\n  summarize   print an extractive summary\n  inspect     print the parsed article (outline or JSON)"
    "\n  export      write an outline of the article as Markdown"
    "\n  config      print the config file's path and the settings in effect"
)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors."""

    def error(self, message: str) -> NoReturn:
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


def _load(source: str | None):
    from reader.article.build import build_article
    from reader.sources.load import load_source

    if source == "-" and sys.stdin is None:
        raise ReaderError("standard input is closed")
    return build_article(load_source(source))


def run_summarize(argv: Sequence[str]) -> int:
    from reader.summary.algorithms import check_algorithm, summarize

    args = _summarize_parser().parse_args(argv)
    algorithm, length = _configured(args.algorithm, args.sentences)
    algorithm = check_algorithm(algorithm)
    article = _load(args.source)
    summary = summarize(article, algorithm, length)
    if args.json:
        import json

        from reader.outline import summary_json

        _print(json.dumps(summary_json(article, summary), ensure_ascii=False, indent=2))
    else:
        _print("\n".join(" ".join(s.text.split()) for s in summary.sentences))
    return 0


def run_inspect(argv: Sequence[str]) -> int:
    from reader.outline import article_json, article_outline

    args = _inspect_parser().parse_args(argv)
    article = _load(args.source)
    if args.json:
        import json

        _print(json.dumps(article_json(article), ensure_ascii=False, indent=2))
    else:
        _print(article_outline(article))
    return 0


def _warn(lines: Sequence[str]) -> None:
    for line in lines:
        print(f"reader: warning: {line}", file=sys.stderr)


def _configured(algorithm: str | None, length: int | None) -> tuple[str, int]:
    """The algorithm and length asked for, else those of the config file."""
    if algorithm is not None and length is not None:
        return algorithm, length
    from reader.settings import load_settings

    settings, warnings = load_settings()
    _warn(warnings)
    return algorithm or settings.algorithm, length or settings.length


def run_export(argv: Sequence[str]) -> int:
    from pathlib import Path

    from reader.export import create_file, export_filename, export_markdown, write_new_file
    from reader.summary.algorithms import check_algorithm, summarize

    args = _export_parser().parse_args(argv)
    algorithm, length = _configured(args.algorithm, args.sentences)
    algorithm = check_algorithm(algorithm)
    target = None if args.output in (None, "-") else Path(args.output)
    if target is not None:
        if args.output.endswith("/"):
            raise ReaderError(f"{args.output} names a folder; give a file name")
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
            raise ReaderError(f"{target} exists already; not overwriting it") from None
        except OSError as error:
            raise ReaderError(f"cannot write {target}: {error.strerror or error}") from None
        written = target
    _print(str(written))
    return 0


def _check_new_file(target) -> None:
    """Refuse an export target that exists or cannot be made, before any work."""
    try:
        if target.is_dir():
            raise ReaderError(f"{target} is a folder; give a file name")
        if target.exists() or target.is_symlink():
            raise ReaderError(f"{target} exists already; not overwriting it")
    except OSError as error:
        raise ReaderError(f"cannot write {target}: {os_reason(error)}") from None


def run_config(argv: Sequence[str]) -> int:
    from reader.settings import config_path, load_settings
    from reader.state import state_path

    args = _config_parser().parse_args(argv)
    path = config_path()
    if args.path:
        _print(str(path))
        return 0
    from reader.ui.app import ReaderApp  # the binding ids, to check [keys]

    settings, warnings = load_settings(path, known_bindings=ReaderApp.binding_ids())
    _warn(warnings)
    try:
        where = "" if path.is_file() else " (not found: the defaults are in effect)"
    except OSError as error:
        where = f" (cannot read it: {os_reason(error)})"
    _print(
        f"# config file: {path}{where}\n# state file: {state_path()}\n\n{settings.to_toml().rstrip()}"
    )
    return 0


def run_open(argv: Sequence[str]) -> int:
    args = _open_parser().parse_args(argv)
    from reader.sources.load import load_source

    document = None
    if sys.stdin is None:
        raise ReaderError("standard input is closed: no terminal to read keys from")
    if args.source is None or not args.source.lower().startswith(("http://", "https://")):
        document = load_source(args.source)  # fail fast, before the screen opens
    if not sys.stdin.isatty():
        _keyboard_from_terminal()
    from reader.ui.app import ReaderApp

    app = ReaderApp(source=args.source, document=document, fresh=args.fresh)
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


COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "summarize": run_summarize,
    "inspect": run_inspect,
    "export": run_export,
    "config": run_config,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reader` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = COMMANDS.get(args[0]) if args else None
    try:
        if command is not None:
            return command(args[1:])
        return run_open(args)
    except ReaderError as error:
        _error(str(error))
        return error.exit_code
    except OSError as error:  # a system error no check foresaw: still one line, no traceback
        _error(f"{error.filename}: {os_reason(error)}" if error.filename else os_reason(error))
        return 2
    except KeyboardInterrupt:
        return 130


def _error(message: str) -> None:
    """One line on stderr, even when the message holds a newline (from a file name)."""
    print(f"reader: error: {' '.join(message.split())}", file=sys.stderr)


def _print(text: str) -> None:
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except OSError as error:
        import os

        os.dup2(
            os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno()
        )  # nothing more to flush at exit
        if not isinstance(error, BrokenPipeError):  # a full disk, a closed output
            raise ReaderError(f"cannot write the output: {os_reason(error)}") from None
        # else the reader of our output went away (`reader summarize x | head -1`): not an error
