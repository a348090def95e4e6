"""The words the extension prints come from a message catalog: a French book prints French."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from conftest import ROOT
from sphinx.testing.util import SphinxTestApp

LOCALES = ROOT / "ext" / "sphinx_edition" / "locales"
#: Words of the output (not of warnings) that a translated catalog must cover.
OUTPUT_WORDS = ("Ibid.", "Cited in notes", "Timeline", "Sub-period", "Climate", "(eds)", "and")


def test_french_catalog_covers_the_template_and_is_compiled() -> None:
    with (LOCALES / "edition.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    with (LOCALES / "fr" / "LC_MESSAGES" / "edition.po").open("rb") as handle:
        po = {m.id: m.string for m in read_po(handle) if m.id}
    with (LOCALES / "fr" / "LC_MESSAGES" / "edition.mo").open("rb") as handle:
        mo = {m.id: m.string for m in read_mo(handle) if m.id}
    assert template <= set(po), sorted(template - set(po))
    assert {k: v for k, v in po.items() if v} == mo, "edition.mo is older than edition.po"
    for word in OUTPUT_WORDS:
        assert po[word], f"{word!r} is not translated"


def test_template_lists_every_translatable_string(tmp_path: Path) -> None:
    pot = tmp_path / "edition.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-k",
            "_",
            "--no-location",
            "--sort-output",
            "-o",
            str(pot),
            str(ROOT / "ext" / "sphinx_edition"),
        ],
        capture_output=True,
        check=True,
    )
    extracted = {
        line for line in pot.read_text(encoding="utf-8").splitlines() if line.startswith("msgid")
    }
    template = {
        line
        for line in (LOCALES / "edition.pot").read_text(encoding="utf-8").splitlines()
        if line.startswith("msgid")
    }
    assert extracted == template, sorted(extracted ^ template)


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_a_french_book_prints_french_words(rootdir: Path, tmp_path: Path, builder: str) -> None:
    srcdir = tmp_path / "book"
    shutil.copytree(rootdir / "test-foreign", srcdir)
    app = SphinxTestApp(builder, srcdir=srcdir, confoverrides={"language": "fr"})
    try:
        app.build()
    finally:
        app.cleanup()
    assert "WARNING" not in app.warning.getvalue()
    suffix = ".html" if builder == "html" else ".tex"
    text = "".join(p.read_text(encoding="utf-8") for p in app.outdir.glob(f"*{suffix}"))
    assert "Cité dans la note" in text or "Cité dans les notes" in text
    assert "Climat" in text
    assert "voir la chronologie" in text
    assert "Cited in note" not in text
