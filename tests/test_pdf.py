"""The PDF read back: bookmarks for every chapter and section, document information and
its XMP packet, fonts embedded, links that lead somewhere, page references that were
resolved, and margin notes that text extraction keeps apart from the text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import Destination

CHAPTERS = ("introduction", "first-decade", "putin-bush", "obama", "conclusion")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _outline(items: list[Any], depth: int = 0) -> list[tuple[int, str]]:
    flat: list[tuple[int, str]] = []
    for item in items:
        if isinstance(item, list):
            flat += _outline(item, depth + 1)
        else:
            flat.append((depth, str(item.title)))
    return flat


@pytest.fixture(scope="module")
def reader(edition_pdf: Path) -> PdfReader:
    return PdfReader(edition_pdf)


def test_bookmarks_for_every_chapter_and_section(reader: PdfReader, edition_html: Path) -> None:
    outline = _outline(reader.outline)
    titles = [_norm(title) for _, title in outline]
    for chapter in CHAPTERS:
        soup = BeautifulSoup((edition_html / f"{chapter}.html").read_text("utf-8"), "lxml")
        for link in soup.select("a.headerlink"):
            link.extract()
        headings = soup.select("article section > h1, article section > h2")
        assert headings, chapter
        for heading in headings:
            if heading.get_text() == "Notes":
                continue  # the HTML's list of notes; the PDF's notes are at the foot of pages
            assert _norm(heading.get_text()) in titles, heading.get_text()
    # Sections are nested under their chapters.
    depths = dict((_norm(t), d) for d, t in outline)
    assert depths[_norm("Introduction")] == 0
    assert depths[_norm("The first complications")] == 1


def test_document_information(reader: PdfReader) -> None:
    info = reader.metadata
    assert info is not None
    assert "Dynamics of US" in str(info.title)
    assert "Russia Relations" in str(info.title)
    assert str(info.subject) == "International Relations; History"
    keywords = str(info.get("/Keywords"))
    assert "Russia" in keywords
    assert "NATO enlargement" in keywords
    assert str(info.author) == "The edition team"
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"


XMP_NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
    "prism": "http://prismstandard.org/namespaces/basic/3.0/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
}
#: The edition's release (CITATION.cff's date-released) and licence (LICENSE).
RELEASED = "2026-11-24"
LICENCE = "MIT License"


def _xmp(reader: PdfReader) -> Any:
    """The XMP packet of the PDF's catalogue, parsed."""
    stream = reader.trailer["/Root"].get("/Metadata")
    assert stream is not None, "the PDF has no XMP metadata"
    return etree.fromstring(stream.get_object().get_data())


def _items(xmp: Any, name: str) -> list[str]:
    """The values of the XMP property *name* (an rdf:Seq, Bag or Alt, or a plain value)."""
    values = []
    for element in xmp.iterfind(f".//{name}", XMP_NS):
        items = element.findall("./*/rdf:li", XMP_NS)
        values += [item.text or "" for item in items] if items else [element.text or ""]
    return values


def test_xmp_packet_says_who_when_and_under_which_rights(
    reader: PdfReader, edition_pdf: Path
) -> None:
    xmp = _xmp(reader)
    assert _items(xmp, "dc:creator") == ["The edition team"]
    assert _items(xmp, "photoshop:AuthorsPosition") == ["Editor"]
    # The publication's date is the release's; the file's own dates are the build's.
    assert _items(xmp, "dc:date") == [RELEASED]
    (created,) = _items(xmp, "xmp:CreateDate")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)?", created)
    (rights,) = _items(xmp, "dc:rights")
    assert LICENCE in rights
    assert re.search(r"\b2026\b", rights)
    assert _items(xmp, "xmpRights:Marked") == ["True"]
    (licence,) = _items(xmp, "xmpRights:WebStatement")
    assert licence.startswith("https://")
    assert _items(xmp, "prism:aggregationType") == ["book"]
    assert _items(xmp, "xmpMM:VersionID") == ["1.0"]
    assert _items(xmp, "dc:language") == ["en"]
    (title,) = _items(xmp, "dc:title")
    assert title == str(reader.metadata.title)  # type: ignore[union-attr]
    # The document information agrees (what most PDF readers show).
    assert str(reader.metadata.author) == "The edition team"  # type: ignore[union-attr]
    if shutil.which("pdfinfo"):
        info = subprocess.run(
            ["pdfinfo", str(edition_pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert re.search(r"^Author:\s+The edition team$", info, re.MULTILINE), info
        assert re.search(r"^Metadata Stream:\s+yes$", info, re.MULTILINE), info


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font of the PDF → whether its glyphs are embedded."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None or "/Font" not in resources:
            continue
        for ref in resources["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font.get("/BaseFont"))] = embedded
    return found


def test_every_font_is_embedded(reader: PdfReader, edition_pdf: Path) -> None:
    fonts = _fonts(reader)
    assert fonts
    assert [name for name, embedded in fonts.items() if not embedded] == []
    if shutil.which("pdffonts"):
        table = subprocess.run(
            ["pdffonts", str(edition_pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert table
        # Columns: name, type, encoding, emb, sub, uni, object, id (the type may have spaces).
        assert all(line.split()[-5] == "yes" for line in table), table


def test_links_lead_somewhere(reader: PdfReader) -> None:
    named = reader.named_destinations
    internal = external = 0
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            dest = annotation.get("/Dest")
            if action is not None and action.get("/S") == "/URI":
                external += 1
                continue
            if action is not None and action.get("/S") == "/GoTo":
                dest = action.get("/D")
            assert dest is not None, annotation
            if not isinstance(dest, Destination) and not isinstance(dest, list):
                assert str(dest) in named, dest
            internal += 1
    # Note marks link to their notes, the table of contents to the chapters.
    assert internal >= 69
    print(f"pdf links: {internal} internal, {external} external")


def test_page_references_are_resolved(reader: PdfReader) -> None:
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "??" not in text


# -- The PDF as a book ------------------------------------------------------------------------

TEX_LOG = "dynamics-of-us-russia-relations.log"
BACK_MATTER = ("References", "About this edition", "Timeline", "Themes")
FOLIO = re.compile(r"^(\d+|[ivxlc]+)\s+|\s+(\d+|[ivxlc]+)$")


@pytest.fixture(scope="module")
def pages(edition_pdf: Path, reader: PdfReader) -> list[str]:
    """The text of every page, as pdftotext reads it (layout kept: one line per line)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    texts = []
    for number in range(1, len(reader.pages) + 1):
        texts.append(
            subprocess.run(
                [
                    "pdftotext",
                    "-layout",
                    "-f",
                    str(number),
                    "-l",
                    str(number),
                    str(edition_pdf),
                    "-",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    return texts


def _chapters(reader: PdfReader) -> list[tuple[str, int]]:
    """The top-level bookmarks (chapters) and the index of the page each opens on."""
    return [
        (str(item.title), reader.get_destination_page_number(item))
        for item in reader.outline
        if not isinstance(item, list)
    ]


def overfull_lines(log: str, limit: float = 1.0) -> list[str]:
    """The overfull \\hbox messages of a LaTeX log over *limit* points."""
    return [
        match.group(0)
        for match in re.finditer(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)[^\n]*", log)
        if float(match.group(1)) > limit
    ]


def test_overfull_lines_are_found() -> None:
    log = (
        "Overfull \\hbox (0.83pt too wide) in paragraph at lines 1--2\n"
        "Overfull \\hbox (81.2pt too wide) detected at line 3081\n"
    )
    assert overfull_lines(log) == ["Overfull \\hbox (81.2pt too wide) detected at line 3081"]


def test_no_overfull_line(edition_pdf: Path) -> None:
    log = (edition_pdf.parent / TEX_LOG).read_text("utf-8", errors="replace")
    underfull = len(re.findall(r"^Underfull \\[hv]box", log, re.MULTILINE))
    print(f"pdf: {len(overfull_lines(log, 0))} overfull lines, {underfull} underfull boxes")
    assert overfull_lines(log) == []


def running_head_only(text: str, heads: set[str]) -> bool:
    """Whether a page's text is nothing but a running head or foot (a title and a folio)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(_norm(FOLIO.sub("", line)) in heads for line in lines)


def test_a_head_only_page_is_found() -> None:
    heads = {_norm("Dynamics of US–Russia Relations"), _norm("Themes"), ""}
    assert running_head_only("36    Dynamics of US–Russia Relations\n\n\f", heads)
    assert running_head_only("   Themes   37\n", heads)
    assert not running_head_only("", heads)
    assert not running_head_only("36  Dynamics of US–Russia Relations\nThe text goes on.\n", heads)


def test_no_page_is_only_a_running_head(pages: list[str], reader: PdfReader) -> None:
    heads = {_norm("Dynamics of US–Russia Relations"), ""}
    heads |= {_norm(title) for title, _page in _chapters(reader)}
    found = [number for number, text in enumerate(pages, 1) if running_head_only(text, heads)]
    assert found == [], f"pages with only a running head or foot: {found}"


def test_title_page_and_imprint(pages: list[str]) -> None:
    title, imprint = pages[0], pages[1]
    assert "US–Russia" in title
    assert "1991–2012" in title
    for text in (title, imprint):
        assert "--" not in text
    # The imprint says what the edition is, its principles, licence, version, how to cite.
    flat = " ".join(imprint.split())
    for words in ("digital edition", "Every word of the review is kept", "MIT License"):
        assert words in flat, words
    assert re.search(r"Version \d+\.\d+, \d+ \w+ \d{4}", flat), flat
    assert "Cite as:" in flat
    assert _norm(pages[2]).startswith("contents"), pages[2][:200]
    assert "The review" not in pages[2]


def test_no_author_documentation(pages: list[str]) -> None:
    text = "\n".join(pages)
    for api in ("classmethod", "__init__", "sphinx_edition", "Extending", "EditionDomain"):
        assert api not in text, api


def test_chapters_one_to_five_are_the_review(
    pages: list[str], reader: PdfReader, edition_html: Path
) -> None:
    expected = []
    for chapter in CHAPTERS:
        soup = BeautifulSoup((edition_html / f"{chapter}.html").read_text("utf-8"), "lxml")
        for link in soup.select("a.headerlink"):
            link.extract()
        expected.append(_norm(soup.select_one("article h1").get_text()))
    chapters = _chapters(reader)
    assert [_norm(title) for title, _ in chapters[:5]] == expected
    assert [title for title, _ in chapters[5:9]] == list(BACK_MATTER)
    # The contents page numbers the review's chapters 1 to 5, and the back matter not at all.
    contents = " ".join(pages[2].split())
    for number, (title, _page) in enumerate(chapters[:5], 1):
        words = _norm(title).split()[:3]
        assert re.search(rf"\b{number} {' '.join(words)}", _norm(contents)), (number, title)
        assert f"Chapter {number}" in pages[chapters[number - 1][1]]
    for title in BACK_MATTER:
        line = next(line for line in pages[2].splitlines() if f" {title} " in f" {line} ")
        assert not re.match(rf"\s*[\dA-Z][.\d]*\s+{title}", line), line
        page = chapters[[t for t, _ in chapters].index(title)][1]
        assert "Chapter" not in pages[page].split(title)[0], title
    review = chapters[5][1] - chapters[0][1]
    print(f"pdf: {len(pages)} pages, the review's five chapters {review}")
    assert 10 <= review <= 25, review


# -- Margin notes and text extraction -------------------------------------------------------

#: The first line of a theme note in the margin, as pdftotext reads its small capitals.
THEME_NOTE = re.compile(r"THEMES?:")


def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """The words of *page* as pdftotext places them: text, xMin, xMax, yMin, yMax."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        check=True,
    ).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True))
    return [
        (w.text or "", *(float(w.get(k)) for k in ("xMin", "xMax", "yMin", "yMax")))
        for w in root.iter("{*}word")
    ]


def margin_lines(words: list[tuple[str, float, float, float, float]]) -> list[str]:
    """The lines of the margins, by the words' places alone (not by how pdftotext groups
    them): the text block is where the words of the text's and the notes' sizes (taller
    than 9.5pt) lie; a word more than 3pt beyond it (microtype lets punctuation protrude)
    is in a margin, and the margin's words at one height are a line."""
    text = [w for w in words if w[4] - w[3] > 9.5]
    if not text:
        return []
    left, right = min(w[1] for w in text), max(w[2] for w in text)
    rows: dict[float, list[tuple[str, float, float, float, float]]] = {}
    for word in words:
        if word[1] > right + 3 or word[2] < left - 3:
            rows.setdefault(round(word[3], 1), []).append(word)
    return [
        " ".join(w[0] for w in sorted(row, key=lambda w: w[1])) for _, row in sorted(rows.items())
    ]


def kept_apart(line: str, text: str, layout: str) -> bool:
    """Whether the margin's *line* is a line of its own in pdftotext's reading order
    (*text*), and stands apart (two spaces or more) from the text beside it in its
    physical layout (*layout*)."""
    alone = line in (row.strip() for row in text.splitlines())
    apart = re.compile(rf"(^|\s\s){re.escape(line)}(\s\s|$)")
    return alone and any(apart.search(row.rstrip()) for row in layout.splitlines())


def test_a_note_read_into_the_text_is_found() -> None:
    layout = "the last Cooperation and\n     confrontation\n"
    assert not kept_apart("Cooperation and", "over the last Cooperation\nand\n", layout)
    assert kept_apart(
        "Cooperation and", "over the last\n\nCooperation and\n", "over the last   Cooperation and\n"
    )
    words = [("last", 458.8, 473.4, 268.4, 279.4), ("Cooperation", 488.0, 519.1, 266.7, 274.7)]
    assert margin_lines(words) == ["Cooperation"]


def test_margin_notes_are_not_read_into_the_text(pages: list[str], edition_pdf: Path) -> None:
    checked = 0
    glued: list[tuple[int, str]] = []
    for number, layout in enumerate(pages, 1):
        lines = margin_lines(_words(edition_pdf, number))
        if not any(THEME_NOTE.fullmatch(line) for line in lines):
            continue
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(edition_pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for line in lines:
            checked += 1
            if not kept_apart(line, text, layout):
                glued.append((number, line))
    print(f"pdf: {checked} lines of theme notes in the margins")
    # The review has dozens of theme notes: a count this low means they were not found.
    assert checked >= 50
    assert glued == []


def _contents_page(pages: list[str]) -> int:
    return next(i for i, text in enumerate(pages) if text.lstrip().startswith("Contents"))


def test_contents_break_no_word(pages: list[str]) -> None:
    """No title in the contents is hyphenated at a line's end ("Septem-ber")."""
    lines = [line.rstrip() for line in pages[_contents_page(pages)].splitlines() if line.strip()]
    assert len(lines) > 10
    assert [line for line in lines if re.search(r"[^\W\d]-$", line)] == []


def _ppm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of a binary PPM (pdftoppm's default output)."""
    data = path.read_bytes()
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P6" and fields[3] == b"255"
    return int(fields[1]), int(fields[2]), fields[4]


def test_links_print_black(pages: list[str], edition_pdf: Path, tmp_path: Path) -> None:
    """The contents, note numbers and cross-references are links, printed in black as a
    book prints them: on the contents page and on the first page of the review no pixel
    is coloured (the timeline's figure, in colour, is elsewhere)."""
    first = next(
        i for i, t in enumerate(pages) if "Introduction" in t and i > _contents_page(pages)
    )
    for index in (_contents_page(pages), first):
        stem = tmp_path / f"page{index + 1}"
        subprocess.run(
            [
                *("pdftoppm", "-r", "60", "-singlefile"),
                *("-f", str(index + 1), "-l", str(index + 1)),
                *(str(edition_pdf), str(stem)),
            ],
            check=True,
        )
        _width, _height, rgb = _ppm(stem.with_suffix(".ppm"))
        coloured = sum(
            1 for i in range(0, len(rgb), 3) if max(rgb[i : i + 3]) - min(rgb[i : i + 3]) > 60
        )
        assert coloured == 0, f"page {index + 1}: {coloured} coloured pixels"


def test_a_banner_gives_the_timelines_page(pages: list[str], reader: PdfReader) -> None:
    """On paper, "see the timeline" says on which page the timeline is."""
    labels = reader.page_labels
    timeline = next(i for i, (title, _page) in enumerate(_chapters(reader)) if title == "Timeline")
    page = labels[_chapters(reader)[timeline][1]]
    found = re.findall(r"see the\s+timeline, page (\w+)", "\n".join(pages))
    assert found and set(found) == {page}
