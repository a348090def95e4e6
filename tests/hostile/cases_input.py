"""Cases: the directive families, notes in every place docutils allows, and the ``.bib``."""

from __future__ import annotations

from hostile import BIB_LINE, CONF_LINE, TEXT_LINE, Case, W, period

#: An rST document beside the MyST chapter (the base book's index lists it).
RST_INDEX = "# Book\n\n```{toctree}\nchapter\nrstchap\nrefs\n```\n"


def rst(text: str) -> dict[str, str]:
    """The files of a book with an rST chapter holding *text* (from its line 4)."""
    return {"index.md": RST_INDEX, "rstchap.rst": "Rst chapter\n===========\n\n" + text}


EVENT = ":::{{event}} {day}\n:title: {title}\n:climate: tension\n{extra}:::\n"


def event(day: str = "1995-05-10", title: str = "An event", extra: str = "") -> str:
    return EVENT.format(day=day, title=title, extra=extra)


LATIN1_BIB = (
    "@book{good2000,\n  author = {G\xf6od, Gail}, title = {A Good Book}, publisher = {Press},\n"
    "  address = {London}, year = {2000},\n}\n"
).encode("latin-1")

CASES: list[Case] = [
    # -- clean books: the baseline and the places a note may stand -------------------------
    Case(
        "clean-two-notes",
        chapter="One{notecite}`good2000`. Two{notecite}`good2000{p. 3}`.\n",
        notes=2,
        kept=("A Good Book",),
        why="the baseline: a correct book builds cleanly in every builder",
    ),
    Case(
        "note-in-table-cell",
        chapter="| a | b |\n|---|---|\n| cell{notecite}`good2000` | two |\n\nKEEP after.\n",
        notes=1,
        kept=("KEEP after",),
        why="a note in a table cell is ordinary scholarly practice",
    ),
    Case(
        "note-in-figure-caption",
        chapter=":::{figure} pic.png\nA caption{notecite}`good2000`.\n:::\n\nKEEP body.\n",
        files={"pic.png": b"\x89PNG\r\n\x1a\n"},
        notes=1,
        kept=("A caption",),
        why="a source cited in a caption is ordinary practice",
    ),
    Case(
        "note-in-period-summary",
        chapter=":::{period} p1\n:title: A period\n:start: 1991\n:end: 1999\n"
        ":actors: Clinton; Yeltsin\n:climate: cooperation\n\n"
        "In summary{notecite}`good2000`.\n:::\n\nKEEP body.\n",
        notes=1,
        kept=("In summary",),
        why="a period's summary may cite its sources",
    ),
    Case(
        "note-in-event-body",
        chapter=period() + "\n" + event(extra="\nThe event{notecite}`good2000`.\n"),
        notes=1,
        kept=("The event",),
        why="an event's description may cite its source",
    ),
    Case(
        "note-in-list-and-quote",
        chapter="- item{notecite}`good2000`\n\n> quoted{notecite}`good2000{p. 9}`\n",
        notes=2,
        kept=("quoted",),
        why="lists and block quotes hold notes as paragraphs do",
    ),
    Case(
        "note-in-admonition",
        chapter=":::{note}\nAn aside{notecite}`good2000`.\n:::\n",
        notes=1,
        kept=("An aside",),
        why="an admonition is body text",
    ),
    Case(
        "note-in-section-title",
        chapter="## A section{notecite}`good2000`\n\nKEEP section body.\n",
        notes=1,
        kept=("KEEP section body",),
        why="a note on a heading is rare but legitimate (e.g. a source for a chapter)",
    ),
    Case(
        "note-in-only-block",
        chapter="Before.\n\n```{only} html or epub or latex or text or tei\n"
        "Inside{notecite}`good2000`.\n```\n",
        notes=1,
        kept=("Before",),
        builders=("html", "epub", "latex", "text", "tei"),
        why="an only block whose expression holds for every builder keeps its note",
    ),
    Case(
        "note-in-only-html",
        chapter="Out{notecite}`good2000`.\n\n```{only} html\nIn{notecite}`good2000{p. 2}`.\n```\n\n"
        "After{notecite}`good2000{p. 4}`.\n",
        notes={"html": 3, "epub": 3, "latex": 2, "text": 2, "tei": 2},
        kept=("After",),
        why="an only block is the author's choice of what each format prints (epub is an html)",
    ),
    Case(
        "note-in-link-text",
        chapter="See [the book{notecite}`good2000`](https://example.org/) here.\n",
        notes=1,
        kept=("the book",),
        why="a note inside a link's text is kept, out of the link",
    ),
    Case(
        "note-in-rst-substitution",
        chapter=None,
        files=rst("Text |sub| and |sub|.\n\n.. |sub| replace:: cited :notecite:`good2000`\n"),
        notes=2,
        kept=("cited",),
        why="each use of a substitution is a citation of its own",
    ),
    Case(
        "note-in-rst-footnote",
        chapter=None,
        files=rst("Text [#f]_.\n\n.. [#f] A footnote citing :notecite:`good2000`.\n"),
        notes=1,
        footnotes=1,
        kept=("A footnote citing",),
        why="an author's footnote may cite a work; the citation stands in it",
    ),
    Case(
        "hostile-markup-in-text",
        chapter="KEEP <script>alert(1)</script> & \\input{/etc/passwd} 100% a_b #~^.\n",
        notes=0,
        kept=("KEEP",),
        why="markup in the text is text: escaped in every format, nothing to warn about",
    ),
    # -- notes that cannot be made ---------------------------------------------------------
    Case(
        "notecite-unknown-key",
        chapter="KEEP cited{notecite}`nobody1999`.\n",
        warnings=(W("chapter.md", TEXT_LINE, r"nobody1999"),),
        notes=1,
        kept=("KEEP cited",),
    ),
    Case(
        "notecite-malformed-target",
        chapter="KEEP malformed{notecite}`good2000{p. 12`.\n",
        warnings=(W("chapter.md", TEXT_LINE, r"malformed"),),
        notes=1,
        kept=("KEEP malformed",),
    ),
    Case(
        "notecite-empty",
        chapter="KEEP empty{notecite}` `.\n",
        warnings=(W("chapter.md", TEXT_LINE, r"empty"),),
        notes=1,
        kept=("KEEP empty",),
    ),
    Case(
        "notecite-unknown-in-rst",
        chapter=None,
        files=rst("KEEP rst :notecite:`nobody1999`.\n"),
        warnings=(W("rstchap.rst", 4, r"nobody1999"),),
        notes=1,
        kept=("KEEP rst",),
    ),
    # -- periods and events ----------------------------------------------------------------
    Case(
        "period-own-parent",
        chapter=period(parent="p1") + "\nKEEP own parent.\n",
        warnings=(W("chapter.md", TEXT_LINE, r"its own :parent:"),),
        kept=("KEEP own parent",),
    ),
    Case(
        "period-parent-cycle",
        chapter=period("p1", parent="p2") + "\n" + period("p2", parent="p1") + "\nKEEP cycle.\n",
        warnings=(W("chapter.md", TEXT_LINE, r"cycle|parent"),),
        kept=("KEEP cycle",),
    ),
    Case(
        "period-duplicate-id",
        chapter=period() + "\nKEEP first.\n\n" + period() + "\nKEEP second.\n",
        warnings=(W("chapter.md", TEXT_LINE + 10, r"duplicate"),),
        kept=("KEEP first", "KEEP second"),
    ),
    Case(
        "period-hostile-climate",
        chapter=period(climate='x" onmouseover="alert(1)') + "\nKEEP climate.\n",
        warnings=(W("chapter.md", TEXT_LINE, r"climate"),),
        kept=("KEEP climate",),
    ),
    Case(
        "period-hostile-title",
        chapter=period(title="<b>T</b> & \\input{x} 100%") + "\nKEEP title.\n",
        kept=("KEEP title",),
        why="a title with markup characters is text, escaped where it is written",
    ),
    Case(
        "event-duplicate-id",
        chapter=period() + "\n" + event() + "\nKEEP a.\n\n" + event() + "\nKEEP b.\n",
        warnings=(W("chapter.md", TEXT_LINE + 15, r"duplicate"),),
        kept=("KEEP a", "KEEP b"),
    ),
    Case(
        "event-hostile-climate",
        chapter=period() + "\n" + event().replace("tension", "</svg><script>") + "\nKEEP e.\n",
        warnings=(W("chapter.md", TEXT_LINE + 8, r"climate"),),
        kept=("KEEP e",),
    ),
    Case(
        "event-outside-periods",
        chapter=period() + "\n" + event(day="2005-01-01") + "\nKEEP outside.\n",
        kept=("KEEP outside",),
        why="an event may fall outside every period (the timeline shows it between them)",
    ),
    # -- the .bib --------------------------------------------------------------------------
    Case(
        "bib-latin1",
        chapter="KEEP latin{notecite}`good2000`.\n",
        files={"refs.bib": LATIN1_BIB},
        warnings=(W("refs.bib", 2, r"UTF-8|encod"),),
        notes=1,
        kept=("KEEP latin",),
    ),
    Case(
        "bib-binary",
        chapter="KEEP binary.\n",
        files={"refs.bib": b"\x00\x01\xff\xfe\x80garbage\x00"},
        warnings=(W("refs.bib", 1, r"UTF-8|encod"),),
        kept=("KEEP binary",),
    ),
    Case(
        "bib-unbalanced-brace",
        chapter="KEEP good{notecite}`good2000`.\n",
        bib="\n@article{bad2001,\n  author = {Bad, Bob\n  title = {Broken},\n  year = {2001},\n}\n",
        warnings=(W("refs.bib", BIB_LINE + 1, r"refs\.bib"),),
        notes=1,
        kept=("A Good Book",),
    ),
    Case(
        "bib-repeated-entry",
        chapter="KEEP repeated{notecite}`good2000`.\n",
        bib="\n@book{good2000,\n  author = {Other, Olga}, title = {Again}, year = {2001},\n}\n",
        warnings=(W("refs.bib", BIB_LINE + 1, r"repeated"),),
        notes=1,
        kept=("KEEP repeated",),
    ),
    Case(
        "bib-crossref-missing",
        chapter="KEEP crossref{notecite}`part2001`.\n",
        bib="\n@incollection{part2001,\n  author = {Part, Pat}, title = {A Part},\n"
        "  crossref = {nowhere1999}, year = {2001},\n}\n",
        warnings=(W("refs.bib", BIB_LINE + 1, r"nowhere1999"),),
        notes=1,
        kept=("KEEP crossref",),
    ),
    Case(
        "bib-hostile-fields",
        chapter="KEEP evil{notecite}`evil2001`.\n",
        bib="\n@book{evil2001,\n  author = {Evil, Eve},\n"
        "  title = {<script>alert(1)</script> \\input{/etc/passwd} 100\\% \\& a\\_b},\n"
        "  publisher = {Pub \\& Co}, address = {Here}, year = {2001},\n}\n",
        notes=1,
        kept=("KEEP evil",),
        warnings=(W("refs.bib", 6, r"'evil2001', field title: TeX command \\input,"),),
        why="markup characters in a field are text, escaped in every format; a TeX command "
        "no format can print is said to be left out",
    ),
]


#: The delivered notes of a book with two notes, with *entries* as the JSON object's body.
def delivered(entries: str) -> dict[str, str]:
    return {"delivered.json": "{\n" + entries + "\n}\n"}


DELIVERED_CONF = 'edition_delivered_notes = "delivered.json"\n'
TWO_NOTES = "One{notecite}`good2000`. Two{notecite}`good2000{p. 3}`.\n"
NOTE_1 = '  "1": {"text": "Good, A Good Book.", "keys": ["good2000"], "locator": ""}'
NOTE_2 = '  "2": {"text": "Ibid., p. 3.", "keys": ["good2000"], "locator": "p. 3"}'

CASES += [
    Case(
        "delivered-clean",
        chapter=TWO_NOTES,
        conf=DELIVERED_CONF,
        files=delivered(NOTE_1 + ",\n" + NOTE_2),
        notes=2,
        kept=("Ibid., p. 3",),
        why="delivered notes that match the book's",
    ),
    Case(
        "delivered-same-number-twice",
        chapter=TWO_NOTES,
        conf=DELIVERED_CONF,
        files=delivered(NOTE_1 + ",\n" + NOTE_2 + ",\n" + NOTE_1.replace("Good,", "Other,")),
        warnings=(W("delivered.json", 4, r"given twice"),),
        notes=2,
    ),
    Case(
        "delivered-number-not-in-book",
        chapter=TWO_NOTES,
        conf=DELIVERED_CONF,
        files=delivered(NOTE_1 + ",\n" + NOTE_2.replace('"2"', '"7"')),
        warnings=(W("delivered.json", 3, r"book has 2 notes"),),
        notes=2,
    ),
    Case(
        "delivered-bad-json",
        chapter=TWO_NOTES,
        conf=DELIVERED_CONF,
        files=delivered(NOTE_1 + ",,\n" + NOTE_2),
        warnings=(W("delivered.json", 2, r"bad JSON"),),
        notes=2,
    ),
    Case(
        "delivered-wrong-keys",
        chapter=TWO_NOTES,
        conf=DELIVERED_CONF,
        files=delivered(NOTE_1.replace('["good2000"]', '["other1999"]') + ",\n" + NOTE_2),
        warnings=(W("delivered.json", 2, r"other1999"),),
        notes=2,
    ),
    Case(
        "delivered-file-missing",
        chapter=TWO_NOTES,
        conf=DELIVERED_CONF,
        warnings=(W("conf.py", CONF_LINE, r"no file"),),
        notes=2,
    ),
    Case(
        "bib-missing-comma",
        chapter="KEEP comma{notecite}`good2000`.\n",
        bib="\n@book{bad2001,\n  author = {Bad, Bob}\n  title = {Broken}, year = {2001},\n}\n",
        warnings=(W("refs.bib", BIB_LINE + 1, r"refs\.bib"),),
        notes=1,
        kept=("A Good Book",),
    ),
    Case(
        "bib-too-many-commas-in-name",
        chapter="KEEP name{notecite}`good2000`.\n",
        bib="\n@book{bad2001,\n  author = {Broken, Ann, Jr, Extra},\n  title = {Names},\n"
        "  publisher = {P}, year = {2001},\n}\n",
        warnings=(W("refs.bib", BIB_LINE + 2, r"comma"),),
        notes=1,
        kept=("KEEP name",),
    ),
    Case(
        "bib-entry-without-key",
        chapter="KEEP nokey{notecite}`good2000`.\n",
        bib="\n@book{\n  author = {Nokey, N}, title = {T}, year = {2001},\n}\n",
        warnings=(W("refs.bib", BIB_LINE + 1, r"refs\.bib"),),
        notes=1,
        kept=("KEEP nokey",),
    ),
    Case(
        "bib-file-missing",
        chapter="KEEP nobib.\n",
        conf='bibtex_bibfiles = ["refs.bib", "missing.bib"]\n',
        warnings=(W("conf.py", CONF_LINE, r"missing\.bib"),),
        kept=("KEEP nobib",),
    ),
]


def located(case_id: str, chapter: str, line: int, pattern: str, kept: str) -> Case:
    """A chapter with one mistake, warned of at *line* of ``chapter.md``, its notes kept."""
    return Case(
        case_id,
        chapter=chapter,
        warnings=(W("chapter.md", line, pattern),),
        notes=chapter.count("{notecite}"),
        kept=(kept,),
    )


EVENT_LINE = TEXT_LINE + 8  # after a period of seven lines and a blank line

CASES += [
    Case(
        "page-kind-unknown",
        files={
            "chapter.md": "---\nedition-page: essay\n---\n# Chapter\n\n"
            "KEEP kind{notecite}`good2000`.\n"
        },
        warnings=(W("chapter.md", 2, r"edition-page: 'essay' is not a kind of page"),),
        notes=1,
        kept=("KEEP kind",),
    ),
    Case(
        "page-kind-editorial",
        files={
            "chapter.md": "---\nedition-page: editorial\n---\n# Chapter\n\n"
            "KEEP about{notecite}`good2000`.\n"
        },
        notes=1,
        kept=("KEEP about",),
        why="a page about the edition is the author's to mark: it is printed, but is no work",
    ),
    located(
        "period-end-before-start",
        period(start="1999", end="1991") + "\nKEEP period.\n",
        TEXT_LINE,
        r"before start",
        "KEEP period",
    ),
    located(
        "period-malformed-date",
        period(start="1991-13") + "\nKEEP malformed.\n",
        TEXT_LINE,
        r"date",
        "KEEP malformed",
    ),
    located(
        "period-impossible-date",
        period(start="2001-02-30") + "\nKEEP impossible.\n",
        TEXT_LINE,
        r"date",
        "KEEP impossible",
    ),
    located(
        "period-missing-title",
        period(title="") + "\nKEEP untitled{notecite}`good2000`.\n",
        TEXT_LINE,
        r"title",
        "KEEP untitled",
    ),
    located(
        "period-missing-climate",
        period(climate="") + "\nKEEP no climate.\n",
        TEXT_LINE,
        r"climate",
        "KEEP no climate",
    ),
    located(
        "period-unknown-parent",
        period(parent="nowhere") + "\nKEEP orphan.\n",
        TEXT_LINE,
        r"nowhere",
        "KEEP orphan",
    ),
    located(
        "event-malformed-date",
        period() + "\n" + event(day="2001-9-11") + "\nKEEP event.\n",
        EVENT_LINE,
        r"date",
        "KEEP event",
    ),
    located(
        "event-missing-title",
        period() + "\n" + event(title="").replace(":title: \n", "") + "\nKEEP untitled event.\n",
        EVENT_LINE,
        r"title",
        "KEEP untitled event",
    ),
    located(
        "event-unknown-climate",
        period() + "\n" + event().replace("tension", "stormy") + "\nKEEP stormy.\n",
        EVENT_LINE,
        r"climate",
        "KEEP stormy",
    ),
    located(
        "timeline-from-after-to",
        period() + "\nKEEP timeline.\n\n```{timeline}\n:from: 2000\n:to: 1990\n```\n",
        TEXT_LINE + 10,
        r":from:",
        "KEEP timeline",
    ),
    located(
        "timeline-unknown-period",
        period() + "\nKEEP narrowed.\n\n```{timeline}\n:periods: p1 nope\n```\n",
        TEXT_LINE + 10,
        r"nope",
        "KEEP narrowed",
    ),
    located(
        "theme-unknown-id",
        ":::{theme} arms bananas\nKEEP tagged{notecite}`good2000`.\n:::\n",
        TEXT_LINE,
        r"bananas",
        "KEEP tagged",
    ),
    located(
        "theme-empty-directive",
        "KEEP before.\n\n:::{theme} arms\n:::\n",
        5,
        r"theme",
        "KEEP before",
    ),
    located(
        "theme-role-unknown",
        "KEEP role {theme}`bananas`.\n",
        TEXT_LINE,
        r"bananas",
        "KEEP role",
    ),
    located("theme-role-empty", "KEEP empty role {theme}` `.\n", TEXT_LINE, r"theme", "KEEP empty"),
    located(
        "themeindex-unknown-theme",
        "KEEP index.\n\n```{themeindex}\n:themes: arms bananas\n```\n",
        5,
        r"bananas",
        "KEEP index",
    ),
]
