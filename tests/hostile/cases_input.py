"""Cases: the directive families, notes in every place docutils allows, and the ``.bib``."""

from __future__ import annotations

from hostile import Case, W, period  # noqa: F401

CASES: list[Case] = [
    Case(
        "clean-two-notes",
        chapter="One{notecite}`good2000`. Two{notecite}`good2000{p. 3}`.\n",
        notes=2,
        kept=("A Good Book",),
        why="the baseline: a correct book builds cleanly in every builder",
    ),
]
