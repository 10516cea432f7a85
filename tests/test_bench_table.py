"""The benchmark's table (bench/run.py): medians, the fastest runs, and the ratios."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


def bench_script() -> ModuleType:
    sys.path.insert(0, str(BENCH))  # the script imports its neighbour glossaries.py
    try:
        spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_run"] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))
        sys.modules.pop("bench_run", None)


def test_the_table_shows_medians_the_fastest_runs_and_their_ratios() -> None:
    bench = bench_script()
    walls = {
        "cold": [3.0, 2.0, 2.4],
        "warm": [0.26, 0.25, 0.19],
        "jobs1": [4.0, 3.4, 3.6],
        "jobs2": [2.2, 2.0, 2.1],
        "terms10": [2.0, 1.6, 1.8],
        "terms264": [2.2, 2.0, 2.1],
        "terms10000": [2.5, 2.1, 2.4],
        "single": [0.12, 0.10, 0.14],
        "python": [0.012, 0.011, 0.013],
    }
    rows = {
        key: bench.Row(key, [bench.Run(wall, wall, 40.0, 100.0, "r") for wall in runs])
        for key, runs in walls.items()
    }
    lines = bench.table(rows, {}, {"corpus": "3 files", "cores": "2", "python": "3.11"}).split("\n")
    assert lines[2] == (
        "| run | median wall | fastest | vs cold | CPU time | peak memory (largest / all) "
        "| target |"
    )
    assert lines[4] == (
        "| cold | 2.40 s | 2.00 s | 1.00x | 2.40 s | 40 / 100 MB "
        "| <= 3 s: met; memory <= 300 MB: met |"
    )
    assert lines[5] == (
        "| warm | 250 ms | 190 ms | 0.10x | 250 ms | 40 / 100 MB | <= 10% of cold: NOT met |"
    )
    assert lines[-1] == (
        "From each row's fastest run: warm 9.5% of cold; --jobs 2 1.70x faster than "
        "--jobs 1; 10,000 terms 1.31x 10 terms."
    )
