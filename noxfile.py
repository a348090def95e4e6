"""Build, test and measure the edition.

``nox`` builds the HTML, ePub and PDF into ``build/``; ``nox -s tests`` runs the tests;
``nox -s compat`` runs the extension's tests with the lowest and the newest versions of its
dependencies; ``nox -s build`` makes the sdist and the wheel of ``sphinx-edition``.
"""

from __future__ import annotations

import re
import shutil
import tomllib
import zipfile
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
BUILD = ROOT / "build"
DOCTREES = BUILD / "doctrees"
SPHINX_FLAGS = ["-W", "-n", "--keep-going", "-q"]
TEX_PACKAGES = (
    "latexmk texlive-xetex texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf"
)

# The HTML last: it publishes the PDF, the ePub and the TEI next to itself, where its pages
# link to them (it writes the BibTeX and RIS files itself).
nox.options.sessions = ["epub", "pdf", "tei", "html"]
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
    "dynamics-of-us-russia-relations.tei": BUILD / "tei",
}


@nox.session
def html(session: nox.Session) -> None:
    """Build the HTML edition into build/html, with the PDF, ePub and TEI in its downloads/."""
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
            maker = name.rsplit(".", 1)[1]
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


@nox.session
def tei(session: nox.Session) -> None:
    """Build the book as one TEI P5 document into build/tei."""
    _install(session, "docs")
    _sphinx(session, "tei", BUILD / "tei")


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


#: The dependencies whose lowest declared versions ``nox -s compat`` installs: the bounds that
#: pyproject.toml claims (``name>=version``), each of them tested rather than assumed.
COMPAT_PACKAGES = (
    "sphinx",
    "docutils",
    "sphinxcontrib-bibtex",
    "pybtex",
    "pybtex-docutils",
    "myst-parser",
    "lxml",
    "rispy",
)


def lowest_pins() -> list[str]:
    """``name==version`` for the lower bound pyproject.toml declares for each compat package."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["docs"]]
    pins = {}
    for requirement in declared:
        match = re.fullmatch(r"\s*([A-Za-z0-9._-]+)\s*>=\s*([0-9][^,;\s]*)\s*", requirement)
        if match and match.group(1).lower() in COMPAT_PACKAGES:
            pins[match.group(1).lower()] = f"{match.group(1)}=={match.group(2)}"
    missing = sorted(set(COMPAT_PACKAGES) - pins.keys())
    if missing:
        raise ValueError(f"pyproject.toml declares no lower bound (>=) for {', '.join(missing)}")
    return [pins[name] for name in COMPAT_PACKAGES]


@nox.session
@nox.parametrize("versions", ["lowest", "newest"])
def compat(session: nox.Session, versions: str) -> None:
    """The extension's tests on the lowest declared versions of its dependencies, then the newest.

    The lowest: exactly the lower bounds that pyproject.toml declares for the packages of
    COMPAT_PACKAGES (Sphinx, docutils, sphinxcontrib-bibtex, pybtex, pybtex-docutils,
    myst-parser, lxml, rispy). The newest: everything upgraded. Both run every test not
    marked ``slow``; the slow ones stay with ``nox -s tests``.
    """
    env = {"UV_COMPILE_BYTECODE": "1"}
    if versions == "lowest":
        session.install("-e", ".[test]", *lowest_pins(), env=env)
    elif session.venv_backend == "uv":
        session.install("--upgrade", "-e", ".[test]", env=env)
    else:
        session.install("--upgrade", "--upgrade-strategy", "eager", "-e", ".[test]", env=env)
    session.run(
        "python",
        "-c",
        "from importlib.metadata import version; "
        f"print(', '.join(f'{{n}} {{version(n)}}' for n in {COMPAT_PACKAGES!r}))",
    )
    # Every test but the slow ones (tests/conftest.py marks them: the whole edition, the
    # browser, TeX, Java, pip install), which stay with ``nox -s tests``.
    session.run("pytest", "-m", "not slow", "-p", "no:cacheprovider", "tests", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """The sdist and the wheel of sphinx-edition into dist/, checked by twine and by contents."""
    session.install("build>=1.2", "twine>=6.1")
    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    # python -m build makes the sdist, then the wheel from the sdist: a file the sdist
    # forgets is then missing from the wheel too, and the check below finds it.
    session.run("python", "-m", "build", "--outdir", str(dist), str(ROOT))
    built = sorted(dist.iterdir())
    session.run("twine", "check", "--strict", *map(str, built))
    (wheel,) = (path for path in built if path.suffix == ".whl")
    missing = wheel_missing(wheel)
    if missing:
        session.error(f"{wheel.name} lacks: {', '.join(missing)}")
    session.log(f"{wheel.name}: every module, static file, catalog and .sty is in it")


def wheel_missing(wheel: Path) -> list[str]:
    """The files of the extension's package (modules, static files, catalogs, templates,
    ``.sty``, ``py.typed``) that *wheel* does not carry."""
    package = ROOT / "ext" / "sphinx_edition"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    wanted = (
        path.relative_to(package.parent).as_posix()
        for path in sorted(package.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    )
    return [name for name in wanted if name not in names]


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
