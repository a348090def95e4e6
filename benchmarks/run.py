"""Measure the edition's extension on synthetic books; write ``build/bench/results.json``.

Every figure is the median of several runs of a real ``sphinx-build`` (or ``pandoc``) in a
subprocess, so imports and start-up count as they do for an author.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generate import generate

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"


def sphinx(src: Path, out: Path, *, jobs: int = 1, fresh: bool = True) -> float:
    """Seconds for one HTML build of *src* (fresh: no environment, no output)."""
    doctrees = out.parent / f"{out.name}.doctrees"
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(doctrees, ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", str(jobs)]
    command += ["-d", str(doctrees), str(src), str(out)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {src} failed:\n{result.stderr[-4000:]}")
    return elapsed


def pandoc(src: Path) -> float:
    """Seconds for Pandoc's full HTML render of the book with --citeproc."""
    import pypandoc  # noqa: PLC0415 -- only the bench extra has it

    binary = pypandoc.get_pandoc_path()
    start = time.perf_counter()
    subprocess.run(
        [binary, "book.md", "--citeproc", "--standalone", "-o", "book.html"],
        cwd=src,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def median(runs: int, measure: object) -> tuple[float, list[float]]:
    times = [measure() for _ in range(runs)]  # type: ignore[operator]
    return statistics.median(times), times


def touch_one_chapter(src: Path) -> None:
    """An author's edit: one sentence added to a chapter in the middle of the book."""
    chapters = sorted(src.glob("ch*.md"))
    chapter = chapters[len(chapters) // 2]
    with chapter.open("a", encoding="utf-8") as handle:
        handle.write("\nOne more sentence, as an author adds while writing.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="×1 and ×10 only, one run each")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()
    scales = (1, 10) if args.quick else (1, 10, 50)
    runs = 1 if args.quick else args.runs
    top = scales[-1]
    work = OUT / "work"
    shutil.rmtree(work, ignore_errors=True)
    seconds: dict[str, object] = {}
    raw: dict[str, list[float]] = {}

    def record(name: str, value: tuple[float, list[float]]) -> float:
        seconds[name], raw[name] = round(value[0], 3), [round(t, 3) for t in value[1]]
        print(f"{name:32} {value[0]:8.2f} s  {raw[name]}", flush=True)
        return value[0]

    full: dict[int, float] = {}
    for scale in scales:
        src = generate(work / f"notecite-x{scale}", scale, "notecite")
        full[scale] = record(
            f"notecite_full_x{scale}", median(runs, lambda s=src: sphinx(s, s / "_out"))
        )

    src = work / f"notecite-x{top}"
    sphinx(src, src / "_out")

    def incremental() -> float:
        touch_one_chapter(src)
        return sphinx(src, src / "_out", fresh=False)

    incr = record(f"notecite_incremental_x{top}", median(runs, incremental))
    j1 = full[top]
    j2 = record(f"notecite_full_x{top}_j2", median(runs, lambda: sphinx(src, src / "_j2", jobs=2)))

    baselines = {}
    for variant, reps in (("footcite-cached", runs), ("plain", runs), ("footcite", 1)):
        base = generate(work / f"{variant}-x{top}", top, variant)
        baselines[variant] = record(
            f"{variant}_full_x{top}", median(reps, lambda b=base: sphinx(b, b / "_out"))
        )

    book = generate(work / f"pandoc-x{top}", top, "pandoc")
    pandoc_full = record(f"pandoc_full_x{top}", median(runs, lambda: pandoc(book)))

    results = {
        "scales": list(scales),
        "top_scale": top,
        "runs": runs,
        "quick": args.quick,
        "overhead_ratio": round(full[top] / baselines["footcite-cached"], 3),
        "vs_footcite_ratio": round(full[top] / baselines["footcite"], 3),
        "floor_ratio": round(full[top] / baselines["plain"], 3),
        "scaling_ratio": round(full[scales[-1]] / full[scales[-2]], 3),
        "incremental_ratio": round(incr / full[top], 3),
        "parallel_ratio": round(j2 / j1, 3),
        "vs_pandoc_edit_ratio": round(incr / pandoc_full, 3),
        "seconds": seconds,
        "raw_seconds": raw,
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps({k: v for k, v in results.items() if k.endswith("ratio")}, indent=2))


if __name__ == "__main__":
    main()
