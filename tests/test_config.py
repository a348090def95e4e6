"""The typed, validated configuration (``edition_*``): bad values are located warnings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.config import EDITION_CONFIG, ThemeSpec, assignment_lines, theme_specs

ROOTS = Path(__file__).resolve().parent / "roots"


def _app(root: str, tmp_path: Path, conf_tail: str, **overrides: Any) -> SphinxTestApp:
    """Build a copy of *root* whose conf.py ends with *conf_tail* instead."""
    src = tmp_path / "src"
    shutil.copytree(ROOTS / f"test-{root}", src)
    conf = src / "conf.py"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(text.split("edition_themes")[0] + conf_tail, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, confoverrides=overrides)
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


def _line(app: SphinxTestApp, name: str) -> int:
    """The line of the last assignment to *name* in the app's conf.py."""
    lines = (app.srcdir / "conf.py").read_text(encoding="utf-8").splitlines()
    return max(n for n, text in enumerate(lines, 1) if text.startswith(f"{name} ="))


# -- the table ------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="themes")
def test_every_edition_value_is_declared_in_the_table(app: SphinxTestApp) -> None:
    known = {name for name in app.config.values if name.startswith("edition_")}
    table = [setting.name for setting in EDITION_CONFIG]
    assert len(table) == len(set(table)), "a value is declared twice"
    assert known == set(table), sorted(known ^ set(table))
    for setting in EDITION_CONFIG:
        registered = app.config.values[setting.name]
        assert registered.default == setting.default, setting.name
        assert registered.default is not setting.default or not isinstance(
            setting.default, list | dict
        ), f"{setting.name}: the table's default is shared with the build"
        assert registered.rebuild == setting.rebuild, setting.name
        assert registered.valid_types == setting.types, setting.name
        assert setting.doc, f"{setting.name} has no description"
        # A valid default passes its own validator as it is.
        checked = setting.validator(setting.default, app.config)
        assert checked.problems == (), setting.name
        assert checked.value is setting.default, setting.name


def test_a_bad_value_warns_at_its_line_of_conf_py(tmp_path: Path) -> None:
    app = _app(
        "themes-badconf",
        tmp_path,
        'edition_themes = {"ok": "OK"}\n'
        "edition_sidenotes = False\n\n"
        "# the value in force is the last one\n"
        'edition_sidenotes = "yes"\n'
        'edition_downloads = ["pdf", "docx"]\n',
    )
    warnings = app.warning.getvalue()
    conf = re.escape(str(app.srcdir / "conf.py"))
    line = _line(app, "edition_sidenotes")
    assert re.search(
        rf"{conf}:{line}: WARNING: edition_sidenotes must be True or False, not 'yes'; "
        r"using True \[edition\.reader\]",
        warnings,
    ), warnings
    assert re.search(
        rf"{conf}:{_line(app, 'edition_downloads')}: WARNING: edition_downloads: unknown "
        r"format 'docx'; expected one of pdf, epub, tei, bib, ris, json \[edition\.downloads\]",
        warnings,
    ), warnings
    assert app.config.edition_sidenotes is True
    assert app.config.edition_downloads == ["pdf"]
    # Sphinx's own type check comes after ours: it finds nothing left to say.
    assert "The config value" not in warnings


def test_every_value_of_the_wrong_type_warns_and_falls_back(tmp_path: Path) -> None:
    tail = "".join(f"{setting.name} = 2.5\n" for setting in EDITION_CONFIG)
    app = _app("themes-badconf", tmp_path, tail)
    warnings = app.warning.getvalue()
    conf = re.escape(str(app.srcdir / "conf.py"))
    for setting in EDITION_CONFIG:
        assert re.search(
            rf"{conf}:{_line(app, setting.name)}: WARNING: {setting.name}\b.*\b(2\.5|float)\b.* "
            rf"\[edition\.{setting.subtype}\]",
            warnings,
        ), (setting.name, warnings)
        assert getattr(app.config, setting.name) == setting.default, setting.name
    assert "Traceback" not in warnings
    assert "The config value" not in warnings


def test_a_value_not_assigned_in_conf_py_warns_at_the_file(tmp_path: Path) -> None:
    app = _app(
        "themes-badconf",
        tmp_path,
        'edition_themes = {"ok": "OK"}\n',
        edition_theme_excerpt_chars=3,
    )
    conf = re.escape(str(app.srcdir / "conf.py"))
    assert re.search(
        rf"{conf}:: WARNING: edition_theme_excerpt_chars must be an integer",
        app.warning.getvalue(),
    ), app.warning.getvalue()


def test_assignment_lines_are_those_of_the_top_level() -> None:
    source = (
        "a = 1\n"
        "b, (c, *d) = 2, (3, 4)\n"
        "e: int = 5\n"
        "if True:\n"
        "    a = 6\n"
        "def f():\n"
        "    e = 7\n"
        "e += 8\n"
        "a = b = 9\n"
    )
    assert assignment_lines(source) == {"a": 9, "b": 9, "c": 2, "d": 2, "e": 8}
    assert assignment_lines("a = (\n") == {}
