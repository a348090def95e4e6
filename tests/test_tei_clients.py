"""The TEI read back by two standard TEI clients: the TEI Consortium's Stylesheets (TEI to
HTML, run by Saxon-HE, read with lxml) and CETEIcean (its default behaviours, in Chromium,
read as the page's visible text).

Whichever client, a reader of the edition's TEI must find every footnote, in order and with
its text; every editorial note with both of its readings (the text as delivered and the
correction), each readable on its own; every reference; every entry of the bibliography, in
the order of its ``@sortKey``; every period and event, the period's actors apart from each
other; and never a bare pointer (``#bib-mead2014`` as text), an empty label (``Mead ()``) or
an "Ibid." that names its work after itself (``(Ibid.)Mankoff, Russian Foreign Policy.``).
What the reader should get is read from the TEI itself, so that the tests hold for any
encoding of the same text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

import pytest
from conftest import IN_CI, ROOT
from lxml import etree, html
from test_browser import Requests, browser, serve
from test_tei import NS, XML_ID, edition_tei

__all__ = ["browser", "edition_tei"]  # fixtures, shared with test_browser and test_tei

#: The Stylesheets' TEI-to-HTML transformation, vendored (its README names the release).
STYLESHEETS = ROOT / "tests" / "vendor" / "tei-stylesheets"
#: Debian's libsaxonhe-java (Saxon-HE 9.9, XSLT 3.0), which .ci/run installs.
SAXON = Path("/usr/share/java/Saxon-HE.jar")
CLIENTS = ["stylesheets", "ceteicean"]

#: The HTML elements that start a line of their own, for lxml's reading of the Stylesheets'
#: HTML (as a browser's innerText does).
BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table td th tr ul".split()
)
UNSEEN = frozenset({"head", "script", "style", "template"})
#: The readings of an editorial intervention, by the TEI element that holds each.
READINGS = ("sic", "corr", "orig", "reg", "lem", "rdg")


def missing_tool(message: str) -> NoReturn:
    """Skip for want of a tool; in CI, where nothing may be skipped, fail."""
    if IN_CI:
        pytest.fail(f"{message}: .ci/run must install it")
    pytest.skip(message)


# -- what the clients show ----------------------------------------------------------------


class Reading(NamedTuple):
    """What a client shows of the TEI: its visible text, and the elements that keep a TEI
    ``xml:id`` as their ``id`` (in document order), each with its own visible text and the
    targets of the links inside it."""

    client: str
    text: str
    ids: list[str]
    own: dict[str, str]
    links: dict[str, list[str]]

    def readable(self, ident: str) -> str:
        """The text of *ident*, followed by the texts its links lead to within the page
        (the Stylesheets put an apparatus entry's readings in a note of their own)."""
        targets = [t[1:] for t in self.links.get(ident, []) if t.startswith("#")]
        return " ".join([self.own[ident], *(self.own[t] for t in targets if t in self.own)])


def flat(text: str) -> str:
    return " ".join(text.split())


def visible(element: Any) -> str:
    """The text of an lxml HTML element as a browser lays it out: block elements on lines of
    their own, comments and scripts unseen."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str) or node.tag in UNSEEN:
            return
        block = node.tag in BLOCKS
        if block:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append("\n")

    walk(element)
    return flat("".join(parts))


@pytest.fixture(scope="module")
def stylesheets_html(edition_tei: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edition's TEI transformed to HTML by the Stylesheets' ``html/html.xsl``."""
    java = shutil.which("java")
    if java is None or not SAXON.is_file():
        missing_tool(f"Saxon-HE ({SAXON}, package libsaxonhe-java) or java is not installed")
    out = tmp_path_factory.mktemp("tei-stylesheets") / "edition.html"
    result = subprocess.run(
        [
            str(java),
            "-jar",
            str(SAXON),
            f"-s:{edition_tei}",
            f"-xsl:{STYLESHEETS / 'html' / 'html.xsl'}",
            f"-o:{out}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def read_stylesheets(path: Path) -> Reading:
    root = html.parse(str(path)).getroot()
    body = root.find("body")
    assert body is not None
    ids: list[str] = []
    own: dict[str, str] = {}
    links: dict[str, list[str]] = {}
    for element in body.iter():
        ident = element.get("id") if isinstance(element.tag, str) else None
        if ident and ident not in own:
            ids.append(ident)
            own[ident] = visible(element)
            links[ident] = [str(h) for h in element.xpath(".//a/@href")]
    return Reading("stylesheets", visible(body), ids, own, links)


#: The page a CETEIcean edition starts from (as in CETEIcean's README): the library, an empty
#: element, and getHTML5 on the TEI, with CETEIcean's default behaviours and no style sheet.
CETEI_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>CETEIcean</title><script src="CETEI.js"></script></head>
<body>
<div id="TEI"></div>
<script>
new CETEI().getHTML5("edition.tei", function (data) {
  document.getElementById("TEI").appendChild(data);
  document.body.setAttribute("data-shown", "yes");
});
</script>
</body>
</html>
"""

#: The visible text (innerText) of the TEI's rendering and of each element with an id.
READ_PAGE = """() => {
  const root = document.getElementById("TEI");
  const all = [];
  for (const el of root.querySelectorAll("[id]")) {
    const hrefs = Array.from(el.querySelectorAll("a[href]"), (a) => a.getAttribute("href"));
    all.push([el.id, el.innerText, hrefs]);
  }
  return {text: root.innerText, all: all};
}"""


def ceteicean_js() -> Path:
    """CETEIcean's browser build, from the global npm install that .ci/run makes."""
    npm = shutil.which("npm")
    if npm is None:
        missing_tool("npm is not installed (CETEIcean comes from npm)")
    found = subprocess.run(
        [str(npm), "root", "-g"], capture_output=True, text=True, check=False
    ).stdout.strip()
    script = Path(found) / "CETEIcean" / "dist" / "CETEI.js"
    if not script.is_file():
        missing_tool(f"{script} is missing: `npm install -g CETEIcean`")
    return script


@pytest.fixture(scope="module")
def ceteicean_reading(
    browser: Any, edition_tei: Path, tmp_path_factory: pytest.TempPathFactory
) -> Reading:
    """The edition's TEI shown by CETEIcean in Chromium, served from 127.0.0.1."""
    site = tmp_path_factory.mktemp("ceteicean")
    shutil.copy2(ceteicean_js(), site / "CETEI.js")
    shutil.copy2(edition_tei, site / "edition.tei")
    (site / "index.html").write_text(CETEI_PAGE, encoding="utf-8")
    requests = Requests()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", requests.route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(site) as url:
        page.goto(url + "index.html")
        page.wait_for_selector("body[data-shown=yes]", state="attached", timeout=30000)
        read = page.evaluate(READ_PAGE)
    context.close()
    assert errors == [], errors
    assert requests.foreign == [], f"requests to other hosts: {requests.foreign}"
    ids: list[str] = []
    own: dict[str, str] = {}
    links: dict[str, list[str]] = {}
    for ident, text, hrefs in read["all"]:
        if ident not in own:
            ids.append(ident)
            own[ident] = flat(text)
            links[ident] = hrefs
    return Reading("ceteicean", flat(read["text"]), ids, own, links)


@pytest.fixture(scope="module", params=CLIENTS)
def reading(request: pytest.FixtureRequest) -> Reading:
    """What each client shows of the edition's TEI."""
    if request.param == "stylesheets":
        return read_stylesheets(request.getfixturevalue("stylesheets_html"))
    return request.getfixturevalue("ceteicean_reading")  # type: ignore[no-any-return]


# -- what the TEI says a reader must get ---------------------------------------------------


@pytest.fixture(scope="module")
def tei(edition_tei: Path) -> etree._ElementTree:
    return etree.parse(str(edition_tei))


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def text_of(element: etree._Element, without: tuple[str, ...] = ()) -> str:
    """The text of a TEI element, leaving out the elements named in *without* (their tails
    kept)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and local(child) not in without:
                walk(child)
            parts.append(child.tail or "")

    walk(element)
    return flat("".join(parts))


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text))


def follows(wanted: str, text: str) -> bool:
    """Whether the words of *wanted* come in *text* in their order (other words, such as a
    note's number, may stand between them)."""
    rest = iter(text.split())
    return all(word in rest for word in wanted.split())


def shown(phrase: str, text: str) -> bool:
    """Whether *phrase* stands in *text* as a phrase of its own, not run into the letters
    before or after it ("Boris YeltsinGeorge W. Bush" shows neither name)."""
    return re.search(rf"(?<!\w){re.escape(flat(phrase))}(?!\w)", text) is not None


def in_order(phrases: list[str], text: str) -> list[str]:
    """The phrases of *phrases* not found in *text* after the one before them."""
    lost, at = [], 0
    for phrase in phrases:
        found = text.find(flat(phrase), at)
        if found < 0:
            lost.append(phrase)
        else:
            at = found + len(flat(phrase))
    return lost


def ident(element: etree._Element) -> str:
    return str(element.get(XML_ID))


def footnotes(tei: etree._ElementTree) -> list[etree._Element]:
    return tei.xpath("//tei:text//tei:note[@place='foot']", namespaces=NS)  # type: ignore[no-any-return]


def shown_text(reading: Reading, element: etree._Element) -> str:
    """The client's text for a TEI element kept by its id, else the whole text."""
    return reading.own.get(ident(element), reading.text)


# -- the tests --------------------------------------------------------------------------


def test_every_footnote_in_order_with_its_text(reading: Reading, tei: etree._ElementTree) -> None:
    """As many footnotes as the TEI has, in its order, each with the TEI note's words (an
    abbreviation's expansion, which a reader does not see, left out)."""
    notes = footnotes(tei)
    assert len(notes) > 50
    wanted = [ident(n) for n in notes]
    got = [i for i in reading.ids if i in set(wanted)]
    assert got == wanted, f"{reading.client}: the footnotes shown, in order, are not the TEI's"
    wrong = {
        ident(note): reading.own[ident(note)][:200]
        for note in notes
        if not follows(
            words(text_of(note, without=("expan", "rdg"))), words(reading.own[ident(note)])
        )
    }
    assert not wrong, f"{reading.client}: footnotes without their TEI text:\n" + "\n".join(
        f"{name}: {text!r}" for name, text in wrong.items()
    )


def test_stylesheets_call_every_footnote_in_order(
    stylesheets_html: Path, tei: etree._ElementTree
) -> None:
    """The text calls each footnote once, in order: a mark per note, and a note per mark (the
    marks of an apparatus, which lead to its entries, aside)."""
    root = html.parse(str(stylesheets_html)).getroot()
    wanted = [f"#{ident(n)}" for n in footnotes(tei)]
    marks = [str(h) for h in root.xpath("//a[contains(@class, 'notelink')]/@href")]
    assert [m for m in marks if m in set(wanted)] == wanted


#: An editorial intervention: a choice between the delivered text and its correction, or an
#: apparatus entry.
INTERVENTION = "self::tei:app or self::tei:choice[tei:sic or tei:orig]"
INTERVENTIONS = f".//*[{INTERVENTION}]"


def readings(intervention: etree._Element) -> list[tuple[str, str]]:
    """Each reading of *intervention*: the TEI element holding it, and its text."""
    return [
        (local(part), text_of(part))
        for part in intervention
        if isinstance(part.tag, str) and local(part) in READINGS
    ]


def test_every_editorial_note_with_both_readings(reading: Reading, tei: etree._ElementTree) -> None:
    """Each editorial note shows its words and every reading of its interventions (the sic
    words and their correction, the lemma and the delivered reading), each on its own; an
    intervention outside the notes shows its readings somewhere in the text."""
    notes = tei.xpath("//tei:text//tei:note[@type='editorial']", namespaces=NS)
    assert len(notes) >= 10
    problems: list[str] = []
    for note in notes:
        name = f"{note.get('n')} ({ident(note)})"
        if ident(note) not in reading.own:
            problems.append(f"{name}: not shown")
            continue
        scope = reading.readable(ident(note))
        prose = words(text_of(note, without=("choice", "app")))
        if prose not in words(scope):
            problems.append(f"{name}: its words are not shown: {scope[:200]!r}")
        for intervention in note.xpath(INTERVENTIONS, namespaces=NS):
            for kind, text in readings(intervention):
                if not shown(text, scope):
                    problems.append(f"{name}: {kind} {text!r} not shown in {scope[:300]!r}")
    outside = tei.xpath(f"//tei:text//*[{INTERVENTION}][not(ancestor::tei:note)]", namespaces=NS)
    for intervention in outside:
        for kind, text in readings(intervention):
            if not shown(text, reading.text):
                problems.append(f"{kind} {text!r} not shown in the text")
    assert problems == [], f"{reading.client}:\n" + "\n".join(problems)


def test_every_reference_in_order(reading: Reading, tei: etree._ElementTree) -> None:
    """The text of every ``<ref>``, in order within its note (or within the running text)."""
    refs = tei.xpath("//tei:text//tei:ref", namespaces=NS)
    assert refs
    scopes: dict[str, list[str]] = {}
    for ref in refs:
        holder = ref.xpath("ancestor::tei:note[@xml:id][1]", namespaces=NS)
        scopes.setdefault(ident(holder[0]) if holder else "", []).append(text_of(ref))
    lost = {
        scope or "the running text": in_order(texts, reading.own.get(scope, reading.text))
        for scope, texts in scopes.items()
    }
    assert {k: v for k, v in lost.items() if v} == {}, f"{reading.client}: references lost"


def first_surname(entry: etree._Element) -> str:
    found = entry.xpath(".//tei:surname", namespaces=NS)
    return text_of(found[0]) if found else text_of(entry.xpath(".//tei:title", namespaces=NS)[0])


def work_title(entry: etree._Element) -> str:
    """The first title of a bibliography entry, up to its subtitle."""
    return text_of(entry.xpath(".//tei:title", namespaces=NS)[0]).split(":")[0]


def test_every_bibliography_entry_in_sort_key_order(
    reading: Reading, tei: etree._ElementTree
) -> None:
    """Every entry of the bibliography, with its author and title, in ``@sortKey`` order."""
    entries = tei.xpath("//tei:text//tei:listBibl/tei:biblStruct", namespaces=NS)
    assert len(entries) > 30
    by_key = sorted(entries, key=lambda e: str(e.get("sortKey")))
    shown_ids = [i for i in reading.ids if i in {ident(e) for e in entries}]
    missing = [ident(e) for e in entries if ident(e) not in reading.own]
    assert missing == [], f"{reading.client}: entries not shown"
    surnames = {ident(e): first_surname(e) for e in entries}
    assert [surnames[i] for i in shown_ids] == [surnames[ident(e)] for e in by_key]
    wrong = [
        f"{ident(e)}: {reading.own[ident(e)][:160]!r}"
        for e in entries
        if not (
            shown(first_surname(e), reading.own[ident(e)])
            and words(work_title(e)) in words(reading.own[ident(e)])
        )
    ]
    assert not wrong, f"{reading.client}: entries without their author or title:\n" + "\n".join(
        wrong
    )


def test_every_period_and_event_with_its_actors_apart(
    reading: Reading, tei: etree._ElementTree
) -> None:
    """Every period and event, each list in its order, with its label, its description and
    each of its actors shown as a name of its own."""
    lists = tei.xpath("//tei:listEvent", namespaces=NS)
    assert lists
    problems: list[str] = []
    for events in lists:
        labels = [text_of(e.find("tei:head", NS)) for e in events.findall("tei:event", NS)]
        lost = in_order(labels, reading.text)
        if lost:
            problems.append(f"{events.get('type')}: not shown, or not in order: {lost}")
        for event in events.findall("tei:event", NS):
            label = text_of(event.find("tei:head", NS))
            if ident(event) in reading.own:
                scope = reading.own[ident(event)]
            elif label in reading.text:
                at = reading.text.index(label)
                scope = reading.text[at : at + len(text_of(event)) + 100]
            else:
                continue
            for desc in event.findall("tei:p", NS):
                if words(text_of(desc, without=("persName",))) not in words(scope):
                    problems.append(f"{ident(event)}: its description is not shown")
            for actor in event.xpath(".//tei:persName[@role='actor']", namespaces=NS):
                if not shown(text_of(actor), scope):
                    problems.append(f"{ident(event)}: actor {text_of(actor)!r} in {scope!r}")
    assert problems == [], f"{reading.client}:\n" + "\n".join(problems)


def years(event: etree._Element) -> list[str]:
    """The years an event or period is dated by (``@when``, ``@from``, ``@to``)."""
    return [str(event.get(a))[:4] for a in ("when", "from", "to") if event.get(a)]


def test_every_period_and_event_shows_its_dates(reading: Reading, tei: etree._ElementTree) -> None:
    """A reader learns when each event happened and when each period began and ended: the
    years of its dates stand beside its label."""
    undated = []
    for event in tei.xpath("//tei:listEvent/tei:event", namespaces=NS):
        label = text_of(event.find("tei:head", NS))
        if ident(event) in reading.own:
            scope = reading.own[ident(event)]
        elif label in reading.text:
            at = reading.text.index(label)
            scope = reading.text[max(0, at - 60) : at + len(text_of(event)) + 100]
        else:
            continue  # not shown at all: test_every_period_and_event_… says so
        lost = [year for year in years(event) if not shown(year, scope)]
        if lost:
            undated.append(f"{ident(event)} {years(event)}: {scope[:160]!r}")
    assert not undated, f"{reading.client}: {len(undated)} undated, as\n" + "\n".join(undated[:5])


def test_no_pointer_is_shown_bare(reading: Reading, tei: etree._ElementTree) -> None:
    """No ``#id`` of the TEI (``#bib-mead2014``, ``#period-…``) stands in the text."""
    ids = {str(i) for i in tei.xpath("//@xml:id")}
    bare = [
        reading.text[max(0, m.start() - 60) : m.end() + 20]
        for m in re.finditer(r"#([\w.-]+)", reading.text)
        if m.group(1) in ids
    ]
    assert not bare, f"{reading.client}: {len(bare)} bare pointer(s), as\n" + "\n".join(bare[:5])


def test_no_note_prints_an_empty_label_or_names_the_work_after_ibid(
    reading: Reading, tei: etree._ElementTree
) -> None:
    """A pointer's label is never empty ("Mead ()"), and an "Ibid." note does not go on with
    the work's author or title ("(Ibid.)Mankoff, Russian Foreign Policy.Mankoff ()")."""
    entries = {ident(e): e for e in tei.xpath("//tei:listBibl/tei:biblStruct", namespaces=NS)}
    problems: list[str] = []
    ibids = 0
    for note in footnotes(tei):
        text = reading.own.get(ident(note), "")
        if "()" in text:
            problems.append(f"{ident(note)}: {text!r}")
        if "Ibid" not in text_of(note, without=("rdg",)):
            continue
        ibids += 1
        # The delivered reading, where a client prints it beside the note ("Ziegler, 2014"
        # for "Ibid."), is the apparatus, not the note going on with its work's name.
        for rdg in note.iterfind(".//tei:rdg", NS):
            text = text.replace(text_of(rdg), "")
        targets = {
            str(t).lstrip("#")
            for t in note.xpath(".//@target | .//@corresp")
            if str(t).lstrip("#") in entries
        }
        for target in targets:
            work = entries[target]
            if shown(first_surname(work), text) or words(work_title(work)) in words(text):
                problems.append(f"{ident(note)}: {text!r}")
    assert ibids >= 2
    garbled = sorted(set(problems))
    assert not garbled, f"{reading.client}: {len(garbled)} note(s), as\n" + "\n".join(garbled[:5])
