"""The extension installs with pip and works in a book outside this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT


@pytest.fixture(scope="module")
def installed_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the project installed by ``pip install .``."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # A copy of the sources, so nothing of the working tree (build/, *.egg-info) is used.
    source = tmp_path_factory.mktemp("src") / "edition"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".git", ".nox", "build", "*.egg-info", "__pycache__"),
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
        ],
        check=True,
        cwd=env_dir,
        stdin=subprocess.DEVNULL,
    )
    shutil.rmtree(source)
    return python


def test_installed_package_builds_a_foreign_book(
    installed_python: Path, rootdir: Path, tmp_path: Path
) -> None:
    book = tmp_path / "book"
    shutil.copytree(rootdir / "test-foreign", book)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    # Run from the book's folder: no sys.path tricks, only what pip installed.
    located = subprocess.run(
        [str(installed_python), "-c", "import sphinx_edition, sys; print(sphinx_edition.__file__)"],
        cwd=book,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "site-packages" in located
    assert str(ROOT) not in located
    for builder in ("html", "latex", "epub"):
        result = subprocess.run(
            [
                str(installed_python),
                "-m",
                "sphinx",
                "-b",
                builder,
                "-W",
                "-n",
                "-q",
                "-d",
                f"_build/doctrees-{builder}",
                ".",
                f"_build/{builder}",
            ],
            cwd=book,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((book / "_build/html/chapter.html").read_text(), "lxml")
    text = soup.get_text(" ")
    assert "The Victorian Internet" in text  # the full first note, from the oxford style
    assert "Cooke" in text  # the period banner
    assert len(soup.select("a.footnote-reference")) == 3
    timeline = (book / "_build/html/timeline.html").read_text()
    assert "What hath God wrought" in timeline
    themes = (book / "_build/html/themes.html").read_text()
    assert "Business" in themes and "Technology" in themes
    assert (Path(located.strip()).parent / "static").is_dir()
