"""The SQLite store shared by several processes: readers are never blocked by a writer, a second writer
waits its turn instead of failing, and four ingests of overlapping inputs at once store what the same
ingests one after another store (issue 18)."""

import subprocess
import sys
import threading

import newsprism
from newsprism import api
from newsprism.records import Skipped
from newsprism.store import SQLiteStore

from .conftest import EXAMPLES, ROOT
from .stress import check_store, corpus, one_after_another, overlapping_inputs, side_by_side, write_jsonl

# The first writer holds its transaction open until the test tells it to end it (a line on its stdin),
# so what the readers and the second writer prove does not depend on how fast this machine is.
WRITER = """
import sys
from newsprism.records import Skipped
from newsprism.store import SQLiteStore
with SQLiteStore(sys.argv[1]) as store, store.transaction():
    store.put_skipped([Skipped("first-writer", "held open")])
    print("holding", flush=True)
    sys.stdin.readline()
"""
# Long enough for a writer that does not wait to have failed or finished on any machine.
SECOND_WRITER_GRACE_SECONDS = 2.0
ARTICLES, TOPICS = 400, 40


def test_the_store_runs_in_wal_mode(tmp_path):
    with SQLiteStore(tmp_path / "n.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_two_processes_read_while_one_writes_and_a_second_writer_waits(tmp_path):
    db = tmp_path / "n.db"
    newsprism.analyze([EXAMPLES], db=db, embedder="hashing")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "holding"
        readers = [
            subprocess.Popen(
                [sys.executable, "-m", "newsprism", "stories", "--db", str(db)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            )
            for _ in range(2)
        ]  # fmt: skip
        outputs = [reader.communicate(timeout=120) for reader in readers]
        # the readers are done and the writer, which cannot end before it is told to, still holds its
        # transaction: they did not wait for it
        assert writer.poll() is None
        for (out, err), reader in zip(outputs, readers, strict=True):
            assert reader.returncode == 0, err
            assert "Veldhaven" in out
        with SQLiteStore(db) as store:
            assert store.count("skipped") == 0  # the open transaction is not visible
            failed: list[BaseException] = []
            second = threading.Thread(target=_put_skipped, args=(db, failed))
            second.start()
            second.join(SECOND_WRITER_GRACE_SECONDS)
            assert second.is_alive() and not failed, failed  # waiting, neither failed nor through
            assert writer.stdin is not None
            writer.stdin.write("end\n")
            writer.stdin.flush()
            second.join(60)
            assert not second.is_alive() and not failed, failed
            assert [r[0] for r in store.db.execute("SELECT input FROM skipped ORDER BY rowid")] == [
                "first-writer",
                "second-writer",
            ]
    finally:
        if writer.poll() is None and writer.stdin is not None:
            writer.stdin.close()
        writer.wait(timeout=60)
    assert writer.returncode == 0


def _put_skipped(db, failed: list[BaseException]) -> None:
    try:
        with SQLiteStore(db) as store:
            store.put_skipped([Skipped("second-writer", "waited")])
    except BaseException as err:  # handed to the test thread to fail on
        failed.append(err)


def test_four_ingests_of_overlapping_inputs_at_once_store_as_one_after_another(tmp_path):
    records = corpus(ARTICLES, TOPICS)
    ids = {r["id"] for r in records}
    runs = overlapping_inputs(records, tmp_path)
    # load what an ingest loads on first use here, once, rather than in every fork
    api.ingest([write_jsonl(records[:20], tmp_path / "warm.jsonl")], db=tmp_path / "warm.db", embedder="hashing")
    assert all(code == 0 for code, _ in one_after_another(runs, tmp_path / "serial.db", command=False))
    serial = check_store(tmp_path / "serial.db", ids)
    assert serial.sound and len(serial.stories) == TOPICS, serial.faults
    for trial in range(2):
        db = tmp_path / f"together-{trial}.db"
        assert all(code == 0 for code, _ in side_by_side(runs, db, command=False))
        together = check_store(db, ids)
        assert together.sound, together.faults
        assert together.stories == serial.stories
