"""Typed, validated configuration of the edition extension (``edition_*`` values).

Every value is registered here with its type, and checked once at ``config-inited``;
a bad value is a warning (``type="edition"``) naming ``conf.py``, and is replaced by
its nearest valid form so that the build goes on and ``-W`` fails it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

# -- themes ---------------------------------------------------------------------------------

#: A theme id is used in directive arguments (split on spaces and commas) and in anchors.
THEME_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


class ThemeSpec(NamedTuple):
    """One declared theme: its id, its label and an optional description."""

    id: str
    label: str
    description: str


def _conf_location(app: Sphinx, name: str) -> str:
    """``conf.py:LINE`` of the last assignment to *name*, the one in force (else line 1)."""
    path = Path(app.confdir) / "conf.py"
    lineno = 1
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    pattern = re.compile(rf"^\s*{re.escape(name)}\b")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            lineno = number
    # A location with a colon is used as is; without one Sphinx takes it for a docname.
    return f"{path}:{lineno}"


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


def validate_themes(app: Sphinx, config: Config) -> None:
    """Check ``edition_themes`` once; drop (with a warning) every entry that is not valid."""
    value = config.edition_themes
    location = _conf_location(app, "edition_themes")
    if not isinstance(value, dict):
        logger.warning(
            "edition_themes must be a dict mapping theme ids to labels, not %s; "
            "no theme is declared",
            type(value).__name__,
            location=location,
            type="edition",
            subtype="theme",
        )
        config.edition_themes = {}
        return
    clean: dict[str, Any] = {}
    for theme_id, label in value.items():
        if not isinstance(theme_id, str) or not THEME_ID_RE.match(theme_id):
            logger.warning(
                "edition_themes: theme id %r is not valid: use letters, digits, '-', '_', "
                "'.' or ':', without spaces or commas",
                theme_id,
                location=location,
                type="edition",
                subtype="theme",
            )
            continue
        spec = _theme_spec(theme_id, label)
        if isinstance(spec, str):
            logger.warning(
                "edition_themes: theme %r: %s",
                theme_id,
                spec,
                location=location,
                type="edition",
                subtype="theme",
            )
            continue
        clean[theme_id] = label
    if clean != value:
        config.edition_themes = clean


#: Shortest sensible excerpt: a few words.
MIN_EXCERPT_CHARS = 10


def validate_excerpt_chars(app: Sphinx, config: Config) -> None:
    """``edition_theme_excerpt_chars`` must be an int of at least :data:`MIN_EXCERPT_CHARS`."""
    value = config.edition_theme_excerpt_chars
    if isinstance(value, bool) or not isinstance(value, int) or value < MIN_EXCERPT_CHARS:
        logger.warning(
            "edition_theme_excerpt_chars must be an integer of at least %d, not %r; using 90",
            MIN_EXCERPT_CHARS,
            value,
            location=_conf_location(app, "edition_theme_excerpt_chars"),
            type="edition",
            subtype="theme",
        )
        config.edition_theme_excerpt_chars = 90


def theme_specs(config: Config) -> dict[str, ThemeSpec]:
    """The declared themes, in declaration order (after :func:`validate_themes`)."""
    specs: dict[str, ThemeSpec] = {}
    value = config.edition_themes
    if not isinstance(value, dict):
        return specs
    for theme_id, label in value.items():
        spec = _theme_spec(str(theme_id), label)
        if isinstance(spec, ThemeSpec):
            specs[spec.id] = spec
    return specs


# -- registration ---------------------------------------------------------------------------


def setup_config(app: Sphinx) -> None:
    """Register every ``edition_*`` configuration value and its validation."""
    #: Theme ids mapped to labels (``{"arms-control": "Arms control"}``), or to
    #: ``{"label": ..., "description": ...}``.
    app.add_config_value("edition_themes", {}, "env", types=frozenset({dict}))
    #: Longest excerpt (in characters, cut at a word boundary) of a passage in the
    #: thematic index.
    app.add_config_value("edition_theme_excerpt_chars", 90, "env", types=frozenset({int}))
    app.connect("config-inited", validate_themes)
    app.connect("config-inited", validate_excerpt_chars)
