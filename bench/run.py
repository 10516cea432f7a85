"""Benchmark termlint on the shared documentation corpus and print a table of medians.

    python bench/run.py [--shared DIR] [--repeat N] [--installed] [--peers DIR [--install-peers]]

Reads the corpus and term list from ../shared/bench (next to this checkout) unless
--shared names another folder. Everything it writes (a working copy of the corpus, the
glossaries, the caches) goes to a temporary folder outside the repository, removed at
the end. Measured, each as the median (and the fastest) of --repeat runs of
`termlint check` (text output) as a subprocess, startup included, in rounds (every
measurement once per round, so that a slow spell of a shared machine weighs on all of
them alike):

- cold: an empty cache; warm: nothing changed since the last run; one file edited;
- `--no-cache` with `--jobs 1` and `--jobs 2`;
- glossaries of 10, 264 and 10,000 terms (bench/glossaries.py): every file checked
  (no results cached), the glossary compiled once before, as in every run after the
  first with that glossary; and the 10,000 terms with `--no-cache` (nothing cached);
- one small file as a pre-commit hook checks it: a new edit each run, the glossary
  compiled before; and the same with `--no-cache`; beside a bare `python -c pass`;
- peak memory: the largest process (wait4), and all processes together (sampled);
- the peer linters, when installed with the shared peers.sh (--peers DIR).

termlint runs from a virtual environment of its own, made in the temporary folder with
`pip install` of this checkout, as pre-commit installs a hook; `--installed` uses the
`termlint` beside the running Python instead (an editable install, say).

Every run over the corpus must print the same report, or the script stops.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from glossaries import SEED, write_glossary

from termlint.cache import RESULTS_FOLDER

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "bench"
SMALL_FILE = "# Release notes\n\nThe KTLO rota moves to the agent pool this week.\n"


@dataclass
class Run:
    seconds: float  # wall
    cpu_seconds: float  # user + system, every process of the run
    largest_rss_mb: float
    total_rss_mb: float
    report: str  # a digest of what it printed, to compare runs


@dataclass
class Row:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def fastest(self) -> float:
        # what the run costs when nothing else slows it: the steadier figure on a
        # shared machine, where interference only ever adds time
        return min(run.seconds for run in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs)


def termlint_command(python: Path) -> list[str]:
    script = python.with_name("termlint")
    return [str(script)] if script.exists() else [str(python), "-m", "termlint"]


def fresh_environment(folder: Path) -> Path:
    """The Python of a new virtual environment with this checkout installed in it."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = folder / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "--quiet", str(REPO)]
    subprocess.run(install, check=True, env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    return python


_ENVIRONMENT = dict(os.environ)


def measure(command: Sequence[str], cwd: Path) -> Run:
    """Wall time and memory of one command (exit code 0 or 1 expected)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_ENVIRONMENT
    )
    sampler = _TreeSampler(process.pid)
    sampler.start()
    output: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda n=name, s=stream: output.__setitem__(n, s.read()))
        for name, stream in (("out", process.stdout), ("err", process.stderr))
    ]
    for reader in readers:
        reader.start()
    # wait4 rather than wait: the CPU time of the run (workers included) comes with it
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    sampler.stop()
    # a run that printed to stderr failed, whatever its exit code (a traceback exits 1)
    if process.returncode not in (0, 1) or output["err"].strip():
        message = output["err"].decode(errors="replace")
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{message}")
    report = hashlib.sha256(output["out"]).hexdigest()
    cpu = usage.ru_utime + usage.ru_stime
    return Run(elapsed, cpu, sampler.largest_mb, sampler.total_mb, report)


class _TreeSampler:
    """Samples the resident memory of a process and its descendants every 20 ms (Linux):
    the peak of the largest one, and of their sum (a worker pool's real footprint)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.largest_mb = 0.0
        self.total_mb = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        if Path("/proc").is_dir():
            self._thread.start()

    def stop(self) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        megabytes = os.sysconf("SC_PAGE_SIZE") / 2**20
        while not self._done.wait(0.02):
            sizes = [_rss_pages(pid) * megabytes for pid in _tree(self.pid)]
            self.largest_mb = max(self.largest_mb, *sizes)
            self.total_mb = max(self.total_mb, sum(sizes))


def _tree(root: int) -> list[int]:
    """The process and its descendants, from each one's list of children."""
    found = [root]
    for pid in found:
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        found.extend(int(child) for child in children)
    return found


def _rss_pages(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def install_peers(shared: Path, folder: Path) -> None:
    subprocess.run(["bash", str(shared / "peers.sh"), str(folder)], check=True)


def run_peers(shared: Path, folder: Path, corpus: Path) -> dict[str, float]:
    """Seconds per peer, from peers.sh's "name  seconds s" lines."""
    done = subprocess.run(
        ["bash", str(shared / "peers.sh"), str(folder), "run", str(corpus)],
        capture_output=True,
        text=True,
        check=True,
    )
    timings: dict[str, float] = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "s":
            timings[parts[0]] = float(parts[1])
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="the shared bench folder"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="time the termlint beside this Python, not a fresh install of the checkout",
    )
    parser.add_argument("--peers", type=Path, help="folder where peers.sh installed the peers")
    parser.add_argument("--install-peers", action="store_true", help="run peers.sh there first")
    args = parser.parse_args(argv)
    shared: Path = args.shared
    if not (shared / "corpus").is_dir() or not (shared / "terms.tsv").is_file():
        parser.error(f"{shared} holds no corpus/ and terms.tsv")
    with tempfile.TemporaryDirectory(prefix="termlint-bench-") as temporary:
        work = Path(temporary)
        # compiled bytecode kept between runs, as an installed package has it (outside
        # the checkout, whatever PYTHONDONTWRITEBYTECODE says)
        _ENVIRONMENT.pop("PYTHONDONTWRITEBYTECODE", None)
        _ENVIRONMENT["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        python = Path(sys.executable)
        if not args.installed:
            python = fresh_environment(work / "venv")
        rows, notes = benchmark(shared, work, args.repeat, python)
        peers: dict[str, float] = {}
        if args.peers is not None:
            if args.install_peers:
                install_peers(shared, args.peers)
            if (args.peers / "node_modules").is_dir():
                peers = run_peers(shared, args.peers, work / "corpus")
    print(table(rows, peers, notes))
    return 0


def benchmark(
    shared: Path, work: Path, count: int, python: Path
) -> tuple[dict[str, Row], dict[str, str]]:
    corpus = work / "corpus"
    shutil.copytree(shared / "corpus", corpus)  # edits below change only this copy
    terms = shared / "terms.tsv"
    configs = {
        size: write_glossary(work / f"glossary-{size}", terms, size) for size in (10, 264, 10_000)
    }
    base = termlint_command(python)

    def check(size: int, *options: str, paths: Sequence[str] = (".",)) -> Callable[[], Run]:
        command = [*base, "check", "--config", str(configs[size]), "--no-color", "--quiet"]
        return lambda: measure([*command, *options, *paths], corpus)

    def clear_cache(size: int = 264) -> None:
        shutil.rmtree(configs[size].parent / ".termlint_cache", ignore_errors=True)

    def every_file(size: int) -> Callable[[], Run]:
        """A run that checks every file, its glossary already compiled (cached)."""
        results = configs[size].parent / ".termlint_cache" / RESULTS_FOLDER

        def run() -> Run:
            shutil.rmtree(results, ignore_errors=True)
            return check(size)()

        return run

    check(10, "--no-cache")()  # compiles the bytecode; not measured
    for size in (10, 264, 10_000):
        check(size)()  # compiles (caches) each glossary; not measured

    def cold() -> Run:
        clear_cache()
        return check(264)()

    edited = sorted(corpus.rglob("*.md"))[len(list(corpus.rglob("*.md"))) // 2]
    original = edited.read_bytes()
    counter = iter(range(10**6))

    def edit_one() -> Run:
        """A run after appending a line to one file (put back afterwards, so that every
        other run sees the corpus as it is)."""
        with edited.open("a", encoding="utf-8") as stream:
            stream.write(f"\nA new KTLO{next(counter)} line.\n")
        try:
            return check(264)()
        finally:
            edited.write_bytes(original)

    small = work / "small.md"
    edits = iter(range(10**6))

    def pre_commit(*options: str) -> Callable[[], Run]:
        def run() -> Run:
            small.write_text(SMALL_FILE + f"Edit {next(edits)}.\n", encoding="utf-8")
            return check(264, *options, paths=[str(small)])()

        return run

    # In the order of a round: the cold run fills the cache that the warm run reads.
    plan: list[tuple[str, str, Callable[[], Run]]] = [
        ("cold", "cold (empty cache)", cold),
        ("warm", "warm (nothing changed)", check(264)),
        ("edited", "one file edited", edit_one),
        ("jobs1", "--no-cache --jobs 1", check(264, "--no-cache", "--jobs", "1")),
        ("jobs2", "--no-cache --jobs 2", check(264, "--no-cache", "--jobs", "2")),
        *(
            (f"terms{size}", f"{size:,} terms, no results cached", every_file(size))
            for size in (10, 264, 10_000)
        ),
        ("terms10000-nocache", "10,000 terms, --no-cache", check(10_000, "--no-cache")),
        ("single", "one small file (pre-commit)", pre_commit()),
        ("single-nocache", "one small file, --no-cache", pre_commit("--no-cache")),
        (
            "python",
            "python -c pass (for reference)",
            lambda: measure([str(python), "-c", "pass"], work),
        ),
    ]
    rows = {key: Row(name) for key, name, _ in plan}
    # In rounds, not one row after another, and in a new order each round (the first
    # three together): a slow spell of a shared machine, or a core kept hot by the runs
    # before, then weighs on every row alike instead of on whichever row was running.
    units = [plan[:3], *([step] for step in plan[3:])]
    shuffler = random.Random(SEED)
    for _ in range(count):
        shuffler.shuffle(units)
        for key, _, run in itertools.chain.from_iterable(units):
            measured = run()
            rows[key].runs.append(measured)
            print(f"  {rows[key].name}: {measured.seconds:.2f} s", file=sys.stderr, flush=True)
    # the same corpus, the same report
    same = ("cold", "warm", "jobs1", "jobs2", "terms264", "terms10000", "terms10000-nocache")
    if len({run.report for key in same for run in rows[key].runs}) != 1:
        raise SystemExit(f"the runs {', '.join(same)} printed different reports")
    pages = list(corpus.rglob("*.md"))
    megabytes = sum(page.stat().st_size for page in pages) / 1e6
    notes = {
        "corpus": f"{len(pages):,} Markdown files, {megabytes:.1f} MB",
        "cores": str(os.cpu_count()),
        "python": sys.version.split()[0],
    }
    return rows, notes


TARGETS = {
    "cold": ("<= 3 s", lambda rows: rows["cold"].median <= 3.0),
    "warm": ("<= 10% of cold", lambda rows: rows["warm"].median <= 0.1 * rows["cold"].median),
    "jobs2": (
        ">= 1.7x faster than --jobs 1",
        lambda rows: rows["jobs1"].median >= 1.7 * rows["jobs2"].median,
    ),
    "terms10000": (
        "<= 1.3x the 10-term run",
        lambda rows: rows["terms10000"].median <= 1.3 * rows["terms10"].median,
    ),
    "single": ("<= 150 ms", lambda rows: rows["single"].median <= 0.150),
}


def table(rows: dict[str, Row], peers: dict[str, float], notes: dict[str, str]) -> str:
    cold = rows["cold"].median
    lines = [
        f"Corpus: {notes['corpus']}; {notes['cores']} cores; Python {notes['python']}.",
        "",
        "| run | median wall | fastest | vs cold | CPU time | peak memory (largest / all) "
        "| target |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for key, row in rows.items():
        largest = max(run.largest_rss_mb for run in row.runs)
        total = max(run.total_rss_mb for run in row.runs)
        target = ""
        if key in TARGETS:
            text, met = TARGETS[key]
            target = f"{text}: {'met' if met(rows) else 'NOT met'}"
        if key == "cold":
            target += f"; memory <= 300 MB: {'met' if total <= 300 else 'NOT met'}"
        lines.append(
            f"| {row.name} | {_seconds(row.median)} | {_seconds(row.fastest)} "
            f"| {row.median / cold:.2f}x "
            f"| {_seconds(row.cpu)} | {largest:.0f} / {total:.0f} MB | {target} |"
        )
    lines += [
        "",
        f"--jobs 2 speed-up over --jobs 1: {rows['jobs1'].median / rows['jobs2'].median:.2f}x; "
        f"10,000 terms cost {rows['terms10000'].median / rows['terms10'].median:.2f}x 10 terms "
        f"({rows['terms10000'].median / rows['terms264'].median:.2f}x the 264 terms, which "
        "find the same); "
        f"one small file costs {_seconds(rows['single'].median - rows['python'].median)} "
        "more than starting Python.",
        "",
        # CPU time moves less than wall time on a shared machine (not for warm against
        # cold, though: a cold run's CPU time is spread over the cores)
        f"In CPU time, 10,000 terms cost {rows['terms10000'].cpu / rows['terms10'].cpu:.2f}x "
        f"10 terms ({rows['terms10000'].cpu / rows['terms264'].cpu:.2f}x the 264 terms).",
        "",
        "From each row's fastest run: "
        f"warm {rows['warm'].fastest / rows['cold'].fastest:.1%} of cold; "
        f"--jobs 2 {rows['jobs1'].fastest / rows['jobs2'].fastest:.2f}x faster than --jobs 1; "
        f"10,000 terms {rows['terms10000'].fastest / rows['terms10'].fastest:.2f}x 10 terms.",
    ]
    if peers:
        lines += [
            "",
            "| peer (same 264 terms) | wall | termlint cold is faster by |",
            "|---|---:|---:|",
        ]
        lines += [
            f"| {name} | {_seconds(seconds)} | {seconds / cold:.0f}x |"
            for name, seconds in peers.items()
        ]
    return "\n".join(lines)


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


if __name__ == "__main__":
    raise SystemExit(main())
