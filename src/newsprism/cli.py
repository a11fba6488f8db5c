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

from . import api, progress
from .cli_args import DEFAULT_OUTPUT, build_parser
from .errors import NewsprismError, NoArticlesError, UsageError
from .records import Skipped
from .report import Report

FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


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
    """Write the report piece by piece (a story at a time), to a file beside ``output`` renamed over it once
    whole, so that a failed run leaves any earlier report as it was."""
    if output == "-":
        report.write(fmt, sys.stdout)
        sys.stdout.write("\n")
        return
    target = Path(output)
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with part.open("w", encoding="utf-8") as out:
            report.write(fmt, out)
        os.replace(part, target)
    except OSError as err:
        raise NewsprismError(f"cannot write the report to {output}: {err.strerror}") from err
    finally:
        part.unlink(missing_ok=True)
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
