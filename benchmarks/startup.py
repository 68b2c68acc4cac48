"""How soon the user sees the article, and how quick every command is, in one run.

1. First words on screen. Each program runs in a tmux session (a private
   tmux server, a 120x40 window by default); the clock starts just before the
   session is made and stops when ``tmux capture-pane`` first shows a known
   phrase of the article: the first words of its first paragraph, looked for
   below the header row (the header shows the title and file name at once, and
   a frame with a spinner does not count). Programs:

   - a minimal Textual app (Header, one Static line of text, Footer): the baseline;
   - ``reader`` on the bundled article (target: at most 1.3x the baseline);
   - ``reader`` on a saved web page (target 1.6x): one written by this script
     with its date, site and author in the page's metadata, or ``--page FILE``;
   - ``reader`` on a generated 30,000-word text (target 1.6x).

   Runs alternate between the programs; each figure is a median.

2. Commands, as wall-clock time of the whole process, alternating, medians:
   ``reader inspect`` and ``reader summarize`` on the bundled article against
   ``python -c "import numpy"`` (target: inspect at most 2x), and
   ``reader summarize -a lexrank -n 5`` against stock sumy's own parse and
   summary of the same text with the same summarizer and length (sumy's
   PlaintextParser and LexRankSummarizer, 5 sentences, its Snowball stemmer
   and stop words; sumy's ``Tokenizer("english")`` needs nltk's downloaded
   punkt data, so without it the script uses our tokenizer, which sumy
   accepts). The reader's default summary (key points, 3 sentences) is timed
   too.

3. Peak memory (maximum resident set size, from ``/usr/bin/time``): ``reader``
   on the bundled article with the summary opened, and ``reader summarize`` on
   a generated 200,000-word file (target: under 300 MB).

    python benchmarks/startup.py [--runs N] [--size 120x40] [--page FILE] [--skip-memory]
                                 [--only screens|commands] [--compare CHECKOUT]

``--compare CHECKOUT`` also times the first screens of the reader in another
checkout of the project (a ``git worktree`` of an older commit, say) on the
same inputs, in the same alternation: before and after in one run.

The reader's own config, state and cache folders point at temporary folders:
no setting plays a part, and each run of the reader starts with an empty state
folder (no saved reading position: the article is opened for the first time).
The cache folder is shared by the runs, as a user's is: the first run (a
warm-up, not timed) saves the first-names table there; "reader inspect, empty
cache folder" times a run that has to build it (a user's very first run).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = next((ROOT / "content").glob("*.txt"))
TMUX = shutil.which("tmux") or "/usr/bin/tmux"
TIME = "/usr/bin/time"
POLL = 0.005  # seconds between two looks at the screen
TIMEOUT = 60.0
PHRASE_WORDS = 4  # words of the first paragraph looked for on screen
MINIMAL_PHRASE = "Hello from a minimal app"

MINIMAL_APP = f"""
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static({MINIMAL_PHRASE!r})
        yield Footer()

Minimal().run()
"""

STOCK_SUMY = """
import sys
from pathlib import Path
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

try:
    from sumy.nlp.tokenizers import Tokenizer
    tokenizer = Tokenizer("english")
except LookupError:  # no punkt data downloaded: sumy accepts any tokenizer
    from reader.nlp.tokenize import EnglishTokenizer
    tokenizer = EnglishTokenizer()
parser = PlaintextParser.from_string(Path(sys.argv[1]).read_text(encoding="utf-8"), tokenizer)
summarizer = LexRankSummarizer(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
for sentence in summarizer(parser.document, 5):
    print(sentence)
"""


# ---------------------------------------------------------------- inputs

_FIRST = ["Anna", "Tomas", "Mei", "Omar", "Lena", "David", "Priya", "Jonas", "Sara", "Ivan"]
_LAST = ["Berg", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Novak", "Reyes", "Walsh"]
_ROLES = ["a spokeswoman for the council", "the harbour master", "an economist at the bank"]
_PLACES = ["Westport", "the valley", "the northern district", "the old quarter", "the coast"]
_SUBJECTS = ["The council", "Engineers", "Local traders", "The ministry", "Residents", "Officials"]
_VERBS = ["said", "expected", "warned", "agreed", "reported", "announced"]
_OBJECTS = [
    "that the bridge would reopen by the spring",
    "a rise in the cost of repairs to the sea wall",
    "new rules for boats in the harbour after dark",
    "that the ferry timetable would change in the autumn",
    "a survey of the damage done by the winter storms",
    "more money for the schools of the district",
]
_QUOTES = [
    "We have waited long enough for this",
    "Nobody here wants to see the harbour closed again",
    "The numbers tell us the work is far from over",
    "It is a good day for the town and for the fishermen",
]


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.2:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        return f"\u201c{rng.choice(_QUOTES)},\u201d said {name}, {rng.choice(_ROLES)}."
    return (
        f"{rng.choice(_SUBJECTS)} in {rng.choice(_PLACES)} {rng.choice(_VERBS)} "
        f"{rng.choice(_OBJECTS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}."
    )


def generated_paragraphs(words: int, seed: int) -> list[str]:
    """Paragraphs of news-like sentences (with quotes and speakers), ``words`` words in all."""
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def long_text(words: int, seed: int = 30_000) -> str:
    paragraphs = generated_paragraphs(words, seed)
    paragraphs[0] = "Storm repairs began early this year. " + paragraphs[0]
    return "The harbour town rebuilds\n\n" + "\n\n".join(paragraphs) + "\n"


def web_page(seed: int = 2024) -> str:
    """A saved news page: metadata in the head, figures, headings, about 1,500 words."""
    paragraphs = generated_paragraphs(1_500, seed)
    paragraphs[0] = "Fishing boats left the harbour at dawn. " + paragraphs[0]
    body = []
    for i, paragraph in enumerate(paragraphs):
        if i == 3:
            body.append(
                '<figure><img src="wall.jpg" width="800" height="500">'
                "<figcaption>Workers on the sea wall in Westport on Tuesday. "
                '<span class="credit">Photo: Lena Walsh</span></figcaption></figure>'
            )
        if i and i % 8 == 0:
            body.append(f"<h2>Part {i // 8} of the plan</h2>")
        body.append(f"<p>{paragraph}</p>")
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>The harbour town rebuilds | Coast News</title>"
        '<meta property="og:title" content="The harbour town rebuilds">'
        '<meta property="og:site_name" content="Coast News">'
        '<meta name="author" content="Mei Tanaka">'
        '<meta property="article:published_time" content="2024-05-02T10:00:00Z">'
        "</head><body><header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        "<main><article><h1>The harbour town rebuilds</h1>"
        + "".join(body)
        + "</article></main><footer>Copyright Coast News</footer></body></html>"
    )


def first_words(path: Path) -> str:
    """The first words of the article's first paragraph, as the reader shows them."""
    from reader.article.build import build_article
    from reader.sources.load import load_source

    article = build_article(load_source(str(path)))
    paragraph = article.paragraphs[0]
    text = article.text[paragraph.start : paragraph.end]
    return " ".join(text.split()[:PHRASE_WORDS])


# ---------------------------------------------------------------- tmux


@dataclass
class Tmux:
    """A private tmux server for the benchmark (its own socket, no config file)."""

    size: tuple[int, int]
    env: dict[str, str]
    socket: str = field(default_factory=lambda: f"reader-bench-{os.getpid()}")
    runs: int = 0
    control: _Control | None = None

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [TMUX, "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=check,
        )

    def start(self) -> None:
        # A session that holds the server up, so no run pays for its start.
        self._tmux("new-session", "-d", "-s", "hold", "-x", "80", "-y", "24", "sleep 100000")
        self.control = _Control([TMUX, "-L", self.socket, "-f", "/dev/null"])

    def stop(self) -> None:
        if self.control is not None:
            self.control.close()
            self.control = None
        self._tmux("kill-server", check=False)

    def screen(self, name: str) -> str:
        """What the session's pane shows now (through the control client: no process started)."""
        if self.control is None:
            return self._tmux("capture-pane", "-p", "-t", name, check=False).stdout
        return self.control.command(f"capture-pane -p -t {name}")

    def time_to_phrase(
        self, command: list[str], phrase: str, extra_env: dict[str, str] | None = None
    ) -> float:
        """Seconds from making a session running ``command`` until ``phrase`` is on screen."""
        self.runs += 1
        name = f"run{self.runs}"
        width, height = self.size
        env = {**self.env, **(extra_env or {})}
        if "READER_STATE_DIR" in env:  # each run opens the article for the first time
            env["READER_STATE_DIR"] = tempfile.mkdtemp(dir=env["READER_STATE_DIR"])
        env_args = [a for k, v in env.items() for a in ("-e", f"{k}={v}")]
        shell_command = " ".join(_quote(part) for part in command)
        started = time.perf_counter()
        self._tmux(
            "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
            *env_args, shell_command,
        )  # fmt: skip
        try:
            while time.perf_counter() - started < TIMEOUT:
                screen = self.screen(name)
                if phrase in "\n".join(screen.splitlines()[1:]):  # below the header row
                    return time.perf_counter() - started
                time.sleep(POLL)
            raise RuntimeError(f"{shell_command}: {phrase!r} not on screen after {TIMEOUT} s")
        finally:
            self._tmux("kill-session", "-t", name, check=False)

    def peak_memory(self, command: list[str], phrase: str, keys: list[str], wait: float) -> int:
        """Peak RSS (KB) of ``command``: shown, then ``keys`` typed, ``wait`` s, then q."""
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder) / "rss"
            measured = [TIME, "-f", "%M", "-o", str(report), *command]
            self.runs += 1
            name = f"run{self.runs}"
            width, height = self.size
            env_args = [a for k, v in self.env.items() for a in ("-e", f"{k}={v}")]
            self._tmux(
                "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
                *env_args, " ".join(_quote(p) for p in measured),
            )  # fmt: skip
            started = time.perf_counter()
            while phrase not in self.screen(name):
                if time.perf_counter() - started > TIMEOUT:
                    raise RuntimeError(f"{phrase!r} not on screen")
                time.sleep(0.05)
            for key in keys:
                self._tmux("send-keys", "-t", name, key)
            time.sleep(wait)
            self._tmux("send-keys", "-t", name, "q")
            started = time.perf_counter()
            while not report.exists() or not report.read_text().strip():
                if time.perf_counter() - started > TIMEOUT:
                    raise RuntimeError("the reader did not quit")
                time.sleep(0.05)
            self._tmux("kill-session", "-t", name, check=False)
            return int(report.read_text().split()[-1])


class _Control:
    """A tmux client in control mode: commands on its standard input, their output back.

    The screen is looked at every few milliseconds; a ``tmux capture-pane``
    process each time would take about half a core of this 2-core machine
    (2.5 ms of CPU a look), slowing most a program that uses both cores
    (the reader builds its article in a second process). A control client
    is one process for the whole run: each look costs the server a fraction
    of a millisecond.
    """

    def __init__(self, tmux: list[str]) -> None:
        self._process = subprocess.Popen(
            [*tmux, "-C", "attach-session", "-t", "hold"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def command(self, line: str) -> str:
        """The output of one tmux command (an error's text, too)."""
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(line + "\n")
        self._process.stdin.flush()
        lines: list[str] = []
        inside = False
        for received in self._process.stdout:
            if not inside:  # notifications (%sessions-changed, ...) come between replies
                inside = received.startswith("%begin ")
                continue
            if received.startswith(("%end ", "%error ")):
                return "".join(lines)
            lines.append(received)
        raise RuntimeError("the tmux control client has gone")

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()


def _quote(part: str) -> str:
    import shlex

    return shlex.quote(part)


# ---------------------------------------------------------------- commands


def wall_time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - started


def peak_rss(command: list[str], env: dict[str, str]) -> tuple[int, float]:
    """(peak RSS in KB, wall seconds) of one run of ``command``."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode})")
    return usage.ru_maxrss, time.perf_counter() - started


def alternate(programs: dict[str, Callable[[], float]], runs: int) -> dict[str, list[float]]:
    """Run each program once per round, ``runs`` rounds; the times of each."""
    times: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(runs):
        for name, run in programs.items():
            times[name].append(run())
    return times


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _report(
    title: str, times: dict[str, list[float]], baseline: str, targets: dict[str, float]
) -> bool:
    print(title)
    base = statistics.median(times[baseline])
    met = True
    for name, values in times.items():
        median = statistics.median(values)
        line = f"  {name:<44} median {_ms(median):>8}   ({', '.join(f'{v * 1000:.0f}' for v in values)})"
        if name != baseline:
            ratio = median / base
            line += f"   {ratio:.2f}x"
            if name in targets:
                ok = ratio <= targets[name]
                met &= ok
                line += f" (target <= {targets[name]}x: {'met' if ok else 'NOT met'})"
        print(line)
    return met


# ---------------------------------------------------------------- main


def reader_command() -> list[str]:
    script = shutil.which("reader", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "reader"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each program (default 7)")
    parser.add_argument("--size", default="120x40", help="terminal size (default 120x40)")
    parser.add_argument("--page", type=Path, help="a saved web page to use instead of ours")
    parser.add_argument("--skip-memory", action="store_true", help="no peak-memory runs")
    parser.add_argument(
        "--only", choices=("screens", "commands"), help="time only the first screens or commands"
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="CHECKOUT",
        help="also time the first screens of the reader in this other checkout",
    )
    args = parser.parse_args(argv)
    size = tuple(int(n) for n in args.size.lower().split("x"))
    reader = reader_command()

    # Byte-compile the reader as `pip install` does for its dependencies: with an
    # editable install and PYTHONDONTWRITEBYTECODE set, every run would
    # otherwise compile the reader's modules from source.
    for folder in importlib.util.find_spec("reader").submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)
    if args.compare is not None:
        compileall.compile_dir(args.compare / "reader", quiet=1)

    with tempfile.TemporaryDirectory(prefix="reader-bench-") as scratch:
        folder = Path(scratch)
        (folder / "state").mkdir()
        env = {
            "READER_CONFIG_DIR": str(folder / "config"),
            "READER_STATE_DIR": str(folder / "state"),
            "READER_CACHE_DIR": str(folder / "cache"),
            "PYTHONPATH": str(ROOT),
        }
        os.environ.update(env)  # this script's own article builds too
        full_env = dict(os.environ)
        long_path = folder / "long.txt"
        long_path.write_text(long_text(30_000), encoding="utf-8")
        page_path = args.page or folder / "page.html"
        if args.page is None:
            page_path.write_text(web_page(), encoding="utf-8")
        phrases = {
            "bundled": first_words(BUNDLED),
            "page": first_words(page_path),
            "long": first_words(long_path),
        }
        tmux = Tmux(size, env)  # type: ignore[arg-type]
        tmux.start()
        screen_met = True
        memory: dict[str, int] = {}
        try:
            screens = {
                "minimal Textual app": lambda: tmux.time_to_phrase(
                    [sys.executable, "-c", MINIMAL_APP], MINIMAL_PHRASE
                ),
                "reader, bundled article": lambda: tmux.time_to_phrase(reader, phrases["bundled"]),
                f"reader, web page ({'--page' if args.page else 'ours'})": lambda: (
                    tmux.time_to_phrase([*reader, str(page_path)], phrases["page"])
                ),
                "reader, 30,000-word text": lambda: tmux.time_to_phrase(
                    [*reader, str(long_path)], phrases["long"]
                ),
            }
            if args.compare is not None:
                screens.update(
                    _compared(tmux, reader, args.compare, page_path, long_path, phrases)
                )
            print(f"runs: {args.runs} each, terminal {size[0]}x{size[1]}, load {_load()}")
            if args.only != "commands":
                for run in screens.values():  # warm-up: file system caches
                    run()
                names = list(screens)
                screen_met = _report(
                    "First words of the article on screen (tmux):",
                    alternate(screens, args.runs),
                    names[0],
                    {names[1]: 1.3, names[2]: 1.6, names[3]: 1.6},
                )
            if not args.skip_memory and args.only is None:
                memory["reader, bundled article, summary opened"] = tmux.peak_memory(
                    reader, phrases["bundled"], ["s"], wait=5.0
                )
        finally:
            tmux.stop()

        commands_met = faster = True
        if args.only != "screens":
            commands_met, faster = _commands(folder, reader, full_env, args.runs)

        if not args.skip_memory and args.only is None:
            big = folder / "big.txt"
            big.write_text(long_text(200_000, seed=200_000), encoding="utf-8")
            rss, seconds = peak_rss([*reader, "summarize", str(big)], full_env)
            memory[f"reader summarize, 200,000 words ({seconds:.1f} s)"] = rss
            print("Peak memory (maximum RSS):")
            for name, kb in memory.items():
                print(f"  {name:<52} {kb / 1024:6.0f} MB")
            memory_met = rss < 300 * 1024
            print(f"  200,000-word summary under 300 MB: {'met' if memory_met else 'NOT met'}")
        else:
            memory_met = True
        print(f"load at the end: {_load()}")
    return 0 if screen_met and commands_met and faster and memory_met else 1


def _compared(
    tmux: Tmux,
    reader: list[str],
    checkout: Path,
    page: Path,
    long_path: Path,
    phrases: dict[str, str],
) -> dict[str, Callable[[], float]]:
    """The reader's first screens again, with the reader of ``checkout`` (its PYTHONPATH)."""
    env = {"PYTHONPATH": str(checkout.resolve())}
    label = checkout.name

    def timed(args: list[str], phrase: str) -> Callable[[], float]:
        return lambda: tmux.time_to_phrase([*reader, *args], phrase, env)

    return {
        f"  ({label}) bundled article": timed([], phrases["bundled"]),
        f"  ({label}) web page": timed([str(page)], phrases["page"]),
        f"  ({label}) 30,000-word text": timed([str(long_path)], phrases["long"]),
    }


def _commands(
    folder: Path, reader: list[str], env: dict[str, str], runs: int
) -> tuple[bool, bool]:
    """Time the commands, alternating; (inspect within target, summarize faster than stock sumy)."""
    bundled = str(BUNDLED)
    stock_script = folder / "stock_sumy.py"
    stock_script.write_text(STOCK_SUMY, encoding="utf-8")

    def no_cache_yet() -> float:  # a first run: the first-names table is built and saved
        with tempfile.TemporaryDirectory(dir=folder) as empty:
            return wall_time([*reader, "inspect", bundled], {**env, "READER_CACHE_DIR": empty})

    commands = {
        'python -c "import numpy"': lambda: wall_time([sys.executable, "-c", "import numpy"], env),
        "reader inspect (bundled)": lambda: wall_time([*reader, "inspect", bundled], env),
        "reader summarize -a lexrank -n 5 (bundled)": lambda: wall_time(
            [*reader, "summarize", "-a", "lexrank", "-n", "5", bundled], env
        ),
        "stock sumy parse + LexRank, 5 (bundled)": lambda: wall_time(
            [sys.executable, str(stock_script), bundled], env
        ),
        "reader summarize (bundled; default: key points, 3)": lambda: wall_time(
            [*reader, "summarize", bundled], env
        ),
        "reader inspect (bundled), empty cache folder": no_cache_yet,
    }
    for run in commands.values():
        run()
    command_times = alternate(commands, runs)
    names = list(commands)
    commands_met = _report(
        f"Commands (wall clock of the whole process), load {_load()}:",
        command_times,
        names[0],
        {names[1]: 2.0},
    )
    summarize = statistics.median(command_times[names[2]])
    stock = statistics.median(command_times[names[3]])
    faster = summarize < stock
    print(
        f"  reader summarize (LexRank, 5) / stock sumy (LexRank, 5): {summarize / stock:.2f}x "
        f"(target < 1: {'met' if faster else 'NOT met'})"
    )
    return commands_met, faster


def _load() -> str:
    try:
        return " ".join(f"{n:.1f}" for n in os.getloadavg())
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
