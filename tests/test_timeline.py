"""The ``timeline`` directive: SVG in HTML and ePub, TikZ in LaTeX, a table everywhere."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any
from zipfile import ZipFile

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, epubcheck_problems
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.timeline import (
    BAROMETER,
    EVENT_R,
    GUTTER,
    RIGHT,
    WIDTH,
    Bar,
    Entry,
    Figure,
    SvgPainter,
    TikzPainter,
    layout,
    paint,
    render_svg,
    render_tikz,
)

ROOTS = Path(__file__).resolve().parent / "roots"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"

#: Link targets of the periods and events of tests/roots/test-periods.
PERIODS = {
    "one.html#period-nineties": "The nineties",
    "one.html#period-complications": "Complications",
    "two.html#period-noughties": "The two thousands",
    "two.html#period-after-attacks": "After the attacks",
}
EVENTS = {
    "one.html#event-1992-06-17-washington-charter": "Washington Charter",
    "one.html#event-kosovo": "Air strikes against Yugoslavia",
    "two.html#event-slovenia": "The presidents meet in Slovenia",
    "two.html#event-2001-09-11-attacks-of-11-september": "Attacks of 11 September",
}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _svgs(html: str) -> list[etree._Element]:
    """Every inline SVG of a page, parsed as XML (so it is well-formed for XHTML too)."""
    return [
        etree.fromstring(match.encode("utf-8"))
        for match in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)
    ]


def _table_rows(soup: BeautifulSoup, table_id: str) -> list[list[str]]:
    table = soup.find("table", id=table_id)
    assert table is not None
    return [
        [" ".join(td.get_text(" ").split()) for td in tr.find_all("td")]
        for tr in table.find("tbody").find_all("tr")
    ]


# -- HTML -----------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="periods", freshenv=True)
def test_html_svg_draws_every_period_and_event(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    html = (app.outdir / "timeline.html").read_text(encoding="utf-8")
    (svg,) = _svgs(html)
    assert svg.get("viewBox", "").startswith("0 0 800 ")
    assert svg.findtext(f"{SVG}title") == "Timeline of the relations, 1991–2008"
    assert "2 periods, 2 sub-periods and 4 events" in (svg.findtext(f"{SVG}desc") or "")

    links = {a.get(XLINK): a for a in svg.iter(f"{SVG}a")}
    assert set(links) == set(PERIODS) | set(EVENTS)
    for href, title in PERIODS.items():
        assert links[href].findtext(f"{SVG}text") == title
        assert links[href].find(f"{SVG}rect") is not None
    numbers = {href: links[href].findtext(f"{SVG}text") for href in EVENTS}
    assert numbers == {
        "one.html#event-1992-06-17-washington-charter": "1",
        "one.html#event-kosovo": "2",
        "two.html#event-slovenia": "3",
        "two.html#event-2001-09-11-attacks-of-11-september": "4",
    }

    # proportional axis: a bar's width is its share of the years shown
    def rect(href: str) -> tuple[float, float]:
        node = links[href].find(f"{SVG}rect")
        assert node is not None
        return float(node.get("x", "0")), float(node.get("width", "0"))

    nineties_x, nineties_w = rect("one.html#period-nineties")  # Dec 1991 – 1999: ~8.1 years
    noughties_x, noughties_w = rect("two.html#period-noughties")  # 2000 – 2008: 9 years
    assert noughties_w / nineties_w == pytest.approx(9 / 8.08, rel=0.01)
    assert noughties_x == pytest.approx(nineties_x + nineties_w, abs=0.2)
    # sub-periods are on a lane below the main periods
    sub_y = float(links["one.html#period-complications"].find(f"{SVG}rect").get("y", "0"))
    main_y = float(links["one.html#period-nineties"].find(f"{SVG}rect").get("y", "0"))
    assert sub_y > main_y

    # the barometer: cooperation above the line, tension below, mixed on it
    barometer = next(g for g in svg.iter(f"{SVG}g") if g.get("class") == "edition-tl-barometer")
    line = barometer.find(f"{SVG}line")
    assert line is not None
    mid = float(line.get("y1", "0"))
    climates = {}
    for block in barometer.iter(f"{SVG}rect"):
        climate = block.get("class", "").rsplit("-", 1)[-1]
        top, height = float(block.get("y", "0")), float(block.get("height", "0"))
        climates.setdefault(climate, []).append((top, top + height))
    assert all(bottom <= mid for _top, bottom in climates["cooperation"])
    assert all(top >= mid for top, _bottom in climates["tension"])
    assert all(top < mid < bottom for top, bottom in climates["mixed"])
    # the oscillation: cooperation, tension (1995–99), cooperation, mixed, cooperation, mixed
    order = [
        r.get("class", "").rsplit("-", 1)[-1]
        for r in sorted(barometer.iter(f"{SVG}rect"), key=lambda r: float(r.get("x", "0")))
    ]
    assert order == ["cooperation", "tension", "cooperation", "mixed", "cooperation", "mixed"]
    dots = {c.get("class"): float(c.get("cy", "0")) for c in barometer.iter(f"{SVG}circle")}
    assert dots["edition-tl-dot edition-climate-cooperation"] < mid
    assert dots["edition-tl-dot edition-climate-tension"] > mid
    assert dots["edition-tl-dot edition-climate-mixed"] == mid

    # no colour is hard-wired for the page: text follows the theme (light and dark)
    assert svg.get("fill") == "currentColor"
    assert "<script" not in html[html.find("<svg") : html.find("</svg>")]


@pytest.mark.sphinx("html", testroot="periods", freshenv=True)
def test_html_table_has_the_same_data(app: SphinxTestApp) -> None:
    app.build()
    soup = _soup(app.outdir / "timeline.html")
    assert soup.find(id="edition-timeline") is not None
    figure = soup.find("figure", class_="edition-timeline-figure")
    assert figure is not None
    assert "relations barometer" in figure.find("figcaption").get_text()
    rows = _table_rows(soup, "edition-timeline-table")
    assert rows == [
        [
            "December 1991 – 1999",
            "The nineties (Bill Clinton; Boris Yeltsin)",
            "Period",
            "cooperation",
        ],
        ["17 June 1992", "Washington Charter", "Event 1, in The nineties", "cooperation"],
        ["1995 – June 1999", "Complications", "Sub-period of The nineties", "tension"],
        ["24 March 1999", "Air strikes against Yugoslavia", "Event 2, in Complications", "tension"],
        ["2000 – 2008", "The two thousands (George W. Bush; Vladimir Putin)", "Period", "mixed"],
        [
            "16 June 2001",
            "The presidents meet in Slovenia",
            "Event 3, in The two thousands",
            "cooperation",
        ],
        [
            "11 September 2001 – 13 June 2002",
            "After the attacks",
            "Sub-period of The two thousands",
            "cooperation",
        ],
        ["11 September 2001", "Attacks of 11 September", "Event 4, in After the attacks", "mixed"],
    ]
    table = soup.find("table", id="edition-timeline-table")
    hrefs = {a["href"] for a in table.find_all("a", class_="reference")}
    assert hrefs == set(PERIODS) | set(EVENTS)
    css = (app.outdir / "_static" / "timeline.css").read_text(encoding="utf-8")
    assert 'body[data-theme="dark"]' in css
    assert "prefers-color-scheme: dark" in css


@pytest.mark.sphinx("html", testroot="periods", freshenv=True)
def test_options_narrow_the_timeline(app: SphinxTestApp) -> None:
    app.build()
    soup = _soup(app.outdir / "narrow.html")
    tables = soup.find_all("table", class_="edition-timeline-table")
    assert len(tables) == 2
    only_nineties = [row[1] for row in _table_rows(soup, tables[0]["id"])]
    assert only_nineties == [
        "The nineties (Bill Clinton; Boris Yeltsin)",
        "Washington Charter",
        "Complications",
        "Air strikes against Yugoslavia",
    ]
    window = [row[1] for row in _table_rows(soup, tables[1]["id"])]
    assert window == [
        "The two thousands (George W. Bush; Vladimir Putin)",
        "The presidents meet in Slovenia",
        "After the attacks",
        "Attacks of 11 September",
    ]
    # ids stay unique on a page with two timelines
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    svgs = _svgs((app.outdir / "narrow.html").read_text(encoding="utf-8"))
    assert len(svgs) == 2
    assert svgs[1].findtext(f"{SVG}title") == "Timeline of the relations, 2001–2002"


@pytest.mark.sphinx("singlehtml", testroot="periods", freshenv=True)
def test_singlehtml_svg_links_point_into_the_page(app: SphinxTestApp) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    hrefs = [a.get(XLINK) for svg in _svgs(html) for a in svg.iter(f"{SVG}a")]
    assert len(hrefs) == 8 + 4 + 4  # the full timeline, then the two narrowed ones
    for href in hrefs:
        assert href.startswith("#")
        assert href[1:] in ids


# -- LaTeX, ePub, text ----------------------------------------------------------------------


@pytest.mark.sphinx("latex", testroot="periods", freshenv=True)
def test_latex_tikz_figure_and_table(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    tex = (app.outdir / "periods.tex").read_text(encoding="utf-8")
    assert r"\usepackage{tikz}" in tex
    body = tex[tex.index(r"\label{\detokenize{timeline:edition-timeline}}") :]
    body = body[: body.index(r"\end{tikzpicture}")]
    assert r"\begin{tikzpicture}[x=0.00125\linewidth" in body
    for target in (
        "one:period-nineties",
        "one:period-complications",
        "two:period-noughties",
        "two:period-after-attacks",
        "one:event-kosovo",
    ):
        assert rf"\hyperref[\detokenize{{{target}}}]" in body
    assert len(re.findall(r"\\filldraw\[fill=edition\w+!25", body)) == 4  # period bars
    assert len(re.findall(r"circle\[radius=9\]", body)) == 4  # event markers
    assert len(re.findall(r"circle\[radius=4\]", body)) == 4  # barometer dots
    assert r"\definecolor{editioncooperation}{HTML}{2E7D32}" in tex
    assert r"Periods and events, 1991\textendash{}2008" in tex  # the table follows the figure
    assert r"Sub\sphinxhyphen{}period of The nineties" in tex


@pytest.mark.sphinx("html", testroot="periods", freshenv=True)
def test_tikz_only_for_latex(app: SphinxTestApp) -> None:
    # TikZ is a LaTeX package, registered once: the other builders write nothing of it.
    app.build()
    assert [name for name, _opts in app.registry.latex_packages].count("tikz") == 1
    written = "".join(p.read_text() for p in app.outdir.rglob("*.html"))
    assert "tikz" not in written.lower()


@pytest.mark.sphinx("epub", testroot="periods", freshenv=True)
def test_epub_inline_svg_is_valid_and_declared(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    tree = etree.fromstring((app.outdir / "timeline.xhtml").read_bytes())
    svgs = list(tree.iter(f"{SVG}svg"))
    assert len(svgs) == 1
    assert {a.get(XLINK) for a in svgs[0].iter(f"{SVG}a")} == {
        href.replace(".html", ".xhtml") for href in (*PERIODS, *EVENTS)
    }
    ids = [el.get("id") for el in tree.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    with ZipFile(app.outdir / "Periods.epub") as epub:
        opf = epub.read("content.opf").decode("utf-8")
    items = dict(re.findall(r'<item id="[^"]*" href="([^"]*)"([^>]*)/>', opf))
    assert 'properties="svg"' in items["timeline.xhtml"]
    assert 'properties="svg"' in items["narrow.xhtml"]
    assert "properties" not in items["one.xhtml"]


@pytest.mark.sphinx("epub", testroot="periods", freshenv=True)
def test_epub_passes_epubcheck(app: SphinxTestApp) -> None:
    app.build()
    assert epubcheck_problems(app.outdir / "Periods.epub") == []


@pytest.mark.sphinx("text", testroot="periods", freshenv=True)
def test_text_gets_the_table(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    text = (app.outdir / "timeline.txt").read_text(encoding="utf-8")
    assert "svg" not in text
    assert "Periods and events, 1991–2008" in text
    for title in (*PERIODS.values(), *EVENTS.values()):
        assert title.split()[0] in text
    assert "| 24 March 1999" in text


# -- bad input ------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="timeline-bad", freshenv=True)
def test_bad_options_are_located_warnings(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings
    expected = [
        r"index\.md:12: WARNING: timeline: :from: 2005 is after :to: 2001; both ignored",
        r"index\.md:17: WARNING: timeline: malformed or impossible date '2001-02-30' in :from:",
        r"index\.md:21: WARNING: timeline: unknown period\(s\) in :periods:: missing",
    ]
    for pattern in expected:
        assert re.search(pattern + r".*\[edition\.timeline\]", warnings), (pattern, warnings)
    assert warnings.count("WARNING") == 3
    soup = _soup(app.outdir / "index.html")
    # every timeline is still drawn (the bad options are ignored)
    assert len(soup.find_all("figure", class_="edition-timeline-figure")) == 3
    assert "Some text." in soup.get_text()


# -- incremental and parallel builds --------------------------------------------------------


def _build(src: Path, out: Path, *, fresh: bool = False, parallel: int = 0) -> str:
    app = SphinxTestApp("html", srcdir=src, builddir=out, freshenv=fresh, parallel=parallel)
    try:
        app.build()
        assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
        return (app.outdir / "timeline.html").read_text(encoding="utf-8")
    finally:
        app.cleanup()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_incremental_build_updates_the_timeline(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-periods", src)
    before = _build(src, tmp_path / "inc")
    assert "After the attacks" in before

    two = src / "two.md"
    # edit an event, delete a period, add an event: all in one chapter
    _edit(two, ":title: Attacks of 11 September", ":title: The attacks on New York")
    _edit(
        two,
        ":::{period} after-attacks\n:title: After the attacks\n:start: 2001-09-11\n"
        ":end: 2002-06-13\n:climate: cooperation\n:::\n",
        "",
    )
    _edit(
        two,
        "Text of the second chapter.\n",
        "Text of the second chapter.\n\n:::{event} 2003-03-20\n:title: Iraq war\n"
        ":climate: tension\n:::\n",
    )
    after = _build(src, tmp_path / "inc")
    assert "The attacks on New York" in after
    assert "Attacks of 11 September" not in after
    assert "After the attacks" not in after
    assert "Iraq war" in after

    clean = _build(src, tmp_path / "clean", fresh=True)
    assert after == clean


def test_deleting_a_chapter_updates_the_timeline(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-periods", src)
    _build(src, tmp_path / "inc")
    (src / "two.md").unlink()
    _edit(src / "index.md", "two\n", "")
    after = _build(src, tmp_path / "inc")
    assert "The two thousands" not in after
    assert after == _build(src, tmp_path / "clean", fresh=True)


def test_adding_and_removing_the_timeline_page_relinks_the_banners(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-periods", src)
    page = (src / "timeline.md").read_text(encoding="utf-8")
    for name in ("timeline", "narrow"):
        (src / f"{name}.md").unlink()
    _edit(src / "index.md", "timeline\nnarrow\n", "")

    def chapter(out: Path, *, fresh: bool = False) -> str:
        app = SphinxTestApp("html", srcdir=src, builddir=out, freshenv=fresh)
        try:
            app.build()
            return (app.outdir / "one.html").read_text(encoding="utf-8")
        finally:
            app.cleanup()

    assert "see the timeline" not in chapter(tmp_path / "inc")
    (src / "timeline.md").write_text(page, encoding="utf-8")
    _edit(src / "index.md", "two\n", "two\ntimeline\n")
    added = chapter(tmp_path / "inc")
    assert 'href="timeline.html#edition-timeline"' in added
    assert added == chapter(tmp_path / "clean1", fresh=True)

    (src / "timeline.md").unlink()
    _edit(src / "index.md", "two\ntimeline\n", "two\n")
    removed = chapter(tmp_path / "inc")
    assert "see the timeline" not in removed
    assert removed == chapter(tmp_path / "clean2", fresh=True)


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-periods", src)
    # more chapters, so that reading really is split between processes
    chapters = []
    for n in range(8):
        year = 2009 + n
        chapters.append(f"extra{n}")
        (src / f"extra{n}.md").write_text(
            f"# Extra {n}\n\n:::{{period}} extra-{n}\n:title: Extra {n}\n:start: {year}\n"
            f":end: {year}-06\n:climate: {('cooperation', 'tension', 'mixed')[n % 3]}\n:::\n\n"
            f"Text {n}.\n\n:::{{event}} {year}-03-0{n + 1}\n:title: Event {n}\n"
            f":climate: tension\n:::\n",
            encoding="utf-8",
        )
    _edit(src / "index.md", "timeline\n", "\n".join(chapters) + "\ntimeline\n")
    serial = _build(src, tmp_path / "j1", fresh=True)
    parallel = _build(src, tmp_path / "j2", fresh=True, parallel=2)
    assert "Extra 7" in serial
    assert parallel == serial


# -- the edition ----------------------------------------------------------------------------


@pytest.mark.slow
def test_edition_timeline_lists_every_period_and_event(tmp_path: Path) -> None:
    # examples in fenced code (the Extending page) are shown, not marked up
    sources = {
        path.stem: re.sub(
            r"^(`{3,4}).*?^\1[ \t]*$", "", path.read_text(encoding="utf-8"), flags=re.M | re.S
        )
        for path in DOCS.glob("*.md")
    }
    periods = [m for text in sources.values() for m in re.findall(r":::\{period\} (\S+)", text)]
    events = [m for text in sources.values() for m in re.findall(r":::\{event\} (\S+)", text)]
    assert len(periods) >= 5
    assert len(events) >= 15
    app = SphinxTestApp("html", srcdir=DOCS, builddir=tmp_path / "build", freshenv=True)
    try:
        app.build()
        warnings = app.warning.getvalue()
        assert "[edition.periods]" not in warnings
        assert "[edition.timeline]" not in warnings
        soup = _soup(app.outdir / "timeline.html")
    finally:
        app.cleanup()
    table = soup.find("table", class_="edition-timeline-table")
    assert table is not None
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == len(periods) + len(events)
    svg = soup.find("svg", class_="edition-timeline-svg")
    assert svg is not None
    assert len(svg.find_all("a")) == len(periods) + len(events)


# -- the layout, on any data ----------------------------------------------------------------


def _entry(kind: str, n: int, first: date, days: int, depth: int, title: str) -> Entry:
    return Entry(
        kind=kind,
        id=f"{kind}-{n}",
        title=title,
        first=first,
        last=first + timedelta(days=days),
        climate=("cooperation", "tension", "mixed")[n % 3],
        depth=depth,
        parent_title="",
        actors=(),
        dates="",
        href=f"#{kind}-{n}",
        latex_id=f"doc:{kind}-{n}",
        docname="doc",
        anchor=f"{kind}-{n}",
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.dates(date(1990, 1, 1), date(2015, 12, 31)),
            st.integers(0, 4000),
            st.integers(0, 2),
            st.text("abcdefghij ", min_size=1, max_size=40),
        ),
        min_size=1,
        max_size=25,
    ),
    st.lists(st.dates(date(1990, 1, 1), date(2015, 12, 31)), max_size=40),
)
def test_layout_never_overlaps(spans: list[tuple[date, int, int, str]], days: list[date]) -> None:
    periods = [_entry("period", n, *span) for n, span in enumerate(spans)]
    events = [_entry("event", n, day, 0, 0, "e") for n, day in enumerate(days)]
    lo = min(e.first for e in [*periods, *events])
    hi = max(e.last for e in [*periods, *events])
    numbers = {e.id: n for n, e in enumerate(sorted(events, key=lambda e: e.first), 1)}
    figure = layout(periods, events, (lo, hi), numbers)

    assert len(figure.bars) == len(periods)
    assert len(figure.markers) == len(events)
    for bar in figure.bars:
        assert GUTTER - 0.01 <= bar.x0 < bar.x1 <= WIDTH - RIGHT + 3.01
    # bars of one lane (same y) never overlap
    lanes: dict[float, list[Bar]] = {}
    for bar in figure.bars:
        lanes.setdefault(bar.lane_y, []).append(bar)
    for bars in lanes.values():
        bars.sort(key=lambda b: b.x0)
        for left, right in pairwise(bars):
            assert left.x1 <= right.x0 + 0.01
    # deeper periods are drawn on lower lanes
    by_id = {bar.id: bar for bar in figure.bars}
    for a in periods:
        for b in periods:
            if a.depth < b.depth:
                assert by_id[a.id].lane_y < by_id[b.id].lane_y
    # event markers on one row keep apart
    rows: dict[float, list[float]] = {}
    for marker in figure.markers:
        rows.setdefault(marker.y, []).append(marker.x)
    for xs in rows.values():
        xs.sort()
        assert all(b - a >= 2 * EVENT_R + 2 - 0.01 for a, b in pairwise(xs))
    # the barometer's blocks are in time order and never overlap
    for left, right in pairwise(figure.segments):
        assert left.x1 <= right.x0 + 0.01
    # the figure is valid XML whatever the titles
    etree.fromstring(render_svg(figure).encode("utf-8"))


class _Latex:
    """Just enough of a LaTeX translator for :func:`render_tikz`."""

    def encode(self, text: str) -> str:
        return text

    def hyperlink(self, latex_id: str) -> str:
        return r"{\hyperref[" + latex_id + "]{"


def test_barometer_bands_are_placed_once_and_drawn_alike() -> None:
    # One period of each climate, apart: cooperation, tension, mixed.
    periods = [_entry("period", n, date(1992 + 3 * n, 1, 1), 800, 0, "p") for n in range(3)]
    figure = layout(periods, [], (periods[0].first, periods[-1].last), {})
    mid = figure.barometer_mid
    assert [(s.climate, s.top - mid, s.bottom - mid) for s in figure.segments] == [
        ("cooperation", -BAROMETER, 0),
        ("tension", 0, BAROMETER),
        ("mixed", -3, 3),
    ]
    expected = [(s.x0, s.top, s.x1, s.bottom) for s in figure.segments]
    svg = etree.fromstring(render_svg(figure).encode("utf-8"))
    in_svg = [
        (
            x := float(r.get("x")),
            y := float(r.get("y")),
            x + float(r.get("width")),
            y + float(r.get("height")),
        )
        for r in svg.iter(f"{SVG}rect")
        if "edition-tl-climate" in r.get("class", "")
    ]
    in_tikz = [
        tuple(map(float, corners))
        for corners in re.findall(
            r"\\filldraw\[fill=edition\w+!45[^\]]*\] \(([\d.]+),([\d.]+)\) rectangle "
            r"\(([\d.]+),([\d.]+)\);",
            render_tikz(figure, _Latex()),  # type: ignore[arg-type]
        )
    ]
    for drawn in (in_svg, in_tikz):
        assert drawn == [pytest.approx(band, abs=0.1) for band in expected]


# -- one walk, two painters -----------------------------------------------------------------


def _sample() -> Figure:
    """Periods on two depths and events of every climate, with titles that need escaping."""
    periods = [
        _entry("period", n, date(1992 + 4 * n, 1, 1), 1200, n % 2, f"P{n} <&> 100% $_{{x}}#")
        for n in range(4)
    ]
    events = [_entry("event", n, date(1993 + 3 * n, 6, 1), 0, 0, "e") for n in range(5)]
    numbers = {e.id: n for n, e in enumerate(events, 1)}
    return layout(periods, events, (periods[0].first, periods[-1].last), numbers)


class _Recorder:
    """A painter that records every call of the walk, then passes it to *painter*."""

    def __init__(self, painter: Any) -> None:
        self.painter = painter
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.painter, name)

        def record(*args: Any) -> Any:
            self.calls.append((name, args))
            return method(*args)

        return record


def test_both_painters_get_every_element_once_in_drawing_order() -> None:
    figure = _sample()
    svg, tikz = _Recorder(SvgPainter()), _Recorder(TikzPainter(_Latex()))  # type: ignore[arg-type]
    assert paint(figure, svg) == render_svg(figure)
    assert paint(figure, tikz) == render_tikz(figure, _Latex())  # type: ignore[arg-type]
    assert svg.calls == tikz.calls
    names = [name for name, _ in svg.calls]
    assert names[0] == "start"
    assert names[-1] == "finish"
    drawn: dict[str, list[Any]] = {}
    for name, args in svg.calls:
        drawn.setdefault(name, []).append(args[0] if args else None)
    assert drawn["grid_line"] == drawn["tick"] == list(figure.grid)
    assert drawn["lane"] == list(figure.lanes)
    assert drawn["period"] == list(figure.bars)
    assert drawn["event"] == list(figure.markers)
    assert drawn["band"] == list(figure.segments)
    assert drawn["dot"] == list(figure.dots)
    assert drawn["axis"] == [figure.axis_y]
    assert drawn["barometer_line"] == [figure.barometer_mid]
    # what is drawn over what: grid, lanes, bars, axis, markers, then the barometer
    order = list(dict.fromkeys(names))
    assert order == [
        "start",
        "grid_line",
        "lane",
        "period",
        "axis",
        "tick",
        "event",
        "barometer_title",
        "band",
        "barometer_line",
        "dot",
        "finish",
    ]


class _MarkedLatex(_Latex):
    """A translator whose encoding is visible: every text it escapes comes back in guillemets."""

    def encode(self, text: str) -> str:
        return f"«{text}»"


def test_the_painters_escape_every_text_of_the_figure() -> None:
    figure = _sample()
    texts = [
        *(label.text for label in figure.lanes),
        *(bar.title for bar in figure.bars),
        figure.barometer_title.text,
    ]
    tikz = render_tikz(figure, _MarkedLatex())  # type: ignore[arg-type]
    for text in texts:
        # written, and never but escaped
        assert tikz.count(text) == tikz.count(f"«{text}»") > 0
    svg = etree.fromstring(render_svg(figure).encode("utf-8"))
    written = {el.text for el in svg.iter(f"{SVG}text", f"{SVG}title")}
    assert set(texts) <= written
    tooltips = {*(bar.tooltip for bar in figure.bars), *(m.tooltip for m in figure.markers)}
    assert tooltips <= written
    assert {a.get(XLINK) for a in svg.iter(f"{SVG}a")} == {
        *(bar.href for bar in figure.bars),
        *(m.href for m in figure.markers),
    }
