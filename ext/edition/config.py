"""Typed, validated configuration of the edition extension (``edition_*`` values)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_config(app: Sphinx) -> None:
    #: Theme ids mapped to labels (``{"arms-control": "Arms control"}``), or to
    #: ``{"label": ..., "description": ...}``.
    app.add_config_value("edition_themes", {}, "env", types=frozenset({dict}))
