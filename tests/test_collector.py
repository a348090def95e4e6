"""The garbage collector while pages are written: what reading left is frozen, and given back
when the build ends, failed or not."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="contents", freshenv=True)
def test_frozen_while_writing_and_given_back(app: SphinxTestApp) -> None:
    frozen: list[int] = []
    app.connect(
        "doctree-resolved", lambda app, doctree, docname: frozen.append(gc.get_freeze_count())
    )
    before = gc.get_freeze_count()
    app.build()
    assert frozen and min(frozen) > before
    assert gc.get_freeze_count() == before


@pytest.mark.sphinx("html", testroot="contents", freshenv=True)
def test_given_back_when_a_page_fails(app: SphinxTestApp) -> None:
    def fail(app: object, doctree: object, docname: str) -> None:
        raise RuntimeError(docname)

    app.connect("doctree-resolved", fail)
    before = gc.get_freeze_count()
    with pytest.raises(Exception, match=r"index|sections|plain"):
        app.build()
    assert gc.get_freeze_count() == before
