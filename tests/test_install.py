"""``pip install .`` gives a working ``sphinx_edition`` in a fresh virtual environment: books
outside this repository, in MyST and in reStructuredText, build with ``-W`` in every builder
and in each of the five HTML themes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
import venv
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

#: The two books: the MyST one (test-foreign) and the reStructuredText one (test-rst), each
#: with the page that carries its notes and the number of notes on that page.
BOOKS = {"myst": ("test-foreign", "chapter", 3), "rst": ("test-rst", "rivals", 4)}
BUILDERS = ("html", "latex", "epub", "text")
THEMES = ("alabaster", "furo", "sphinx_book_theme", "pydata_sphinx_theme", "sphinx_rtd_theme")


def _theme_requirements() -> list[str]:
    """The HTML themes of the ``test`` extra, as pyproject.toml pins them."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [r for r in project["optional-dependencies"]["test"] if "theme" in r]


@pytest.fixture(scope="module")
def installed_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the project installed by ``pip install .``."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # A copy of the sources, so nothing of the working tree (build/, *.egg-info) is used.
    source = tmp_path_factory.mktemp("src") / "sphinx-edition"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git",
            ".nox",
            ".*_cache",
            ".hypothesis",
            "build",
            "dist",
            "*.egg-info",
            "__pycache__",
            "_build",
        ),
    )
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            f"{source}[docs]",
            *_theme_requirements(),
        ],
        check=True,
        cwd=env_dir,
        stdin=subprocess.DEVNULL,
    )
    shutil.rmtree(source)
    return python


def _clean_env() -> dict[str, str]:
    # Nothing but what pip installed: no PYTHONPATH pointing back into the repository.
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}


def _book(rootdir: Path, tmp_path: Path, syntax: str) -> Path:
    book = tmp_path / syntax
    shutil.copytree(rootdir / BOOKS[syntax][0], book)
    return book


def _sphinx(python: Path, book: Path, builder: str, out: str, *extra: str) -> None:
    # Run from the book's folder: no sys.path tricks, only what pip installed.
    result = subprocess.run(
        [
            str(python),
            "-m",
            "sphinx",
            "-b",
            builder,
            "-W",
            "-n",
            "--keep-going",
            "-q",
            "-d",
            f"_build/doctrees-{out}",
            *extra,
            ".",
            f"_build/{out}",
        ],
        cwd=book,
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, f"{builder} {out}:\n{result.stderr}"
    assert result.stderr.strip() == "", f"{builder} {out} warned:\n{result.stderr}"


def test_the_installed_package_is_imported_from_site_packages(
    installed_python: Path, tmp_path: Path
) -> None:
    located = subprocess.run(
        [
            str(installed_python),
            "-c",
            "import sphinx_edition, importlib.metadata as m; "
            "print(sphinx_edition.__file__); print(sphinx_edition.__version__); "
            "print(m.version('sphinx-edition'))",
        ],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    path, version, distribution = located
    assert "site-packages" in path
    assert str(ROOT) not in path
    assert version == distribution  # the version is single-sourced
    package = Path(path).parent
    assert (package / "static").is_dir()
    assert list(package.glob("locales/*/LC_MESSAGES/edition.mo"))
    assert list(package.rglob("*.sty"))
    # No module of the old name: `edition` on PyPI is another project.
    other = subprocess.run(
        [str(installed_python), "-c", "import edition"],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        check=False,
    )
    assert other.returncode != 0


@pytest.mark.parametrize("syntax", sorted(BOOKS))
def test_a_book_builds_in_every_builder(
    installed_python: Path, rootdir: Path, tmp_path: Path, syntax: str
) -> None:
    book = _book(rootdir, tmp_path, syntax)
    for builder in BUILDERS:
        _sphinx(installed_python, book, builder, builder)
    _, page, notes = BOOKS[syntax]
    soup = BeautifulSoup((book / f"_build/html/{page}.html").read_text(), "lxml")
    assert len(soup.select("a.footnote-reference")) == notes
    assert soup.select(".edition-period")  # the period banner
    assert soup.select(".edition-theme-chips")
    assert "The first lines" in soup.get_text() or "Imperial rivals" in soup.get_text()
    timeline = (book / "_build/html/timeline.html").read_text()
    assert "<svg" in timeline
    assert re.search(r"\\begin\{footnote\}\[1\]", _tex(book / "_build/latex"))
    assert list((book / "_build/epub").glob("*.epub"))
    assert (book / f"_build/text/{page}.txt").read_text().count("[1]") >= 2  # mark and note


def _tex(directory: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in directory.glob("*.tex"))


@pytest.mark.parametrize("syntax", sorted(BOOKS))
def test_a_book_builds_in_every_theme(
    installed_python: Path, rootdir: Path, tmp_path: Path, syntax: str
) -> None:
    book = _book(rootdir, tmp_path, syntax)
    _, page, notes = BOOKS[syntax]
    for theme in THEMES:
        _sphinx(installed_python, book, "html", theme, "-D", f"html_theme={theme}")
        soup = BeautifulSoup((book / f"_build/{theme}/{page}.html").read_text(), "lxml")
        assert len(soup.select("a.footnote-reference")) == notes, theme
        assert soup.select(".edition-period"), theme
        for sheet in soup.select('link[rel="stylesheet"]'):
            href = str(sheet["href"]).split("?")[0]
            if not href.startswith(("http:", "https:")):
                assert (book / f"_build/{theme}" / href).is_file(), (theme, href)
