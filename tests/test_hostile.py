"""Hostile and broken books, each built in every builder with ``-W -n --keep-going``.

For every case of :mod:`hostile` and every builder this asserts: the exit status (non-zero
exactly where a warning is due), each warning at its file and line and typed ``edition``, no
traceback, as many notes written as the source holds, the text that must survive, and that
every XML output (the ePub's XHTML, the TEI) is well-formed.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from hostile import (
    BUILDERS,
    Case,
    cases_config,
    cases_input,
    cases_tei,
    count_notes,
    notes_due,
    outputs,
    write_book,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from sphinx.cmd.build import build_main
from sphinx_edition.periods.directives import CLIMATES

CASES = [*cases_input.CASES, *cases_config.CASES, *cases_tei.CASES]
RUNS = [
    pytest.param(case, builder, id=f"{case.id}-{builder}")
    for case in CASES
    for builder in BUILDERS
    if builder in case.builders
]


FLAGS = ["-W", "-n", "--keep-going", "-q", "-E"]


def _build(src: Path, out: Path, doctrees: Path, builder: str) -> int:
    return build_main(["-b", builder, *FLAGS, "-d", str(doctrees), str(src), str(out)])


def _located(stderr: str, file: str, line: int, pattern: str) -> bool:
    return any(
        re.search(rf"(^|[/\\]){re.escape(file)}:{line}:", w)
        and "[edition" in w
        and re.search(pattern, w)
        for w in stderr.splitlines()
    )


@pytest.mark.parametrize(("case", "builder"), RUNS)
def test_hostile_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Case, builder: str
) -> None:
    src = write_book(tmp_path, case)
    out = tmp_path / "out"
    code = _build(src, out, tmp_path / "doctrees", builder)
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr and "Exception occurred" not in stderr, stderr
    due = [w for w in case.warnings if builder in w.builders]
    if due:
        assert code != 0, f"the build under -W passed:\n{stderr}"
        for w in due:
            assert _located(stderr, w.file, w.line, w.pattern), (
                f"no warning at {w.file}:{w.line} matching {w.pattern!r}:\n{stderr}"
            )
    else:
        assert code == 0 and not stderr.strip(), stderr
    texts = outputs(builder, out)
    assert texts, f"{builder} wrote nothing"
    due_notes = notes_due(builder, case)
    assert count_notes(builder, texts, case) == due_notes, f"notes written ≠ {due_notes}"
    joined = "\n".join(texts.values())
    for kept in case.kept:
        assert kept in joined, f"{kept!r} lost from the {builder} output"
    if builder in {"epub", "tei"}:
        for path in texts:
            etree.parse(str(path))  # raises on XML that is not well-formed


def test_the_battery_is_large_and_distinct() -> None:
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)
    for case in CASES:
        assert case.warnings or case.why, f"{case.id}: a clean case says why it is clean"


# -- a property: whatever the text, it is written escaped ------------------------------------

#: Characters with a meaning in HTML, XML, LaTeX or TikZ, letters, and characters XML cannot
#: hold (which XML outputs drop).
MARKUP = "<>&\"'%$#_^~\\{}"
CONTROL = "\x01\x08\x0b\x1f\ufffe"
SAFE = "abcxyz ABC 019.;!?é–"


def _payload(alphabet: str) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=1, max_size=24).filter(lambda t: t.strip())


#: rST, so that the text of a summary is text: MyST would pass ``<b>`` through as raw HTML,
#: which is the author's to choose.  rST's own inline markup (``*``, backquotes, ``|``,
#: ``_``, ``[``, the backslash) is left out of the text that rST parses (the summary and the
#: role's locator); option values are not parsed.
RST_BOOK = """\
Chapter
=======

.. period:: p1
   :title: {title}
   :start: 1991
   :end: 1999
   :actors: A; B
   :climate: {climate}

   Summary {summary} end.

.. event:: 1995-05-10
   :title: {event}
   :climate: tension

A note\\ :notecite:`prop2001{{p. {locator}}}`.

.. timeline::
"""

PROP_BIB = (
    "@book{{prop2001,\n  author = {{Prop, Pat}}, title = {{{title}}},\n  year = {{2001}},\n}}\n"
)


def _bib_escaped(text: str) -> str:
    """*text* as a BibTeX field (its TeX specials escaped)."""
    return "".join("\\" + c if c in "&%$#_" else c for c in text)


_STRAIGHT = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def _xml_text(text: str) -> str:
    """*text* as an XML output holds it: what XML cannot hold dropped, spaces collapsed
    (docutils reads a vertical tab or a form feed of the source as a space), and typographic
    quotes as the straight ones they were typed as (the Oxford forms print an apostrophe of
    a title as ’)."""
    text = text.replace("\x0b", " ").replace("\x0c", " ").translate(_STRAIGHT)
    kept = "".join(c for c in text if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff"))
    return " ".join(kept.split())


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    title=_payload(SAFE + MARKUP + CONTROL),
    climate=_payload(SAFE + MARKUP),
    summary=_payload(SAFE + "<>&\"'%$#^~{}" + CONTROL),
    event=_payload(SAFE + MARKUP),
    locator=_payload(SAFE + "<>&\"'%$#_^~"),
    bibtitle=_payload(SAFE + "<>\"'&%$#_"),
)
def test_any_text_is_written_escaped(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    climate: str,
    summary: str,
    event: str,
    locator: str,
    bibtitle: str,
) -> None:
    root = tmp_path_factory.mktemp("prop")
    # Each value stands between marks of letters, which no format changes: whatever is
    # between them in an output is that value as the output wrote it.
    values = {"title": title, "summary": summary, "event": event, "locator": locator}
    marked = {name: f"{OPEN}{value.strip()}{CLOSE}" for name, value in values.items()}
    case = Case(
        "property",
        # the text as typed: no typographic quotes or dashes made of it
        conf="smartquotes = False\n",
        files={
            "index.md": "# Book\n\n```{toctree}\nrstchap\nrefs\n```\n",
            "rstchap.rst": RST_BOOK.format(climate=climate, **marked),
            "refs.bib": PROP_BIB.format(title=_bib_escaped(f"{OPEN}{bibtitle.strip()}{CLOSE}")),
        },
    )
    src = write_book(root, case)
    (src / "chapter.md").unlink()
    texts = {}
    for builder in ("html", "latex", "tei"):
        out = root / builder
        build_main(
            ["-b", builder, "-q", "-E", "-d", str(root / f"d-{builder}"), str(src), str(out)]
        )
        texts[builder] = outputs(builder, out)
    shown = {_xml_text(v.strip()) for v in (*values.values(), bibtitle)}
    # HTML and TEI, parsed: every value is text there, whole, so none of it became markup
    (page,) = [p for p in texts["html"] if p.stem == "rstchap"]
    html_found = _marked(lxml.html.parse(str(page)).getroot().text_content())
    (tei,) = texts["tei"]
    tei_found = _marked("".join(etree.parse(str(tei)).getroot().itertext()))
    assert shown <= {_xml_text(v) for v in html_found}, html_found
    assert shown <= {_xml_text(v) for v in tei_found}, tei_found
    # LaTeX: between the marks, no character of TeX's is left unescaped
    (tex,) = texts["latex"].values()
    written = _marked(tex, normalise=False)
    assert len(written) >= len(shown), written
    for value in written:
        bare = TEX_ESCAPES.sub("", value)
        assert not re.search(r"[\\{}%$#&_^~]", bare), value
    # an unknown climate is not written anywhere
    if climate.strip() not in CLIMATES:
        for builder_texts in texts.values():
            for text in builder_texts.values():
                assert f"climate-{climate.strip()}" not in text


OPEN, CLOSE = "QQOPENQQ", "QQCLOSEQQ"

#: TeX's escapes of its special characters, as Sphinx's LaTeX writer and TikZ labels write
#: them (``sphinx.util.texescape``).
TEX_ESCAPES = re.compile(r"\\(?:[{}&%$#_]|text[a-z]+\{\}|sphinx(?:hyphen|quotedbl)\{\})")


def _marked(text: str, *, normalise: bool = True) -> list[str]:
    """Every run of *text* between the marks (spaces collapsed, where *normalise*)."""
    found = re.findall(f"{OPEN}(.*?){CLOSE}", text, re.S)
    return [" ".join(v.split()) if normalise else v for v in found]
