"""The typed, validated configuration (``edition_*``): bad values are located warnings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.config import ThemeSpec, theme_specs

ROOTS = Path(__file__).resolve().parent / "roots"


def _app(root: str, tmp_path: Path, conf_tail: str) -> SphinxTestApp:
    """Build a copy of *root* whose conf.py ends with *conf_tail* instead."""
    src = tmp_path / "src"
    shutil.copytree(ROOTS / f"test-{root}", src)
    conf = src / "conf.py"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(text.split("edition_themes")[0] + conf_tail, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def test_theme_specs_accept_labels_and_descriptions() -> None:
    config: Any = SimpleNamespace(
        edition_themes={
            "arms": "Arms control",
            "nato": {"label": "NATO", "description": "The alliance."},
        }
    )
    assert theme_specs(config) == {
        "arms": ThemeSpec("arms", "Arms control", ""),
        "nato": ThemeSpec("nato", "NATO", "The alliance."),
    }
    # Declaration order is kept: the thematic index follows it.
    assert list(theme_specs(config)) == ["arms", "nato"]


def test_theme_specs_skip_what_is_not_valid() -> None:
    config: Any = SimpleNamespace(edition_themes={"ok": "OK", "bad": 3, "worse": {"x": 1}})
    assert list(theme_specs(config)) == ["ok"]
    assert theme_specs(SimpleNamespace(edition_themes=["ok"])) == {}  # type: ignore[arg-type]


@pytest.mark.sphinx("html", testroot="themes-badconf", freshenv=True)
def test_bad_configuration_is_a_clear_warning(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    conf = re.escape(str(app.srcdir / "conf.py"))
    lines = (app.srcdir / "conf.py").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("edition_themes"))
    for message in (
        "theme id 3 is not valid",
        "theme id 'two words' is not valid",
        "theme 'number': the label must be a string or a dict",
        "theme 'extra': unknown key(s) colour",
        "theme 'nolabel': 'label' must be a non-empty string",
    ):
        assert re.search(
            rf"{conf}:{line}: WARNING: edition_themes: {re.escape(message)}", warnings
        ), (
            message,
            warnings,
        )
    assert app.config.edition_themes == {"ok": "A valid theme"}
    assert "A valid theme still works." in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_themes_that_are_not_a_dict_are_a_warning(tmp_path: Path) -> None:
    app = _app("themes-badconf", tmp_path, 'edition_themes = ["ok"]\n')
    warnings = app.warning.getvalue()
    assert re.search(
        r"conf\.py:\d+: WARNING: edition_themes must be a dict mapping theme ids to labels, "
        r"not list; no theme is declared \[edition\.theme\]",
        warnings,
    ), warnings
    assert app.config.edition_themes == {}
    # The role's theme is now unknown: a warning, and the paragraph stays.
    assert "unknown theme 'ok' in theme role" in warnings
    assert "A valid theme still works." in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_excerpt_length_that_is_not_sensible_is_a_warning(tmp_path: Path) -> None:
    app = _app(
        "themes-badconf",
        tmp_path,
        'edition_themes = {"ok": "OK"}\nedition_theme_excerpt_chars = 3\n',
    )
    warnings = app.warning.getvalue()
    assert re.search(
        r"conf\.py:\d+: WARNING: edition_theme_excerpt_chars must be an integer of at least 10, "
        r"not 3; using 90 \[edition\.theme\]",
        warnings,
    ), warnings
    assert app.config.edition_theme_excerpt_chars == 90


@pytest.mark.sphinx("html", testroot="themes", freshenv=True)
def test_a_valid_configuration_gives_no_warning(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    assert list(theme_specs(app.config)) == ["arms", "nato", "aid"]
    assert app.config.edition_theme_excerpt_chars == 40
