"""The command line: ``newsprism analyze INPUT... [-o FILE] [--format html|md|json] ...``.

Each command calls the public function of the same name; errors become one line and an exit code
(0 when at least one article was read, 1 when none or on error, 2 for a usage error).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .api import DEFAULT_DB, analyze
from .embed import EMBEDDERS
from .errors import NewsprismError, UsageError

FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
DEFAULT_OUTPUT = "newsprism-report.html"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors; keep its one-line form
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsprism", description="Read one news story through every outlet that covers it.")
    parser.add_argument("--version", action="version", version=f"newsprism {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = commands.add_parser(
        "analyze",
        help="group articles into stories and report facts, conflicts, provenance, entities, timeline, framing",
        description="Read articles (files, folders, or - for JSON lines on stdin), group them into stories "
        "and write a report.",
    )
    run.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a .txt/.md/.html/.json/.jsonl file (optionally .gz), a folder, or - for stdin",
    )
    run.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"where to write the report (default {DEFAULT_OUTPUT}); - writes JSON to stdout",
    )
    run.add_argument(
        "--format", choices=["html", "md", "json"], help="report format (default: from the extension of -o, else html)"
    )
    run.add_argument(
        "--db",
        default=DEFAULT_DB,
        metavar="PATH",
        help=f"SQLite database for articles, stories and analyses (default {DEFAULT_DB})",
    )
    run.add_argument("--summary-words", type=int, metavar="N", help="length of each story's summary (default 120)")
    run.add_argument("--one-story", action="store_true", help="treat all inputs as one story (no clustering)")
    run.add_argument("--strict", action="store_true", help="fail when any input is skipped")
    run.add_argument(
        "--embedder",
        choices=EMBEDDERS,
        default="auto",
        help="sentence embedder: minilm (ONNX model), hashing (fast, no model) or auto (minilm when installed)",
    )
    return parser


def _output_format(output: str, given: str | None) -> str:
    if given:
        return given
    if output == "-":
        return "json"
    suffix = Path(output).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"cannot tell the report format from {output!r}; use --format html, md or json")
    return FORMATS[suffix]


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except NewsprismError as err:
        print(f"newsprism: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("newsprism: interrupted; what was stored before stays stored", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args = build_parser().parse_args(argv)
    output = args.output or DEFAULT_OUTPUT
    fmt = _output_format(output, args.format)
    if args.summary_words is not None and not 10 <= args.summary_words <= 5000:
        raise UsageError(f"--summary-words must be between 10 and 5000, got {args.summary_words}")
    report = analyze(
        args.inputs,
        db=args.db,
        summary_words=args.summary_words,
        one_story=args.one_story or None,
        strict=args.strict or None,
        embedder=args.embedder,
    )
    for skipped in report.skipped:
        print(f"skipped {skipped.input}: {skipped.reason}", file=sys.stderr)
    text = report.render(fmt)
    if output == "-":
        sys.stdout.write(text + "\n")
    else:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as err:
            raise NewsprismError(f"cannot write the report to {output}: {err.strerror}") from err
        print(f"{len(report.articles)} articles, {len(report.stories)} stories: wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
