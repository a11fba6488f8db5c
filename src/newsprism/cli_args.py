"""The command line's arguments: one subcommand per public function of :mod:`newsprism.api`, and the options
they share. :mod:`newsprism.cli` runs them."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from .api import DEFAULT_DB
from .embed import embedder_names
from .errors import UsageError
from .report import RENDERERS
from .version import __version__

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
