"""The HTML edition in a real browser: Debian's Chromium driven by Playwright.

The built HTML (with the PDF and ePub published next to it, as ``nox`` does) is served on
127.0.0.1; every page is checked with axe-core (WCAG 2.2 A and AA, and axe's best practices)
in light and dark mode; the note previews, the paragraph links and the download links are
used as a reader would; and no request may leave 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import IN_CI, ROOT, build_edition

sync_api = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
LOCAL = "127.0.0.1"
PDF = "dynamics-of-us-russia-relations.pdf"
EPUB = "dynamics-of-us-russia-relations.epub"
TEI = "dynamics-of-us-russia-relations.tei"
#: The files every page links to, in the order of the edition's ``edition_downloads``.
DOWNLOADS = [
    PDF,
    EPUB,
    TEI,
    "dynamics-of-us-russia-relations.bib",
    "dynamics-of-us-russia-relations.ris",
    "dynamics-of-us-russia-relations.json",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    edition_html: Path,
    edition_epub: Path,
) -> Path:
    """The HTML edition with its downloads, laid out as ``nox`` publishes it."""
    root = tmp_path_factory.mktemp("site") / "html"
    shutil.copytree(edition_html, root)
    downloads = root / "downloads"
    downloads.mkdir(exist_ok=True)  # the build writes the bibliography exports there
    shutil.copy2(edition_epub / EPUB, downloads / EPUB)
    tei = tmp_path_factory.mktemp("site-tei")
    built = build_edition("tei", tei / "out", tei / "doctrees")
    assert built.returncode == 0, built.stderr
    shutil.copy2(tei / "out" / TEI, downloads / TEI)
    # The session's PDF (shared with the PDF tests) when TeX is here; otherwise a stand-in,
    # since what is tested here is the link, not the PDF.
    try:
        pdf: Path = request.getfixturevalue("edition_pdf")
    except pytest.skip.Exception:
        (downloads / PDF).write_bytes(b"%PDF-1.5\n% stand-in for the browser test\n")
    else:
        shutil.copy2(pdf, downloads / PDF)
    return root


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """``http://127.0.0.1:<port>/`` serving *root*, for as long as the context lasts."""
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer((LOCAL, 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL}:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The address of :func:`site`."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium, from Debian."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install chromium")
        pytest.skip(f"{CHROMIUM} is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class Requests:
    """Every request a page made, and those that went anywhere but 127.0.0.1."""

    def __init__(self) -> None:
        self.all: list[str] = []
        self.foreign: list[str] = []

    def route(self, route: Any) -> None:
        url = route.request.url
        self.all.append(url)
        scheme, host = urlsplit(url)[:2]
        if scheme in {"data", "blob", "about"} or host.split(":")[0] == LOCAL:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


@pytest.fixture
def requests() -> Requests:
    return Requests()


@pytest.fixture
def page(browser: Any, requests: Requests) -> Iterator[Any]:
    """A fresh page (desktop size) whose requests are all recorded and checked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", requests.route)
    page = context.new_page()
    yield page
    context.close()
    assert requests.foreign == [], f"requests to other hosts: {requests.foreign}"
    assert requests.all, "the page made no request at all"


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


# -- accessibility ---------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(
    page: Any, server: str, site: Path, scheme: str
) -> None:
    axe = axe_module.Axe()
    page.emulate_media(color_scheme=scheme)
    report: dict[str, list[str]] = {}
    names = pages(site)
    assert len(names) >= 10
    # The search page once more, with results.
    names.append("search.html?q=Russia")
    for name in names:
        page.goto(server + name)
        if "?q=" in name:
            page.locator("#search-results li").first.wait_for(timeout=10000)
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = result.response["violations"]
        print(f"axe {scheme} {name}: {len(violations)} violation(s)")
        report[name] = [
            f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['nodes'][0]['html'][:160]}"
            for v in violations
        ]
    failing = {name: found for name, found in report.items() if found}
    assert failing == {}


def test_a_code_block_that_scrolls_is_reached_by_the_keyboard(page: Any, server: str) -> None:
    """A code block wider than the column can be focused (and so scrolled by the keyboard);
    one that fits is not put in the tab order, and a resize decides again."""

    def blocks() -> list[dict[str, Any]]:
        return list(
            page.evaluate(
                "Array.from(document.querySelectorAll('article pre')).map(p => ({"
                "scrolls: p.scrollWidth > p.clientWidth, tab: p.getAttribute('tabindex')}))"
            )
        )

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "extending.html")
    narrow = blocks()
    assert any(b["scrolls"] for b in narrow)
    assert all(b["tab"] == "0" for b in narrow if b["scrolls"])
    page.set_viewport_size({"width": 1920, "height": 1000})
    page.wait_for_function(
        "Array.from(document.querySelectorAll('article pre'))"
        ".every(p => (p.scrollWidth > p.clientWidth) === (p.getAttribute('tabindex') === '0'))"
    )
    wide = blocks()
    assert sum(b["tab"] == "0" for b in wide) < sum(b["tab"] == "0" for b in narrow)


# -- note previews -----------------------------------------------------------------------


NOTE_MARK = "article a.footnote-reference"
PREVIEW = ".edition-note-preview"


def _note_text(page: Any, mark: Any) -> str:
    """The text of the note *mark* links to, as the page shows it at the foot."""
    href = mark.get_attribute("href")
    return str(
        page.evaluate(
            """(id) => {
                const note = document.getElementById(decodeURIComponent(id));
                const copy = note.cloneNode(true);
                copy.querySelectorAll(
                    '.label, .backrefs, [role~="doc-backlink"], .fn-bracket, '
                    + 'details.edition-delivered'
                ).forEach((el) => el.remove());
                return copy.textContent.replace(/\\s+/g, ' ').trim();
            }""",
            href[1:],
        )
    )


def _preview_text(page: Any) -> str:
    """The note's text as the preview shows it, without its "As delivered" disclosure (the
    delivered reading, which the delivered-readings tests check)."""
    text = page.locator(PREVIEW).evaluate(
        """(preview) => {
            const hidden = [...preview.querySelectorAll('details.edition-delivered')];
            hidden.forEach((el) => { el.style.display = 'none'; });
            const text = preview.innerText;
            hidden.forEach((el) => { el.style.display = ''; });
            return text;
        }"""
    )
    return " ".join(str(text).split())


def test_note_preview_on_hover_then_escape(page: Any, server: str) -> None:
    page.goto(server + "introduction.html")
    marks = page.locator(NOTE_MARK)
    assert marks.count() >= 3
    mark = marks.nth(2)
    expected = _note_text(page, mark)
    assert len(expected) > 10
    mark.hover()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible", timeout=3000)
    assert " ".join(expected.split()) == _preview_text(page)
    assert preview.get_attribute("role") == "tooltip"
    assert mark.get_attribute("aria-describedby") == preview.get_attribute("id")
    # Next to its mark: just below it, or just above.
    mark_box, box = mark.bounding_box(), preview.bounding_box()
    assert abs(box["y"] - (mark_box["y"] + mark_box["height"])) < 20 or (
        abs(box["y"] + box["height"] - mark_box["y"]) < 20
    )
    # The page has not moved to the note.
    assert urlsplit(page.url).fragment == ""
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden", timeout=3000)
    assert mark.get_attribute("aria-describedby") is None


def test_note_preview_on_keyboard_focus(page: Any, server: str) -> None:
    page.goto(server + "first-decade.html")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.footnote-reference')"):
            break
    else:
        pytest.fail("no note mark is reachable with the Tab key")
    mark = page.locator("a.footnote-reference:focus")
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible", timeout=3000)
    assert _preview_text(page) == " ".join(_note_text(page, mark).split())
    # Escape closes it and leaves the focus where it was.
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden", timeout=3000)
    assert page.evaluate("document.activeElement.matches('a.footnote-reference')")


def test_note_preview_on_touch(browser: Any, server: str, requests: Requests) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    context.route("**/*", requests.route)
    page = context.new_page()
    try:
        page.goto(server + "putin-bush.html")
        mark = page.locator(NOTE_MARK).first
        mark.scroll_into_view_if_needed()
        mark.tap()
        preview = page.locator(PREVIEW)
        preview.wait_for(state="visible", timeout=3000)
        assert _preview_text(page) == " ".join(_note_text(page, mark).split())
        assert urlsplit(page.url).fragment == "", "the first tap must not follow the link"
        # A tap elsewhere closes it.
        page.locator("article h1").tap()
        preview.wait_for(state="hidden", timeout=3000)
    finally:
        context.close()
    assert requests.foreign == []


# -- paragraph links -----------------------------------------------------------------------


def test_paragraph_link_shows_on_hover_and_targets_the_paragraph(page: Any, server: str) -> None:
    page.goto(server + "obama.html")
    paragraph = page.locator("article p[id^='p-']").nth(1)
    anchor = paragraph.get_attribute("id")
    link = paragraph.locator("a.edition-paralink")
    assert link.get_attribute("href") == f"#{anchor}"
    assert link.get_attribute("aria-label")

    def opacity() -> float:
        return float(link.evaluate("(el) => getComputedStyle(el).opacity"))

    page.mouse.move(0, 0)
    page.wait_for_timeout(200)
    assert opacity() == 0
    paragraph.hover()
    page.wait_for_timeout(300)
    assert opacity() == 1
    link.click()
    assert urlsplit(page.url).fragment == anchor
    assert page.evaluate("document.querySelector(':target').id") == anchor


def test_paragraph_link_shows_on_keyboard_focus(page: Any, server: str) -> None:
    page.goto(server + "conclusion.html")
    link = page.locator("article a.edition-paralink").first
    link.focus()
    page.wait_for_timeout(300)
    assert float(link.evaluate("(el) => getComputedStyle(el).opacity")) == 1


# -- other themes ------------------------------------------------------------------------


#: Themes besides furo in which the previews and links are used in a browser.
OTHER_THEMES = ["alabaster", "pydata_sphinx_theme"]


@pytest.fixture(scope="module", params=OTHER_THEMES)
def themed_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """``tests/roots/test-anytheme`` built in another theme, served."""
    theme = str(request.param)
    if importlib.util.find_spec(theme) is None:
        if IN_CI:
            pytest.fail(f"{theme} is missing: the test extra must install it")
        pytest.skip(f"{theme} is not installed")
    out = tmp_path_factory.mktemp(f"browser-{theme}") / "html"
    source = Path(__file__).resolve().parent / "roots" / "test-anytheme"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q"]
    result = subprocess.run(
        [*command, "-D", f"html_theme={theme}", str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with serve(out) as url:
        yield url


def test_note_preview_and_paragraph_link_in_other_themes(page: Any, themed_server: str) -> None:
    page.goto(themed_server + "chapter.html")
    mark = page.locator("a.footnote-reference").first
    expected = _note_text(page, mark)
    assert "Special Providence" in expected
    mark.hover()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible", timeout=3000)
    assert _preview_text(page) == " ".join(expected.split())
    # Fully visible, next to its mark.
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden", timeout=3000)
    # Paragraph links appear on hover and lead to their paragraph.
    paragraph = page.locator("p", has_text="Poland joined").first
    link = paragraph.locator("a.edition-paralink")
    paragraph.hover()
    page.wait_for_timeout(300)
    assert float(link.evaluate("(el) => getComputedStyle(el).opacity")) == 1
    link.click()
    assert urlsplit(page.url).fragment == paragraph.get_attribute("id")
    # The download links are there, and say when a file is not in the build.
    downloads = page.locator(".edition-downloads a.edition-download")
    assert downloads.count() == 3
    downloads.first.click()
    status = page.locator(".edition-downloads [role='status']")
    status.wait_for(state="visible", timeout=3000)
    assert "Not in this build" in status.inner_text()


# -- downloads ----------------------------------------------------------------------------


#: Pages made from a template alone, without a body of text: no download links there.
TEMPLATE_PAGES = {"search.html", "genindex.html"}


def test_every_page_links_to_the_pdf_and_the_epub(page: Any, server: str, site: Path) -> None:
    for name in pages(site):
        if name in TEMPLATE_PAGES:
            continue
        page.goto(server + name)
        links = page.locator(".edition-downloads a")
        assert links.count() == len(DOWNLOADS), name
        hrefs = [links.nth(i).get_attribute("href") for i in range(len(DOWNLOADS))]
        assert [h.rsplit("/", 1)[-1] for h in hrefs] == DOWNLOADS, name
        assert links.nth(0).is_visible(), name
        for href in hrefs:
            target = urlsplit(page.url)._replace(fragment="", query="").geturl()
            response = page.request.get(target.rsplit("/", 1)[0] + "/" + href)
            assert response.ok, (name, href)
    pdf = page.request.get(server + f"downloads/{PDF}").body()
    epub = page.request.get(server + f"downloads/{EPUB}").body()
    assert pdf.startswith(b"%PDF")
    assert epub[:2] == b"PK"
    assert epub[30:38] == b"mimetype"


def test_download_link_fetches_the_file(page: Any, server: str) -> None:
    page.goto(server + "index.html")
    with page.expect_download() as info:
        page.locator(".edition-downloads a.edition-download-epub").click()
    download = info.value
    assert download.suggested_filename == EPUB
    path = download.path()
    assert path is not None
    assert Path(path).read_bytes()[:2] == b"PK"


def test_a_download_missing_from_the_build_is_said_so(
    page: Any, edition_html: Path, tmp_path: Path
) -> None:
    # `nox -s html` alone, or a live preview: the pages link to files that are not there.
    bare = tmp_path / "html"
    shutil.copytree(edition_html, bare)
    with serve(bare) as url:
        page.goto(url + "obama.html")
        link = page.locator(".edition-downloads a.edition-download-pdf")
        link.click()
        status = page.locator(".edition-downloads [role='status']")
        status.wait_for(state="visible", timeout=3000)
        assert "Not in this build" in status.inner_text()
        assert page.url == url + "obama.html"


def test_pages_carry_sitemap_and_opengraph(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "introduction.html</loc>" in sitemap
    assert "search.html" not in sitemap
    intro = (site / "introduction.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="Introduction"' in intro
    assert 'property="og:description"' in intro
    assert 'media="print"' in intro
    assert "print.css" in intro


@pytest.mark.skipif(os.environ.get("READTHEDOCS") == "True", reason="built for RTD")
def test_no_script_or_style_from_elsewhere(site: Path) -> None:
    for name in pages(site):
        text = (site / name).read_text(encoding="utf-8")
        for attr in ('src="http', "src='http", 'href="http://', "@import"):
            offending = [line for line in text.splitlines() if attr in line and "<a " not in line]
            offending = [
                line for line in offending if "og:" not in line and 'rel="canonical"' not in line
            ]
            assert offending == [], (name, offending[:3])


# -- citing ----------------------------------------------------------------------------------


def test_cite_page_gives_oxford_form_and_bibtex(site: Path) -> None:
    soup = BeautifulSoup((site / "cite.html").read_text(encoding="utf-8"), "lxml")
    article = soup.find("article")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    assert "Dynamics of US–Russia Relations: A Literature Review, 1991–2012" in text
    assert "digital edn, version 1.0 (The edition team, 2026)" in text
    bibtex = article.select_one("div.highlight-bibtex pre")
    assert bibtex is not None
    assert bibtex.get_text().startswith("@misc{dynamics-us-russia-edition,")
    # Its example of a paragraph address is a real one.
    example = re.search(r"introduction\.html#(p-[0-9a-f]{8})", text)
    assert example is not None
    intro = BeautifulSoup((site / "introduction.html").read_text(encoding="utf-8"), "lxml")
    assert intro.find("p", id=example[1]) is not None
    # Reachable from every page's navigation.
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="cite.html"' in index


def test_citation_cff_is_valid_and_agrees_with_the_cite_page(site: Path) -> None:
    cff = ROOT / "CITATION.cff"
    text = cff.read_text(encoding="utf-8")
    cite = (site / "cite.html").read_text(encoding="utf-8")
    title = re.search(r'^title: "([^"]+)"', text, re.MULTILINE)
    version = re.search(r'^version: "([^"]+)"', text, re.MULTILINE)
    url = re.search(r'^url: "([^"]+)"', text, re.MULTILINE)
    assert title is not None and version is not None and url is not None
    assert title[1] in cite
    assert f"version {version[1]}" in cite
    assert url[1] in cite
    # Beside the interpreter first: the test extra installs it into the tests' environment.
    cffconvert = shutil.which("cffconvert", path=str(Path(sys.executable).parent)) or shutil.which(
        "cffconvert"
    )
    if cffconvert is None:
        if IN_CI:
            pytest.fail("cffconvert is missing: the test extra must install it")
        pytest.skip("cffconvert is not installed")
    result = subprocess.run(
        [cffconvert, "--validate", "-i", str(cff)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_printed_page_is_its_text(page: Any, server: str) -> None:
    """Printed, a page shows its text and notes: no skip link, no navigation, no downloads
    printed over or beside it, and the text begins at the top of the paper."""
    page.goto(server + "introduction.html")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "['.skip-to-content', '.sidebar-drawer', '.toc-drawer', '.mobile-header',"
        " '.edition-downloads', '.edition-authors-link']"
        ".map(s => [s, Array.from(document.querySelectorAll(s))"
        ".some(e => e.getBoundingClientRect().height > 0)])"
    )
    assert [selector for selector, shown in hidden if shown] == []
    top = page.evaluate("document.querySelector('article h1').getBoundingClientRect().top")
    assert top < 60
    words = page.evaluate("document.querySelector('article').innerText.length")
    assert words > 2000
