"""Oxford-style pybtex formatting (placeholder until the notes issue)."""

from __future__ import annotations

from pybtex.style.formatting.unsrt import Style as UnsrtStyle


class OxfordStyle(UnsrtStyle):  # type: ignore[misc]
    """Oxford bibliography and note forms."""
