"""Latency of the web app (``docsearch serve``) on Reuters-21578: search pages with
facets and person pages, 4 concurrent clients over loopback, a bounded number of
requests; prints p50/p95/max per kind of page.

The server runs as ``docsearch serve`` in a subprocess on a free loopback port; each
client keeps one HTTP/1.1 connection and sends its share of the requests, the URLs
taken in turn from a fixed mix (queries with and without filters, sorted by date,
page 2, the date facet by month; the person pages of the most mentioned people).
It also times what opening the index per request would cost (the app does not: one
open index serves every request, each search checking for a newer commit).

Usage: ``python benchmarks/web_latency.py [--index PATH] [--requests N] [--clients N]
[--workers N]``
(without ``--index``, Reuters-21578 is indexed into a temporary folder, about a
minute; with it, an index holding Reuters-21578 is used, or built there).
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from person_checks import open_reuters  # noqa: E402

import docsearch  # noqa: E402

GOALS_MS = {"search": 50.0, "person": 100.0}

SEARCHES = [
    {"q": "oil prices"},
    {"q": "interest rates", "sort": "date"},
    {"q": "grain exports", "topic": "economy, business and finance"},
    {"person": "James Baker"},
    {"q": "dollar", "person": "James Baker", "since": "1987-03"},
    {"q": "bank", "page": "2"},
    {"q": "trade deficit", "date_facet": "month"},
    {},
]


def mix(ix: docsearch.Index, people: int = 12) -> list[tuple[str, str]]:
    """The (kind, path) requests, in the order the clients take them."""
    top = [v.value for v in ix.facets(["person"], limit=people)["person"] if v.value]
    searches = [("search", "/?" + urlencode(params)) for params in SEARCHES]
    persons = [("person", "/person/" + quote(name, safe="")) for name in top]
    out: list[tuple[str, str]] = []
    for i in range(max(len(searches), len(persons))):
        out += [searches[i % len(searches)], persons[i % len(persons)]]
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(index: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "docsearch", "serve", "--index", str(index), "--port", str(port),
         "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"the server stopped: {server.stderr.read().decode()}"
                                 if server.stderr else "the server stopped") from None
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start in 60 s")


def client(port: int, requests: list[tuple[str, str]],
           timings: list[tuple[str, float, int]]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for kind, path in requests:
        started = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        timings.append((kind, (time.perf_counter() - started) * 1000, response.status))
    conn.close()


def run(port: int, urls: list[tuple[str, str]], total: int,
        clients: int) -> list[tuple[str, float, int]]:
    timings: list[tuple[str, float, int]] = []
    plan = [urls[i % len(urls)] for i in range(total)]
    threads = [threading.Thread(target=client, args=(port, plan[n::clients], timings))
               for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(timings: list[tuple[str, float, int]]) -> bool:
    print("| page | requests | p50 ms | p95 ms | max ms | goal p95 |")
    print("|---|---:|---:|---:|---:|---:|")
    ok = True
    for kind, goal in GOALS_MS.items():
        times = [ms for k, ms, _ in timings if k == kind]
        p95 = percentile(times, 95)
        ok = ok and p95 <= goal
        print(f"| {kind} | {len(times)} | {statistics.median(times):.1f} | {p95:.1f} | "
              f"{max(times):.1f} | ≤ {goal:.0f} {'ok' if p95 <= goal else 'MISSED'} |")
    bad = [t for t in timings if t[2] != 200]
    if bad:
        print(f"{len(bad)} requests failed, e.g. status {bad[0][2]}")
    return ok and not bad


def open_cost(index: Path, times: int = 20) -> float:
    """Median milliseconds to open the index and run one search (per-request opening)."""
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        with docsearch.open(index) as ix:
            ix.search("oil prices", per_page=10)
        spent.append((time.perf_counter() - started) * 1000)
    return statistics.median(spent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="index of Reuters-21578 (built if empty)")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1, help="docsearch serve --workers")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index or Path(tmp) / "index"
        with open_reuters(index) as ix:
            documents = len(ix)
            urls = mix(ix)
        port = free_port()
        server = start_server(index, port, args.workers)
        try:
            run(port, urls, len(urls) * args.workers, args.clients)  # warm up every worker
            started = time.perf_counter()
            timings = run(port, urls, args.requests, args.clients)
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(10)
        print(f"Reuters-21578: {documents} articles; {args.requests} requests, {args.clients} "
              f"clients, {args.workers} server process(es), {elapsed:.1f} s "
              f"({args.requests / elapsed:.0f} requests/s); {os.cpu_count()} CPUs, load "
              f"average {os.getloadavg()[0]:.1f}")
        ok = report(timings)
        print(f"opening the index and searching once: {open_cost(index):.1f} ms (median; "
              "the app keeps one index open instead)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
