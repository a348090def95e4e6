"""The edition's 69 notes: numbered 1..69, each in the form the Oxford rules give it.

The expected form of every note is derived here, independently of ``edition.notes``, from
the table of works the source's notes cite (``EXPECTED_KEYS``) and the page (document)
each note stands on: the first citation of a work is full, a citation of the work of the
note just before on the same page is "Ibid.", any other later citation is short.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS
from test_edition import BIB, EXPECTED_KEYS

pytestmark = pytest.mark.slow


def _toctree_docs() -> list[str]:
    """Documents in reading order, from the toctrees of docs/index.md."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    docs = ["index"]
    for block in re.findall(r"```\{toctree\}\n(.*?)```", index, re.DOTALL):
        docs += [line.strip() for line in block.splitlines() if line.strip() and ":" not in line]
    return docs


def _note_docs() -> list[str]:
    """The document of each note, in reading order."""
    out = []
    for doc in _toctree_docs():
        text = (DOCS / f"{doc}.md").read_text(encoding="utf-8")
        # examples in fenced code (the Extending page) are shown, not cited
        text = re.sub(r"^(`{3,4}).*?^\1[ \t]*$", "", text, flags=re.M | re.S)
        out += [doc] * text.count("{notecite}`")
    return out


NOTE_DOCS = _note_docs()


def expected_forms() -> list[str]:
    forms: list[str] = []
    seen: set[str] = set()
    for index, (key, doc) in enumerate(zip(EXPECTED_KEYS, NOTE_DOCS, strict=True)):
        if index and EXPECTED_KEYS[index - 1] == key and NOTE_DOCS[index - 1] == doc:
            forms.append("ibid")
        elif key in seen:
            forms.append("short")
        else:
            forms.append("full")
        seen.add(key)
    return forms


FORMS = expected_forms()


def _names(key: str) -> tuple[str, str, str]:
    """(forename surname, surname, year) of the first author or editor of *key*."""
    entry = BIB.entries[key]
    person = (entry.persons.get("author") or entry.persons.get("editor"))[0]
    surname = " ".join(person.prelast_names + person.last_names).replace("'", "’")
    forename = " ".join(person.first_names + person.middle_names)
    return f"{forename} {surname}", surname, entry.fields["year"]


def classify(text: str, key: str) -> str:
    """The form of a note's text: "ibid", "full", "short" or "?"."""
    full_name, surname, year = _names(key)
    if text == "Ibid.":
        return "ibid"
    if text.startswith(full_name) and f"{year})" in text:
        return "full"
    if text.startswith(surname) and not text.startswith(full_name) and year not in text:
        return "short"
    return "?"


def test_the_rules_give_every_form() -> None:
    assert len(NOTE_DOCS) == 69
    assert FORMS[0] == "full" and FORMS[7] == "ibid"  # note 8 is the source's first Ibid
    assert {"full", "short", "ibid"} == set(FORMS)
    assert FORMS.count("full") == 43  # each of the 43 works is given in full once


def html_notes(html: Path) -> list[tuple[int, str]]:
    out = []
    for doc in _toctree_docs():
        soup = BeautifulSoup((html / f"{doc}.html").read_text(encoding="utf-8"), "lxml")
        for aside in soup.select("aside.edition-note"):
            label = aside.select_one(".label").get_text(strip=True).strip("[]")
            out.append((int(label), re.sub(r"\s+", " ", aside.select_one("p").get_text()).strip()))
    return out


def test_html_notes_are_numbered_through_the_book_in_their_forms(edition_html: Path) -> None:
    notes = html_notes(edition_html)
    assert [number for number, _text in notes] == list(range(1, 70))
    for (number, text), key, form in zip(notes, EXPECTED_KEYS, FORMS, strict=True):
        assert classify(text, key) == form, f"note {number} ({key}): {text!r}"


def test_html_references_index_every_note(edition_html: Path) -> None:
    soup = BeautifulSoup((edition_html / "references.html").read_text("utf-8"), "lxml")
    entries = soup.select(".edition-bibliography p.edition-bibentry")
    assert len(entries) == 43
    cited: list[int] = []
    for entry in entries:
        cited += [int(a.get_text()) for a in entry.select("a.edition-note-backref")]
    assert sorted(cited) == list(range(1, 70))
    surnames = [e.get_text().split(",")[0] for e in entries]
    assert surnames == sorted(surnames, key=str.lower)


#: The text block of the PDF's pages in points (A4; ``hmargin={27mm,43mm}`` in conf.py's
#: ``sphinxsetup``): the outer margin, where the theme notes stand, is left out, so that
#: ``pdftotext -layout`` does not set a margin note on the line of a note's number.
A4_WIDTH, A4_HEIGHT, MM = 595.28, 841.89, 72 / 25.4
INNER, OUTER = 27 * MM, 43 * MM


def _text_block_text(pdf: Path) -> str:
    """The PDF's text, page by page (form feeds between), read from the text block only."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    width, height = round(A4_WIDTH - INNER - OUTER + 4), round(A4_HEIGHT)
    texts = []
    for page in range(1, pages + 1):
        # Recto (odd) pages have the inner margin on the left, versos on the right.
        left = round((INNER if page % 2 else OUTER) - 2)
        crop = ["-x", str(left), "-y", "0", "-W", str(width), "-H", str(height)]
        command = ["pdftotext", "-layout", "-r", "72", "-f", str(page), "-l", str(page), *crop]
        result = subprocess.run(
            [*command, str(pdf), "-"], capture_output=True, text=True, check=True
        )
        texts.append(result.stdout.rstrip("\f"))
    return "\f".join(texts)


def pdf_notes(pdf: Path) -> list[tuple[int, str, int]]:
    """(number, start of text, page) of notes 1..69, read back from the PDF in order."""
    text = _text_block_text(pdf)
    out = []
    position = 0
    for number, key in enumerate(EXPECTED_KEYS, start=1):
        full_name, surname, _year = _names(key)
        starts = "|".join(re.escape(s) for s in ("Ibid.", full_name, surname))
        match = re.compile(rf"^[ \t]*{number}\n[ \t]*((?:{starts}).*)$", re.MULTILINE).search(
            text, position
        )
        assert match is not None, f"note {number} ({key}) not found in the PDF after {position}"
        page = text.count("\f", 0, match.start()) + 1
        out.append((number, match.group(1).strip(), page))
        position = match.end()
    return out


def test_pdf_notes_are_numbered_through_the_book_in_their_forms(edition_pdf: Path) -> None:
    notes = pdf_notes(edition_pdf)
    previous_page = 0
    for (number, start, page), key, rule in zip(notes, EXPECTED_KEYS, FORMS, strict=True):
        full_name, surname, _year = _names(key)
        # a printed page never begins with "Ibid.": the short form stands there
        form = "short" if rule == "ibid" and page != previous_page else rule
        previous_page = page
        if form == "ibid":
            assert start == "Ibid.", f"note {number}: {start!r}"
        elif form == "full":
            assert start.startswith(full_name), f"note {number}: {start!r}"
        else:
            assert start.startswith(surname), f"note {number}: {start!r}"
            assert not start.startswith(full_name), f"note {number}: {start!r}"


def test_pdf_references_give_note_pages(edition_pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(edition_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    references = text[text.index("Aron, Leon") :]
    assert "??" not in references
    assert re.search(r"Cited in notes? \d+ \(p\. \d+\)", references)
