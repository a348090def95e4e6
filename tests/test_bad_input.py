"""Bad input, case by case: a located warning, a failed ``-W`` build, nothing lost.

Each case is a small book (one chapter, a .bib file, a conf.py) with one mistake in it.
Building it with ``-W --keep-going`` must exit non-zero with a warning at the mistake's
file and line, typed ``edition``, with no traceback, and the passage or note around the
mistake must still be in the output.
"""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent

import pytest
from sphinx.cmd.build import build_main

BIB = dedent("""\
    @book{good2000,
      author = {Good, Gail}, title = {A Good Book}, publisher = {Press},
      address = {London}, year = {2000},
    }
    """)

CONF = dedent("""\
    extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_edition"]
    myst_enable_extensions = ["colon_fence"]
    bibtex_bibfiles = ["refs.bib"]
    bibtex_default_style = "oxford"
    edition_themes = {"arms": "Arms control", "nato": "NATO"}
    html_theme = "basic"
    """)

PERIOD = dedent("""\
    :::{period} p1
    :title: A period
    :start: 1991
    :end: 1999
    :actors: Clinton; Yeltsin
    :climate: cooperation
    :::
    """)


def period(**options: str) -> str:
    """A period directive with *options* replacing (or, set to "", removing) the defaults."""
    values = {
        "title": "A period",
        "start": "1991",
        "end": "1999",
        "actors": "Clinton; Yeltsin",
        "climate": "cooperation",
    }
    values.update(options)
    pid = values.pop("id", "p1")
    lines = [f":::{{period}} {pid}"]
    lines += [f":{k}: {v}" for k, v in values.items() if v]
    return "\n".join([*lines, ":::", ""])


#: (case id, chapter text, extra conf, extra bib, the file and line of the warning,
#:  a pattern of the warning, text that must survive).  Line 1 is "# Chapter".
CASES: list[tuple[str, str, str, str, tuple[str, int], str, str]] = [
    (
        "period-end-before-start",
        period(start="1999", end="1991") + "\nKEEP period text.\n",
        "",
        "",
        ("chapter.md", 3),
        r"before start",
        "KEEP period text",
    ),
    (
        "period-malformed-date",
        period(start="1991-13") + "\nKEEP malformed.\n",
        "",
        "",
        ("chapter.md", 3),
        r"date",
        "KEEP malformed",
    ),
    (
        "period-impossible-date",
        period(start="2001-02-30") + "\nKEEP impossible.\n",
        "",
        "",
        ("chapter.md", 3),
        r"date",
        "KEEP impossible",
    ),
    (
        "period-unknown-climate",
        period(climate="sunny") + "\nKEEP climate.\n",
        "",
        "",
        ("chapter.md", 3),
        r"climate",
        "KEEP climate",
    ),
    (
        "period-missing-title",
        period(title="") + "\nKEEP untitled.\n",
        "",
        "",
        ("chapter.md", 3),
        r"title",
        "KEEP untitled",
    ),
    (
        "period-missing-climate",
        period(climate="") + "\nKEEP no climate.\n",
        "",
        "",
        ("chapter.md", 3),
        r"climate",
        "KEEP no climate",
    ),
    (
        "period-unknown-parent",
        period(parent="nowhere") + "\nKEEP orphan.\n",
        "",
        "",
        ("chapter.md", 3),
        r"nowhere",
        "KEEP orphan",
    ),
    (
        "period-duplicate-id",
        period() + "\nKEEP first.\n\n## Section\n\n" + period() + "\nKEEP second.\n",
        "",
        "",
        ("chapter.md", 15),
        r"duplicate",
        "KEEP second",
    ),
    (
        "event-malformed-date",
        period()
        + "\n:::{event} 2001-9-11\n:title: Attacks\n:climate: tension\n:::\n\nKEEP event.\n",
        "",
        "",
        ("chapter.md", 11),
        r"date",
        "KEEP event",
    ),
    (
        "event-missing-title",
        period() + "\n:::{event} 2001-09-11\n:climate: tension\n:::\n\nKEEP untitled event.\n",
        "",
        "",
        ("chapter.md", 11),
        r"title",
        "KEEP untitled event",
    ),
    (
        "event-unknown-climate",
        period() + "\n:::{event} 2001-09-11\n:title: A\n:climate: stormy\n:::\n\nKEEP stormy.\n",
        "",
        "",
        ("chapter.md", 11),
        r"climate",
        "KEEP stormy",
    ),
    (
        "timeline-from-after-to",
        period() + "\nKEEP timeline.\n\n```{timeline}\n:from: 2000\n:to: 1990\n```\n",
        "",
        "",
        ("chapter.md", 13),
        r":from:",
        "KEEP timeline",
    ),
    (
        "timeline-unknown-period",
        period() + "\nKEEP narrowed.\n\n```{timeline}\n:periods: p1 nope\n```\n",
        "",
        "",
        ("chapter.md", 13),
        r"nope",
        "KEEP narrowed",
    ),
    (
        "theme-unknown-id",
        ":::{theme} arms bananas\nKEEP tagged passage.\n:::\n",
        "",
        "",
        ("chapter.md", 3),
        r"bananas",
        "KEEP tagged passage",
    ),
    (
        "theme-empty-directive",
        "KEEP before.\n\n:::{theme} arms\n:::\n",
        "",
        "",
        ("chapter.md", 5),
        r"theme",
        "KEEP before",
    ),
    (
        "theme-role-unknown",
        "KEEP role paragraph {theme}`bananas`.\n",
        "",
        "",
        ("chapter.md", 3),
        r"bananas",
        "KEEP role paragraph",
    ),
    (
        "theme-role-empty",
        "KEEP empty role {theme}` `.\n",
        "",
        "",
        ("chapter.md", 3),
        r"theme",
        "KEEP empty role",
    ),
    (
        "themeindex-unknown-theme",
        "KEEP index page.\n\n```{themeindex}\n:themes: arms bananas\n```\n",
        "",
        "",
        ("chapter.md", 5),
        r"bananas",
        "KEEP index page",
    ),
    (
        "notecite-unknown-key",
        "KEEP cited{notecite}`nobody1999`.\n",
        "",
        "",
        ("chapter.md", 3),
        r"nobody1999",
        "nobody1999",
    ),
    (
        "notecite-malformed-target",
        "KEEP malformed note{notecite}`good2000{p. 12`.\n",
        "",
        "",
        ("chapter.md", 3),
        r"malformed",
        "good2000",
    ),
    (
        "notecite-empty",
        "KEEP empty note{notecite}` `.\n",
        "",
        "",
        ("chapter.md", 3),
        r"empty",
        "KEEP empty note",
    ),
    (
        "config-themes-not-a-dict",
        "KEEP config.\n",
        'edition_themes = ["arms", "nato"]\n',
        "",
        ("conf.py", 7),
        r"edition_themes",
        "KEEP config",
    ),
    (
        "config-theme-label-not-text",
        "KEEP label.\n",
        'edition_themes = {"arms": 42}\n',
        "",
        ("conf.py", 7),
        r"arms",
        "KEEP label",
    ),
    (
        "bib-unbalanced-brace",
        "KEEP good note{notecite}`good2000`.\n",
        "",
        "\n@article{bad2001,\n  author = {Bad, Bob\n  title = {Broken},\n  year = {2001},\n}\n",
        ("refs.bib", 6),
        r"refs\.bib",
        "A Good Book",
    ),
    (
        "bib-repeated-entry",
        "KEEP repeated{notecite}`good2000`.\n",
        "",
        "\n@book{good2000,\n  author = {Other, Olga}, title = {Again}, year = {2001},\n}\n",
        ("refs.bib", 6),
        r"repeated",
        "KEEP repeated",
    ),
]


def _write_book(root: Path, chapter: str, conf: str, bib: str) -> Path:
    src = root / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF + conf)
    (src / "refs.bib").write_text(BIB + bib)
    (src / "index.md").write_text("# Book\n\n```{toctree}\nchapter\nrefs\n```\n")
    (src / "chapter.md").write_text("# Chapter\n\n" + chapter)
    (src / "refs.md").write_text("# References\n\n```{bibliography}\n:all:\n```\n")
    return src


@pytest.mark.parametrize(
    ("chapter", "conf", "bib", "where", "pattern", "kept"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_bad_input_is_a_located_warning(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    chapter: str,
    conf: str,
    bib: str,
    where: tuple[str, int],
    pattern: str,
    kept: str,
) -> None:
    src = _write_book(tmp_path, chapter, conf, bib)
    out = tmp_path / "out"
    code = build_main(
        [
            "-b",
            "html",
            "-W",
            "--keep-going",
            "-q",
            "-E",
            "-d",
            str(tmp_path / "doctrees"),
            str(src),
            str(out),
        ]
    )
    stderr = capsys.readouterr().err
    assert code != 0, "the build under -W passed"
    assert "Traceback" not in stderr and "Exception occurred" not in stderr, stderr
    filename, line = where
    located = [
        w
        for w in stderr.splitlines()
        if f"{filename}:{line}:" in w and "[edition" in w and re.search(pattern, w)
    ]
    assert located, f"no warning at {filename}:{line} matching {pattern!r}:\n{stderr}"
    html = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.html"))
    assert kept in html, f"{kept!r} lost from the output"


def test_the_cases_are_many_and_distinct() -> None:
    assert len(CASES) >= 20
    assert len({case[0] for case in CASES}) == len(CASES)


EVIL_BIB = dedent("""\
    @book{evil2001,
      author    = {Evil, Eve},
      title     = {<script>alert(1)</script> \\input{/etc/passwd} 100% & a_b # ~ ^},
      publisher = {Pub & Co},
      address   = {Here},
      year      = {2001},
    }
    """)


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_bib_fields_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], builder: str
) -> None:
    src = _write_book(tmp_path, "A note{notecite}`evil2001`.\n", "", EVIL_BIB)
    out = tmp_path / "out"
    code = build_main(["-b", builder, "-W", "-q", "-d", str(tmp_path / "d"), str(src), str(out)])
    assert code == 0, capsys.readouterr().err
    if builder == "html":
        text = (out / "chapter.html").read_text(encoding="utf-8")
        assert "<script>alert" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "100% &amp; a_b" in text
    else:
        (tex,) = out.glob("*.tex")
        text = tex.read_text(encoding="utf-8")
        note = text[text.index("Eve Evil") :].split("\n")[0]
        assert r"\textless{}script\textgreater{}" in note
        assert r"\textbackslash{}input" in note
        assert r"\input{/etc" not in note
        assert r"100\% \& a\_b" in note
