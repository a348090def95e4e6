"""Hostile and broken books, each built in every builder with ``-W -n --keep-going``.

For every case of :mod:`hostile` and every builder this asserts: the exit status (non-zero
exactly where a warning is due), each warning at its file and line and typed ``edition``, no
traceback, as many notes written as the source holds, the text that must survive, and that
every XML output (the ePub's XHTML, the TEI) is well-formed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile import (
    BUILDERS,
    Case,
    cases_config,
    cases_input,
    cases_tei,
    count_notes,
    notes_due,
    outputs,
    write_book,
)
from lxml import etree
from sphinx.cmd.build import build_main

CASES = [*cases_input.CASES, *cases_config.CASES, *cases_tei.CASES]
RUNS = [
    pytest.param(case, builder, id=f"{case.id}-{builder}")
    for case in CASES
    for builder in BUILDERS
    if builder in case.builders
]


FLAGS = ["-W", "-n", "--keep-going", "-q", "-E"]


def _build(src: Path, out: Path, doctrees: Path, builder: str) -> int:
    return build_main(["-b", builder, *FLAGS, "-d", str(doctrees), str(src), str(out)])


def _located(stderr: str, file: str, line: int, pattern: str) -> bool:
    return any(
        re.search(rf"(^|[/\\]){re.escape(file)}:{line}:", w)
        and "[edition" in w
        and re.search(pattern, w)
        for w in stderr.splitlines()
    )


@pytest.mark.parametrize(("case", "builder"), RUNS)
def test_hostile_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Case, builder: str
) -> None:
    src = write_book(tmp_path, case)
    out = tmp_path / "out"
    code = _build(src, out, tmp_path / "doctrees", builder)
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr and "Exception occurred" not in stderr, stderr
    due = [w for w in case.warnings if builder in w.builders]
    if due:
        assert code != 0, f"the build under -W passed:\n{stderr}"
        for w in due:
            assert _located(stderr, w.file, w.line, w.pattern), (
                f"no warning at {w.file}:{w.line} matching {w.pattern!r}:\n{stderr}"
            )
    else:
        assert code == 0 and not stderr.strip(), stderr
    texts = outputs(builder, out)
    assert texts, f"{builder} wrote nothing"
    due_notes = notes_due(builder, case)
    assert count_notes(builder, texts, case) == due_notes, f"notes written ≠ {due_notes}"
    joined = "\n".join(texts.values())
    for kept in case.kept:
        assert kept in joined, f"{kept!r} lost from the {builder} output"
    if builder in {"epub", "tei"}:
        for path in texts:
            etree.parse(str(path))  # raises on XML that is not well-formed


def test_the_battery_is_large_and_distinct() -> None:
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)
    for case in CASES:
        assert case.warnings or case.why, f"{case.id}: a clean case says why it is clean"
