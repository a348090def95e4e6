"""The HTML search index: English stems computed once per word.

Sphinx stems every word of every page for its search index, in the main process, one page
after another, with snowballstemmer, which (since its version 3) keeps no cache. Measured on
the benchmark's ×50 book, stemming was four tenths of a full HTML build and the part that
``-j 2`` cannot share out. A book repeats its words: one stem per distinct word gives the
same index for a fraction of the work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.search.en import SearchEnglish

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class CachedStemEnglish(SearchEnglish):
    """Sphinx's English search language, with each word's stem computed once."""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = super().stem(word)
        return stem


def setup_search(app: Sphinx) -> None:
    app.add_search_language(CachedStemEnglish)
