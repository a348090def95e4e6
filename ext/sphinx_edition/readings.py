"""Delivered readings against the edition's: normalised comparison, field by field.

Pure functions, no Sphinx state.  A delivered reading is the source's text verbatim, with
the ``*…*`` italics markers of the delivered file; the edition's forms are plain text from
the Oxford style or the ``.bib`` fields.  Two readings are "the same" when they agree
after :func:`normalise` (spacing, italics markers, the shapes of quotes and dashes).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx_edition.works import plain

if TYPE_CHECKING:
    from pybtex.database import Entry

_QUOTES = str.maketrans({c: "'" for c in '“”„‟"‘’‚‛`´'})
_DASHES = re.compile(r"[‐‑‒–—―−-]+")
#: A run in the delivered file's markup: ``*italic*`` or plain text.
_ITALIC = re.compile(r"\*([^*]+)\*")


def normalise(text: str) -> str:
    """*text* without italics markers, with straight quotes, hyphens and single spaces."""
    text = text.replace("*", "").replace("…", "...").translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return " ".join(text.split())


def same_reading(delivered: str, printed: str) -> bool:
    """Do the two readings agree, once normalised (a final full stop aside)?"""
    return normalise(delivered).rstrip(".") == normalise(printed).rstrip(".")


def runs(text: str) -> list[tuple[str, str]]:
    """*text* as ("text" | "em", string) runs, reading the delivered file's ``*…*``."""
    out: list[tuple[str, str]] = []
    position = 0
    for match in _ITALIC.finditer(text):
        if match.start() > position:
            out.append(("text", text[position : match.start()]))
        out.append(("em", match.group(1)))
        position = match.end()
    if position < len(text):
        out.append(("text", text[position:]))
    return out


# -- a bibliography entry against its delivered reading -------------------------------------

#: The fields compared, in the order a reference gives them.
FIELDS = (
    "title",
    "journal",
    "booktitle",
    "volume",
    "number",
    "pages",
    "year",
    "edition",
    "publisher",
    "institution",
    "address",
    "note",
)


class FieldChange(NamedTuple):
    """A field of a ``.bib`` entry whose value the delivered reading does not have."""

    field: str  # "title", "author 2 given names", "edition"…
    value: str  # the edition's value, plain text
    delivered: str  # the nearest fragment of the delivered reading, or ""


def fragment(value: str, delivered: str) -> str:
    """The part of *delivered* (normalised) that best matches *value*, or ""."""
    text, wanted = normalise(delivered), normalise(value)
    if not wanted:
        return ""
    found = text.lower().find(wanted.lower())
    if found >= 0:
        return text[found : found + len(wanted)]
    matcher = SequenceMatcher(None, text.lower(), wanted.lower(), autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
    if not blocks:
        return ""
    # Grow from the longest common run, taking in neighbouring runs close to it in both
    # texts: a short run far away ("old" in "Legvold") is a coincidence, not the field.
    core = max(range(len(blocks)), key=lambda i: blocks[i].size)
    first = last = core
    while first > 0 and _near(blocks[first - 1], blocks[first]):
        first -= 1
    while last < len(blocks) - 1 and _near(blocks[last], blocks[last + 1]):
        last += 1
    start, end = blocks[first].a, blocks[last].a + blocks[last].size
    matched = sum(b.size for b in blocks[first : last + 1])
    if matched < 0.6 * len(wanted) or end - start > 1.6 * len(wanted):
        return ""
    # Whole words: the runs may stop inside one ("201" of a delivered "2013" for "2014").
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return text[start:end].strip(" .,:;")


def _near(left: Any, right: Any, gap: int = 4) -> bool:
    return bool(right.a - (left.a + left.size) <= gap and right.b - (left.b + left.size) <= gap)


def _present(value: str, delivered: str) -> bool:
    return normalise(value) in normalise(delivered)


def field_changes(entry: Entry, delivered: str) -> list[FieldChange]:
    """Every field of *entry* (names, title, container, numbers, imprint) whose normalised
    value is not in the normalised *delivered* reading."""
    changes: list[FieldChange] = []
    for role in ("author", "editor"):
        for index, person in enumerate(entry.persons.get(role, ()), start=1):
            given = " ".join(plain(n) for n in (*person.first_names, *person.middle_names))
            family = " ".join(
                plain(n) for n in (*person.prelast_names, *person.last_names, *person.lineage_names)
            )
            for part, value in (("surname", family), ("given names", given)):
                if value and not _present(value, delivered):
                    changes.append(
                        FieldChange(f"{role} {index} {part}", value, fragment(value, delivered))
                    )
    for name in FIELDS:
        value = plain(str(entry.fields.get(name, "")))
        if value and not _present(value, delivered):
            changes.append(FieldChange(name, value, fragment(value, delivered)))
    return changes


__all__ = [
    "FIELDS",
    "FieldChange",
    "field_changes",
    "fragment",
    "normalise",
    "runs",
    "same_reading",
]
