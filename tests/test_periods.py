"""Periods and events: the ``period`` and ``event`` directives, in every output format."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from zipfile import ZipFile

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from lxml import etree
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.domain import PERIOD_ATTR, period_for_node
from sphinx_edition.periods import event_slug, parse_date, span_label
from sphinx_edition.view import get_view

ROOTS = Path(__file__).resolve().parent / "roots"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last", "label"),
    [
        ("1992", date(1992, 1, 1), date(1992, 12, 31), "1992"),
        ("1992-06", date(1992, 6, 1), date(1992, 6, 30), "June 1992"),
        ("2000-02", date(2000, 2, 1), date(2000, 2, 29), "February 2000"),
        ("1992-06-17", date(1992, 6, 17), date(1992, 6, 17), "17 June 1992"),
    ],
)
def test_parse_date(text: str, first: date, last: date, label: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert (parsed.first(), parsed.last(), parsed.label()) == (first, last, label)


@pytest.mark.parametrize(
    "text", ["", "92", "1992-6", "1992-13", "2001-02-29", "1992-06-31", "17/06/1992", "0000"]
)
def test_malformed_or_impossible_dates(text: str) -> None:
    assert parse_date(text) is None


def test_span_and_slug() -> None:
    assert span_label("1991-12", "1999") == "December 1991 – 1999"
    assert span_label("2001", "2001") == "2001"
    assert event_slug("1992-06-17", "Washington Charter!") == "1992-06-17-washington-charter"
    assert event_slug("2010-09-22", "S-300 délivery") == "2010-09-22-s-300-delivery"


# -- the good project -----------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="periods", freshenv=True)
def test_domain_records_periods_and_events(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    periods = {p.id: p for p in get_view(app.env).periods()}
    assert list(periods) == ["nineties", "complications", "noughties", "after-attacks"]
    assert periods["nineties"].parent is None
    assert periods["complications"].parent == "nineties"  # inferred from the section
    assert periods["after-attacks"].parent == "noughties"
    assert periods["nineties"].actors == ("Bill Clinton", "Boris Yeltsin")
    assert periods["nineties"].summary == "A decade of rapprochement."
    assert periods["complications"].anchor == "period-complications"
    events = {e.id: e for e in get_view(app.env).events()}
    assert events["1992-06-17-washington-charter"].period == "nineties"
    assert events["kosovo"].period == "complications"  # explicit :id:
    assert events["2001-09-11-attacks-of-11-september"].period == "after-attacks"
    assert events["slovenia"].period == "after-attacks"  # the period of its section

    doctree = app.env.get_doctree("one")
    sections = {s["ids"][0]: s for s in doctree.findall(nodes.section)}
    assert sections["the-nineties"][PERIOD_ATTR] == "nineties"
    assert sections["complications"][PERIOD_ATTR] == "complications"
    paragraph = next(
        p for p in doctree.findall(nodes.paragraph) if p.astext().startswith("The Balkans")
    )
    assert period_for_node(paragraph) == "complications"


@pytest.mark.sphinx("html", testroot="periods", freshenv=True)
def test_html_banner_and_marker(app: SphinxTestApp) -> None:
    app.build()
    soup = _soup(app.outdir / "one.html")
    banner = soup.find("aside", id="period-nineties")
    assert banner is not None
    assert "edition-climate-cooperation" in banner["class"]
    text = " ".join(banner.get_text(" ").split())
    assert "Period The nineties December 1991 – 1999" in text
    assert "Actors: Bill Clinton; Boris Yeltsin" in text
    assert "Climate: cooperation" in text
    assert "A decade of rapprochement." in text
    timeline_link = banner.find("a", string=re.compile("see the timeline"))
    assert timeline_link is not None
    assert timeline_link.get("href") == "timeline.html#edition-timeline"

    sub = soup.find("aside", id="period-complications")
    assert sub is not None
    assert "Sub-period" in sub.get_text()
    parent_link = sub.find("a", href="#period-nineties")
    assert parent_link is not None
    assert parent_link.get_text() == "The nineties"
    # the banner stands at the top of its section, before the section's text
    section = soup.find("section", id="complications")
    assert section is not None
    assert section.find("aside") is sub

    marker = soup.find("div", id="event-kosovo")
    assert marker is not None
    assert " ".join(marker.get_text(" ").replace("¶", "").split()) == (
        "24 March 1999 Air strikes against Yugoslavia (tension)"
    )
    # cross-reference roles
    assert soup.find("a", href="#period-nineties", string="The nineties") is not None
    assert soup.find("a", href="#event-kosovo") is not None
    assert (app.outdir / "_static" / "timeline.css").is_file()
    assert "_static/timeline.css" in (app.outdir / "one.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("latex", testroot="periods", freshenv=True)
def test_latex_banner_and_marker(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    tex = (app.outdir / "periods.tex").read_text(encoding="utf-8")
    assert r"\begin{sphinxShadowBox}\phantomsection\label{\detokenize{one:period-nineties}}" in tex
    assert r"Actors: Bill Clinton; Boris Yeltsin" in tex
    assert r"\hyperref[\detokenize{timeline:edition-timeline}]" in tex
    assert r"within {\hyperref[\detokenize{one:period-nineties}]" in tex
    assert r"\label{\detokenize{one:event-kosovo}}" in tex
    assert "24 March 1999" in tex


@pytest.mark.sphinx("epub", testroot="periods", freshenv=True)
def test_epub_banner_and_marker(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    xhtml = (app.outdir / "one.xhtml").read_bytes()
    tree = etree.fromstring(xhtml)  # well-formed XHTML
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    assert tree.xpath("//x:aside[@id='period-nineties']", namespaces=ns)
    assert tree.xpath("//x:div[@id='event-kosovo']", namespaces=ns)
    with ZipFile(app.outdir / "Periods.epub") as epub:
        assert "_static/timeline.css" in epub.namelist()


@pytest.mark.sphinx("text", testroot="periods", freshenv=True)
def test_text_banner_and_marker(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    text = (app.outdir / "one.txt").read_text(encoding="utf-8")
    assert "Period **The nineties** December 1991 – 1999" in text
    assert "Sub-period **Complications** 1995 – June 1999" in text
    assert "within The nineties" in text
    assert "24 March 1999 **Air strikes against Yugoslavia** (tension)" in text


# -- bad input ------------------------------------------------------------------------------

BAD = [
    ("one.md:3", r"period 'backwards': end 1995 is before start 1999"),
    ("one.md:14", r"period 'malformed': malformed or impossible date '19-99' in :start:"),
    ("one.md:25", r"period 'impossible': malformed or impossible date '2001-02-30' in :start:"),
    ("one.md:25", r"period 'impossible': malformed or impossible date '2001-13' in :end:"),
    ("one.md:36", r"period 'orphan': unknown parent period 'nowhere'"),
    ("one.md:48", r"period 'weather': unknown climate 'sunny'"),
    ("one.md:59", r"period 'untitled': missing required option :title:"),
    ("one.md:59", r"period 'untitled': missing required option :end:"),
    ("one.md:66", r"event: malformed or impossible date '2005-02-29'"),
    ("one.md:71", r"event 2005-03-01: missing required option :climate:"),
    ("one.md:75", r"event 2005-03-02: missing required option :title:"),
    ("two.md:3", r"duplicate period id 'weather' \(first defined in one.md, line 48\)"),
    ("two.md:18", r"duplicate event id 'twice' \(first defined in two.md, line 12\)"),
    ("three.md:1", r"period 'headless' does not stand in a section"),
    ("three.md:17", r"period 'second-here': its section already has period 'first-here'"),
    ("three.md:28", r"period 'hen': its parents form a cycle \(hen → egg → hen\)"),
    ("three.md:40", r"period 'egg': its parents form a cycle \(egg → hen → egg\)"),
]


@pytest.mark.sphinx("html", testroot="periods-bad", freshenv=True)
def test_bad_input_is_located_and_keeps_the_text(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings
    for location, message in BAD:
        pattern = rf"{re.escape(location)}: WARNING: {message}.*\[edition\.periods\]"
        assert re.search(pattern, warnings), (location, message, warnings)
    assert len(re.findall(r"WARNING", warnings)) == len(BAD)
    one = _soup(app.outdir / "one.html").get_text()
    for section in ("backwards", "malformed", "impossible", "orphan", "weather", "untitled"):
        assert f"Text of the {section} section." in one
    assert "Text after the events." in one
    assert "Leap day that is not" in one  # the bad event's marker is still there
    assert "Text of the duplicate section." in _soup(app.outdir / "two.html").get_text()
    three = _soup(app.outdir / "three.html").get_text()
    for text in ("Before any heading", "Second here", "crowded", "hen section", "egg section"):
        assert text in three
    # the duplicate's banner still renders, with its own anchor
    two = _soup(app.outdir / "two.html")
    assert two.find("aside", id="period-weather") is not None


@pytest.mark.parametrize("root", ["periods-bad", "timeline-bad"])
def test_bad_input_fails_under_W(root: str, tmp_path: Path) -> None:
    status = build_main(
        [
            "-W",
            "-q",
            "-b",
            "html",
            str(ROOTS / f"test-{root}"),
            str(tmp_path / "out"),
            "-d",
            str(tmp_path / "doctrees"),
        ]
    )
    assert status != 0


def test_good_project_passes_under_W_n(tmp_path: Path) -> None:
    status = build_main(
        [
            "-W",
            "-n",
            "-q",
            "-b",
            "html",
            str(ROOTS / "test-periods"),
            str(tmp_path / "out"),
            "-d",
            str(tmp_path / "doctrees"),
        ]
    )
    assert status == 0


def test_duplicate_id_found_after_an_incremental_edit(tmp_path: Path) -> None:
    """A duplicate introduced in one re-read document is found against unchanged ones."""
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-periods", src)
    first = SphinxTestApp("html", srcdir=src)
    try:
        first.build()
        assert first.warning.getvalue() == ""
    finally:
        first.cleanup()
    two = src / "two.md"
    two.write_text(
        two.read_text(encoding="utf-8").replace(
            ":::{period} after-attacks", ":::{period} nineties"
        ),
        encoding="utf-8",
    )
    second = SphinxTestApp("html", srcdir=src)
    try:
        second.build()
        assert re.search(
            r"two\.md:\d+: WARNING: duplicate period id 'nineties' \(first defined in one\.md",
            second.warning.getvalue(),
        )
    finally:
        second.cleanup()


HOSTILE_CLIMATE = "x' onmouseover=alert(1) <b>\\input{/etc/passwd}"  # quotes break MyST options


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_an_invalid_climate_is_warned_and_not_written(
    builder: str, tmp_path: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    """A climate outside the vocabulary is warned about at its line and then not written:
    neither into the SVG's attributes nor into the TikZ code (nor anywhere else)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_edition"]\nmyst_enable_extensions = ["colon_fence"]\n'
        'root_doc = "index"\nbibtex_bibfiles = ["refs.bib"]\n',
        encoding="utf-8",
    )
    (src / "refs.bib").write_text("", encoding="utf-8")
    (src / "index.md").write_text(
        "# Book\n\n## A section\n\n"
        ":::{period} hostile\n:title: Hostile\n:start: 2000\n:end: 2004\n"
        f":climate: {HOSTILE_CLIMATE}\n:::\n\nText of the section.\n\n"
        ":::{event} 2002-05-24\n:title: An event\n"
        f":climate: {HOSTILE_CLIMATE}\n:::\n\n"
        "## Timeline\n\n```{timeline}\n```\n",
        encoding="utf-8",
    )
    app = make_app(builder, srcdir=src, freshenv=True)
    app.build()
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings
    assert len(re.findall(r"index\.md:\d+: WARNING: .*unknown climate", warnings)) == 2, warnings
    written = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in app.outdir.rglob("*")
        if path.suffix in {".html", ".tex", ".svg"}
    )
    assert "Text of the section." in written
    assert "onmouseover" not in written and "passwd" not in written
