"""Placeholder: filled in by its own issue."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_periods(app: Sphinx) -> None:
    pass
