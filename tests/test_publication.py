"""The reader's books' metadata (sphinx_edition.publication): creators and their roles, the
rights with the licence, the PDF's hyperref and hyperxmp keys escaped, and the ``license``
key of ``edition_metadata`` checked."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from sphinx_edition.config import check_metadata
from sphinx_edition.metadata import book_metadata
from sphinx_edition.publication import (
    Credit,
    epub_credits,
    latex_package,
    pdf_keys,
    pdf_string,
    rights_statement,
)


def _config(**given: Any) -> Any:
    values: dict[str, Any] = {
        "project": "The Electric Telegraph",
        "author": "Anonymous",
        "release": "1.0",
        "language": "en",
        "copyright": "2026, The Press",
        "html_baseurl": "https://example.org/telegraph/",
        "latex_documents": [("index", "telegraph.tex", "The Electric Telegraph", "Anonymous")],
        "edition_downloads": ["pdf"],
        "epub_author": "Anonymous",
        "epub_contributor": "unknown",
        "edition_metadata": {},
    }
    values.update(given)
    return SimpleNamespace(**values)


EDITORS = {"authors": [], "editors": [{"name": "The edition team"}]}


def test_unknown_author_credits_the_editors() -> None:
    creators, contributors = epub_credits(_config(edition_metadata=EDITORS))
    assert creators == (Credit("The edition team", "edt"),)
    assert contributors == ()


def test_authors_are_creators_and_editors_contributors() -> None:
    metadata = {"authors": ["Ada Lovelace"], "editors": ["Charles Babbage"]}
    creators, contributors = epub_credits(
        _config(edition_metadata=metadata, epub_contributor="Charles Babbage")
    )
    assert creators == (Credit("Ada Lovelace", "aut"),)
    # epub_contributor names an editor already credited: once only
    assert contributors == (Credit("Charles Babbage", "edt"),)


def test_a_name_that_names_no_one_is_not_a_creator() -> None:
    # No authors key: the authors default to ``author``, "Anonymous", which names no one.
    assert epub_credits(_config()) == ((), ())
    creators, _ = epub_credits(_config(epub_author="Ada Lovelace"))
    assert creators == (Credit("Ada Lovelace", ""),)


def test_rights_name_the_licence_once() -> None:
    licence = {"name": "MIT License", "url": "https://spdx.org/licenses/MIT.html"}
    assert rights_statement(book_metadata(_config(edition_metadata={"license": licence}))) == (
        "© 2026, The Press. Published under the MIT License."
    )
    given = {"license": licence, "rights": "© 2026 The Press, under the MIT License"}
    assert rights_statement(book_metadata(_config(edition_metadata=given))) == given["rights"]
    assert rights_statement(book_metadata(_config())) == "© 2026, The Press"


def test_pdf_keys_come_from_the_metadata() -> None:
    metadata = {
        **EDITORS,
        "date": "2026-11-24",
        "subtitle": "A history",
        "license": {"name": "MIT License", "url": "https://spdx.org/licenses/MIT.html"},
    }
    keys = dict(pdf_keys(_config(edition_metadata=metadata)))
    assert keys["pdfauthor"] == "The edition team"
    assert keys["pdfauthortitle"] == "Editor"
    assert keys["pdfdate"] == "2026-11-24"
    assert keys["pdftitle"] == "The Electric Telegraph: A history"
    assert keys["pdfsubtitle"] == "A history"
    assert keys["pdflicenseurl"] == "https://spdx.org/licenses/MIT.html"
    assert keys["pdfcopyright"] == "© 2026, The Press. Published under the MIT License."
    assert keys["pdfpubtype"] == "book"
    assert keys["pdfversionid"] == "1.0"
    assert keys["keeppdfinfo"] == "true"
    text = latex_package(_config(edition_metadata=metadata))
    assert "\\RequirePackage{hyperxmp}" in text
    assert "  pdfdate={2026-11-24},\n" in text


def test_pdf_values_are_escaped() -> None:
    assert pdf_string("50% of {A} & B_1 #2 ~ $3 \\x") == (
        r"50\% of \{A\} \& B\_1 \#2 \textasciitilde{} \$3 \textbackslash{}x"
    )
    # hyperxmp splits pdfauthor at commas: a name's own comma is \xmpcomma
    assert pdf_string("Smith, Jr.", list_item=True) == r"Smith\xmpcomma{} Jr."
    metadata = {"authors": ["Smith, Jr.", "Ada Lovelace"]}
    keys = dict(pdf_keys(_config(edition_metadata=metadata)))
    assert keys["pdfauthor"] == r"Smith\xmpcomma{} Jr., Ada Lovelace"
    assert "pdfauthortitle" not in keys


def test_license_key_is_checked() -> None:
    config: Any = SimpleNamespace()
    checked = check_metadata({"license": "MIT License"}, config)
    assert checked.value == {"license": {"name": "MIT License", "url": ""}}
    assert checked.problems == ()
    for bad in ({"name": ""}, {"name": "MIT", "href": "x"}, {"name": "MIT", "url": "LICENSE"}, 3):
        checked = check_metadata({"license": bad}, config)
        assert checked.value == {}, bad
        assert len(checked.problems) == 1, bad
        assert "license" in checked.problems[0], bad
