"""Build, test and measure the edition.

``nox`` builds the HTML, ePub and PDF into ``build/``; ``nox -s tests`` runs the tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
BUILD = ROOT / "build"
DOCTREES = BUILD / "doctrees"
SPHINX_FLAGS = ["-W", "-n", "--keep-going", "-q"]
TEX_PACKAGES = (
    "latexmk texlive-xetex texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf"
)

# The HTML last: it publishes the PDF and the ePub next to itself, where its pages link to them.
nox.options.sessions = ["epub", "pdf", "html"]
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True


def _install(session: nox.Session, extras: str) -> None:
    # uv does not byte-compile what it installs (pip does); where PYTHONDONTWRITEBYTECODE
    # is set, every build would then compile Sphinx and its friends again at start-up.
    session.install("-e", f".[{extras}]", env={"UV_COMPILE_BYTECODE": "1"})


def _sphinx(session: nox.Session, builder: str, out: Path, *extra: str) -> None:
    # A doctree directory per builder keeps doctrees out of the published output and
    # keeps builders from invalidating each other's environment.
    session.run(
        "sphinx-build",
        "-b",
        builder,
        *SPHINX_FLAGS,
        "-d",
        str(DOCTREES / builder),
        *extra,
        *session.posargs,
        "docs",
        str(out),
    )


#: The downloads every HTML page links to, and where the other sessions build them.
DOWNLOADS = {
    "dynamics-of-us-russia-relations.pdf": BUILD / "latex",
    "dynamics-of-us-russia-relations.epub": BUILD / "epub",
}


@nox.session
def html(session: nox.Session) -> None:
    """Build the HTML edition into build/html, with the PDF and ePub in build/html/downloads."""
    _install(session, "docs")
    _sphinx(session, "html", BUILD / "html")
    _publish_downloads(session, BUILD / "html" / "downloads")


def _publish_downloads(session: nox.Session, target: Path) -> None:
    # The pages link to downloads/<file> whether or not it is built, so that the HTML does
    # not depend on which sessions ran; a missing file is named, with the session making it.
    target.mkdir(parents=True, exist_ok=True)
    for name, directory in DOWNLOADS.items():
        built = directory / name
        if built.is_file():
            shutil.copy2(built, target / name)
            session.log(f"published {target / name}")
        else:
            (target / name).unlink(missing_ok=True)
            maker = "pdf" if name.endswith(".pdf") else "epub"
            session.warn(f"{built} is not built: run `nox -s {maker} html` to publish it")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the ePub into build/epub."""
    _install(session, "docs")
    _sphinx(session, "epub", BUILD / "epub")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF (XeLaTeX through latexmk) into build/latex."""
    missing = [tool for tool in ("xelatex", "latexmk") if shutil.which(tool) is None]
    if missing:
        session.error(
            f"{' and '.join(missing)} not found: install TeX with "
            f"`sudo apt-get install {TEX_PACKAGES}`"
        )
    _install(session, "docs")
    _sphinx(session, "latex", BUILD / "latex")
    _latexmk(session, BUILD / "latex")
    session.log(f"PDF: {BUILD / 'latex' / 'dynamics-of-us-russia-relations.pdf'}")


def _latexmk(session: nox.Session, directory: Path) -> None:
    # nonstopmode and -halt-on-error: a TeX error fails the build and never waits for an
    # answer at a TeX prompt.
    with session.chdir(directory):
        # Sphinx's latexmkrc (written beside the .tex) makes "-pdf" run xelatex.
        session.run(
            "latexmk",
            "-pdf",
            "-dvi-",
            "-ps-",
            "-quiet",
            "dynamics-of-us-russia-relations.tex",
            external=True,
            env={"LATEXOPTS": "-interaction=nonstopmode -halt-on-error -file-line-error"},
        )


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (builds the edition in every format on the way)."""
    _install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on everything, mypy (strict) on the extension."""
    _install(session, "dev")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark on synthetic books (x1, x10, x50); `-- --quick` for a short run."""
    _install(session, "bench")
    session.run("python", "benchmarks/run.py", *session.posargs)
    session.log(f"results: {BUILD / 'bench' / 'results.json'}")


@nox.session
def catalog(session: nox.Session) -> None:
    """Refresh the extension's message catalogs (extract, update the .po, compile the .mo)."""
    session.install("babel>=2.13")
    locales = "ext/sphinx_edition/locales"
    session.run(
        "pybabel",
        "extract",
        "-k",
        "_",
        "--no-location",
        "--sort-output",
        "--project=edition",
        "-o",
        f"{locales}/edition.pot",
        "ext/sphinx_edition",
    )
    session.run(
        "pybabel",
        "update",
        "-D",
        "edition",
        "-i",
        f"{locales}/edition.pot",
        "-d",
        locales,
    )
    session.run("pybabel", "compile", "-D", "edition", "-d", locales)


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000, rebuilt on every change."""
    _install(session, "dev")
    session.run(
        "sphinx-autobuild",
        "--host",
        "127.0.0.1",
        "--watch",
        "refs.bib",
        "--watch",
        "ext",
        "-d",
        str(DOCTREES / "serve"),
        *session.posargs,
        "docs",
        str(BUILD / "serve"),
    )
