"""Reproducible builds, and paragraph anchors that stay where they are.

With ``SOURCE_DATE_EPOCH`` set, two builds of the edition give byte-identical HTML trees
and byte-identical ePub files.  Every body paragraph has an anchor that depends only on its
section and its first words: rebuilding, or editing another paragraph, keeps it.
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_edition
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.reader import ANCHOR_WORDS, paragraph_anchor

EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
EPUB = "dynamics-of-us-russia-relations.epub"


def _tree(root: Path) -> dict[str, str]:
    """Every file under *root* (relative path → SHA-256 of its bytes)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _build_twice(tmp_path: Path, builder: str) -> tuple[Path, Path]:
    outs = []
    for n in (1, 2):
        result = build_edition(builder, tmp_path / f"out{n}", tmp_path / f"doctrees{n}")
        assert result.returncode == 0, result.stderr
        outs.append(tmp_path / f"out{n}")
    return outs[0], outs[1]


# -- the edition, built twice ----------------------------------------------------------------


@pytest.mark.slow
def test_two_html_builds_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first, second = _build_twice(tmp_path, "html")
    one, two = _tree(first), _tree(second)
    assert "searchindex.js" in one
    assert any(name.startswith("_static/styles/furo") for name in one)
    differing = sorted(name for name in one.keys() | two.keys() if one.get(name) != two.get(name))
    assert differing == []
    print(f"html: {len(one)} files, identical")


@pytest.mark.slow
def test_two_epub_builds_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first, second = _build_twice(tmp_path, "epub")
    one, two = (first / EPUB).read_bytes(), (second / EPUB).read_bytes()
    assert one == two
    with zipfile.ZipFile(first / EPUB) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "mimetype"
    assert infos[0].compress_type == zipfile.ZIP_STORED
    assert {info.date_time for info in infos} == {(2023, 11, 14, 22, 13, 20)}
    print(f"epub: {len(one)} bytes, identical")


# -- the archive ----------------------------------------------------------------------------


@pytest.mark.sphinx("epub", testroot="reader", freshenv=True)
def test_epub_archive_is_written_in_a_fixed_order_with_fixed_times(
    app: SphinxTestApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    app.build()
    with zipfile.ZipFile(app.outdir / "reader.epub") as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        assert archive.read("mimetype") == b"application/epub+zip"
        opf = archive.read("content.opf").decode()
    assert names[:4] == ["mimetype", "META-INF/container.xml", "content.opf", "toc.ncx"]
    assert infos[0].compress_type == zipfile.ZIP_STORED
    assert {info.date_time for info in infos} == {(2023, 11, 14, 22, 13, 20)}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    assert "chapter.xhtml" in names
    assert '<meta property="schema:accessMode">textual</meta>' in opf
    assert app.warning.getvalue() == ""


# -- paragraph anchors ----------------------------------------------------------------------


def _anchors(html: Path) -> dict[str, str]:
    """``section id: paragraph text`` → anchor, for every anchored paragraph (note marks,
    whose numbers move when a note is added, are left out of the text)."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
    found: dict[str, str] = {}
    for link in soup.select("a.edition-paralink"):
        paragraph = link.parent
        assert paragraph.name == "p"
        for mark in paragraph.select("a.edition-paralink, a.footnote-reference"):
            mark.extract()
        section = paragraph.find_parent("section")
        text = " ".join(paragraph.get_text(" ").split())
        key = f"{section['id'] if section else ''}: {text}"
        count = sum(1 for k in found if k.split(" #")[0] == key)
        found[f"{key} #{count}" if count else key] = str(paragraph["id"])
    return found


@pytest.mark.sphinx("html", testroot="reader", freshenv=True)
def test_every_body_paragraph_has_an_anchor_and_a_link(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "chapter.html").read_text(encoding="utf-8"), "lxml")
    body = soup.select("p")
    anchored = [p for p in body if p.select_one("a.edition-paralink")]
    texts = [" ".join(p.get_text(" ").split()) for p in anchored]
    assert len(anchored) == 7, texts
    ids = [str(p["id"]) for p in anchored]
    assert len(set(ids)) == len(ids)
    for p in anchored:
        link = p.select_one("a.edition-paralink")
        assert link["href"] == f"#{p['id']}"
        assert link.get_text() == "¶"
    # The label of a labelled paragraph is its anchor.
    assert "kept-label" in ids
    # Two paragraphs that begin alike in one section: the second is told apart by "-2".
    same = [p["id"] for p in anchored if p.get_text().startswith("Same words")]
    assert same[1] == f"{same[0]}-2"
    # The same words in two sections are two anchors.
    running = [p["id"] for p in anchored if p.get_text().startswith("A paragraph of running")]
    assert len(set(running)) == 2
    # Not body text: the admonition, the notes.
    for p in soup.select(".admonition p, aside p"):
        assert not p.select_one("a.edition-paralink")
        assert not str(p.get("id", "")).startswith("p-")
    # Anchors are valid XML ids.
    assert all(i[0].isalpha() for i in ids)


def test_anchor_depends_on_section_and_first_words_only() -> None:
    words = "one two three four five six seven eight nine ten eleven twelve".split()
    assert paragraph_anchor("s", words) == paragraph_anchor("s", [*words, "thirteen"])
    assert paragraph_anchor("s", words) != paragraph_anchor("t", words)
    assert paragraph_anchor("s", words[:ANCHOR_WORDS]) != paragraph_anchor("s", words[1:])
    assert paragraph_anchor("s", words).startswith("p-")


def test_anchors_survive_rebuilds_and_unrelated_edits(tmp_path: Path, rootdir: Path) -> None:
    src = tmp_path / "reader"
    shutil.copytree(rootdir / "test-reader", src)

    def build() -> dict[str, str]:
        app = SphinxTestApp("html", srcdir=src, freshenv=True)
        try:
            app.build()
            assert app.warning.getvalue() == ""
            return _anchors(app.outdir / "chapter.html")
        finally:
            app.cleanup()

    before = build()
    assert build() == before
    chapter = src / "chapter.md"
    text = chapter.read_text(encoding="utf-8")
    # A new paragraph with a new note before all the others, and an edit at the end of
    # another paragraph: note numbers shift, positions shift.
    text = text.replace(
        "## One section\n",
        "## One section\n\nA new first paragraph, with a new first note.[^new]\n",
    ).replace("keeps its own label as its anchor.", "keeps its own label as its anchor, still.")
    text = text.replace("keeps its anchor.", "keeps its anchor, as promised.")
    chapter.write_text(text + "\n[^new]: The new note.\n", encoding="utf-8")
    after = build()
    assert len(after) == len(before) + 1
    edited = [k for k in before if "keeps its own label" in k or "keeps its anchor" in k]
    assert len(edited) == 2
    for key, anchor in before.items():
        if key not in edited:
            assert after[key] == anchor, key
    # The edited paragraphs keep their anchors too: a paragraph is named by its label or by
    # its first words, not by all of them.
    assert set(before.values()) <= set(after.values())


@pytest.mark.sphinx("latex", testroot="reader", freshenv=True)
def test_latex_has_no_paragraph_links(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "reader.tex").read_text(encoding="utf-8")
    assert "¶" not in tex
    assert "edition-paralink" not in tex
    assert "A labelled paragraph keeps its own label" in tex
    assert app.warning.getvalue() == ""


@pytest.mark.sphinx("text", testroot="reader", freshenv=True)
def test_text_has_no_paragraph_links(app: SphinxTestApp) -> None:
    app.build()
    text = (app.outdir / "chapter.txt").read_text(encoding="utf-8")
    assert "¶" not in text
    assert "A paragraph of running text in the section" in text


# -- parallel builds ------------------------------------------------------------------------


def test_parallel_build_gives_the_same_anchors_and_links(tmp_path: Path, rootdir: Path) -> None:
    pages = {}
    for jobs in (1, 2):
        src = tmp_path / f"j{jobs}"
        shutil.copytree(rootdir / "test-reader", src)
        app = SphinxTestApp("html", srcdir=src, freshenv=True, parallel=jobs)
        try:
            app.build()
            assert app.warning.getvalue() == ""
            pages[jobs] = {
                page.name: page.read_bytes() for page in sorted(app.outdir.glob("*.html"))
            }
        finally:
            app.cleanup()
    # Enough documents for Sphinx to read and write them in parallel.
    assert len(pages[1]) >= 8
    assert pages[1] == pages[2]
    assert b'class="edition-paralink"' in pages[1]["more4.html"]


# -- download links --------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="reader", freshenv=True)
def test_download_links_point_next_to_the_html(
    app: SphinxTestApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("READTHEDOCS", raising=False)
    app.build()
    soup = BeautifulSoup((app.outdir / "chapter.html").read_text(encoding="utf-8"), "lxml")
    assert soup.select_one("a.edition-download-pdf")["href"] == "downloads/reader.pdf"
    assert soup.select_one("a.edition-download-epub")["href"] == "downloads/reader.epub"


@pytest.mark.sphinx("html", testroot="reader", freshenv=True)
def test_download_links_on_read_the_docs_are_its_own(
    app: SphinxTestApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_LANGUAGE", "fr")
    monkeypatch.setenv("READTHEDOCS_VERSION", "stable")
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.select_one("a.edition-download-pdf")["href"] == "/_/downloads/fr/stable/pdf/"
    assert soup.select_one("a.edition-download-epub")["href"] == "/_/downloads/fr/stable/epub/"


@pytest.mark.parametrize(
    ("builder", "page", "href"),
    [
        ("dirhtml", "chapter/index.html", "../downloads/reader.pdf"),
        ("singlehtml", "index.html", "downloads/reader.pdf"),
    ],
)
def test_one_download_bar_per_page_of_every_browser_build(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    builder: str,
    page: str,
    href: str,
) -> None:
    """Each page gets one bar (singlehtml's one page too), its links relative to the page,
    and the bar is not text of the page: the search index does not hold its words."""
    monkeypatch.delenv("READTHEDOCS", raising=False)
    src = tmp_path / "reader"
    shutil.copytree(rootdir / "test-reader", src)
    app = make_app(builder, srcdir=src, freshenv=True)
    app.build()
    soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "lxml")
    assert len(soup.select("nav.edition-downloads")) == 1
    assert soup.select_one("a.edition-download-pdf")["href"] == href
    if builder == "dirhtml":  # singlehtml has no search index
        index = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
        assert "download" not in index.lower()
