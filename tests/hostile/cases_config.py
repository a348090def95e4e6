"""Cases: cases_config."""

from __future__ import annotations

from hostile import Case, W  # noqa: F401

CASES: list[Case] = []
