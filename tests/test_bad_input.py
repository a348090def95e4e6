"""Hostile values of a ``.bib`` field, escaped where they are written (HTML, LaTeX).

The battery of broken books, each built in every builder, is ``tests/test_hostile.py``.
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


def _write_book(root: Path, chapter: str, conf: str, bib: str) -> Path:
    src = root / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF + conf)
    (src / "refs.bib").write_text(BIB + bib)
    (src / "index.md").write_text("# Book\n\n```{toctree}\nchapter\nrefs\n```\n")
    (src / "chapter.md").write_text("# Chapter\n\n" + chapter)
    (src / "refs.md").write_text("# References\n\n```{bibliography}\n:all:\n```\n")
    return src


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
    code = build_main(["-b", builder, "-q", "-d", str(tmp_path / "d"), str(src), str(out)])
    err = capsys.readouterr().err
    assert code == 0, err
    # the one command no format can print is left out, and said so at its entry
    warnings = [line for line in err.splitlines() if "WARNING" in line]
    assert len(warnings) == 1, err
    assert re.search(
        r"refs\.bib:\d+: WARNING: .*'evil2001', field title: TeX command \\input,", err
    )
    assert str(src / "refs.bib") in warnings[0]
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
        assert "input" not in note
        assert r"100\% \& a\_b" in note
