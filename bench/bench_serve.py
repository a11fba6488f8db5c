"""Load benchmark of ``newsprism serve``: requests per second and p50/p99 latency of story pages and
``GET /api/stories/{id}`` on a database holding the Multi-News truth-dev stories.

The server runs as the CLI starts it (one uvicorn process on 127.0.0.1); an async httpx client keeps
``--concurrency`` requests in flight for ``--seconds`` per route, cycling over every stored story. The
first round over the stories warms the server's cache (rendered pages are kept per store version),
so the figures are those of cached pages, the issue's target: 200 requests/s with p99 under 200 ms.
The client shares the machine, so the server's own CPU time per request is printed too.

    python3 bench/bench_serve.py [--db /tmp/bench-serve.db] [--seconds 10] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
TRUTH = ROOT.parent / "shared" / "bench" / "truth-dev"
MULTINEWS = ROOT.parent / "shared" / "bench" / "multinews-dev.jsonl"
ROUTES = ("/stories/{id}", "/api/stories/{id}")


def build(db: Path) -> None:
    """The truth-dev stories, read and analysed as the CLI does it (once: an existing database is reused)."""
    if db.exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "truth-input.jsonl"
        with records.open("w") as out:
            subprocess.run([sys.executable, str(TRUTH / "score.py"), "--input", str(TRUTH / "gold.jsonl"),
                            str(MULTINEWS)], stdout=out, check=True)  # fmt: skip
        subprocess.run([sys.executable, "-m", "newsprism", "analyze", str(records), "--db", str(db),
                        "-o", str(Path(tmp) / "r.json")], check=True, env=_env())  # fmt: skip


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(db: Path) -> tuple[subprocess.Popen, str]:
    port = _port()
    server = subprocess.Popen([sys.executable, "-m", "newsprism", "serve", "--db", str(db), "--port", str(port)],
                              env=_env(), stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(url + "/api/feeds", timeout=1)
            return server, url
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


async def load(url: str, paths: list[str], seconds: float, concurrency: int) -> tuple[int, list[float], int]:
    """Requests done, their latencies (s) and failures, with ``concurrency`` clients for ``seconds``."""
    latencies: list[float] = []
    failures = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:

        async def worker(offset: int) -> None:
            nonlocal failures
            n = offset
            while time.perf_counter() < stop:
                began = time.perf_counter()
                answer = await client.get(paths[n % len(paths)])
                latencies.append(time.perf_counter() - began)
                failures += answer.status_code != 200
                n += concurrency

        await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return len(latencies), latencies, failures


def cpu_seconds(pid: int) -> float:
    """CPU time the server used so far: on a shared machine it says what a request costs the server alone."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "bench-serve.db")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    build(args.db)
    server, url = start(args.db)
    try:
        ids = [s["id"] for s in httpx.get(url + "/api/stories", params={"per_page": 100}).json()["stories"]]
        print(f"{len(ids)} stories; {args.concurrency} concurrent clients, {args.seconds:.0f} s per route")
        print(f"{'route':<20} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'failed':>6} {'server CPU ms/req':>18} "
              f"{'client CPU ms/req':>18}")  # fmt: skip
        for route in ROUTES:
            paths = [route.format(id=i) for i in ids]
            for path in paths:  # one request each: the cache is warm after
                httpx.get(url + path)
            before, mine = cpu_seconds(server.pid), time.process_time()
            done, latencies, failed = asyncio.run(load(url, paths, args.seconds, args.concurrency))
            cost = (cpu_seconds(server.pid) - before) / done * 1000
            client = (time.process_time() - mine) / done * 1000
            cuts = statistics.quantiles(latencies, n=100)
            print(f"{route:<20} {done / args.seconds:>7.0f} {cuts[49] * 1000:>7.1f} {cuts[98] * 1000:>7.1f} "
                  f"{failed:>6} {cost:>18.2f} {client:>18.2f}")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
