"""The SQLite store shared by several processes: readers are never blocked by a writer, and a second
writer waits its turn instead of failing."""

import subprocess
import sys
import time

import newsprism
from newsprism.records import Skipped
from newsprism.store import SQLiteStore

from .conftest import EXAMPLES, ROOT

HOLD_SECONDS = 6
WRITER = f"""
import sys, time
from newsprism.records import Skipped
from newsprism.store import SQLiteStore
with SQLiteStore(sys.argv[1]) as store, store.transaction():
    store.put_skipped([Skipped("first-writer", "held open")])
    print("holding", flush=True)
    time.sleep({HOLD_SECONDS})
"""


def test_the_store_runs_in_wal_mode(tmp_path):
    with SQLiteStore(tmp_path / "n.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_two_processes_read_while_one_writes_and_a_second_writer_waits(tmp_path):
    db = tmp_path / "n.db"
    newsprism.analyze([EXAMPLES], db=db, embedder="hashing")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "holding"
        held_since = time.monotonic()
        readers = [
            subprocess.Popen(
                [sys.executable, "-m", "newsprism", "stories", "--db", str(db)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            )
            for _ in range(2)
        ]
        outputs = [reader.communicate(timeout=60) for reader in readers]
        assert time.monotonic() - held_since < HOLD_SECONDS, "a reader waited for the writer"
        assert writer.poll() is None  # still holding its transaction
        for (out, err), reader in zip(outputs, readers, strict=True):
            assert reader.returncode == 0, err
            assert "Veldhaven" in out
        with SQLiteStore(db) as store:
            assert store.count("skipped") == 0  # the open transaction is not visible
            store.put_skipped([Skipped("second-writer", "waited")])  # blocks until the first commits
            assert time.monotonic() - held_since >= HOLD_SECONDS - 1
            assert store.count("skipped") == 2
    finally:
        writer.wait(timeout=60)
    assert writer.returncode == 0
