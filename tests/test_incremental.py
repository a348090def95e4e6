"""Incremental and parallel builds of the edition give the pages a clean build gives.

A copy of the edition is built, then edited the way an author edits (citations, periods,
events and theme passages added, changed and deleted across chapters) and rebuilt
without ``-E``; after each round every HTML page is compared, byte for byte, with a clean
build of the same sources. ``-j 2`` is compared with ``-j 1`` the same way.  And an
incremental build writes no more than it must: nothing when nothing changed, and after
an edit only the pages whose bytes change (and those Sphinx itself always re-writes).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, build_edition

# Every test here builds a copy of the whole edition, several times.
pytestmark = pytest.mark.slow

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}


def _build(src: Path, out: Path, doctrees: Path, *extra: str) -> None:
    result = build_edition("html", out, doctrees, *extra, srcdir=src, env=ENV)
    assert result.returncode == 0, result.stderr


def _pages(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.html"))}


def _assert_same(built: Path, clean: Path) -> None:
    left, right = _pages(built), _pages(clean)
    assert sorted(left) == sorted(right)
    differing = [name for name in left if left[name] != right[name]]
    assert not differing, f"pages differ from a clean build: {differing}"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A copy of the edition's sources (docs/, the files of the root conf.py reads and the
    example extending.md includes, in the same layout)."""
    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("_build"))
    for name in ("refs.bib", "CITATION.cff", "tests/roots/test-persons/persons.py"):
        if (ROOT / name).exists():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, tmp_path / name)
    # The edits below add, move and remove notes, so the delivered notes (keyed by the
    # source's note numbers) no longer match the book: they are the subject of their own
    # tests (test_delivered.py), not of these.
    conf = tmp_path / "docs" / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + '\nedition_delivered_notes = ""\n', encoding="utf-8"
    )
    return tmp_path / "docs"


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _add_citation(book: Path) -> None:
    # A new first note: every later note is renumbered, Mead's note becomes short.
    _edit(
        book / "introduction.md",
        "prove difficult to classify.",
        "prove difficult to classify{notecite}`mead2014{p. 70}`.",
    )


def _period_and_events(book: Path) -> None:
    _edit(
        book / "putin-bush.md",
        ":title: The rapprochement after 11 September",
        ":title: The short rapprochement after 11 September",
    )
    text = (book / "first-decade.md").read_text(encoding="utf-8")
    # delete the first event of the chapter
    text = re.sub(r":::\{event\} 1991-12-25\n(?::.*\n)*:::\n", "", text, count=1)
    (book / "first-decade.md").write_text(text, encoding="utf-8")
    _edit(
        book / "obama.md",
        "## The limits of the reset\n",
        "## The limits of the reset\n\n:::{event} 2012-05-07\n:title: Putin's third term begins"
        "\n:climate: tension\n:::\n",
    )


def _themes_and_citations(book: Path) -> None:
    _edit(book / "conclusion.md", " {theme}`cooperation-confrontation`", "")
    _edit(book / "obama.md", "{notecite}`kanet2016`", "", count=1)
    _edit(
        book / "conclusion.md",
        "Faced with a difficult common history",
        "Faced with a difficult common history{notecite}`graham2008{p. 3}`",
    )


EDITS: list[Callable[[Path], None]] = [_add_citation, _period_and_events, _themes_and_citations]


def test_incremental_builds_match_clean_builds(book: Path, tmp_path: Path) -> None:
    out, doctrees = tmp_path / "inc", tmp_path / "inc.doctrees"
    _build(book, out, doctrees)
    for number, edit in enumerate(EDITS, start=1):
        edit(book)
        _build(book, out, doctrees)
        clean = tmp_path / f"clean{number}"
        _build(book, clean, tmp_path / f"clean{number}.doctrees", "-E")
        _assert_same(out, clean)


def test_parallel_build_matches_serial_build(book: Path, tmp_path: Path) -> None:
    _build(book, tmp_path / "j1", tmp_path / "j1.doctrees", "-j", "1")
    _build(book, tmp_path / "j2", tmp_path / "j2.doctrees", "-j", "2")
    _assert_same(tmp_path / "j2", tmp_path / "j1")


#: Written by every HTML build (Sphinx's index of terms and its search page), and the root
#: document, whose toctree Sphinx re-writes with any chapter it lists.
SPHINX_REWRITES = {"genindex.html", "search.html"}
TOCTREE_PARENT = "index.html"


def _stamps(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*.html")}


def _written_and_changed(
    book: Path, out: Path, doctrees: Path, edit: Callable[[Path], None]
) -> tuple[set[str], set[str]]:
    """The pages an incremental build after *edit* writes, and those whose bytes change."""
    stamps, pages = _stamps(out), _pages(out)
    edit(book)
    _build(book, out, doctrees)
    written = {p for p, stamp in _stamps(out).items() if stamps.get(p) != stamp}
    changed = {p for p, data in _pages(out).items() if pages.get(p) != data}
    return written - SPHINX_REWRITES, changed


def _touch(book: Path) -> None:
    os.utime(book / "obama.md")


def _one_word(book: Path) -> None:
    # past the first words of its passage: the thematic index's excerpt stays the same
    _edit(book / "obama.md", "a translation error complicates", "a translation error complicated")


def test_rebuilds_write_only_what_changes(book: Path, tmp_path: Path) -> None:
    out, doctrees = tmp_path / "inc", tmp_path / "inc.doctrees"
    _build(book, out, doctrees)
    written, changed = _written_and_changed(book, out, doctrees, lambda book: None)
    assert written == set(), "a no-op rebuild wrote pages"
    assert changed == set()
    written, _changed = _written_and_changed(book, out, doctrees, _touch)
    assert written == {"obama.html", TOCTREE_PARENT}
    written, changed = _written_and_changed(book, out, doctrees, _one_word)
    assert changed == {"obama.html"}
    assert written == {"obama.html", TOCTREE_PARENT}
    for edit in EDITS:
        written, changed = _written_and_changed(book, out, doctrees, edit)
        assert changed <= written, "a page changed but was not re-written"
        needless = written - changed - {TOCTREE_PARENT}
        assert not needless, f"re-written with the same bytes: {sorted(needless)}"
