"""Reading the delivered text (``shared/seed``): its body words and its footnotes.

The delivered file is a text dump of a paginated document. Its body is everything from the
heading "Introduction" to the heading "References", less the running heads, the footnote
blocks, and the lines that continue a footnote across a page break.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
RUNNING_HEAD = "DYNAMICS OF US-RUSSIA RELATIONS"

#: Lines of the source that continue a footnote after a page or line break (they stand
#: apart from the footnote's first line, so no rule tells them from body text).
FOOTNOTE_CONTINUATIONS = (
    "War. Brookings Institution Press, 2000",
    "the Cold War. Brookings Institution Press, 2003",
    "Lanham, MD: Rowman & Littlefield, 2009.",
    "Humanities/Social Sciences/Languages, 2008.",
    "Today (2002): 14-15.",
    "professor of history at Vanderbilt University",
)


def _lines(seed: Path) -> list[str]:
    return [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]


def _is_note_line(line: str) -> bool:
    return bool(line) and line[0] in SUPERSCRIPTS


def body_lines(seed: Path) -> list[str]:
    """The body lines of the review, headings included, in order."""
    lines = _lines(seed)
    start, end = lines.index("Introduction"), lines.index("References")
    return [
        line
        for line in lines[start:end]
        if line
        and not line.startswith(RUNNING_HEAD)
        and not _is_note_line(line)
        and not line.startswith(FOOTNOTE_CONTINUATIONS)
    ]


def footnotes(seed: Path) -> dict[int, str]:
    """The source's footnotes by number: ``{1: "Mead, Walter Russell. ...", ...}``."""
    notes: dict[int, str] = {}
    last = 0
    for line in _lines(seed):
        match = re.match(rf"^([{SUPERSCRIPTS}]+)\s*(.*)$", line)
        if match and match.group(2):
            last = int(match.group(1).translate(_SUP_TO_DIGIT))
            notes[last] = match.group(2)
        elif last and line.startswith(FOOTNOTE_CONTINUATIONS):
            notes[last] += " " + line
    return notes


def words(text: str) -> list[str]:
    """Normalised words: case, quotes, dashes and note marks do not count."""
    text = unicodedata.normalize("NFKC", re.sub(f"[{SUPERSCRIPTS}]+", " ", text))
    text = text.replace("\\$", "$")
    out = []
    for raw in text.split():
        word = re.sub(r"^[\W_]+|[\W_]+$", "", raw.lower())
        word = word.replace("’", "'").replace("‘", "'")
        if word:
            out.append(word)
    return out


def body_words(seed: Path) -> list[str]:
    return words(" ".join(body_lines(seed)))
