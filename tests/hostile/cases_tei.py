"""Cases: cases_tei."""

from __future__ import annotations

from hostile import Case, W  # noqa: F401

CASES: list[Case] = []
