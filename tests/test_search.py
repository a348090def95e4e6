"""The cached stemmer gives the search index Sphinx's own stemmer gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.search.en import SearchEnglish
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.search import CachedStemEnglish

STOCK = """
from sphinx.search.en import SearchEnglish

def setup(app):
    app.add_search_language(SearchEnglish)
"""


def test_cached_stems_equal_stock_stems() -> None:
    words = "relations relational oscillated oscillating cooperation Russia's NATO NATO".split()
    cached, stock = CachedStemEnglish({}), SearchEnglish({})
    assert [cached.stem(w) for w in words * 2] == [stock.stem(w) for w in words * 2]


def _index(srcdir: Path, language: type) -> bytes:
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
        assert type(app.builder.indexer.lang) is language  # type: ignore[attr-defined]
    finally:
        app.cleanup()
    return (app.outdir / "searchindex.js").read_bytes()


def test_search_index_is_the_stock_one(rootdir: Path, tmp_path: Path) -> None:
    ours, stock = tmp_path / "ours", tmp_path / "stock"
    shutil.copytree(rootdir / "test-foreign", ours)
    shutil.copytree(rootdir / "test-foreign", stock)
    with (stock / "conf.py").open("a") as conf:
        conf.write(STOCK)
    index = _index(ours, CachedStemEnglish)
    assert b"telegraph" in index
    assert index == _index(stock, SearchEnglish)
