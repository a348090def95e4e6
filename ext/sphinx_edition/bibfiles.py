"""Check the ``.bib`` files before sphinxcontrib-bibtex reads them.

sphinxcontrib-bibtex parses ``bibtex_bibfiles`` with pybtex in strict mode at
``builder-inited``: one unbalanced brace and the build stops with a Python traceback.
Here every file is parsed first, with pybtex's errors captured, and each becomes a Sphinx
warning at ``file:line`` (``type="edition"``, ``subtype="bib"``).  When a file has errors,
the same handler then fills sphinxcontrib-bibtex's cache of parsed files itself, with its
own function and pybtex's errors still captured: pybtex skips a broken entry and reads the
rest, and sphinxcontrib-bibtex, finding its cache up to date, does not parse again.  The
build goes on (and fails under ``-W``) instead of crashing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pybtex.errors
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinxcontrib.bibtex.bibfile import process_bibdata

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinxcontrib.bibtex.domain import BibtexDomain

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: Before sphinxcontrib-bibtex's own ``builder-inited`` handler (priority 500).
PRIORITY = 400


def _files(app: Sphinx) -> list[Path]:
    names = app.config.bibtex_bibfiles if "bibtex_bibfiles" in app.config else []
    return [Path(app.srcdir, name) for name in names or []]


def _entry_start(text: str, before: int) -> int | None:
    """Line of the last ``@type{`` that begins at or before line *before*."""
    starts = [
        text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"^[ \t]*@\w+\s*[{(]", text, re.M)
    ]
    starts = [line for line in starts if line <= before]
    return starts[-1] if starts else None


def _line_of(error: Exception, text: str) -> int:
    """The line of the entry an error of pybtex is about (1 when nothing says)."""
    if isinstance(error, PybtexSyntaxError):
        # pybtex reports where it gave up (often the end of the file, for a missing
        # brace); the entry that broke is the last one that began before that.
        return _entry_start(text, int(error.lineno)) or int(error.lineno)
    # "repeated bibliography entry: key": the repeat, i.e. the last entry with that key.
    match = re.search(r"entry: (\S+)", str(error))
    if match:
        found = list(re.finditer(r"@\w+\s*[{(]\s*" + re.escape(match.group(1)) + r"\s*,", text))
        if found:
            return text.count("\n", 0, found[-1].start()) + 1
    # Name errors quote the field ("Too many commas in 'Broken, Ann title = ...'").
    quoted = re.search(r"'([^']{4,})'", str(error))
    if quoted:
        start = text.find(quoted.group(1).split()[0])
        if start >= 0:
            return text.count("\n", 0, start) + 1
    return 1


def check_bibfiles(app: Sphinx) -> None:
    """Warn, at file and line, of every error pybtex finds in the ``.bib`` files."""
    broken = False
    for path in _files(app):
        if not path.is_file():
            continue  # sphinxcontrib-bibtex reports a missing file itself
        text = path.read_text(encoding=app.config.bibtex_encoding)
        with pybtex.errors.capture() as errors:
            Parser(encoding=app.config.bibtex_encoding).parse_string(text)
        for error in errors:
            logger.warning(
                "%s: %s",
                path.name,
                error,
                location=f"{path}:{_line_of(error, text)}",
                type="edition",
                subtype="bib",
            )
        broken = broken or bool(errors)
    if broken:
        fill_bibtex_cache(app)


def fill_bibtex_cache(app: Sphinx) -> None:
    """Parse the ``.bib`` files into sphinxcontrib-bibtex's cache, pybtex's errors captured.

    The files are named exactly as sphinxcontrib-bibtex names them (resolved from the
    configuration directory), so that its own handler finds the cache up to date.
    """
    domain = cast("BibtexDomain", app.env.get_domain("cite"))
    paths = [(Path(app.confdir) / name).resolve() for name in app.config.bibtex_bibfiles]
    # The warnings above already say what pybtex skips.
    with pybtex.errors.capture():
        domain.data["bibdata"] = process_bibdata(domain.bibdata, paths, app.config.bibtex_encoding)


def setup_bibfiles(app: Sphinx) -> None:
    app.connect("builder-inited", check_bibfiles, priority=PRIORITY)
