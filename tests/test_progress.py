"""Progress bars of long CLI runs: a bar with counts and rate on a terminal, nothing when standard error
is a file or a pipe."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios

import newsprism
from newsprism import progress
from newsprism.cli import main

from .conftest import EXAMPLES, ROOT


def test_no_bar_when_standard_error_is_not_a_terminal(tmp_path, capsys):
    assert main(["analyze", str(EXAMPLES), "--db", str(tmp_path / "q.db"), "--embedder", "hashing",
                 "-o", str(tmp_path / "r.json")]) == 0  # fmt: skip
    err = capsys.readouterr().err
    assert err.startswith(("1", "2", "3", "4", "5", "6", "7", "8", "9")) and "wrote" in err  # the summary line only
    assert "reading" not in err and "/s]" not in err and "\r" not in err
    quiet = io.StringIO()
    with progress.bars(quiet):  # by default, only a terminal gets bars
        progress.advance("read")
    assert quiet.getvalue() == ""


def test_a_forced_bar_counts_articles_and_stories_with_their_rate(tmp_path):
    shown = io.StringIO()
    with progress.bars(shown, enabled=True):
        report = newsprism.analyze([EXAMPLES], db=tmp_path / "f.db", embedder="hashing")
    text = shown.getvalue()
    stories = len(report.stories)
    assert f"reading: {len(report.articles)} articles [" in text and "articles/s]" in text
    assert "analysing: 100%" in text and f"{stories}/{stories} [" in text and "stories/s]" in text
    assert progress.advance("read") is None  # outside the block nobody listens, and nothing breaks


def test_the_cli_draws_its_bars_on_a_terminal(tmp_path):
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    command = [sys.executable, "-m", "newsprism", "ingest", str(EXAMPLES), "--db", str(tmp_path / "t.db"),
               "--embedder", "hashing"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=terminal, env=env)
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the run ended
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    assert process.wait(timeout=120) == 0
    text = seen.decode()
    assert "\rreading: 0 articles [" in text and "articles/s]" in text and "stored " in text
