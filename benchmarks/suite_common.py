"""The benchmark suite's shared parts (see ``benchmarks/suite.py``): its paths, query
classes, goals, and small helpers for memory, CPU time and JSON files."""

from __future__ import annotations

import json
import re
import resource
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import engines as eng  # noqa: E402,F401  (shared by the suite's modules)
from engines import QuerySpec  # noqa: E402,F401

COMMAND = ".venv/bin/python benchmarks/suite.py"
NEW_ARTICLES = 110                    # 10, then 100
CLASSES = ("term", "and", "phrase", "person", "date range", "by date", "facets",
           "facets+select")
FACET_CLASSES = ("facets", "facets+select")
TEXT_WORD = re.compile(r"[a-z]{3,}")
GOAL_FACET_P50, GOAL_FACET_P95 = 15.0, 50.0
GOAL_BUILD_RATIO, GOAL_ADD10, GOAL_NOOP, GOAL_RSS = 1.5, 1.0, 2.0, 500.0
#: The tantivy engine's goals (issue 15): Reuters build / floor and / the Whoosh engine's;
#: the synthetic corpus's build s, peak RSS MB, faceted p95 ms, add 10 s, query after ms.
TANTIVY_FLOOR_RATIO, TANTIVY_WHOOSH_RATIO = 1.3, 0.2
TANTIVY_BUILD, TANTIVY_RSS, TANTIVY_P95, TANTIVY_ADD10, TANTIVY_AFTER_ADD = (
    300.0, 1000.0, 50.0, 0.3, 100.0)


def _rss_mb() -> float:
    """``ru_maxrss``: on Linux it keeps the high-water mark of the process that forked
    this one (the suite's main process) across ``exec``; see :func:`_hwm_mb`."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb() -> float | None:
    """This process's own peak RSS since ``exec`` (``VmHWM``), in MB."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _cpu(children: bool = False) -> float:
    """CPU seconds of this process (and of its waited-for children)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) if children else (
            resource.RUSAGE_SELF,):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
