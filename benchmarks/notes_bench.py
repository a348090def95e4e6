"""Time ``notecite`` against sphinxcontrib-bibtex's ``footcite`` on one synthetic book.

The two books have the same chapters, paragraphs and cited keys (drawn from ``refs.bib``
with a fixed seed); only the role differs:

``notecite``  the edition's extension, ``bibtex_default_style = "oxford"``, a locator on
              every third citation and a ``{bibliography}`` page with the reverse index;
``footcite``  stock sphinxcontrib-bibtex (no ``edition``), ``plain`` style, one
              ``footbibliography`` per chapter, the same ``{bibliography}`` page.

Each figure is the median of fresh HTML builds (``sphinx-build -E``) in a subprocess.
Usage: ``python benchmarks/notes_bench.py [--chapters 20] [--notes 100] [--runs 3]``;
prints JSON with both times and the ratio notecite / footcite.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pybtex.database import parse_file

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "relations between Washington and Moscow oscillate between cooperation and "
    "confrontation while arms control NATO enlargement and the former Soviet space "
    "shape the agenda of both capitals"
).split()


def write_book(src: Path, variant: str, chapters: int, notes: int) -> None:
    random.seed(1991)
    keys = sorted(parse_file(str(ROOT / "refs.bib")).entries)
    src.mkdir(parents=True)
    shutil.copy(ROOT / "refs.bib", src / "refs.bib")
    extensions = ["myst_parser", "sphinxcontrib.bibtex"]
    style = "plain"
    if variant == "notecite":
        extensions.append("edition")
        style = "oxford"
    (src / "conf.py").write_text(
        f"extensions = {extensions!r}\n"
        'bibtex_bibfiles = ["refs.bib"]\n'
        f"bibtex_default_style = {style!r}\n"
        'project = "Notes benchmark"\n',
        encoding="utf-8",
    )
    names = []
    for number in range(1, chapters + 1):
        lines = [f"# Chapter {number}", ""]
        for index in range(notes):
            sentence = " ".join(random.choices(WORDS, k=18)).capitalize()
            key = random.choice(keys)
            if variant == "notecite":
                target = f"{key}{{p. {index + 1}}}" if index % 3 == 0 else key
                lines.append(f"{sentence}.{{notecite}}`{target}`\n")
            else:
                lines.append(f"{sentence}.{{footcite}}`{key}`\n")
        if variant == "footcite":
            lines += ["```{footbibliography}", "```", ""]
        name = f"ch{number:03d}"
        (src / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
        names.append(name)
    (src / "references.md").write_text(
        "# References\n\n```{bibliography}\n:all:\n```\n", encoding="utf-8"
    )
    toctree = "\n".join([*names, "references"])
    (src / "index.md").write_text(
        f"# Notes benchmark\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8"
    )


def build(src: Path, out: Path) -> float:
    command = [sys.executable, "-m", "sphinx", "-E", "-q", "-b", "html", str(src), str(out)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {src} failed:\n{result.stderr[-4000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=20)
    parser.add_argument("--notes", type=int, default=100, help="citations per chapter")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="notes-bench-") as tmp:
        for variant in ("footcite", "notecite"):
            src = Path(tmp) / variant
            write_book(src, variant, args.chapters, args.notes)
            runs = [build(src, Path(tmp) / f"{variant}-html") for _ in range(args.runs)]
            times[variant] = statistics.median(runs)
    print(
        json.dumps(
            {
                "chapters": args.chapters,
                "citations": args.chapters * args.notes,
                "runs": args.runs,
                "seconds": {k: round(v, 2) for k, v in times.items()},
                "ratio_notecite_over_footcite": round(times["notecite"] / times["footcite"], 3),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
