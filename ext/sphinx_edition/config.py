"""Typed, validated configuration of the edition extension (``edition_*`` values).

Every value is declared once, in :data:`EDITION_CONFIG`: its name, default, rebuild
condition, types, validator and meaning.  :func:`setup_config` registers them all, and
:func:`check_config` checks them all once, at ``config-inited``: a bad value is a warning
(``type="edition"``) at the line of ``conf.py`` that assigns it, and is replaced by its
nearest valid form (or its default) so that the build goes on and ``-W`` fails it.
"""

from __future__ import annotations

import ast
import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from sphinx.util import logging

from sphinx_edition.dates import parse_date
from sphinx_edition.downloads import DOWNLOAD_FORMATS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

logger = logging.getLogger(__name__)


class Checked(NamedTuple):
    """A validator's verdict: the value to use, and what was wrong with the given one."""

    value: Any
    problems: tuple[str, ...] = ()


#: A validator takes the value in force and the whole configuration; it returns the value
#: itself when it is valid (the very object), else its nearest valid form and the problems.
Validator = Callable[[Any, "Config"], Checked]


@dataclass(frozen=True)
class Setting:
    """One ``edition_*`` configuration value, declared once."""

    name: str
    default: Any
    rebuild: Literal["env", "html", ""]
    types: frozenset[type]
    validator: Validator
    #: The subtype of its warnings (``edition.<subtype>``).
    subtype: str
    doc: str


# -- where a value is set -------------------------------------------------------------------


def _targets(node: ast.expr) -> list[str]:
    """The names an assignment target binds (``a``, ``a, b``, ``[a, *b]``)."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Starred):
        return _targets(node.value)
    if isinstance(node, ast.Tuple | ast.List):
        return [name for item in node.elts for name in _targets(item)]
    return []


def assignment_lines(source: str) -> dict[str, int]:
    """Each name assigned at the top level of *source*, and the line of its last
    assignment (the one in force); empty when *source* is not valid Python."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return {}
    lines: dict[str, int] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign | ast.AugAssign):
            targets = [statement.target]
        else:
            continue
        for target in targets:
            for name in _targets(target):
                lines[name] = statement.lineno
    return lines


def conf_path(app: Sphinx | Builder) -> Path:
    """The project's ``conf.py`` (of the application, or of a builder's)."""
    return Path(app.confdir) / "conf.py"


def _read_assignments(path: Path) -> dict[str, int]:
    try:
        return assignment_lines(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}


def _location(path: Path, lines: dict[str, int], name: str) -> str:
    # A location with a colon is used as is; without one Sphinx takes it for a docname
    # (and a ``(docname, line)`` pair would need the environment, not made yet).  Without
    # a line, ``path:`` names the file, the way Sphinx locates a node without a line.
    lineno = lines.get(name)
    return f"{path}:{lineno}" if lineno else f"{path}:"


def _conf_location(app: Sphinx | Builder, name: str) -> str:
    """``conf.py:LINE`` of the last top-level assignment to *name* (else ``conf.py:``)."""
    path = conf_path(app)
    return _location(path, _read_assignments(path), name)


# -- themes ---------------------------------------------------------------------------------

#: A theme id is used in directive arguments (split on spaces and commas) and in anchors.
THEME_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


class ThemeSpec(NamedTuple):
    """One declared theme: its id, its label and an optional description."""

    id: str
    label: str
    description: str


def _theme_spec(theme_id: str, value: Any) -> ThemeSpec | str:
    """The theme declared as *value*, or the reason it is not valid."""
    if isinstance(value, str):
        return ThemeSpec(theme_id, value, "")
    if isinstance(value, dict):
        unknown = sorted(str(k) for k in value if k not in {"label", "description"})
        if unknown:
            return f"unknown key(s) {', '.join(unknown)}; expected 'label' and 'description'"
        label = value.get("label")
        description = value.get("description", "")
        if not isinstance(label, str) or not label.strip():
            return "'label' must be a non-empty string"
        if not isinstance(description, str):
            return "'description' must be a string"
        return ThemeSpec(theme_id, label, description)
    return (
        "the label must be a string or a dict with 'label' and 'description', "
        f"not {type(value).__name__}"
    )


def check_themes(value: Any, config: Config) -> Checked:
    """``edition_themes``: every entry that is not valid is dropped."""
    if not isinstance(value, dict):
        return Checked(
            {},
            (
                "edition_themes must be a dict mapping theme ids to labels, not "
                f"{type(value).__name__}; no theme is declared",
            ),
        )
    clean: dict[str, Any] = {}
    problems: list[str] = []
    for theme_id, label in value.items():
        if not isinstance(theme_id, str) or not THEME_ID_RE.match(theme_id):
            problems.append(
                f"edition_themes: theme id {theme_id!r} is not valid: use letters, digits, "
                "'-', '_', '.' or ':', without spaces or commas"
            )
            continue
        spec = _theme_spec(theme_id, label)
        if isinstance(spec, str):
            problems.append(f"edition_themes: theme {theme_id!r}: {spec}")
            continue
        clean[theme_id] = label
    return Checked(value if clean == value else clean, tuple(problems))


#: Shortest sensible excerpt: a few words.
MIN_EXCERPT_CHARS = 10


def check_excerpt_chars(value: Any, config: Config) -> Checked:
    """``edition_theme_excerpt_chars``: an int of at least :data:`MIN_EXCERPT_CHARS`."""
    if isinstance(value, bool) or not isinstance(value, int) or value < MIN_EXCERPT_CHARS:
        return Checked(
            90,
            (
                "edition_theme_excerpt_chars must be an integer of at least "
                f"{MIN_EXCERPT_CHARS}, not {value!r}; using 90",
            ),
        )
    return Checked(value)


def theme_specs(config: Config) -> dict[str, ThemeSpec]:
    """The declared themes, in declaration order (after :func:`check_config`)."""
    specs: dict[str, ThemeSpec] = {}
    value = config.edition_themes
    if not isinstance(value, dict):
        return specs
    for theme_id, label in value.items():
        spec = _theme_spec(str(theme_id), label)
        if isinstance(spec, ThemeSpec):
            specs[spec.id] = spec
    return specs


# -- downloads ------------------------------------------------------------------------------


def check_downloads(value: Any, config: Config) -> Checked:
    """``edition_downloads``: the known formats, once each."""
    known = ", ".join(DOWNLOAD_FORMATS)
    if not isinstance(value, list | tuple):
        return Checked(
            [],
            (
                f"edition_downloads must be a list of formats among {known}, not "
                f"{type(value).__name__}; no download link is shown",
            ),
        )
    clean: list[str] = []
    problems: list[str] = []
    for fmt in value:
        if fmt not in DOWNLOAD_FORMATS:
            problems.append(f"edition_downloads: unknown format {fmt!r}; expected one of {known}")
        elif fmt in clean:
            problems.append(f"edition_downloads: {fmt!r} is listed twice")
        else:
            clean.append(fmt)
    return Checked(value if clean == value else clean, tuple(problems))


def check_download_basename(value: Any, config: Config) -> Checked:
    """``edition_download_basename``: a file name without a directory."""
    if not isinstance(value, str) or "/" in value or "\\" in value:
        return Checked(
            "",
            (
                "edition_download_basename must be a file name without a directory, "
                f"not {value!r}; using {config.epub_basename!r}",
            ),
        )
    return Checked(value)


# -- metadata -------------------------------------------------------------------------------

#: The keys of ``edition_metadata`` and the type of each value.
METADATA_KEYS: dict[str, type] = {
    "title": str,
    "subtitle": str,
    "authors": list,
    "editors": list,
    "date": str,
    "language": str,
    "publisher": str,
    "place": str,
    "url": str,
    "pdf_url": str,
    "description": str,
    "rights": str,
    "edition": str,
    "identifier": str,
    "license": dict,
}

#: The keys of ``edition_metadata["license"]``: the licence's name, and the address of its text.
LICENSE_KEYS = ("name", "url")


def _is_name(item: Any) -> bool:
    """A person's name (a string) or a body's (``{"name": ...}``), not empty."""
    if isinstance(item, dict):
        return set(item) == {"name"} and isinstance(item["name"], str) and bool(item["name"])
    return isinstance(item, str) and bool(item.strip())


def _license(item: Any) -> tuple[Any, str]:
    """``license``: a name (``"MIT License"``), or ``{"name": ..., "url": ...}``."""
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict):
        return None, f"'license' must be a name or a dict, not {type(item).__name__}"
    unknown = sorted(str(k) for k in item if k not in LICENSE_KEYS)
    if unknown:
        return None, f"'license': unknown key(s) {', '.join(unknown)}; expected 'name' and 'url'"
    name, url = item.get("name"), item.get("url", "")
    if not isinstance(name, str) or not name.strip():
        return None, "'license' must have a 'name', a non-empty string"
    if not isinstance(url, str) or (url and not re.match(r"^[a-z][a-z0-9+.-]*:\S+$", url)):
        return None, f"'license': 'url' must be an absolute address, not {url!r}"
    return {"name": name, "url": url}, ""


def _metadata_item(key: Any, item: Any) -> tuple[Any, str]:
    """The clean value of *key* (``None`` for none) and, when it is not valid, why."""
    expected = METADATA_KEYS.get(key)
    if expected is None:
        return None, f"unknown key {key!r}; known keys: {', '.join(METADATA_KEYS)}"
    if key == "license":
        return _license(item)
    if expected is list and isinstance(item, str):
        return [item], ""
    if expected is list and not (isinstance(item, list | tuple) and all(_is_name(a) for a in item)):
        return None, (
            f"{key!r} must be a list of names: a person's as a string, a body's as "
            "{'name': ...} (as CITATION.cff tells persons from entities)"
        )
    if expected is str and not isinstance(item, str):
        return None, f"{key!r} must be a string, not {type(item).__name__}"
    if key == "date" and parse_date(str(item)) is None:
        return None, f"'date' must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {item!r}"
    return (list(item) if expected is list else item), ""


def check_metadata(value: Any, config: Config) -> Checked:
    """``edition_metadata``: every key or value that is not valid is dropped."""
    if not isinstance(value, dict):
        return Checked(
            {}, (f"edition_metadata must be a dict, not {type(value).__name__}; it is ignored",)
        )
    clean: dict[str, Any] = {}
    problems: list[str] = []
    for key, item in value.items():
        checked, problem = _metadata_item(key, item)
        if problem:
            problems.append(f"edition_metadata: {problem}")
        else:
            clean[key] = checked
    return Checked(value if clean == value else clean, tuple(problems))


# -- values of one type ---------------------------------------------------------------------


def check_string(name: str, default: str) -> Validator:
    """A validator of *name*: a string, else *default*."""

    def check(value: Any, config: Config) -> Checked:
        if isinstance(value, str):
            return Checked(value)
        return Checked(
            default, (f"{name} must be a string, not {type(value).__name__}; using {default!r}",)
        )

    return check


def check_flag(name: str, default: bool) -> Validator:
    """A validator of *name*: ``True`` or ``False``, else *default*."""

    def check(value: Any, config: Config) -> Checked:
        if isinstance(value, bool):
            return Checked(value)
        return Checked(default, (f"{name} must be True or False, not {value!r}; using {default}",))

    return check


def check_strings(name: str, what: str) -> Validator:
    """A validator of *name*: a list of strings (each one *what*); others are dropped."""

    def check(value: Any, config: Config) -> Checked:
        if not isinstance(value, list | tuple):
            return Checked(
                [],
                (f"{name} must be a list of {what}s, not {type(value).__name__}; it is ignored",),
            )
        bad = [item for item in value if not isinstance(item, str)]
        if not bad:
            return Checked(value)
        problems = tuple(f"{name}: {what} {item!r} is not a string; it is left out" for item in bad)
        return Checked([item for item in value if isinstance(item, str)], problems)

    return check


# -- the table ------------------------------------------------------------------------------

_LISTS = frozenset({list, tuple})

#: Every ``edition_*`` configuration value, in the order they are checked.
EDITION_CONFIG: tuple[Setting, ...] = (
    Setting(
        "edition_themes",
        {},
        "env",
        frozenset({dict}),
        check_themes,
        "theme",
        "Theme ids mapped to labels (``{'arms-control': 'Arms control'}``), or to "
        "``{'label': ..., 'description': ...}``.",
    ),
    Setting(
        "edition_theme_excerpt_chars",
        90,
        "env",
        frozenset({int}),
        check_excerpt_chars,
        "theme",
        "Longest excerpt (in characters, cut at a word boundary) of a passage in the "
        "thematic index.",
    ),
    Setting(
        "edition_delivered_notes",
        "",
        "env",
        frozenset({str}),
        check_string("edition_delivered_notes", ""),
        "delivered",
        "Path (relative to the source folder) of a JSON file of the notes as delivered, "
        "keyed by the book-wide note number.",
    ),
    Setting(
        "edition_delivered_field",
        "x-delivered",
        "env",
        frozenset({str}),
        check_string("edition_delivered_field", "x-delivered"),
        "delivered",
        "The ``.bib`` field that holds an entry's delivered form (ignored by styles).",
    ),
    Setting(
        "edition_delivered_bib",
        "",
        "env",
        frozenset({str}),
        check_string("edition_delivered_bib", ""),
        "delivered",
        "Path (relative to the source folder) of a ``.bib`` file of the references as "
        "delivered, keyed as the bibliography's entries: the interventions table is the "
        "field-by-field difference of the two.  By default ``delivered.bib`` beside the "
        "first of ``bibtex_bibfiles``, where there is one.",
    ),
    Setting(
        "edition_sidenotes",
        True,
        "html",
        frozenset({bool}),
        check_flag("edition_sidenotes", True),
        "reader",
        "Set the notes in the right margin beside their marks on wide screens (furo, when "
        "its 'On this page' column is shown); below that width, and in other themes, notes "
        "are previewed in a popover and read at the end of the page.",
    ),
    Setting(
        "edition_downloads",
        [],
        "html",
        frozenset({list}),
        check_downloads,
        "downloads",
        "Formats to offer for download on every page, among ``pdf``, ``epub``, ``tei``, "
        "``bib``, ``ris`` and ``json`` (CSL-JSON; the files are published in ``downloads/``"
        " next to the HTML).",
    ),
    Setting(
        "edition_download_basename",
        "",
        "html",
        frozenset({str}),
        check_download_basename,
        "downloads",
        "The downloads' file name without extension (default: ``epub_basename``).",
    ),
    Setting(
        "edition_metadata",
        {},
        "html",
        frozenset({dict}),
        check_metadata,
        "metadata",
        "The book's metadata, over the defaults taken from the Sphinx configuration: "
        "``title`` (``project``), ``subtitle``, ``authors`` and ``editors`` (lists of names: "
        "a person's as a string, a body's as ``{'name': ...}``; the authors default to "
        "``author`` unless it is unset), ``date`` (YYYY[-MM[-DD]]; the last year of "
        "``copyright``), ``language``, "
        "``publisher``, ``place``, ``url`` (``html_baseurl``), ``pdf_url`` (the PDF "
        "download), ``description``, ``rights`` (``copyright``), ``edition`` (``release``), "
        "``identifier`` (the url) and ``license``: the licence's name, or ``{'name': ..., "
        "'url': ...}`` with the address of its text (the ePub's and the PDF's rights, which "
        "name it after ``rights``, and the PDF's XMP licence address).",
    ),
    Setting(
        "edition_tei_source",
        [],
        "env",
        _LISTS,
        check_strings("edition_tei_source", "paragraph"),
        "tei",
        "Paragraphs of the TEI header's ``sourceDesc``: the source the edition was made from.",
    ),
    Setting(
        "edition_tei_principles",
        [],
        "env",
        _LISTS,
        check_strings("edition_tei_principles", "paragraph"),
        "tei",
        "Paragraphs of the ``editorialDecl``: the editorial principles of the edition.",
    ),
    Setting(
        "edition_tei_changelog",
        "",
        "env",
        frozenset({str}),
        check_string("edition_tei_changelog", ""),
        "tei",
        "Path (relative to the configuration directory) of a changelog in the Keep a "
        "Changelog form (``## 1.0.0 — 2026-11-25``, ``## 1.1.0 — unreleased``): each release "
        "a ``change`` of the TEI header's ``revisionDesc``.  By default none.",
    ),
    Setting(
        "edition_tei_documents",
        [],
        "env",
        _LISTS,
        check_strings("edition_tei_documents", "document name"),
        "tei",
        "The documents of the TEI ``body`` in order; by default those of the root "
        "document's first table of contents.",
    ),
)


# -- registration and checking --------------------------------------------------------------


def check_config(app: Sphinx, config: Config) -> None:
    """Run every value's validator once; warn at the line of ``conf.py`` that assigns a bad
    value, and put its valid form in its place."""
    path = conf_path(app)
    lines: dict[str, int] | None = None
    for setting in EDITION_CONFIG:
        value = getattr(config, setting.name)
        checked = setting.validator(value, config)
        if checked.problems and lines is None:
            lines = _read_assignments(path)
        for problem in checked.problems:
            logger.warning(
                "%s",
                problem,
                location=_location(path, lines or {}, setting.name),
                type="edition",
                subtype=setting.subtype,
            )
        if checked.value is not value:
            setattr(config, setting.name, checked.value)


def setup_config(app: Sphinx) -> None:
    """Register every ``edition_*`` configuration value of :data:`EDITION_CONFIG`, and
    their checking."""
    for setting in EDITION_CONFIG:
        app.add_config_value(
            setting.name,
            copy.deepcopy(setting.default),
            setting.rebuild,
            types=setting.types,
            description=setting.doc,
        )
    app.connect("config-inited", check_config)
