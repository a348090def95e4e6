"""The edition in the scholarly web: Highwire, Dublin Core and JSON-LD metadata, COinS, and the
BibTeX and RIS exports, read back from the built HTML as a reference manager reads them."""

from __future__ import annotations

import json
import os
import re
import runpy
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, IN_CI, ROOT
from pybtex.database import parse_file, parse_string
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.reader import download_basename
from sphinx_edition.works import (
    LITERAL_LISTS,
    Name,
    Work,
    coins,
    date_parts,
    iso_date,
    plain,
    ris_record,
    ris_text,
    work_from_entry,
)

CONF = runpy.run_path(str(DOCS / "conf.py"))
#: The book's title with its subtitle, as its page and its chapters' pages name it.
FULL_TITLE = f"{CONF['project']}: {CONF['edition_metadata']['subtitle']}"
EXTENDING = (DOCS / "extending.md").read_text(encoding="utf-8")


def example(name: str) -> Any:
    """The value of *name* in the Extending page's fenced Python example that sets it."""
    for block in re.findall(r"^```python\n(.*?)^```", EXTENDING, re.M | re.S):
        if re.search(rf"^{name} = ", block, re.M):
            return runpy.run_path(_write_tmp(block))[name]
    raise AssertionError(f"no example sets {name}")


def _write_tmp(text: str) -> str:
    import tempfile  # noqa: PLC0415

    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(text)
    return handle.name


BIB = parse_file(str(ROOT / "refs.bib"))
#: The works of refs.bib whose ``month`` gives a day and month (Aron's "Summer" gives none).
FULL_DATES = {"cohen2004": "2004-03-09"}
#: COinS genre and RIS type of each BibTeX entry type of refs.bib.
GENRES = {"article": "article", "book": "book", "incollection": "bookitem", "techreport": "report"}
RIS_TYPES = {"article": "JOUR", "book": "BOOK", "incollection": "CHAP", "techreport": "RPRT"}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _meta(soup: BeautifulSoup, name: str) -> list[str]:
    return [str(tag["content"]) for tag in soup.find_all("meta", attrs={"name": name})]


def _jsonld(soup: BeautifulSoup) -> dict[str, Any]:
    scripts = soup.find_all("script", attrs={"type": "application/ld+json"})
    assert len(scripts) == 1
    data: dict[str, Any] = json.loads(scripts[0].string)
    return data


def _cited_keys(chapter: str) -> list[str]:
    text = (DOCS / f"{chapter}.md").read_text(encoding="utf-8")
    keys: list[str] = []
    for target in re.findall(r"\{notecite\}`([^`]+)`", text):
        for key in re.sub(r"\{[^}]*\}", "", target).split(","):
            if key.strip() not in keys:
                keys.append(key.strip())
    return keys


# -- meta tags and JSON-LD ------------------------------------------------------------------


def test_chapter_page_has_highwire_and_dublin_core(edition_html: Path) -> None:
    soup = _soup(edition_html / "introduction.html")
    head = soup.head
    assert head is not None
    assert _meta(head, "citation_title") == ["Introduction"]
    # What Zotero reads for a book section, and what Google Scholar reads.
    assert _meta(head, "citation_book_title") == [FULL_TITLE]
    assert _meta(head, "citation_inbook_title") == [FULL_TITLE]
    assert _meta(head, "citation_language") == [CONF["language"]]
    date = CONF["edition_metadata"]["date"]
    assert _meta(head, "citation_publication_date") == [date.replace("-", "/")]
    base = CONF["html_baseurl"]
    assert _meta(head, "citation_fulltext_html_url") == [f"{base}introduction.html"]
    # The PDF is the whole book: the book's page names it, a chapter's does not.
    assert _meta(head, "citation_pdf_url") == []
    assert _meta(head, "DC.title") == ["Introduction"]
    assert _meta(head, "DC.language") == [CONF["language"]]
    assert _meta(head, "DC.date") == [date]
    assert _meta(head, "DC.relation.isPartOf") == [FULL_TITLE]
    authors = CONF.get("edition_metadata", {}).get("authors", [CONF["author"]])
    assert _meta(head, "citation_author") == authors
    assert _meta(head, "DC.creator") == authors


@pytest.mark.parametrize("name", ["genindex.html", "search.html"])
def test_template_pages_are_no_work(edition_html: Path, name: str) -> None:
    """The general index and the search page are not part of the work: no Highwire or Dublin
    Core tag (an empty ``citation_title`` there made a work of them), no JSON-LD."""
    head = _soup(edition_html / name).head
    assert head is not None
    names = [str(m.get("name", "")) for m in head.select("meta")]
    assert [n for n in names if n.startswith(("citation_", "DC."))] == []
    assert head.select('script[type="application/ld+json"]') == []


def test_root_page_is_the_book_with_its_chapters(edition_html: Path) -> None:
    soup = _soup(edition_html / "index.html")
    assert soup.head is not None
    assert _meta(soup.head, "citation_title") == [FULL_TITLE]
    assert _meta(soup.head, "citation_book_title") == []
    pdf = CONF["latex_documents"][0][1].replace(".tex", ".pdf")
    assert _meta(soup.head, "citation_pdf_url") == [f"{CONF['html_baseurl']}downloads/{pdf}"]
    book = _jsonld(soup)
    assert book["@context"] == "https://schema.org"
    assert book["@type"] == "Book"
    assert book["name"] == CONF["project"]
    assert book["inLanguage"] == CONF["language"]
    assert book["url"] == CONF["html_baseurl"]
    chapters = [part["name"] for part in book["hasPart"]]
    assert chapters[:2] == [
        "Introduction",
        "The first decade of post-Soviet Russian-American relations: craze and tensions",
    ]
    assert "References" in chapters
    assert [part["position"] for part in book["hasPart"]] == list(range(1, len(chapters) + 1))
    assert book["hasPart"][0]["url"] == f"{CONF['html_baseurl']}introduction.html"


@pytest.mark.parametrize("chapter", ["introduction", "first-decade", "putin-bush", "obama"])
def test_chapter_jsonld_is_part_of_the_book_and_lists_its_works(
    edition_html: Path, chapter: str
) -> None:
    data = _jsonld(_soup(edition_html / f"{chapter}.html"))
    assert data["@type"] == "Chapter"
    assert data["isPartOf"]["@type"] == "Book"
    assert data["isPartOf"]["name"] == CONF["project"]
    keys = _cited_keys(chapter)
    assert keys
    cited = data["citation"]
    assert [c["name"] for c in cited] == [plain(BIB.entries[k].fields["title"]) for k in keys]
    types = {
        "article": "ScholarlyArticle",
        "book": "Book",
        "incollection": "Chapter",
        "techreport": "Report",
    }
    for item, key in zip(cited, keys, strict=True):
        entry = BIB.entries[key]
        # a review is a schema.org Review (of the work it names), whatever its entry type
        assert item["@type"] == ("Review" if "x-review-of" in entry.fields else types[entry.type])
        assert item["datePublished"] == FULL_DATES.get(key, entry.fields["year"])


#: The pages about the edition, as their front matter marks them (read from the sources).
EDITORIAL = {
    path.stem
    for path in DOCS.glob("*.md")
    if re.match(r"---\n(?:.*\n)*?edition-page: editorial\n(?:.*\n)*?---\n", path.read_text("utf-8"))
}


def test_editorial_pages_are_marked() -> None:
    """About, Timeline, Themes, Cite and Extending are about the edition, not parts of it."""
    assert {"about", "timeline", "themes", "cite", "extending"} == EDITORIAL


def test_every_page_is_typed_as_a_work_or_none(edition_html: Path) -> None:
    """Each page of the work names its type and at least one creator, as Google Scholar's
    inclusion guidelines and Zotero's Embedded Metadata translator need; a page about the
    edition carries no Highwire or Dublin Core tag (it is no work to be cited) and a
    schema.org ``WebPage`` of the book; the book's parts leave it out."""
    book = _jsonld(_soup(edition_html / "index.html"))
    parts = {part["url"].removeprefix(CONF["html_baseurl"]) for part in book["hasPart"]}
    pages = 0
    for page in sorted(edition_html.glob("*.html")):
        if page.name in {"genindex.html", "search.html"}:
            continue
        pages += 1
        soup = _soup(page)
        assert soup.head is not None
        names = [str(m.get("name", "")) for m in soup.head.select("meta")]
        data = _jsonld(soup)
        licence = CONF["edition_metadata"]["license"]
        assert [str(a["href"]) for a in soup.head.select('link[rel="license"]')] == [
            licence["url"]
        ], page.name
        if page.stem in EDITORIAL:
            assert [n for n in names if n.startswith(("citation_", "DC."))] == [], page.name
            assert data["@type"] == "WebPage", page.name
            assert data["isPartOf"]["@type"] == "Book"
            assert page.name not in parts
            continue
        assert _meta(soup.head, "citation_title"), page.name
        creators = _meta(soup.head, "citation_author") + _meta(soup.head, "citation_editor")
        assert creators, page.name
        assert _meta(soup.head, "DC.contributor") + _meta(soup.head, "DC.creator") == creators
        (rights,) = _meta(soup.head, "DC.rights")
        assert licence["name"] in rights and CONF["edition_metadata"]["rights"] in rights
        root = page.stem == CONF["root_doc"]
        assert _meta(soup.head, "DC.type") == ["book" if root else "bookItem"], page.name
        assert data["@type"] == ("Book" if root else "Chapter"), page.name
        assert root or page.name in parts, page.name
    assert pages == len(list(DOCS.glob("*.md")))


# -- COinS ----------------------------------------------------------------------------------


def _coins(edition_html: Path) -> list[dict[str, list[str]]]:
    soup = _soup(edition_html / "references.html")
    spans = soup.select("span.Z3988")
    records = []
    for span in spans:
        # Invisible and silent: no text, hidden from assistive technology.
        assert span.get_text() == ""
        assert span["aria-hidden"] == "true"
        record: dict[str, list[str]] = {}
        for key, value in parse_qsl(str(span["title"]), strict_parsing=True):
            record.setdefault(key, []).append(value)
        records.append(record)
    return records


def test_references_page_has_one_coins_per_work(edition_html: Path) -> None:
    records = _coins(edition_html)
    assert len(records) == 43
    genres = Counter(r["rft.genre"][0] for r in records)
    expected = Counter(GENRES[e.type] for e in BIB.entries.values())
    assert genres == expected
    print(f"COinS on the References page: {dict(genres)}")
    for record in records:
        assert record["ctx_ver"] == ["Z39.88-2004"]


def test_coins_values_match_refs_bib(edition_html: Path) -> None:
    by_title: dict[str, dict[str, list[str]]] = {}
    for record in _coins(edition_html):
        title = (record.get("rft.atitle") or record["rft.btitle"])[0]
        by_title[title] = record
    for key, entry in BIB.entries.items():
        work = work_from_entry(key, entry)
        record = by_title[work.title]
        assert record["rft.date"] == [FULL_DATES.get(key, entry.fields["year"])]
        assert record.get("rft.au", []) == [p.inverted for p in work.authors], key
        if entry.type == "article":
            assert record["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
            assert record["rft.jtitle"] == [plain(entry.fields["journal"])]
            for field, kev in (("volume", "rft.volume"), ("number", "rft.issue")):
                if field in entry.fields:
                    # as printed: BibTeX's "--" is an en rule
                    assert record[kev] == [plain(entry.fields[field])]
            if "pages" in entry.fields:
                assert record["rft.spage"] == [entry.fields["pages"].split("-")[0]]
        else:
            assert record["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"]
            publisher = entry.fields.get("publisher") or entry.fields.get("institution")
            assert record.get("rft.pub", []) == ([plain(publisher)] if publisher else [])
            place = entry.fields.get("address")
            assert record.get("rft.place", []) == ([place] if place else [])
        if entry.type == "incollection":
            assert record["rft.btitle"] == [plain(entry.fields["booktitle"])]


def test_coins_of_a_chapter_in_an_edited_book() -> None:
    work = Work(
        key="k",
        type="incollection",
        title="A Chapter",
        authors=(Name("Ann", "Author"),),
        editors=(Name("Ed", "Itor"),),
        container="The Book",
        volume="",
        issue="",
        pages="5–9",
        first_page="5",
        last_page="9",
        year="2001",
        publisher="P",
        place="London",
        edition="",
        report_type="",
        isbn="",
        issn="",
        doi="10.1/x",
        url="",
    )
    pairs = parse_qsl(coins(work, "info:sid/example.org:edition"))
    assert pairs[:3] == [
        ("ctx_ver", "Z39.88-2004"),
        ("rfr_id", "info:sid/example.org:edition"),
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"),
    ]
    record = dict(pairs)
    assert record["rft.genre"] == "bookitem"
    assert record["rft.atitle"] == "A Chapter"
    assert record["rft.btitle"] == "The Book"
    assert record["rft.au"] == "Author, Ann"
    assert "rft.contributor" not in record  # the book's editors are not the chapter's
    assert (record["rft.spage"], record["rft.epage"]) == ("5", "9")
    assert record["rft_id"] == "info:doi/10.1/x"


# -- exports --------------------------------------------------------------------------------


def _downloads(edition_html: Path) -> Path:
    return edition_html / "downloads"


def test_bib_export_parses_to_the_same_43_works(edition_html: Path) -> None:
    basename = CONF["epub_basename"]
    exported = parse_file(str(_downloads(edition_html) / f"{basename}.bib"))
    assert list(exported.entries) == list(BIB.entries)
    for key, entry in BIB.entries.items():
        ours = exported.entries[key]
        assert ours.type == entry.type
        fields = {
            # a literal field with an "and" in it is one literal: protected by braces
            k: "{" + v + "}" if k in LITERAL_LISTS and " and " in v else v
            for k, v in entry.fields.items()
            if not k.startswith("x-")
        }
        if "x-review-of" in entry.fields:  # a review says what it reviews, as a note
            fields["note"] = f"Review of {entry.fields['x-review-of']}"
        assert dict(ours.fields) == fields
        assert {r: [str(p) for p in ps] for r, ps in ours.persons.items()} == {
            r: [str(p) for p in ps] for r, ps in entry.persons.items()
        }


#: A line of a RIS file: a two-character tag, two spaces, a hyphen, a space (RIS specification).
RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - (.*)$")


def _ris_records(text: str) -> list[list[tuple[str, str]]]:
    records: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = RIS_LINE.match(line)
        assert match, f"not a RIS line: {line!r}"
        tag = line[:2]
        current.append((tag, match.group(1)))
        if tag == "ER":
            records.append(current)
            current = []
    assert current == [], "a record without ER"
    return records


def test_ris_export_has_43_records_of_the_right_types(edition_html: Path) -> None:
    basename = CONF["epub_basename"]
    records = _ris_records((_downloads(edition_html) / f"{basename}.ris").read_text("utf-8"))
    assert len(records) == 43
    for record, (key, entry) in zip(records, BIB.entries.items(), strict=True):
        assert record[0] == ("TY", RIS_TYPES[entry.type])
        assert record[-1] == ("ER", "")
        tags = dict(record)
        assert tags["ID"] == key
        assert tags["PY"] == entry.fields["year"]
        assert tags["T1"] == plain(entry.fields["title"])
        authors = [v for t, v in record if t == "AU"]
        assert authors == [p.inverted for p in work_from_entry(key, entry).authors]


def test_ris_writer_follows_the_tag_specification() -> None:
    work = work_from_entry("blank2011", BIB.entries["blank2011"])
    record = ris_record(work)
    assert record["type_of_reference"] == "JOUR"
    (only,) = _ris_records(ris_text([work]))
    tags = [t for t, _ in only]
    assert tags[0] == "TY" and tags[-1] == "ER"
    assert dict(only)["JO"] == "Russia, China and Eurasia"
    # refs.bib's double issue "4--5", as text: an en rule, never "4/5" again (27/4/5)
    assert dict(only)["IS"] == plain(BIB.entries["blank2011"].fields["number"]) == "4–5"
    assert not ris_text([work]).startswith("1.")  # rispy's numbered header is not RIS


#: Zotero's reading of ``DA`` (``RIS.js``, ``dateRIStoZotero``): YYYY/MM/DD/other.
ZOTERO_RIS_DATE = re.compile(r"^(\d+)(?:/(\d{0,2})(?:/(\d{0,2})(?:(?:/|\s)([^/]*))?)?)?$")


def test_ris_editors_are_editors_and_dates_keep_their_months(edition_html: Path) -> None:
    """Editors as ``ED`` (Zotero reads ``A2`` of a book as its series editor), and every
    ``month`` of refs.bib in ``DA`` as Zotero parses it."""
    basename = CONF["epub_basename"]
    records = _ris_records((_downloads(edition_html) / f"{basename}.ris").read_text("utf-8"))
    dated = 0
    for record, (key, entry) in zip(records, BIB.entries.items(), strict=True):
        editors = [v for t, v in record if t == "ED"]
        assert editors == [p.inverted for p in work_from_entry(key, entry).editors], key
        assert "A2" not in dict(record), key
        if "month" in entry.fields:
            dated += 1
            match = ZOTERO_RIS_DATE.match(dict(record)["DA"])
            assert match and match.group(1) == entry.fields["year"], key
    assert dated == sum("month" in e.fields for e in BIB.entries.values()) >= 2
    cohen = dict(records[list(BIB.entries).index("cohen2004")])
    assert ZOTERO_RIS_DATE.match(cohen["DA"]).groups()[:3] == ("2004", "03", "09")  # type: ignore[union-attr]
    aron = dict(records[list(BIB.entries).index("aron2006")])
    assert ZOTERO_RIS_DATE.match(aron["DA"]).groups() == ("2006", "", "", "Summer")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("month", "parts", "iso"),
    [
        ("", (None, None, ""), "2004"),
        ("mar", (3, None, ""), "2004-03"),
        ("March", (3, None, ""), "2004-03"),
        ("3", (3, None, ""), "2004-03"),
        ("9 March", (3, 9, ""), "2004-03-09"),
        ("March 9", (3, 9, ""), "2004-03-09"),
        ("Summer", (None, None, "Summer"), "2004"),
        ("13", (None, None, ""), "2004"),
    ],
)
def test_date_parts_of_bibtex_months(month: str, parts: tuple[Any, ...], iso: str) -> None:
    entry = parse_string(
        f"@article{{k, title={{T}}, year={{2004}}, month={{{month}}}}}", "bibtex"
    ).entries["k"]
    work = work_from_entry("k", entry)
    assert tuple(date_parts(work))[1:] == parts
    assert iso_date(work) == iso


def test_no_tex_quote_is_left_in_plain_text(edition_html: Path) -> None:
    """TeX's `x' and ``x'' print as quotation marks in the RIS, the COinS and the JSON-LD."""
    assert plain("Obama's Russia `Reset': Another?") == "Obama's Russia \u2018Reset\u2019: Another?"
    assert plain("``Quoted'' text") == "\u201cQuoted\u201d text"
    quoted = [k for k, e in BIB.entries.items() if "`" in e.fields.get("title", "")]
    assert len(quoted) >= 3
    basename = CONF["epub_basename"]
    assert "`" not in (_downloads(edition_html) / f"{basename}.ris").read_text("utf-8")
    references = (edition_html / "references.html").read_text("utf-8")
    for span in BeautifulSoup(references, "lxml").select("span.Z3988"):
        assert "`" not in unquote(str(span["title"]))


def test_a_review_says_what_it_reviews_in_every_export(edition_html: Path) -> None:
    """Monaghan (2015) reviews Stent's book: the RIS note, the JSON-LD ``Review`` of the
    pages that cite it and the BibTeX note say so (not an article of Monaghan's own)."""
    reviews = [k for k, e in BIB.entries.items() if "x-review-of" in e.fields]
    assert reviews == ["monaghan2015"]
    reviewed = plain(BIB.entries["monaghan2015"].fields["x-review-of"])
    assert reviewed.startswith("Angela Stent, The Limits of Partnership") and "\\" not in reviewed
    basename = CONF["epub_basename"]
    records = _ris_records((_downloads(edition_html) / f"{basename}.ris").read_text("utf-8"))
    notes = {dict(r)["ID"]: [v for t, v in r if t == "N1"] for r in records}
    assert notes["monaghan2015"] == [f"Review of {reviewed}"]
    assert [k for k, n in notes.items() if n] == ["monaghan2015"]
    items = [
        item
        for page in edition_html.glob("*.html")
        for script in _soup(page).select('script[type="application/ld+json"]')
        for item in json.loads(script.string or "{}").get("citation", [])
        if item.get("name") == plain(BIB.entries["monaghan2015"].fields["title"])
    ]
    assert items and all(i["@type"] == "Review" for i in items)
    assert all(i["itemReviewed"]["name"] == reviewed for i in items)


#: The CSL styles of New Hart's Rules and the Oxford Guide to Style, beside the project.
SHARED_CSL = ROOT.parent / "shared" / "csl"


def test_csl_json_is_read_by_a_citeproc_processor(edition_html: Path) -> None:
    """citeproc-py reads the CSL-JSON export: every work with its creators in their roles,
    its date with its month, no TeX left; New Hart's Rules' style cites each by its
    creators' names."""
    from citeproc import (  # noqa: PLC0415 -- a test dependency only
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON  # noqa: PLC0415

    basename = CONF["epub_basename"]
    data = json.loads((_downloads(edition_html) / f"{basename}.json").read_text("utf-8"))
    assert [item["id"] for item in data] == list(BIB.entries)
    source = CiteProcJSON(data)
    texts = json.dumps(data, ensure_ascii=False)
    assert "`" not in texts and "\\\\" not in texts  # no TeX quote, no command
    for key, entry in BIB.entries.items():
        reference = source[key.lower()]
        for role in ("author", "editor"):
            names = [str(n.family) for n in reference.get(role, [])]
            expected = [
                " ".join((*p.prelast_names, *p.last_names)) for p in entry.persons.get(role, [])
            ]
            assert [plain(n) for n in expected] == names, (key, role)
        assert reference["issued"]["year"] == int(entry.fields["year"]), key
    assert source["cohen2004"]["issued"]["month"] == 3 and source["cohen2004"]["issued"]["day"] == 9
    assert data[list(BIB.entries).index("aron2006")]["issued"]["season"] == "Summer"
    style = CitationStylesStyle(str(SHARED_CSL / "new-harts-rules-notes.csl"), validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for key, entry in BIB.entries.items():
        citation = Citation([CitationItem(key)])
        bibliography.register(citation)
        printed = str(bibliography.cite(citation, lambda item: None))
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        assert people and plain(people[0].last_names[-1]) in printed, (key, printed)


#: citation-js (npm) reads a BibTeX file and prints its CSL-JSON.
CITATION_JS = """
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
const text = require('fs').readFileSync(process.argv[1], 'utf8');
process.stdout.write(JSON.stringify(new Cite(text).format('data', { format: 'object' })));
"""


def _citation_js(bib: Path) -> list[dict[str, Any]]:
    """*bib* as citation-js reads it (installed with npm, by .ci/run as by the README)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        if IN_CI:
            pytest.fail("node is missing: .ci/run must install Node.js")
        pytest.skip("node is not installed")
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, check=True)
    modules = root.stdout.strip()
    if not (Path(modules) / "@citation-js" / "plugin-bibtex").is_dir():
        if IN_CI:
            pytest.fail("citation-js is missing: .ci/run must install @citation-js/plugin-bibtex")
        pytest.skip("citation-js is not installed")
    result = subprocess.run(
        [node, "-e", CITATION_JS, str(bib)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NODE_PATH": modules},
    )
    return list(json.loads(result.stdout))


def test_citation_js_reads_the_bibtex_export(edition_html: Path) -> None:
    """citation-js reads every work of the BibTeX export with its creators in their roles,
    and an institution with "and" in its name as one institution."""
    basename = CONF["epub_basename"]
    items = {i["id"]: i for i in _citation_js(_downloads(edition_html) / f"{basename}.bib")}
    assert list(items) == list(BIB.entries)
    for key, entry in BIB.entries.items():
        work = work_from_entry(key, entry)
        item = items[key]
        for role, names in (("author", work.authors), ("editor", work.editors)):
            assert [n.get("family") for n in item.get(role, [])] == [n.family for n in names], key
        if work.publisher:
            assert item["publisher"] == work.publisher, key
        if work.place:
            assert item["publisher-place"] == work.place, key
    assert items["graham2008"]["publisher"] == "Center for Strategic and International Studies"


def test_each_entry_links_to_its_records(edition_html: Path) -> None:
    soup = _soup(edition_html / "references.html")
    exports = soup.select("p.edition-exports")
    assert len(exports) == 43
    for block in exports:
        links = block.select("a.edition-export")
        assert [a.get_text() for a in links] == ["BibTeX", "RIS"]
        for link in links:
            target = edition_html / str(link["href"])
            assert target.is_file(), link["href"]
        key = Path(str(links[0]["href"])).stem
        single = parse_string(target.with_suffix(".bib").read_text("utf-8"), "bibtex")
        assert list(single.entries) == [key]


# -- configuration --------------------------------------------------------------------------


def test_edition_metadata_overrides_the_sphinx_configuration(rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "book"
    shutil.copytree(rootdir / "test-foreign", srcdir)
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        confoverrides={
            "html_baseurl": "https://example.org/telegraph",
            # The Extending page's example, and a key that does not exist.
            "edition_metadata": {**example("edition_metadata"), "nonsense": 1},
        },
    )
    try:
        app.build()
        warnings = app.warning.getvalue()
        assert "edition_metadata: unknown key 'nonsense'" in warnings
        soup = _soup(Path(app.outdir) / "chapter.html")
        assert soup.head is not None
        assert _meta(soup.head, "citation_author") == ["Ada Lovelace", "Charles Wheatstone"]
        assert _meta(soup.head, "citation_publisher") == ["The Press"]
        assert _meta(soup.head, "citation_publication_date") == ["2026/03"]
        assert _meta(soup.head, "DC.date") == ["2026-03"]
        shown = re.search(r"^```html\n(.*?)^```", EXTENDING, re.M | re.S)
        assert shown is not None
        written = {
            (m["name"], m["content"]) for m in soup.head.find_all("meta", attrs={"name": True})
        }
        for tag in BeautifulSoup(shown.group(1), "lxml").find_all("meta"):
            assert (tag["name"], tag["content"]) in written, tag
        assert _meta(soup.head, "citation_fulltext_html_url") == [
            "https://example.org/telegraph/chapter.html"
        ]
        basename = download_basename(app.config)
        assert (Path(app.outdir) / "downloads" / f"{basename}.bib").is_file()
        assert _coins_count(Path(app.outdir) / "references.html") == len(
            parse_file(str(srcdir / "works.bib")).entries
        )
    finally:
        app.cleanup()


def _coins_count(page: Path) -> int:
    return len(_soup(page).select("span.Z3988"))


def test_no_metadata_in_the_epub(edition_epub: Path) -> None:
    # An e-reader has the package metadata; a script block would need the "scripted" property.
    text = (edition_epub / "introduction.xhtml").read_text(encoding="utf-8")
    assert "citation_title" not in text and "ld+json" not in text
    assert "Z3988" not in (edition_epub / "references.xhtml").read_text(encoding="utf-8")


def test_cite_page_says_what_zotero_saves(edition_html: Path) -> None:
    """The Cite page's account of what Zotero saves matches the tags the pages carry: the
    pages it names as not parts of the work are the editorial pages of the reading sidebar
    (Extending is for authors), and the number of works it offers is the References'."""
    text = (DOCS / "cite.md").read_text(encoding="utf-8")
    named = re.search(r"the pages about the edition \(([^)]*)\)", text, re.S)
    assert named is not None
    titles = set(re.split(r",\s*|\s+and\s+", " ".join(named.group(1).split())))
    titles = {"Cite" if t == "this page" else t for t in titles}
    expected = {
        _soup(edition_html / f"{doc}.html").title.get_text().split(" ")[0].strip()
        for doc in EDITORIAL - {"extending"}
    }
    assert titles == expected
    works = re.search(r"each of the (\d+) works", text)
    assert works is not None
    assert int(works.group(1)) == len(_coins(edition_html))
    root = _soup(edition_html / "index.html").head
    chapter = _soup(edition_html / "introduction.html").head
    assert root is not None and chapter is not None
    assert "**Book**" in text and _meta(root, "DC.type") == ["book"]
    assert _meta(root, "citation_pdf_url") and not _meta(root, "citation_inbook_title")
    assert "**Book Section**" in text and _meta(chapter, "citation_inbook_title")
    assert "as editor and no author" in text
    assert _meta(root, "citation_editor") and not _meta(root, "citation_author")
