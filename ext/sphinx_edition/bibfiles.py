"""Check the ``.bib`` files before sphinxcontrib-bibtex reads them.

sphinxcontrib-bibtex parses ``bibtex_bibfiles`` with pybtex in strict mode at
``builder-inited``: one unbalanced brace and the build stops with a Python traceback.
Here every file is parsed first, with pybtex's errors captured, and each becomes a Sphinx
warning at ``file:line`` (``type="edition"``, ``subtype="bib"``); pybtex is then left in
capturing its errors while sphinxcontrib-bibtex parses, so that pybtex skips a broken entry and
reads the rest: the build goes on (and fails under ``-W``) instead of crashing.
"""

from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import pybtex.errors
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError
from sphinx.locale import get_translation
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: Before and after sphinxcontrib-bibtex's own ``builder-inited`` handler (priority 500).
PRIORITY = 400
AFTER_BIBTEX = 600
#: Open error captures, per application, between the two handlers.
_CAPTURES: dict[int, ExitStack] = {}


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
        if errors and id(app) not in _CAPTURES:
            # While sphinxcontrib-bibtex parses the files next, pybtex's errors are
            # collected instead of raised: it skips what it cannot read, and the warnings
            # above already say what that is.
            stack = ExitStack()
            stack.enter_context(pybtex.errors.capture())
            _CAPTURES[id(app)] = stack


def release_capture(app: Sphinx) -> None:
    """After sphinxcontrib-bibtex has parsed: pybtex reports errors as before."""
    stack = _CAPTURES.pop(id(app), None)
    if stack is not None:
        stack.close()


def setup_bibfiles(app: Sphinx) -> None:
    app.connect("builder-inited", check_bibfiles, priority=PRIORITY)
    app.connect("builder-inited", release_capture, priority=AFTER_BIBTEX)
