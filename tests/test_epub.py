"""The ePub: epubcheck and Ace by DAISY find nothing, the package says how accessible the
book is, every content document says its language, paragraph anchors are kept, nothing needs
a script, notes pop up in e-readers, the book holds the edition only, and nothing is wider
than a 600 px screen."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import IN_CI, epubcheck_problems
from lxml import etree

EPUB = "dynamics-of-us-russia-relations.epub"
OPF_NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
XHTML_NS = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CHROMIUM = Path("/usr/bin/chromium")
CHAPTERS = ("introduction", "first-decade", "putin-bush", "obama", "conclusion")
#: The notes of the review (note *n* of the edition is note *n* of the source).
NOTES = 69
#: An e-reader's screen, in CSS pixels.
SCREEN = {"width": 600, "height": 900}


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


#: The edition's release (CITATION.cff's date-released) and licence (LICENSE).
RELEASED = "2026-11-24"
LICENCE = "MIT License"
EDITORS = ["The edition team"]


def test_package_credits_dates_and_rights_are_the_editions(
    archive: zipfile.ZipFile, edition_html: Path
) -> None:
    opf = etree.fromstring(archive.read("content.opf"))
    metadata = opf.find("opf:metadata", OPF_NS)
    creators = metadata.findall("dc:creator", OPF_NS)
    # The review's author is unknown: the book is credited to its editors, as editors.
    assert [c.text for c in creators] == EDITORS
    for creator in creators:
        roles = metadata.xpath(
            "opf:meta[@refines=$ref][@property='role']",
            namespaces=OPF_NS,
            ref=f"#{creator.get('id')}",
        )
        assert [(r.get("scheme"), r.text) for r in roles] == [("marc:relators", "edt")]
    # No name credited twice, and none that names no one.
    contributors = [c.text for c in metadata.findall("dc:contributor", OPF_NS)]
    assert not set(contributors) & set(EDITORS)
    assert not {"Anonymous", "unknown"} & set(contributors + [c.text for c in creators])
    # The date of publication is the release's; the last modification is the build's.
    assert metadata.findtext("dc:date", namespaces=OPF_NS) == RELEASED
    modified = metadata.xpath("opf:meta[@property='dcterms:modified']", namespaces=OPF_NS)
    assert len(modified) == 1
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", modified[0].text)
    rights = metadata.findtext("dc:rights", namespaces=OPF_NS)
    assert LICENCE in rights
    assert re.search(r"\b2026\b", rights)
    (licence,) = metadata.xpath("opf:link[@rel='dcterms:license']", namespaces=OPF_NS)
    assert licence.get("href", "").startswith("https://")
    # The web pages say the same.
    html = BeautifulSoup((edition_html / "index.html").read_text("utf-8"), "lxml")

    def tag(name: str) -> list[str]:
        return [str(m["content"]) for m in html.find_all("meta", attrs={"name": name})]

    assert tag("DC.date") == [RELEASED]
    assert tag("DC.rights") == [rights]
    assert tag("DC.contributor") == EDITORS
    assert tag("DC.creator") == []
    # The title and the subtitle, as EPUB 3 types them, and as the web page's full title.
    titles = metadata.findall("dc:title", OPF_NS)
    kinds = [
        metadata.xpath(
            "opf:meta[@refines=$ref][@property='title-type']/text()",
            namespaces=OPF_NS,
            ref=f"#{title.get('id')}",
        )
        for title in titles
    ]
    assert kinds == [["main"], ["subtitle"]]
    assert tag("DC.title") == [f"{titles[0].text}: {titles[1].text}"]


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


# -- notes ----------------------------------------------------------------------------------


def _spine(archive: zipfile.ZipFile) -> list[str]:
    """The content documents in reading order."""
    opf = etree.fromstring(archive.read("content.opf"))
    hrefs = {
        item.get("id"): item.get("href") for item in opf.iterfind("opf:manifest/opf:item", OPF_NS)
    }
    return [hrefs[ref.get("idref")] for ref in opf.iterfind("opf:spine/opf:itemref", OPF_NS)]


def test_note_marks_are_noterefs_to_footnote_asides(archive: zipfile.ZipFile) -> None:
    numbers: list[int] = []
    for chapter in CHAPTERS:
        root = etree.fromstring(archive.read(f"{chapter}.xhtml"))
        assert root.nsmap.get("epub") == XHTML_NS["epub"], chapter
        marks = root.findall(".//h:a[@role='doc-noteref']", XHTML_NS)
        if not marks:  # the conclusion has no note
            continue
        for mark in marks:
            text = "".join(mark.itertext())
            # A superscript number, with no bracket written or added by a stylesheet.
            assert mark.get(EPUB_TYPE) == "noteref", text
            assert "brackets" not in mark.get("class", "").split(), text
            assert re.fullmatch(r"\d+", text), text
            assert mark.find("h:sup", XHTML_NS) is not None, text
            href = mark.get("href", "")
            assert href.startswith("#"), href
            (note,) = root.xpath("//*[@id=$id]", id=href[1:])
            assert note.tag == f"{{{XHTML_NS['h']}}}aside", href
            assert note.get(EPUB_TYPE) == "footnote", href
            assert note.get("role") == "doc-footnote", href
            # The note's number links back to its mark.
            (label,) = note.xpath("h:span[@class='label']", namespaces=XHTML_NS)
            assert "".join(label.itertext()).strip() == text
            assert label.find("h:a", XHTML_NS).get("href") == f"#{mark.get('id')}"
            numbers.append(int(text))
        # The run of notes: one endnotes section per chapter, with the matching role.
        (notes,) = root.xpath("//*[@class='footnote-list']")
        assert notes.get(EPUB_TYPE) == "endnotes"
        assert notes.get("role") == "doc-endnotes"
    assert numbers == list(range(1, NOTES + 1))


def test_the_web_pages_keep_their_note_markup(edition_html: Path) -> None:
    page = BeautifulSoup((edition_html / "introduction.html").read_text("utf-8"), "lxml")
    mark = page.select_one("a.footnote-reference")
    assert mark is not None
    assert not mark.has_attr("epub:type")
    assert "ebook.css" not in str(page.head)


def test_the_book_holds_the_edition_only(archive: zipfile.ZipFile) -> None:
    names = archive.namelist()
    spine = _spine(archive)
    for api in ("genindex.xhtml", "py-modindex.xhtml", "extending.xhtml"):
        assert api not in names
    assert spine[0] == "index.xhtml"
    # Every document of the book is in its reading order: none is hidden outside it.
    opf = etree.fromstring(archive.read("content.opf"))
    assert not opf.findall("opf:spine/opf:itemref[@linear='no']", OPF_NS)
    assert {f"{chapter}.xhtml" for chapter in CHAPTERS} <= set(spine)
    # The book ends with the edition's apparatus, not with an index of the API.
    assert spine[-1] in {
        "references.xhtml",
        "about.xhtml",
        "timeline.xhtml",
        "themes.xhtml",
        "cite.xhtml",
    }, spine


# -- Ace by DAISY ---------------------------------------------------------------------------


def test_ace_reports_no_violation(edition_epub: Path, tmp_path: Path) -> None:
    ace = shutil.which("ace-puppeteer")
    if ace is None or not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("ace-puppeteer or chromium is missing: .ci/run must install them")
        pytest.skip("ace-puppeteer (npm @daisy/ace) or chromium is not installed")
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    result = subprocess.run(
        [ace, "--silent", "--force", "--outdir", str(tmp_path / "ace"), str(edition_epub / EPUB)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=600,
    )
    report_file = tmp_path / "ace" / "report.json"
    assert report_file.is_file(), result.stdout + result.stderr
    report = json.loads(report_file.read_text("utf-8"))
    violations = [
        f"{document['earl:testSubject']['url']}: {assertion['earl:test']['dct:title']} "
        f"({assertion['earl:result']['dct:description']})"
        for document in report.get("assertions", [])
        for assertion in document.get("assertions", [])
    ]
    assert violations == []
    assert report["earl:result"]["earl:outcome"] == "pass"


# -- the screen of an e-reader --------------------------------------------------------------


@pytest.fixture(scope="module")
def unzipped(archive: zipfile.ZipFile, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ePub as shipped, unpacked: its content documents with its stylesheets."""
    root = tmp_path_factory.mktemp("epub-unzipped")
    archive.extractall(root)
    return root


@pytest.fixture(scope="module")
def screen() -> Iterator[Any]:
    """A page of headless Chromium (Debian's) the size of an e-reader's screen."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install chromium")
        pytest.skip(f"{CHROMIUM} is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport=SCREEN)
        yield page
        browser.close()


#: The elements whose right edge passes the screen's, with their widths.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.body.querySelectorAll("*")]
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([el, box]) => box.right > width + 0.5)
    .slice(0, 5)
    .map(([el, box]) => `${el.tagName}.${el.getAttribute("class")} ${Math.round(box.width)}px`);
}"""


def test_nothing_is_wider_than_an_e_reader_screen(unzipped: Path, screen: Any) -> None:
    documents = sorted(unzipped.rglob("*.xhtml"))
    assert len(documents) >= 10
    too_wide = {}
    for document in documents:
        screen.goto(document.as_uri())
        width = screen.evaluate("document.documentElement.scrollWidth")
        # An element cut off by a container that scrolls sideways does not widen the page,
        # and an e-reader does not scroll: every box must end within the screen.
        overflowing = screen.evaluate(OVERFLOWING)
        if width > SCREEN["width"] or overflowing:
            too_wide[document.name] = (width, overflowing)
    assert too_wide == {}


def test_timeline_scales_to_the_screen(unzipped: Path, screen: Any) -> None:
    screen.goto((unzipped / "timeline.xhtml").as_uri())
    drawings = screen.locator("svg.edition-timeline-svg")
    assert drawings.count() >= 1
    for index in range(drawings.count()):
        box = drawings.nth(index).bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= SCREEN["width"]


def test_a_note_is_one_line_with_its_number(unzipped: Path, screen: Any) -> None:
    screen.goto((unzipped / "introduction.xhtml").as_uri())
    label = screen.locator("aside.footnote > span.label").first.bounding_box()
    text = screen.locator("aside.footnote > p").first.bounding_box()
    assert label is not None and text is not None
    # The number stands in the margin of the note's first line, not on a line of its own.
    assert abs(label["y"] - text["y"]) < 4
    assert label["x"] + label["width"] <= text["x"]
    # Small gaps: two notes are no more than a line apart beyond their text.
    second = screen.locator("aside.footnote").nth(1).bounding_box()
    first = screen.locator("aside.footnote").first.bounding_box()
    assert first is not None and second is not None
    assert second["y"] - (first["y"] + first["height"]) < 12
