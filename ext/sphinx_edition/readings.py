"""Delivered readings against the edition's: normalised comparison, field by field.

Pure functions, no Sphinx state.  A delivered reading is the source's text verbatim, with
the ``*…*`` italics markers of the delivered file; the edition's forms are plain text from
the Oxford style or the ``.bib`` fields.  Two readings are "the same" when they agree
after :func:`normalise` (spacing, italics markers, the shapes of quotes and dashes).

A delivered reference is also a record: a pybtex entry transcribed from the delivered
reference list (``delivered.bib``).  :func:`field_changes` is the difference of that
record and the edition's entry, field by field, name part by name part.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from sphinx_edition.works import plain

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from pybtex.database import Entry, Person

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


# -- a bibliography entry against its delivered record --------------------------------------

#: The kinds of a :class:`FieldChange`.
ADDED, REMOVED, CHANGED, ROLE, TYPE, CASE = (
    "added",
    "removed",
    "changed",
    "role",
    "type",
    "case",
)

#: Fields whose values are titles: the edition sets them in headline capitals (Oxford), so a
#: difference of capitals only there is the house style, not a change of the datum.
TITLE_FIELDS = frozenset({"title", "shorttitle", "journal", "booktitle", "series"})

#: Fields that hold one datum under two names, as two entry types name it: a value that
#: moves from one to the other is a change of its role, not a deletion and an addition.
SLOTS = (
    frozenset({"journal", "booktitle"}),
    frozenset({"publisher", "institution", "organization", "school"}),
)

#: The order a reference gives its fields in; others follow, by name.
ORDER = (
    "title",
    "shorttitle",
    "x-review-of",
    "journal",
    "booktitle",
    "series",
    "volume",
    "number",
    "pages",
    "edition",
    "type",
    "institution",
    "organization",
    "school",
    "publisher",
    "address",
    "month",
    "year",
    "note",
)

#: The persons' roles in the order a reference gives them; others follow, by name.
ROLES = ("author", "editor")


class FieldChange(NamedTuple):
    """One difference between a work's delivered record and the edition's entry."""

    kind: str  # ADDED | REMOVED | CHANGED | ROLE | TYPE | CASE
    field: str  # "month", "author 2 given names", "author → editor", "entry type"…
    delivered: str  # the delivered value, plain text ("" when the edition added it)
    value: str  # the edition's value, plain text ("" when the edition removed it)
    #: What was done, where the field's name and the kind do not say it (a locator's
    #: decision: "first page 69 → the full range 69–79").
    what: str = ""


def field_value(value: str) -> str:
    """A ``.bib`` value as compared: TeX decoded, then :func:`normalise`."""
    return normalise(plain(value))


def _name(person: Person) -> tuple[str, str]:
    """(surname, given names) of *person*, plain text: the parts a reference prints."""
    given = " ".join(plain(n) for n in (*person.first_names, *person.middle_names))
    family = " ".join(
        plain(n) for n in (*person.prelast_names, *person.last_names, *person.lineage_names)
    )
    return family, given


def names(persons: Sequence[Person]) -> str:
    """*persons* as a reference names them: "John Baylis, Steve Smith and Patricia Owens"."""
    full = [" ".join(p for p in reversed(_name(person)) if p) for person in persons]
    return full[0] if len(full) == 1 else ", ".join(full[:-1]) + " and " + full[-1]


def _ordered(keys: Iterable[str], order: Sequence[str]) -> list[str]:
    rank = {name: index for index, name in enumerate(order)}
    return sorted(set(keys), key=lambda k: (rank.get(k, len(rank)), k))


def _persons(delivered: Entry, edition: Entry) -> list[FieldChange]:
    before = {role.lower(): list(ps) for role, ps in delivered.persons.items() if ps}
    after = {role.lower(): list(ps) for role, ps in edition.persons.items() if ps}

    def surnames(persons: Sequence[Person]) -> list[str]:
        return [field_value(_name(p)[0]) for p in persons]

    # each delivered role -> the edition's role of the same persons: the same role, else
    # (the delivered authors that are the edition's editors) one with the same surnames
    pairs = {role: role for role in before if role in after}
    for role, persons in before.items():
        free = [r for r in after if r not in before and r not in pairs.values()]
        if role not in pairs and free and surnames(after[free[0]]) == surnames(persons):
            pairs[role] = free[0]
    changes: list[FieldChange] = []
    for role in _ordered([*before, *after], ROLES):
        if role in before and role not in pairs:
            changes.append(FieldChange(REMOVED, role, names(before[role]), ""))
        elif role in after and role not in pairs.values():
            changes.append(FieldChange(ADDED, role, "", names(after[role])))
        if role not in pairs:
            continue
        now = pairs[role]
        old, current = before[role], after[now]
        if now != role:
            changes.append(FieldChange(ROLE, f"{role} → {now}", names(old), names(current)))
        old_names, now_names = surnames(old), surnames(current)
        if old_names != now_names and sorted(old_names) == sorted(now_names):
            # The same persons in another order: one change, then each person is compared
            # with the same person as delivered (their names may differ too).
            changes.append(FieldChange(CHANGED, f"{now} order", names(old), names(current)))
            left = list(old)
            old = []
            for name in now_names:
                found = next(p for p in left if field_value(_name(p)[0]) == name)
                left.remove(found)
                old.append(found)
        for index in range(max(len(old), len(current))):
            label = f"{now} {index + 1}"
            if index >= len(old):
                changes.append(FieldChange(ADDED, label, "", names([current[index]])))
            elif index >= len(current):
                changes.append(FieldChange(REMOVED, label, names([old[index]]), ""))
            else:
                for part, was, value in zip(
                    ("surname", "given names"),
                    _name(old[index]),
                    _name(current[index]),
                    strict=True,
                ):
                    changes += _compare(f"{label} {part}", was, value, titles=False)
    return changes


def _compare(field: str, delivered: str, value: str, titles: bool) -> list[FieldChange]:
    a, b = normalise(delivered), normalise(value)
    if a == b:
        return []
    if not a:
        return [FieldChange(ADDED, field, "", value)]
    if not b:
        return [FieldChange(REMOVED, field, delivered, "")]
    kind = CASE if titles and a.lower() == b.lower() else CHANGED
    return [FieldChange(kind, field, delivered, value)]


def field_changes(
    delivered: Entry, edition: Entry, ignore: Iterable[str] = ()
) -> list[FieldChange]:
    """Every difference between the *delivered* record of a work and the *edition*'s entry:
    the entry type, each role of persons and each part of each name, and every field of
    either entry (those in *ignore* aside), compared once TeX, markup, quotes, dashes and
    spacing are normalised (:func:`field_value`) — content, capitals and points are kept.

    A difference of capitals only, in a title, is a change of kind ``CASE`` (the house
    style); a value that moves between two names of one datum (``journal`` and
    ``booktitle``, ``publisher`` and ``institution``) is a change of ``ROLE``.
    """
    changes: list[FieldChange] = []
    if delivered.type.lower() != edition.type.lower():
        changes.append(FieldChange(TYPE, "entry type", delivered.type, edition.type))
    changes += _persons(delivered, edition)
    skip = {name.lower() for name in ignore}
    before = {
        k.lower(): plain(str(v)) for k, v in delivered.fields.items() if k.lower() not in skip
    }
    after = {k.lower(): plain(str(v)) for k, v in edition.fields.items() if k.lower() not in skip}
    before = {k: v for k, v in before.items() if normalise(v)}
    after = {k: v for k, v in after.items() if normalise(v)}
    fields: list[FieldChange] = []
    moved: dict[str, str] = {}  # the edition's field -> the delivered one it replaces
    for slot in SLOTS:
        gone = [f for f in _ordered(slot, ORDER) if f in before and f not in after]
        new = [f for f in _ordered(slot, ORDER) if f in after and f not in before]
        for was, now in zip(gone, new, strict=False):
            moved[now] = was
    for name in _ordered([*before, *after], ORDER):
        if name in moved.values():
            continue
        if name in moved:
            was = moved[name]
            fields.append(FieldChange(ROLE, f"{was} → {name}", before[was], after[name]))
            continue
        fields += _compare(name, before.get(name, ""), after.get(name, ""), name in TITLE_FIELDS)
    return changes + fields


__all__ = [
    "ADDED",
    "CASE",
    "CHANGED",
    "REMOVED",
    "ROLE",
    "TYPE",
    "FieldChange",
    "field_changes",
    "field_value",
    "names",
    "normalise",
    "runs",
    "same_reading",
]
