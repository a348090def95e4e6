"""What a reader sees, measured in Debian's Chromium: the geometry of every page of the edition.

* nothing wider than the screen at 390×844, 1024×768 and 1440×900: the document does not
  scroll sideways, and nothing in the text runs past the screen's edge unless a container
  of its own (a table's) scrolls it;
* every note preview, opened by keyboard focus, is seen whole: the topmost element at each
  of its four corners (``document.elementFromPoint``) is the preview itself;
* at 1600×1000 every note stands in the margin beside its mark, numbered, and no two
  sidenotes overlap; a sidenote is at the height of its mark's line unless the one above
  pushes it down;
* the timeline, at 390 px, is in view as a whole and its words are at least 10 px.

The browser is :mod:`test_browser`'s; the site is the HTML build alone (geometry needs no
downloads).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import browser, pages, serve

__all__ = ["browser"]  # a fixture, shared with test_browser

#: Pages with note marks: the review's chapters.
CHAPTERS = ["introduction.html", "first-decade.html", "putin-bush.html", "obama.html"]
VIEWPORTS = [(390, 844), (1024, 768), (1440, 900)]
WIDE = (1600, 1000)
#: Viewports where the notes are previewed (narrower than furo's right-hand column).
PREVIEW_VIEWPORTS = [(390, 844), (1024, 768), (1280, 900)]


@pytest.fixture(scope="module")
def site(edition_html: Path) -> Path:
    return edition_html


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture
def sized(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A page of the size given by the test's ``viewport`` parameter."""
    width, height = request.node.callspec.params["viewport"]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    yield page
    context.close()


# -- no page scrolls sideways -------------------------------------------------------------

#: For the document, its scroll width against the viewport's; for each element of the
#: article, whether it runs past the viewport's right edge without a scrolling container of
#: its own inside the article (furo lets its whole content column scroll: a table that makes
#: it scroll takes the page's text with it).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("article *")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let parent = el.parentElement, held = false;
    while (parent && parent.tagName !== "ARTICLE") {
      const style = getComputedStyle(parent);
      if (style.overflowX !== "visible" && parent.getBoundingClientRect().right <= width + 1) {
        held = true;
        break;
      }
      parent = parent.parentElement;
    }
    if (!held) out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${box.right}`);
  }
  return {scroll: document.documentElement.scrollWidth, width: width, out: out.slice(0, 3)};
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def test_no_page_is_wider_than_the_screen(
    sized: Any, server: str, site: Path, viewport: tuple[int, int]
) -> None:
    failing = {}
    for name in pages(site):
        sized.goto(server + name)
        found = sized.evaluate(OVERFLOW)
        if found["scroll"] > found["width"] or found["out"]:
            failing[name] = found
    assert failing == {}


# -- previews are seen whole ---------------------------------------------------------------

#: Whether the preview is the topmost element at its four corners (1px inside).
SEEN_WHOLE = """() => {
  const preview = document.querySelector(".edition-note-preview");
  if (!preview || preview.hidden) return "not shown";
  const box = preview.getBoundingClientRect();
  const corners = [[box.left + 1, box.top + 1], [box.right - 2, box.top + 1],
                   [box.left + 1, box.bottom - 2], [box.right - 2, box.bottom - 2]];
  for (const [x, y] of corners) {
    const el = document.elementFromPoint(x, y);
    if (!el || !preview.contains(el)) {
      const what = el ? el.className || el.tagName : "nothing (off-screen)";
      return `corner ${Math.round(x)},${Math.round(y)} under ${what}`;
    }
  }
  return "seen";
}"""


@pytest.mark.parametrize("viewport", PREVIEW_VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def test_every_preview_is_seen_whole_on_focus(
    sized: Any, server: str, viewport: tuple[int, int]
) -> None:
    seen, failing = 0, []
    for name in CHAPTERS:
        sized.goto(server + name)
        marks = sized.locator("article a.footnote-reference")
        assert marks.count() > 0, name
        for index in range(marks.count()):
            marks.nth(index).focus()
            # Long enough for furo's smooth scrolling to bring the mark into view.
            sized.wait_for_timeout(60)
            result = sized.evaluate(SEEN_WHOLE)
            if result == "seen":
                seen += 1
            else:
                failing.append((name, index + 1, result))
    print(f"previews seen whole at {viewport}: {seen}")
    assert failing == []
    assert seen == 69


def test_ibid_preview_names_the_work(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    try:
        page.goto(server + "first-decade.html")
        ibid = page.locator("aside.footnote:has(.edition-ibid)").first
        note_id = ibid.get_attribute("id")
        assert ibid.locator(".edition-ibid").inner_text().startswith("Ibid")
        page.locator(f"article a.footnote-reference[href='#{note_id}']").focus()
        preview = page.locator(".edition-note-preview")
        preview.wait_for(state="visible", timeout=3000)
        text = preview.inner_text()
        assert "Ibid" not in text
        assert preview.locator("em").count() == 1, text  # the short title
        # The work the note before cites.
        previous = page.locator(f"#notecite-{int(note_id.rsplit('-', 1)[1]) - 1}")
        surname = text.split(",")[0].split(" and ")[0].strip()
        assert surname and surname in previous.inner_text(), (text, previous.inner_text())
    finally:
        context.close()


# -- the notes' heading ---------------------------------------------------------------------


def test_notes_stand_under_a_notes_heading_listed_in_the_contents(
    browser: Any, server: str
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    try:
        for name in CHAPTERS:
            page.goto(server + name)
            heading = page.locator("section#notes > h2")
            assert heading.inner_text().startswith("Notes"), name
            assert page.locator("section#notes aside.footnote").count() > 0, name
            assert page.locator("aside.footnote:not(section#notes aside)").count() == 0, name
            toc = page.locator(".toc-drawer a[href='#notes']")
            assert toc.count() == 1 and toc.is_visible(), name
    finally:
        context.close()


# -- sidenotes ------------------------------------------------------------------------------

#: Each mark with its sidenote's box, the line of the mark, and the sidenote's number.
SIDENOTES = """() => {
  const out = [];
  for (const note of document.querySelectorAll(".edition-sidenote")) {
    const mark = document.querySelector(
      `article a.footnote-reference[href="#${note.dataset.note}"]`);
    const box = note.getBoundingClientRect();
    const at = mark.getBoundingClientRect();
    const text = document.querySelector("article p").getBoundingClientRect();
    out.push({
      number: note.querySelector(".edition-sidenote-number").textContent,
      mark: mark.textContent.replace(/[\\[\\]\\s]/g, ""),
      top: box.top + scrollY, bottom: box.bottom + scrollY,
      left: box.left, right: box.right,
      markTop: at.top + scrollY, markBottom: at.bottom + scrollY,
      textRight: text.right, hidden: note.closest("[aria-hidden='true']") !== null,
      ids: note.querySelectorAll("[id]").length,
      focusable: note.querySelectorAll("a:not([tabindex='-1'])").length,
    });
  }
  return {notes: out, width: document.documentElement.clientWidth,
          marks: document.querySelectorAll("article a.footnote-reference").length};
}"""


@pytest.fixture
def wide(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": WIDE[0], "height": WIDE[1]})
    page = context.new_page()
    yield page
    context.close()


def test_sidenotes_beside_their_marks_never_overlapping(wide: Any, server: str) -> None:
    shown = {}
    for name in CHAPTERS:
        wide.goto(server + name)
        wide.wait_for_timeout(200)
        found = wide.evaluate(SIDENOTES)
        notes = found["notes"]
        shown[name] = len(notes)
        assert len(notes) == found["marks"], name  # every note
        previous = None
        for note in notes:
            where = (name, note["number"])
            assert note["number"] == note["mark"], where
            # In the margin: right of the text, inside the screen.
            assert note["left"] >= note["textRight"], where
            assert note["right"] <= found["width"], where
            # Copies for the eye: hidden from assistive technology, no ids, no tab stops.
            assert note["hidden"] and note["ids"] == 0 and note["focusable"] == 0, where
            if previous is not None:
                assert note["top"] >= previous["bottom"], (where, "overlaps the one above")
            # At its mark's line, or pushed down by the one above and no further.
            beside = abs(note["top"] - note["markTop"]) <= 24
            pushed = previous is not None and 0 <= note["top"] - previous["bottom"] <= 12
            assert beside or pushed, (where, note["top"], note["markTop"])
            assert note["top"] >= note["markTop"] - 24, where
            previous = note
    print(f"sidenotes at {WIDE}: {shown}")
    assert sum(shown.values()) == 69


def test_no_sidenotes_below_the_wide_layout(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(server + "obama.html")
        assert page.locator(".edition-sidenote").count() == 0
        assert page.locator("section#notes aside.footnote").first.is_visible()
        # Wider: they come; narrower again: they go, and the previews are back.
        page.set_viewport_size({"width": WIDE[0], "height": WIDE[1]})
        page.wait_for_timeout(300)
        assert page.locator(".edition-sidenote").count() > 0
        page.set_viewport_size({"width": 1280, "height": 900})
        page.wait_for_timeout(300)
        assert page.locator(".edition-sidenote").count() == 0
        page.locator("article a.footnote-reference").first.focus()
        page.locator(".edition-note-preview").wait_for(state="visible", timeout=3000)
    finally:
        context.close()


def test_printing_puts_the_notes_at_the_end(wide: Any, server: str) -> None:
    wide.goto(server + "first-decade.html")
    wide.wait_for_timeout(200)
    assert wide.locator(".edition-sidenote").first.is_visible()
    wide.emulate_media(media="print")
    assert not wide.locator(".edition-sidenotes").is_visible()
    assert wide.locator("section#notes aside.footnote").first.is_visible()
    padding = wide.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article')).paddingRight)"
    )
    assert padding == 0


def test_sidenotes_can_be_turned_off(browser: Any, edition_html: Path, tmp_path: Path) -> None:
    # The page says whether it wants them: without the word, reader.js leaves the notes be.
    off = tmp_path / "html"
    off.mkdir()
    for item in edition_html.iterdir():
        if item.is_dir():
            (off / item.name).symlink_to(item)
    text = (edition_html / "obama.html").read_text(encoding="utf-8")
    meta = '<meta name="edition-sidenotes" content="on">'
    assert meta in text
    (off / "obama.html").write_text(text.replace(meta, ""), encoding="utf-8")
    context = browser.new_context(viewport={"width": WIDE[0], "height": WIDE[1]})
    page = context.new_page()
    try:
        with serve(off) as url:
            page.goto(url + "obama.html")
            page.wait_for_timeout(200)
            assert page.locator(".edition-sidenote").count() == 0
            page.locator("article a.footnote-reference").first.focus()
            page.locator(".edition-note-preview").wait_for(state="visible", timeout=3000)
    finally:
        context.close()


# -- the timeline on a phone ---------------------------------------------------------------

#: The timeline's visible words and their rendered size; whether it fits the screen.
TIMELINE = """() => {
  const width = document.documentElement.clientWidth;
  const root = document.querySelector(".edition-timeline");
  const sizes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest("title, desc")) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || el.closest("thead")) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest("svg");
    if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    sizes.push([size, node.textContent.trim().slice(0, 30), box.right]);
  }
  const right = Math.max(...sizes.map((s) => s[2]));
  return {smallest: sizes.sort((a, b) => a[0] - b[0])[0], count: sizes.length,
          right: right, width: width,
          scrolls: [...root.querySelectorAll("*")].some((el) => el.clientWidth > 1
            && el.scrollWidth > el.clientWidth + 1
            && getComputedStyle(el).overflowX !== "visible")};
}"""


def test_the_whole_timeline_is_legible_on_a_phone(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(server + "timeline.html")
        found = page.evaluate(TIMELINE)
        assert found["count"] > 50  # every period and event is there to read
        assert found["smallest"][0] >= 10, found["smallest"]
        assert found["right"] <= found["width"]
        assert not found["scrolls"]
        # Every event of the figure is in the list.
        events = page.locator("svg .edition-tl-event").count()
        assert events > 0
        assert page.locator("table.edition-timeline-table tr:visible").count() > events
    finally:
        context.close()


# -- the theme x period table fits its column --------------------------------------------

TABLE_FIT = """() => {
  const table = document.querySelector("table.edition-themeindex-table");
  const column = document.querySelector("article").getBoundingClientRect();
  const box = table.getBoundingClientRect();
  const total = table.querySelector("thead th:last-child").getBoundingClientRect();
  const sizes = Array.from(table.querySelectorAll("td, th"))
    .map(c => parseFloat(getComputedStyle(c).fontSize));
  return {right: box.right, column: column.right, totalRight: total.right,
          wrapper: table.parentElement.scrollWidth - table.parentElement.clientWidth,
          smallest: Math.min(...sizes)};
}"""


@pytest.mark.parametrize(
    "viewport", [(390, 844), (1280, 900), (1440, 900), (1920, 1080)], ids=lambda v: f"{v[0]}"
)
def test_the_theme_table_fits_its_column(
    sized: Any, server: str, viewport: tuple[int, int]
) -> None:
    """Every column of the theme x period table, its totals too, is in the text column: no
    sideways scroll hides one, at a phone's width as on a desktop's; its figures stay at
    least 12 px."""
    sized.goto(server + "themes.html")
    found = sized.evaluate(TABLE_FIT)
    assert found["wrapper"] <= 0, found
    assert found["right"] <= found["column"] + 1, found
    assert found["totalRight"] <= found["column"] + 1, found
    assert found["smallest"] >= 12, found


# -- note marks ------------------------------------------------------------------------------

MARKS = """() => Array.from(document.querySelectorAll("article a.edition-noteref")).map(a => {
  const box = a.getBoundingClientRect();
  const text = a.closest("p") ? a.closest("p").getBoundingClientRect() : box;
  return {text: a.innerText, width: box.width, height: box.height,
          size: parseFloat(getComputedStyle(a).fontSize),
          body: parseFloat(getComputedStyle(a.parentElement).fontSize),
          align: getComputedStyle(a).verticalAlign};
})"""


@pytest.mark.parametrize("viewport", [(390, 844), (1440, 900)], ids=lambda v: f"{v[0]}")
def test_note_marks_are_superscript_figures_with_a_24px_target(
    sized: Any, server: str, viewport: tuple[int, int]
) -> None:
    """An Oxford note mark is a superscript figure, without brackets, smaller than the text
    but not below 11 px, and its target is at least 24 x 24 px (WCAG 2.5.8)."""
    seen = 0
    for name in CHAPTERS:
        sized.goto(server + name)
        for mark in sized.evaluate(MARKS):
            seen += 1
            assert mark["text"].isdigit(), mark
            assert mark["align"] == "super", mark
            assert 11 <= mark["size"] < mark["body"], mark
            assert mark["width"] >= 24 and mark["height"] >= 24, mark
    assert seen > 40


def test_sidenotes_make_room_when_a_reading_opens(wide: Any, server: str) -> None:
    """Opening every "As delivered" inside the sidenotes lays the column out again: no
    sidenote prints over the next. The distance from each mark to its sidenote is reported."""
    distances, closed = [], []
    for name in CHAPTERS:
        wide.goto(server + name)
        wide.wait_for_timeout(200)
        closed += [n["top"] - n["markTop"] for n in wide.evaluate(SIDENOTES)["notes"]]
        opened = wide.evaluate(
            "() => { const all = document.querySelectorAll('.edition-sidenote details');"
            " all.forEach(d => { d.open = true; }); return all.length; }"
        )
        wide.wait_for_timeout(300)
        notes = wide.evaluate(SIDENOTES)["notes"]
        assert opened > 0 or name == "introduction.html", name
        for above, below in itertools.pairwise(notes):
            assert below["top"] >= above["bottom"], (name, below["number"], "overlaps")
        distances += [note["top"] - note["markTop"] for note in notes]
    for state, found in (("closed", closed), ("open", distances)):
        found.sort()
        print(
            f"sidenotes at {WIDE}, readings {state}: largest {max(found):.0f} px, "
            f"median {found[len(found) // 2]:.0f} px below the mark"
        )
