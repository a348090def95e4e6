"""Hostile and broken books: the cases of ``tests/test_hostile.py`` and how to build them.

A :class:`Case` is a small book (the files of :data:`BASE` with some replaced or added) with
one mistake or one hostile value in it, and what every builder must make of it: the located
warnings it must give, the number of notes the source holds (each builder writes exactly that
many), and text that must survive. The case tables are split by family across this package's
modules, which ``tests/test_hostile.py`` gathers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from textwrap import dedent

BUILDERS = ("html", "epub", "latex", "text", "tei")

CONF = dedent("""\
    project = "Hostile"
    author = "A. Author"
    copyright = "2026, A. Author"
    version = release = "1"
    extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_edition"]
    myst_enable_extensions = ["colon_fence", "substitution"]
    bibtex_bibfiles = ["refs.bib"]
    bibtex_default_style = "oxford"
    edition_themes = {"arms": "Arms control", "nato": "NATO"}
    html_theme = "basic"
    """)

#: The line of ``conf.py`` where a case's extra configuration starts.
CONF_LINE = CONF.count("\n") + 1

BIB = dedent("""\
    @book{good2000,
      author = {Good, Gail}, title = {A Good Book}, publisher = {Press},
      address = {London}, year = {2000},
    }
    """)

#: The line of ``refs.bib`` where a case's extra entries start.
BIB_LINE = BIB.count("\n") + 1

BASE: dict[str, str] = {
    "conf.py": CONF,
    "refs.bib": BIB,
    "index.md": "# Book\n\n```{toctree}\nchapter\nrefs\n```\n",
    "chapter.md": "# Chapter\n\n",
    "refs.md": "# References\n\n```{bibliography}\n:all:\n```\n",
}

#: The line of ``chapter.md`` (MyST) or ``chapter.rst`` where a case's text starts.
TEXT_LINE = 3

PERIOD_DEFAULTS = {
    "title": "A period",
    "start": "1991",
    "end": "1999",
    "actors": "Clinton; Yeltsin",
    "climate": "cooperation",
}


def period(pid: str = "p1", **options: str) -> str:
    """A MyST period directive; an option set to "" is left out."""
    values = {**PERIOD_DEFAULTS, **options}
    lines = [f":::{{period}} {pid}", *(f":{k}: {v}" for k, v in values.items() if v)]
    return "\n".join([*lines, ":::", ""])


@dataclass(frozen=True)
class W:
    """A warning a case must give: at *file* and *line*, typed ``edition``, matching *pattern*."""

    file: str
    line: int
    pattern: str
    #: The builders that must give it (a TEI-only mistake warns only in ``tei``).
    builders: tuple[str, ...] = BUILDERS


@dataclass(frozen=True)
class Case:
    """One hostile or broken book and what each builder must make of it."""

    id: str
    #: The chapter's text after its heading (``chapter.md``), or None to keep the base's.
    chapter: str | None = None
    #: Lines added to ``conf.py`` and to ``refs.bib``.
    conf: str = ""
    bib: str = ""
    #: Other files replaced or added, by path (``bytes`` are written as they are).
    files: dict[str, str | bytes] = field(default_factory=dict)
    #: The warnings each builder must give; a builder with none must build cleanly.
    warnings: tuple[W, ...] = ()
    #: The notes in the source: every builder writes exactly this many (by builder, where
    #: an ``only`` block keeps some from a builder).
    notes: int | dict[str, int] = 0
    #: The author's own footnotes (not notes of the edition's series), which the text
    #: output numbers with the notes.
    footnotes: int = 0
    #: Text that every builder's output must keep.
    kept: tuple[str, ...] = ()
    builders: tuple[str, ...] = BUILDERS
    #: Why a case with no warning is the author's right (for clean cases).
    why: str = ""


def write_book(root: Path, case: Case) -> Path:
    """Write *case*'s book under *root*; return its source directory."""
    src = root / "src"
    src.mkdir(parents=True)
    files: dict[str, str | bytes] = dict(BASE)
    files["conf.py"] = CONF + case.conf
    files["refs.bib"] = BIB + case.bib
    if case.chapter is not None:
        files["chapter.md"] = "# Chapter\n\n" + case.chapter
    files.update(case.files)
    for name, content in files.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return src


_NOTE_PATTERNS = {
    # A note of the edition's series: the notes, not their marks, are counted.
    "html": re.compile(r'<aside class="footnote [^"]*\bedition-note\b'),
    "epub": re.compile(r'<aside class="footnote [^"]*\bedition-note\b'),
    "latex": re.compile(
        r"\\begin\{footnote(?:text)?\}\[\d+\]\\sphinxAtStartFootnote\s*"
        r"\\label\{\\detokenize\{[^}]*:notecite-\d+\}\}"
    ),
    "text": re.compile(r"^\[\d+\] ", re.MULTILINE),
    "tei": re.compile(r'<note place="foot"'),
}

_OUTPUT_GLOBS = {
    "html": "*.html",
    "epub": "*.xhtml",
    "latex": "*.tex",
    "text": "*.txt",
    "tei": "*.tei",
}


def outputs(builder: str, out: Path) -> dict[Path, str]:
    """The written pages of *builder* in *out*, by path (the main text files only)."""
    return {
        path: path.read_text(encoding="utf-8", errors="surrogateescape")
        for path in sorted(out.glob(_OUTPUT_GLOBS[builder]))
        if path.stem not in {"genindex", "search", "py-modindex", "nav"}
    }


def count_notes(builder: str, texts: dict[Path, str], case: Case) -> int:
    """How many notes of the edition's series *builder* wrote into *texts*."""
    pattern = _NOTE_PATTERNS[builder]
    found = sum(len(pattern.findall(text)) for text in texts.values())
    return found - case.footnotes if builder == "text" else found


def notes_due(builder: str, case: Case) -> int:
    """The notes *builder* must write for *case*."""
    return case.notes if isinstance(case.notes, int) else case.notes[builder]
