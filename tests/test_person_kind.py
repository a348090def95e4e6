"""A record kind from outside the package: ``tests/roots/test-persons/persons.py`` adds
``person``, ``{person}`` and ``personindex`` through the public API alone, and they work
in every format, in cross-references and in incremental builds."""

from __future__ import annotations

import ast
import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_edition
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).resolve().parent / "roots" / "test-persons"
EXAMPLE = ROOT / "persons.py"

#: Each person of the root, as its index lists them: the entry's text, then the targets of
#: its links (the person's note, then every mention, in reading order).
INDEX = {
    "kennan": (
        "George F. Kennan (1904–2005): Chapter one, Chapter one",
        ["one#person-kennan", "one#person-kennan-1", "one#person-kennan-2"],
    ),
    "talbott": (
        "Strobe Talbott (born 1946): Chapter two",
        ["one#person-talbott", "two#person-talbott-1"],
    ),
    "yeltsin": ("yeltsin: Chapter two", ["two#person-yeltsin-1"]),
}
#: The {edition:person} references of two.md.
XREFS = ["one#person-kennan", "one#person-talbott"]


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _links(out: Path, page: str, suffix: str) -> dict[str, tuple[str, list[str]]]:
    """Person id -> the text of its index entry and its links (``doc#anchor``), each link
    checked to reach an element of that id in its page."""
    entries: dict[str, tuple[str, list[str]]] = {}
    for item in _soup(out / page).select("ul.personindex > li > p"):
        hrefs = []
        for a in item.select("a"):
            doc, anchor = str(a["href"]).split("#")
            assert _soup(out / doc).find(id=anchor) is not None, f"{a['href']} goes nowhere"
            hrefs.append(f"{doc.removesuffix(suffix)}#{anchor}")
        entries[str(item["id"]).removeprefix("personindex-")] = (item.get_text(), hrefs)
    return entries


def _xrefs(out: Path, page: str, suffix: str) -> list[str]:
    return [
        str(a["href"]).replace(suffix, "")
        for a in _soup(out / page).select("a.reference.internal")
        if "person-" in str(a["href"])
    ]


@pytest.mark.sphinx("html", testroot="persons", confoverrides={"nitpicky": True})
def test_html_index_links_every_mention(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    assert _links(app.outdir, "people.html", ".html") == INDEX
    assert _xrefs(app.outdir, "two.html", ".html") == XREFS
    one = _soup(app.outdir / "one.html")
    # a mention without its own text prints the person's name
    assert [s.get_text() for s in one.select("span.person")] == ["Kennan", "George F. Kennan"]


@pytest.mark.sphinx("epub", testroot="persons", confoverrides={"nitpicky": True})
def test_epub_index_links_every_mention(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    assert _links(app.outdir, "people.xhtml", ".xhtml") == INDEX
    assert _xrefs(app.outdir, "two.xhtml", ".xhtml") == XREFS


@pytest.mark.sphinx("latex", testroot="persons", confoverrides={"nitpicky": True})
def test_latex_index_links_every_mention(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    tex = (app.outdir / "persons.tex").read_text(encoding="utf-8")
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))

    def targets(line: str) -> list[str]:
        found = re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", line)
        assert set(found) <= labels, f"links to no label: {set(found) - labels}"
        return [target.replace(":", "#") for target in found]

    people = tex.split(r"\chapter{People}")[1].split(r"\end{itemize}")[0]
    entries = people.split(r"\item {}")[1:]
    assert [targets(entry) for entry in entries] == [links for _text, links in INDEX.values()]
    assert r"\sphinxstylestrong{yeltsin}: " in entries[2]
    warned = next(line for line in tex.splitlines() if line.startswith("The warning of"))
    assert targets(warned) == XREFS[:1]


@pytest.mark.sphinx("text", testroot="persons", confoverrides={"nitpicky": True})
def test_text_index_lists_every_person(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    text = (app.outdir / "people.txt").read_text(encoding="utf-8")
    items = [line.removeprefix("* ") for line in text.splitlines() if line.startswith("* ")]
    assert items == [
        "George F. Kennan (1904–2005): Chapter one, Chapter one",
        "Strobe Talbott (born 1946): Chapter two",
        "**yeltsin**: Chapter two",
    ]
    two = " ".join((app.outdir / "two.txt").read_text(encoding="utf-8").split())
    assert "The warning of George F. Kennan was remembered" in two


# -- incremental builds -------------------------------------------------------------------

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
#: Written by every HTML build (as in test_incremental.py), and the root, whose toctree
#: Sphinx re-writes with any chapter it lists.
SPHINX_REWRITES = {"genindex.html", "search.html", "index.html"}


def _build(src: Path, out: Path) -> set[str]:
    """Build *src* into *out* (incrementally when it was built before); the pages written."""
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")}
    result = build_edition("html", out, out.parent / "doctrees", srcdir=src, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    written = {p.name for p in out.glob("*.html") if stamps.get(p.name) != p.stat().st_mtime_ns}
    return written - SPHINX_REWRITES


def test_a_new_mention_rewrites_the_index_and_nothing_else(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns("__pycache__"))
    _build(src, out)
    assert _build(src, out) == set(), "a no-op rebuild wrote pages"
    three = src / "three.md"
    three.write_text(
        three.read_text(encoding="utf-8").replace("Nobody", "{person}`Talbott <talbott>`"),
        encoding="utf-8",
    )
    assert _build(src, out) == {"three.html", "people.html"}
    links = _links(out, "people.html", ".html")
    assert links["talbott"] == (
        "Strobe Talbott (born 1946): Chapter two, Chapter three",
        ["one#person-talbott", "two#person-talbott-1", "three#person-talbott-1"],
    )
    assert links["kennan"] == INDEX["kennan"]


def test_a_renamed_person_rewrites_the_pages_that_print_the_name(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns("__pycache__"))
    _build(src, out)
    (src / "extra.md").write_text("# Extra\n\n{person}`kennan` again.\n", encoding="utf-8")
    (src / "index.md").write_text(
        (src / "index.md").read_text(encoding="utf-8").replace("people", "people\nextra"),
        encoding="utf-8",
    )
    _build(src, out)
    one = src / "one.md"
    one.write_text(
        one.read_text(encoding="utf-8").replace(":name: George F. Kennan", ":name: G. F. Kennan"),
        encoding="utf-8",
    )
    # one.md itself, the index, and extra.md whose mention prints the name (two.md's
    # mentions give their own text)
    assert _build(src, out) == {"one.html", "people.html", "extra.html"}
    assert "G. F. Kennan again." in _soup(out / "extra.html").get_text()


# -- the example uses the public API only ----------------------------------------------------


def test_the_example_uses_no_private_name_of_the_edition() -> None:
    """No name it imports from sphinx_edition starts with "_", nor does any attribute it
    reads (of the edition's objects or any other)."""
    tree = ast.parse(EXAMPLE.read_text(encoding="utf-8"))
    imported: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sphinx_edition"):
            imported.extend([*(node.module or "").split("."), *(a.name for a in node.names)])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("sphinx_edition"):
                    imported.extend(alias.name.split("."))
    assert "add_record_kind" in imported, "the example registers no record kind?"
    private = [name for name in imported if name.startswith("_")]
    assert not private, f"private names imported from sphinx_edition: {private}"
    attributes = [
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr.startswith("_")
    ]
    assert not attributes, f"private attributes read: {attributes}"
