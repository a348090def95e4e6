"""The examples of the Extending page build as they stand, in MyST and in reStructuredText,
and the extension's events fire."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT
from sphinx.testing.util import SphinxTestApp

PAGE = (DOCS / "extending.md").read_text(encoding="utf-8")
#: The two syntaxes of the examples: the code-block language, the suffix of the files.
SYNTAXES = {"myst": ("md", ".md"), "rst": ("rst", ".rst")}


def fenced(language: str) -> list[str]:
    """The page's plain fenced blocks in *language* (three or four backticks)."""
    pattern = rf"^(`{{3,4}}){language}\n(.*?)^\1\s*$"
    return [m.group(2) for m in re.finditer(pattern, PAGE, re.M | re.S)]


def examples(language: str) -> list[str]:
    """The page's examples in *language* (``md`` or ``rst``): its captioned code blocks."""
    pattern = rf"^(`{{3,4}})\{{code-block\}} {language}\n:caption: [^\n]*\n\n(.*?)^\1\s*$"
    return [m.group(2) for m in re.finditer(pattern, PAGE, re.M | re.S)]


def test_every_example_is_shown_in_both_syntaxes() -> None:
    myst, rst = examples("md"), examples("rst")
    assert len(myst) == len(rst) >= 8
    directives = ("period", "event", "timeline", "theme", "themeindex", "editorial")
    for directive in ("notecite", *directives, "interventions", "apparatus"):
        assert any(f"{{{directive}}}" in block for block in myst), directive
        assert any(f".. {directive}::" in block or f":{directive}:`" in block for block in rst), (
            directive
        )
    for role in ("edition:period", "edition:event", "edition:theme", "theme", "notecite"):
        assert any(f"{{{role}}}`" in block for block in myst), role
        assert any(f":{role}:`" in block for block in rst), role


def _conf(syntax: str) -> str:
    conf = next(block for block in fenced("python") if "extensions" in block)
    if syntax == "rst":
        # As the page says: a book in reStructuredText only needs no MyST.
        conf = conf.replace('"myst_parser", ', "")
        conf = "".join(
            line for line in conf.splitlines(keepends=True) if not line.startswith("myst_")
        )
        assert "myst" not in conf
    return conf


@pytest.fixture(params=sorted(SYNTAXES))
def example_book(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A book whose chapter is every example of the page in one syntax, in order."""
    syntax: str = request.param
    language, suffix = SYNTAXES[syntax]
    src = tmp_path / syntax
    src.mkdir()
    listener = next(block for block in fenced("python") if "edition-collected" in block)
    (src / "conf.py").write_text(
        _conf(syntax).replace('["refs.bib"]', f"[{str(ROOT / 'refs.bib')!r}]")
        + 'html_theme = "basic"\nproject = "Examples"\n'
        + listener
    )
    blocks = "\n\n".join(examples(language))
    if syntax == "rst":
        (src / "index.rst").write_text(
            "Examples\n========\n\n.. toctree::\n\n   chapter\n   refs\n"
        )
        (src / "chapter.rst").write_text("Chapter\n=======\n\n" + blocks)
        (src / "refs.rst").write_text("References\n==========\n\n.. bibliography::\n")
    else:
        (src / "index.md").write_text("# Examples\n\n```{toctree}\nchapter\nrefs\n```\n")
        (src / "chapter.md").write_text("# Chapter\n\n" + blocks)
        (src / "refs.md").write_text("# References\n\n```{bibliography}\n```\n")
    assert sorted(p.suffix for p in src.glob("*") if p.name != "conf.py") == [suffix] * 3
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
        assert len(soup.select(".edition-theme-chips")) == 2  # the directive and the role
        # the cross-reference roles
        assert soup.select_one('p a[href="#period-reset"]') is not None
        assert soup.select_one('p a[href="#event-2010-04-08-new-start-signed-in-prague"]')
        assert soup.select_one('p a[href="#theme-nato"]') is not None
        # the editorial note, its reading, and its row in the interventions table
        note = soup.select_one("aside.edition-editorial#new-start-place")
        assert note is not None and "Editorial note E1" in note.get_text()
        assert "As delivered: ‘in Moscow’ — read: ‘in Prague’" in " ".join(note.get_text().split())
        table = soup.select_one("table.edition-interventions")
        assert table is not None
        assert table.select_one('a[href="#new-start-place"]').get_text() == "E1"
        assert soup.select_one(".edition-apparatus") is not None


def test_events_are_emitted_with_the_collected_data(rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "book"
    shutil.copytree(rootdir / "test-foreign", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir)
    seen: dict[str, object] = {}

    def collected(_app: object, _env: object, view: object) -> None:
        seen["periods"] = [p.id for p in view.periods()]  # type: ignore[attr-defined]

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
