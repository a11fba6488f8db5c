"""The command line: ``newsprism analyze|ingest|report|stories|search|watch|serve|backfill ...``.

Each command calls the public function of :mod:`newsprism.api` of the same name; errors become one
line and an exit code (0 when at least one article was read, 1 when none or on error, 2 for a usage
error). Only here do messages name flags: an error's ``setting`` becomes its flag.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from . import api, progress
from .api import DEFAULT_DB
from .embed import embedder_names
from .errors import NewsprismError, NoArticlesError, UsageError
from .records import Skipped
from .report import RENDERERS, Report
from .version import __version__

FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
DEFAULT_OUTPUT = "newsprism-report.html"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 on usage errors; keep its one-line form
        self.print_usage(sys.stderr)
        raise UsageError(message)  # main() adds the one "newsprism: error:" prefix


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsprism", description="Read one news story through every outlet that covers it.")
    parser.add_argument("--version", action="version", version=f"newsprism {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = commands.add_parser(
        "analyze",
        help="group articles into stories and report facts, conflicts, provenance, entities, timeline, framing",
        description="Read articles (files, folders, - for JSON lines on stdin, or URLs of pages, feeds, OPML "
        "lists and sitemaps), group them into stories and write a report.",
    )
    _inputs(run)
    _report_options(run)
    _ingest_options(run)
    run.add_argument("--summary-words", type=int, metavar="N", help="length of each story's summary (default 120)")
    store = commands.add_parser(
        "ingest",
        help="store articles and place them into stories, without a report",
        description="Read and store articles like analyze, without analysing or reporting.",
    )
    _inputs(store)
    _ingest_options(store)
    report = commands.add_parser(
        "report",
        help="report every story stored in the database",
        description="Analyse the stored stories (reusing stored analyses) and write a report.",
    )
    _report_options(report)
    _db(report)
    report.add_argument("--summary-words", type=int, metavar="N", help="length of each story's summary (default 120)")
    report.add_argument("--embedder", choices=embedder_names(), default="auto", help="sentence embedder (see analyze)")
    stories = commands.add_parser("stories", help="list the stored stories", description="List the stored stories.")
    _db(stories)
    search = commands.add_parser(
        "search",
        help="search the stored articles",
        description="Full-text search of the stored articles (SQLite FTS5).",
    )
    search.add_argument("query", metavar="QUERY", help="words that must all appear")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results (default 20)")
    _db(search)
    watch = commands.add_parser(
        "watch",
        help="poll feeds, ingest what is new, update stories",
        description="Poll feeds every interval and ingest what is new; Ctrl-C stops.",
    )
    watch.add_argument("inputs", nargs="+", metavar="FEED", help="URL of a feed, OPML list or sitemap")
    watch.add_argument("--every", default="10m", metavar="INTERVAL", help="poll interval: 30s, 10m, 1h (default 10m)")
    _ingest_options(watch)
    serve = commands.add_parser(
        "serve",
        help="serve the stored stories as web pages and a JSON API",
        description="Serve the stored stories as web pages and a JSON API (FastAPI "
        "on uvicorn). Reads are open; writes need the token.",
    )
    _db(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--token-file", metavar="FILE", help="file with the write token (default: a new one, printed)")
    serve.add_argument("--watch", nargs="+", default=[], metavar="FEED", help="feeds to poll in the background")
    serve.add_argument("--every", default="10m", metavar="INTERVAL", help="poll interval of --watch (default 10m)")
    serve.add_argument("--embedder", choices=embedder_names(), default="auto", help="sentence embedder (see analyze)")
    serve.add_argument("--allow-private", action="store_true", help="fetch URLs on private addresses (see ingest)")
    _backfill_parser(commands)
    return parser


def _backfill_parser(commands: argparse._SubParsersAction) -> None:
    from .backfill import ENGINES, PARTITION_DAYS

    backfill = commands.add_parser(
        "backfill",
        help="turn a large archive into stories, on this machine or a Ray cluster",
        description="Read JSON lines (.jsonl, .jsonl.gz) or Parquet files, or folders of them, into an empty "
        "database: articles, near-duplicates, stories and their analyses, in parallel (see docs/scaling.md).",
    )
    backfill.add_argument("inputs", nargs="+", metavar="INPUT", help="a .jsonl(.gz)/.json/.parquet file or a folder")
    _db(backfill)
    backfill.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local (this process) or ray (Ray Data; install newsprism[ray]); default local",
    )
    backfill.add_argument(
        "--address",
        metavar="ADDRESS",
        help="Ray cluster to join: auto, or ray://host:10001 (default: start Ray on this machine)",
    )
    backfill.add_argument(
        "--partition-days",
        type=float,
        default=PARTITION_DAYS,
        metavar="DAYS",
        help=f"length of the time slices clustered in parallel (default {PARTITION_DAYS:g})",
    )
    backfill.add_argument("--embedder", choices=embedder_names(), default="auto", help="sentence embedder")
    backfill.add_argument(
        "--no-analysis", action="store_true", help="store articles and stories only; report analyses them later"
    )


def _inputs(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a .txt/.md/.html/.json/.jsonl file (optionally .gz), a folder, - for stdin, or an http(s) URL",
    )


def _db(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--db",
        default=os.environ.get("NEWSPRISM_DB") or DEFAULT_DB,
        metavar="PATH|URL",
        help="database for articles, stories and analyses: a SQLite file or a postgresql:// URL "
        f"(default $NEWSPRISM_DB, else {DEFAULT_DB})",
    )


def _report_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"where to write the report (default {DEFAULT_OUTPUT}); - writes JSON to stdout",
    )
    command.add_argument(
        "--format", choices=RENDERERS.names(), help="report format (default: from the extension of -o, else html)"
    )


def _ingest_options(command: argparse.ArgumentParser) -> None:
    _db(command)
    command.add_argument("--one-story", action="store_true", help="treat all inputs as one story (no clustering)")
    command.add_argument("--strict", action="store_true", help="fail when any input is skipped")
    command.add_argument(
        "--keep-pages",
        action="store_true",
        help="keep pages that are not news articles (crawl notices, sign-in walls, video pages) in stories",
    )
    command.add_argument(
        "--embedder",
        choices=embedder_names(),
        default="auto",
        help="sentence embedder: minilm (ONNX model), hashing (fast, no model) or auto (minilm when installed)",
    )
    command.add_argument(
        "--delay",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="pause between two requests to one host (default 1; 0 only for your own servers)",
    )
    command.add_argument(
        "--allow-private",
        action="store_true",
        help="fetch URLs on private, loopback and link-local addresses (refused by default)",
    )


def _output_format(output: str, given: str | None) -> str:
    if given:
        return given
    if output == "-":
        return "json"
    suffix = Path(output).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"cannot tell the report format from {output!r}; use --format html, md or json")
    return FORMATS[suffix]


# What to tell a user about the flag behind an error's ``setting``.
FLAG_HINTS = {
    "strict": "--strict; without it unreadable inputs are skipped",
    "allow_private": "--allow-private fetches them",
    "db": "choose another with --db",
    "embedder": "see --embedder",
    "keep_pages": "--keep-pages keeps them in stories",
    "token_file": "see --token-file",
}


def main(argv: list[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, not at exit, so that a closed pipe is caught below
        return code
    except NewsprismError as err:
        _print_skipped(getattr(err, "skipped", []))
        print(f"newsprism: error: {_terminal(_with_flag(str(err), err.setting))}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("newsprism: interrupted; what was stored before stays stored", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader stopped reading (``newsprism search … | head``): not an error. Standard output is
        # pointed at /dev/null so that the interpreter's last flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _with_flag(message: str, setting: str | None) -> str:
    hint = FLAG_HINTS.get(setting or "")
    return f"{message} ({hint})" if hint else message


def _main(argv: list[str] | None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args = build_parser().parse_args(argv)
    if getattr(args, "summary_words", None) is not None and not 10 <= args.summary_words <= 5000:
        raise UsageError(f"--summary-words must be between 10 and 5000, got {args.summary_words}")
    if getattr(args, "delay", 0) < 0:
        raise UsageError(f"--delay must be 0 or more seconds, got {args.delay}")
    return COMMANDS[args.command](args)


def _ingest_options_of(args: argparse.Namespace) -> dict:
    return {
        "db": args.db,
        "one_story": args.one_story or None,
        "strict": args.strict or None,
        "embedder": args.embedder,
        "allow_private": args.allow_private,
        "delay": args.delay,
        "keep_pages": args.keep_pages or None,
    }


def _analyze(args: argparse.Namespace) -> int:
    output = args.output or DEFAULT_OUTPUT
    fmt = _output_format(output, args.format)
    with _naming_inputs(args.inputs), progress.bars():
        report = api.analyze(args.inputs, summary_words=args.summary_words, **_ingest_options_of(args))
    _print_skipped(report.skipped)
    _write(report, output, fmt)
    return 0


def _ingest(args: argparse.Namespace) -> int:
    with _naming_inputs(args.inputs), progress.bars():
        done = api.ingest(args.inputs, **_ingest_options_of(args))
    _print_skipped(done.skipped)
    print(
        f"stored {_count(done.new, 'new article')}; {_count(len(done.stories), 'story', 'stories')} updated; "
        f"{_terminal(args.db)} holds them",
        file=sys.stderr,
    )
    return 0


def _report(args: argparse.Namespace) -> int:
    output = args.output or DEFAULT_OUTPUT
    fmt = _output_format(output, args.format)
    _write(api.report(db=args.db, summary_words=args.summary_words, embedder=args.embedder), output, fmt)
    return 0


def _stories(args: argparse.Namespace) -> int:
    overview = api.stories(db=args.db)
    for story in overview:
        size = f"{story.size:>4} article{'' if story.size == 1 else 's'}"
        print(f"{_terminal(story.id)}  {size}  {_terminal(story.title)}")
    if not overview:
        print(f"{_terminal(args.db)}: no stories stored yet", file=sys.stderr)
    return 0


def _search(args: argparse.Namespace) -> int:
    hits = api.search(args.query, db=args.db, limit=args.limit)
    for hit, article in hits:
        title = (article.title if article else None) or ""
        print(f"{_terminal(hit.article)}  {_terminal(title)}\n    {_terminal(hit.snippet)}")
    if not hits:
        print(f"no stored article matches {args.query!r}", file=sys.stderr)
    return 0


def _watch(args: argparse.Namespace) -> int:
    seconds = _interval(args.every)
    rounds = 0
    # Ctrl-C or a kill stops the watch between two commits. A shell script that starts a command in the
    # background makes it ignore SIGINT, so the handler is set here rather than inherited.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        for poll in api.watch(args.inputs, every=seconds, **_ingest_options_of(args)):
            rounds = poll.number
            started = time.strftime("%H:%M:%S", time.localtime(poll.started))
            if poll.ingested is None:
                print(f"{started} poll {rounds}: {_terminal(poll.note)}", file=sys.stderr)
                continue
            _print_skipped(poll.ingested.skipped)
            print(
                f"{started} poll {rounds}: {_count(poll.ingested.new, 'new article')}, "
                f"{_count(len(poll.ingested.stories), 'story', 'stories')} updated",
                file=sys.stderr,
            )
    except KeyboardInterrupt:
        print(
            f"stopped after {rounds} polls; everything fetched is stored in {args.db}, "
            "and the next watch resumes from there",
            file=sys.stderr,
        )
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .web.security import load_token

    token, generated = load_token(args.token_file)
    if generated:
        print(f"write token (give it as Authorization: Bearer TOKEN, or in the /feeds form): {token}", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"listening on {_terminal(args.host)}: anyone who can reach it reads the stories", file=sys.stderr)
    print(f"serving {_terminal(args.db)} on http://{args.host}:{args.port}/", file=sys.stderr)
    api.serve(token=token, db=args.db, host=args.host, port=args.port, watch=args.watch, every=_interval(args.every),
              embedder=args.embedder, allow_private=args.allow_private)  # fmt: skip
    return 0


def _interval(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    number, unit = text[:-1], text[-1:].lower()
    if unit not in units or not number.replace(".", "", 1).isdigit() or float(number) <= 0:
        raise UsageError(f"--every must look like 30s, 10m or 1h, got {text!r}")
    return float(number) * units[unit]


def _terminal(text: str) -> str:
    """Text from an article made safe for a terminal: control characters (ESC and the rest of C0, C1,
    bidirectional overrides) dropped, whitespace runs (line breaks among them) made one space."""
    return " ".join("".join(ch for ch in text if ch.isprintable() or ch.isspace()).split())


def _count(number: int, word: str, plural: str | None = None) -> str:
    """ "1 story", "2 stories", "0 new articles"."""
    return f"{number} {word if number == 1 else plural or word + 's'}"


@contextmanager
def _naming_inputs(inputs: list[str]) -> Iterator[None]:
    """A run that found no article says which inputs it read."""
    try:
        yield
    except NoArticlesError as err:
        if not err.skipped:
            raise
        shown = ", ".join(inputs[:3]) + (f" and {len(inputs) - 3} more" if len(inputs) > 3 else "")
        raise NoArticlesError(f"no articles found in {shown}", skipped=err.skipped, setting=err.setting) from err


def _print_skipped(skipped: list[Skipped]) -> None:
    for item in skipped:
        print(f"skipped {_terminal(item.input)}: {_with_flag(_terminal(item.reason), item.setting)}", file=sys.stderr)


def _write(report: Report, output: str, fmt: str) -> None:
    text = report.render(fmt)
    if output == "-":
        sys.stdout.write(text + "\n")
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as err:
        raise NewsprismError(f"cannot write the report to {output}: {err.strerror}") from err
    print(
        f"{_count(len(report.articles), 'article')}, {_count(len(report.stories), 'story', 'stories')}: "
        f"wrote {_terminal(output)}",
        file=sys.stderr,
    )


def _backfill(args: argparse.Namespace) -> int:
    if args.address and args.engine != "ray":
        raise UsageError("--address needs --engine ray")
    done = api.backfill(
        args.inputs,
        db=args.db,
        engine=args.engine,
        address=args.address,
        partition_days=args.partition_days,
        embedder=args.embedder,
        analyse=not args.no_analysis,
    )
    _print_skipped(done.skipped)
    print(
        f"stored {_count(done.articles, 'article')} in {_count(done.stories, 'story', 'stories')} with "
        f"{_count(len(done.pairs), 'near-duplicate pair')}; {_terminal(args.db)} holds them",
        file=sys.stderr,
    )
    return 0


COMMANDS = {
    "analyze": _analyze,
    "ingest": _ingest,
    "report": _report,
    "stories": _stories,
    "search": _search,
    "watch": _watch,
    "serve": _serve,
    "backfill": _backfill,
}


if __name__ == "__main__":
    sys.exit(main())
