"""The examples of the Extending page build as they stand, and the extension's events fire."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT
from sphinx.testing.util import SphinxTestApp

PAGE = (DOCS / "extending.md").read_text(encoding="utf-8")


def fenced(language: str) -> list[str]:
    """The page's fenced blocks in *language* (three or four backticks)."""
    pattern = rf"^(`{{3,4}}){language}\n(.*?)^\1\s*$"
    return [m.group(2) for m in re.finditer(pattern, PAGE, re.M | re.S)]


@pytest.fixture
def example_book(tmp_path: Path) -> Path:
    """A book whose chapter is every MyST example of the page, in order."""
    src = tmp_path / "book"
    src.mkdir()
    conf = next(block for block in fenced("python") if "extensions" in block)
    listener = next(block for block in fenced("python") if "edition-collected" in block)
    (src / "conf.py").write_text(
        conf.replace('["refs.bib"]', f"[{str(ROOT / 'refs.bib')!r}]")
        + 'html_theme = "basic"\nproject = "Examples"\n'
        + listener
    )
    examples = fenced("md")
    assert len(examples) >= 5
    (src / "index.md").write_text("# Examples\n\n```{toctree}\nchapter\nrefs\n```\n")
    (src / "chapter.md").write_text("# Chapter\n\n" + "\n\n".join(examples))
    (src / "refs.md").write_text("# References\n\n```{bibliography}\n```\n")
    return src


@pytest.mark.parametrize("builder", ["html", "latex", "epub", "text"])
def test_examples_build_without_warnings(
    example_book: Path, builder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    app = SphinxTestApp(
        builder, srcdir=example_book, confoverrides={"version": "1", "copyright": "2026"}
    )
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = app.warning.getvalue()
    assert "WARNING" not in warnings and "ERROR" not in warnings, warnings
    # the listener of the page's own example ran
    assert "1 periods" in capsys.readouterr().out
    if builder == "html":
        soup = BeautifulSoup((app.outdir / "chapter.html").read_text(), "lxml")
        text = soup.get_text(" ")
        assert "Kanet" in text and "New START signed in Prague" in text
        assert soup.select("svg")  # the timeline
        assert "NATO" in text  # the thematic index
        assert len(soup.select("a.footnote-reference")) == 2


def test_events_are_emitted_with_the_collected_data(rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "book"
    shutil.copytree(rootdir / "test-foreign", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir)
    seen: dict[str, object] = {}

    def collected(_app: object, env: object, domain: object) -> None:
        seen["periods"] = [p.id for p in domain.periods(env.all_docs)]  # type: ignore[attr-defined]

    def planned(_app: object, _env: object, plan: object) -> None:
        seen["notes"] = {d: [n.number for n in ns] for d, ns in plan.notes.items()}  # type: ignore[attr-defined]

    app.connect("edition-collected", collected)
    app.connect("edition-notes-planned", planned)
    try:
        app.build()
    finally:
        app.cleanup()
    assert seen["periods"] == ["early-telegraph"]
    assert seen["notes"] == {"chapter": [1, 2, 3]}
