"""Property-based tests of the parsers and of the note-position rules.

Whatever an author writes, the parsers answer (a value, ``None``, or the extension's own
error that the directives turn into a warning) and never raise anything else.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.richtext import Text
from sphinx_edition.domain import CitationInfo
from sphinx_edition.notes import NoteTargetError, decide_forms, parse_targets
from sphinx_edition.oxford.text import text_from_latex
from sphinx_edition.periods import parse_date
from sphinx_edition.themes import split_ids

settings.register_profile("edition", max_examples=300, deadline=None)
settings.load_profile("edition")

DATE_TEXT = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"\A-?\d{1,5}(-\d{1,3}(-\d{1,3})?)?\Z"),
)


@given(DATE_TEXT)
def test_parse_date_never_raises(text: str) -> None:
    parsed = parse_date(text)
    if parsed is not None:
        assert parsed.first() <= parsed.last()
        assert str(parsed.year) in parsed.label()


@given(st.dates(min_value=datetime.date(1, 1, 1)), st.sampled_from(["year", "month", "day"]))
def test_parse_date_reads_every_real_date(day: datetime.date, precision: str) -> None:
    text = {
        "year": f"{day.year:04d}",
        "month": f"{day.year:04d}-{day.month:02d}",
        "day": day.isoformat(),
    }[precision]
    parsed = parse_date(text)
    assert parsed is not None, text
    assert parsed.first() <= day <= parsed.last()


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(29, 40))
def test_parse_date_refuses_impossible_days(year: int, month: int, day: int) -> None:
    try:
        datetime.date(year, month, day)
    except ValueError:
        assert parse_date(f"{year:04d}-{month:02d}-{day:02d}") is None


@given(st.text(max_size=60))
def test_split_ids_gives_clean_ids(text: str) -> None:
    ids = split_ids(text)
    for theme_id in ids:
        assert theme_id
        assert theme_id == theme_id.strip()
        assert "," not in theme_id
        assert not any(ch.isspace() for ch in theme_id)


@given(st.text(max_size=80))
def test_notecite_targets_raise_only_the_extension_error(text: str) -> None:
    try:
        targets = parse_targets(text)
    except NoteTargetError:
        return
    assert targets
    for target in targets:
        assert target.key
        assert "," not in target.key


def test_notecite_targets_survive_a_very_long_list() -> None:
    with pytest.raises(NoteTargetError):
        parse_targets(",".join(["key"] * 5000) + ",{")
    assert len(parse_targets(",".join(["key"] * 2000))) == 2000


KEYS = st.sampled_from(["a", "b", "c", "unknown"])
CITATION = st.tuples(
    st.lists(KEYS, min_size=0, max_size=3),
    st.sampled_from(["", "p. 1", "p. 2"]),
    st.sampled_from(["ch1", "ch2"]),
    st.booleans(),
)


@given(st.lists(CITATION, max_size=30))
def test_note_position_rules(raw: list[tuple[list[str], str, str, bool]]) -> None:
    citations = [
        CitationInfo(
            keys=tuple(keys),
            pre=tuple("" for _ in keys),
            post=tuple(locator for _ in keys),
            docname=doc,
            lineno=n,
            anchor=f"n{n}",
            order=n,
            after_footnote=after,
            raw=",".join(keys),
        )
        for n, (keys, locator, doc, after) in enumerate(raw)
    ]
    known = {"a", "b", "c"}
    forms, _undecided = decide_forms(citations, known)
    assert len(forms) == len(citations)
    seen: set[str] = set()
    for index, (cit, parts) in enumerate(zip(citations, forms, strict=True)):
        assert parts, "a note with no part"
        previous = citations[index - 1] if index else None
        for part in parts:
            if part.form == "raw":
                assert part.key not in known or not cit.keys
                continue
            if part.form == "full":
                assert part.key not in seen
            elif part.form == "short":
                assert part.key in seen
            else:
                assert part.form == "ibid"
                # Ibid.: the same single work as the note just before, on the same page,
                # with no ordinary footnote between.
                assert len(cit.keys) == 1
                assert previous is not None
                assert previous.keys == cit.keys
                assert previous.docname == cit.docname
                assert not cit.after_footnote
        seen.update(k for k in cit.keys if k in known)


LATEX_TEXT = st.text(
    alphabet="aZé ß’“–-'`~%\\{}!?<>.,;:&$#^_\"\t\n",
    max_size=24,
)


@given(LATEX_TEXT)
def test_latex_fast_path_gives_what_pybtex_gives(latex: str) -> None:
    """A field read without latexcodec (nothing in it to decode) is the same text as
    pybtex's own ``Text.from_latex`` gives, parts and all."""
    try:
        expected = Text.from_latex(latex)
    except Exception:  # unbalanced braces: pybtex's own error
        with pytest.raises(Exception):  # noqa: B017, PT011
            text_from_latex(latex)
        return
    assert repr(text_from_latex(latex)) == repr(expected)
