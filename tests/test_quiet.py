"""Quiet builds: ``-q`` prints nothing, and a rebuild with nothing changed reports no change
of configuration (the extension leaves ``html_static_path`` and every other value as
``conf.py`` set them)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DOCS, build_edition

#: Options an HTML theme registers when it is loaded, which Sphinx does after it has compared
#: the configuration with the previous build's: furo's ``pygments_dark_style`` looks new to
#: every rebuild, whatever the book does.  Nothing else may differ.
THEME_OPTIONS = {"furo": {"pygments_dark_style"}, "alabaster": set()}

CHANGED = re.compile(r"The configuration has changed \((?:1 option: (.*?)|\d+ options: (.*?))\)")


def _changed_options(output: str) -> set[str]:
    """The options a build said had changed."""
    found: set[str] = set()
    for match in CHANGED.finditer(output):
        names = match[1] or match[2]
        found |= {name.strip(" '") for name in names.split(",") if name.strip(" '.")}
    return found


def _sphinx(source: Path, outdir: Path, doctrees: Path, *extra: str) -> str:
    """Build without ``-q`` and without colours; stdout and stderr together."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "--no-color"]
    command += ["-d", str(doctrees)]
    result = subprocess.run(
        [*command, *extra, str(source), str(outdir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("builder", ["html", "epub"])
def test_a_quiet_build_of_the_edition_prints_nothing(tmp_path: Path, builder: str) -> None:
    result = build_edition(builder, tmp_path / "out", tmp_path / "doctrees")
    assert result.returncode == 0, result.stderr
    # Not even sphinxext-opengraph's note that matplotlib is missing.
    assert result.stdout == ""
    assert result.stderr == ""


@pytest.mark.slow
def test_a_rebuild_of_the_edition_reports_no_configuration_change(tmp_path: Path) -> None:
    outdir, doctrees = tmp_path / "out", tmp_path / "doctrees"
    first = build_edition("html", outdir, doctrees)
    assert first.returncode == 0, first.stderr
    output = _sphinx(DOCS, outdir, doctrees, "--keep-going")
    assert _changed_options(output) <= THEME_OPTIONS["furo"], output


def test_a_rebuild_reports_no_configuration_change(tmp_path: Path, rootdir: Path) -> None:
    # alabaster registers no option of its own: the rebuild must not report any change.
    source = rootdir / "test-anytheme"
    outdir, doctrees = tmp_path / "out", tmp_path / "doctrees"
    extra = ("-D", "html_theme=alabaster")
    _sphinx(source, outdir, doctrees, *extra)
    output = _sphinx(source, outdir, doctrees, *extra)
    assert "configuration has changed" not in output, output
    # The rebuild read the first build's environment and found nothing to read again: no
    # "[new config]" (no environment compared at all) and no "[config changed (...)]".
    assert "updating environment: 0 added, 0 changed, 0 removed" in output, output


def test_changed_options_are_read_from_sphinx_messages() -> None:
    assert _changed_options("The configuration has changed (1 option: 'x')") == {"x"}
    assert _changed_options("The configuration has changed (2 options: 'a', 'b')") == {"a", "b"}
    assert _changed_options("nothing") == set()
