"""Build the edition with the extension of an earlier revision and with the working tree's,
and compare the outputs byte for byte.

A refactoring of ``ext/`` must not change what readers get. This script checks that:

    python tools/same_output.py REV [--builders html epub latex tei]

It extracts ``ext/`` of *REV* (a commit at or after the rename to ``sphinx_edition``) into
``build/same/base-ext``, builds the current ``docs/`` once with that extension (put first on
``PYTHONPATH``, ahead of the installed one) and once with the working tree's, each with
``SOURCE_DATE_EPOCH`` set and Sphinx's ``-W -n --keep-going -q``, and lists every file that
differs. Files that say which build made them (``.buildinfo``) and Sphinx's own caches are
left out. Exit status 0 when everything is the same, 1 otherwise.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "same"
#: Written by Sphinx about the build itself, not part of the book.
IGNORED = {".buildinfo", ".buildinfo.bak"}


def extract_ext(rev: str, target: Path) -> Path:
    """``ext/`` of *rev*, as files under *target*."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "ext"],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryFile() as handle:
        handle.write(archive)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as tar:
            tar.extractall(target, filter="data")
    ext = target / "ext"
    if not (ext / "sphinx_edition").is_dir():
        sys.exit(f"{rev} has no ext/sphinx_edition: pick a revision after the rename")
    return ext


def build(builder: str, out: Path, pythonpath: Path | None) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    # The working tree's extension is put first too: in a git worktree the installed
    # (editable) extension may be another checkout's.
    pythonpath = pythonpath if pythonpath is not None else ROOT / "ext"
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH")]))
    doctrees = out.parent / f"doctrees-{out.name}"
    for stale in (out, doctrees):
        if stale.exists():
            shutil.rmtree(stale)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            builder,
            "-W",
            "-n",
            "--keep-going",
            "-q",
            "-d",
            str(doctrees),
            str(ROOT / "docs"),
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"{builder} build into {out} failed:\n{result.stdout}{result.stderr}")


def differences(before: Path, after: Path) -> list[str]:
    """Relative paths of files that are not the same in the two trees (or in one only)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        for name in sorted(cmp.left_only):
            if name not in IGNORED:
                found.append(f"{prefix}{name} (before only)")
        for name in sorted(cmp.right_only):
            if name not in IGNORED:
                found.append(f"{prefix}{name} (after only)")
        for name in sorted(cmp.common_files):
            if name in IGNORED:
                continue
            if not filecmp.cmp(Path(cmp.left, name), Path(cmp.right, name), shallow=False):
                found.append(f"{prefix}{name}")
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(before, after), "")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the revision whose extension makes the 'before' build")
    parser.add_argument("--builders", nargs="+", default=["html", "epub", "latex", "tei"])
    args = parser.parse_args()
    base_ext = extract_ext(args.rev, WORK / "base")
    failed = False
    for builder in args.builders:
        before, after = WORK / f"before-{builder}", WORK / f"after-{builder}"
        build(builder, before, base_ext)
        build(builder, after, None)
        diff = differences(before, after)
        files = sum(1 for p in after.rglob("*") if p.is_file() and p.name not in IGNORED)
        if diff:
            failed = True
            print(f"{builder}: {len(diff)} of {files} files differ:")
            for line in diff:
                print(f"  {line}")
        else:
            print(f"{builder}: all {files} files are byte-identical")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
