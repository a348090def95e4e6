"""The house: record kinds declared once, the book computed once and then frozen."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.build_phase import BuildPhase
from sphinx_edition import notes
from sphinx_edition.book import LazyMapping, StoreFrozenError
from sphinx_edition.domain import get_domain
from sphinx_edition.registry import (
    ComputeStep,
    RecordKind,
    Registry,
    add_compute_step,
    add_record_kind,
)
from sphinx_edition.view import BookView, get_view


def _step(name: str, *after: str) -> ComputeStep:
    return ComputeStep(name, lambda app, env, view: name, after=after)


def test_steps_run_after_the_steps_they_name() -> None:
    registry = Registry()
    for step in (_step("plan", "order", "styles"), _step("styles"), _step("order")):
        registry.steps[step.name] = step
    # the steps a step names first (in the order it names them), then the step
    assert [s.name for s in registry.ordered_steps()] == ["order", "styles", "plan"]


def test_a_step_after_an_unknown_or_circular_step_fails() -> None:
    registry = Registry()
    registry.steps["a"] = _step("a", "missing")
    with pytest.raises(ValueError, match="unknown 'missing'"):
        registry.ordered_steps()
    registry.steps["a"] = _step("a", "b")
    registry.steps["b"] = _step("b", "a")
    with pytest.raises(ValueError, match="wait on each other"):
        registry.ordered_steps()


def test_lazy_mapping_makes_each_value_once_and_only_for_its_keys() -> None:
    made: list[str] = []

    def make(key: str) -> str:
        made.append(key)
        return key.upper()

    lazy = LazyMapping({"a": None, "b": None}, make)
    assert lazy["a"] == lazy["a"] == "A"
    assert made == ["a"]
    assert lazy.get("zz") is None and list(lazy) == ["a", "b"] and len(lazy) == 2
    assert made == ["a"]


def _book(rootdir: Path, tmp_path: Path, name: str = "test-editorial") -> Path:
    srcdir = tmp_path / name
    shutil.copytree(rootdir / name, srcdir)
    return srcdir


def test_the_store_is_frozen_once_the_book_is_computed(rootdir: Path, tmp_path: Path) -> None:
    app = SphinxTestApp("html", srcdir=_book(rootdir, tmp_path))
    try:
        app.build()
        domain = get_domain(app.env)
        assert domain.book.frozen
        with pytest.raises(StoreFrozenError):
            domain.note_collector("chapter1", "timeline")
        with pytest.raises(StoreFrozenError):
            domain.clear_doc("chapter1")
        with pytest.raises(StoreFrozenError):
            domain.book.set("notes-plan", None)
        # the records were kept: nothing above changed them
        assert get_view(app.env).editorials()
    finally:
        app.cleanup()


def test_the_view_hands_out_immutable_data(rootdir: Path, tmp_path: Path) -> None:
    app = SphinxTestApp("html", srcdir=_book(rootdir, tmp_path))
    try:
        app.build()
        view = get_view(app.env)
        plan = view.plan
        assert plan is not None and plan.notes
        with pytest.raises(TypeError):
            plan.notes["chapter1"] = ()  # type: ignore[index]
        assert all(isinstance(found, tuple) for found in plan.notes.values())
        assert isinstance(view.editorials(), tuple) and isinstance(view.citations(), tuple)
        for mapping in (view.delivered, view.editorial_numbers, view.theme_specs):
            assert isinstance(mapping, MappingProxyType)
        assert not any(name.startswith(("add", "set", "clear")) for name in dir(BookView))
    finally:
        app.cleanup()


def test_every_step_runs_once_before_writing(
    rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is computed in the write phase: the steps run once, when reading ends, and
    the notes' styles are never looked up while documents are written."""
    app = SphinxTestApp("html", srcdir=_book(rootdir, tmp_path))
    runs: list[BuildPhase] = []
    lookups: list[BuildPhase] = []
    real_find_plugin = notes.plan.find_plugin

    def find_plugin(*args: Any) -> Any:
        lookups.append(app.phase)
        return real_find_plugin(*args)

    monkeypatch.setattr(notes.plan, "find_plugin", find_plugin)

    def probe(_app: object, _env: object, view: BookView) -> int:
        runs.append(app.phase)
        assert view.plan is not None  # a step sees the steps it comes after
        return len(view.citations())

    add_compute_step(app, ComputeStep("probe", probe, after=("notes-plan",)))
    try:
        app.build()
        assert runs == [BuildPhase.READING]
        assert get_view(app.env).get("probe") == len(get_view(app.env).citations()) > 0
        assert lookups and all(phase == BuildPhase.READING for phase in lookups)
    finally:
        app.cleanup()


def test_a_kind_is_registered_once(rootdir: Path, tmp_path: Path) -> None:
    app = SphinxTestApp("html", srcdir=_book(rootdir, tmp_path))
    try:
        kind = RecordKind("periods", ())
        with pytest.raises(ValueError, match="registered already"):
            add_record_kind(app, kind)
    finally:
        app.cleanup()


def test_edition_collected_gets_the_view(rootdir: Path, tmp_path: Path) -> None:
    app = SphinxTestApp("html", srcdir=_book(rootdir, tmp_path))
    seen: list[object] = []
    app.connect("edition-collected", lambda _app, _env, view: seen.append(view))
    try:
        app.build()
        (view,) = seen
        assert isinstance(view, BookView)
        assert [e.id for e in view.editorials()] == [e.id for e in get_view(app.env).editorials()]
    finally:
        app.cleanup()
