"""The ePub: epubcheck finds nothing, the package says how accessible the book is, every
content document says its language, paragraph anchors are kept, and nothing needs a script."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import epubcheck_problems
from lxml import etree

EPUB = "dynamics-of-us-russia-relations.epub"
OPF_NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def archive(edition_epub: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(edition_epub / EPUB)


def _documents(archive: zipfile.ZipFile) -> dict[str, bytes]:
    return {n: archive.read(n) for n in archive.namelist() if n.endswith(".xhtml")}


def test_epubcheck_reports_no_error_and_no_warning(edition_epub: Path) -> None:
    assert epubcheck_problems(edition_epub / EPUB) == []


def test_package_carries_accessibility_metadata(archive: zipfile.ZipFile) -> None:
    opf = etree.fromstring(archive.read("content.opf"))
    meta: dict[str, list[str]] = {}
    for element in opf.iterfind("opf:metadata/opf:meta[@property]", OPF_NS):
        meta.setdefault(element.get("property"), []).append(element.text or "")
    assert "textual" in meta["schema:accessMode"]
    assert meta["schema:accessModeSufficient"] == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "readingOrder"} <= set(
        meta["schema:accessibilityFeature"]
    )
    assert meta["schema:accessibilityHazard"] == ["none"]
    assert len(meta["schema:accessibilitySummary"][0]) > 40
    # The timeline is drawn (inline SVG): the book says it has visual content.
    assert "visual" in meta["schema:accessMode"]
    assert opf.findtext("opf:metadata/dc:language", namespaces=OPF_NS) == "en"
    assert "unknown" not in archive.read("content.opf").decode()


def test_ncx_identifier_is_the_package_identifier(archive: zipfile.ZipFile) -> None:
    opf = archive.read("content.opf").decode()
    uid = re.search(r'unique-identifier="([^"]+)"', opf)[1]  # type: ignore[index]
    identifier = re.search(rf'<dc:identifier id="{uid}">([^<]+)<', opf)[1]  # type: ignore[index]
    ncx = archive.read("toc.ncx").decode()
    assert f'<meta name="dtb:uid" content="{identifier}"/>' in ncx


def test_every_content_document_has_lang_and_xml_lang(archive: zipfile.ZipFile) -> None:
    documents = _documents(archive)
    assert len(documents) >= 10
    for name, data in documents.items():
        root = etree.fromstring(data)
        assert root.get("lang") == "en", name
        assert root.get(XML_LANG) == "en", name


def test_paragraph_anchors_are_kept(archive: zipfile.ZipFile, edition_html: Path) -> None:
    for chapter in ("introduction", "first-decade", "putin-bush", "obama", "conclusion"):
        xhtml = BeautifulSoup(archive.read(f"{chapter}.xhtml"), "lxml")
        html = BeautifulSoup((edition_html / f"{chapter}.html").read_text("utf-8"), "lxml")
        in_epub = [str(p["id"]) for p in xhtml.select("p[id^='p-']")]
        in_html = [str(p["id"]) for p in html.select("article p[id^='p-']")]
        assert len(in_epub) >= 2, chapter
        assert in_epub == in_html, chapter
        # The ePub has the anchors but no link icons: an e-reader has its own bookmarks.
        assert not xhtml.select("a.edition-paralink"), chapter


def test_nothing_needs_a_script(archive: zipfile.ZipFile) -> None:
    for name, data in _documents(archive).items():
        assert b"<script" not in data, name
    assert not [n for n in archive.namelist() if n.endswith(".js")]


def test_timeline_and_theme_table_are_readable_without_script(archive: zipfile.ZipFile) -> None:
    documents = _documents(archive)
    timeline = BeautifulSoup(documents["timeline.xhtml"], "lxml")
    assert timeline.find("svg") is not None or timeline.find("table") is not None
    # The same data as text, for readers that do not show the drawing.
    assert timeline.find("table") is not None
    themes = BeautifulSoup(documents["themes.xhtml"], "lxml")
    assert themes.find("table") is not None
