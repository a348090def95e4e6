"""Check the ``.bib`` files before sphinxcontrib-bibtex reads them.

sphinxcontrib-bibtex parses ``bibtex_bibfiles`` with pybtex in strict mode at
``builder-inited``: one unbalanced brace and the build stops with a Python traceback.
Here every file is parsed first, with pybtex's errors captured, and each becomes a Sphinx
warning at ``file:line`` (``type="edition"``, ``subtype="bib"``), as is a file that is not
in ``bibtex_encoding`` (at its first bad byte), a ``crossref`` to no entry and a TeX
command that no format can print.  When a file has errors, the same handler then fills
sphinxcontrib-bibtex's cache of parsed files itself from the texts it read, pybtex's errors
still captured: pybtex skips a broken entry and reads the rest, and sphinxcontrib-bibtex,
finding its cache up to date, does not parse again.  The build goes on (and fails under
``-W``) instead of crashing.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pybtex.errors
from pybtex.database import BibliographyDataError
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime

from sphinx_edition.config import _conf_location
from sphinx_edition.works import unknown_commands

if TYPE_CHECKING:
    from pybtex.database import Entry
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


def _warn(path: Path, line: int, message: str, *args: object) -> None:
    logger.warning(message, *args, location=f"{path}:{line}", type="edition", subtype="bib")


def read_bibfile(path: Path, encoding: str) -> tuple[str, bool]:
    """The text of *path* and whether it decoded cleanly.

    A file that is not in *encoding* (``bibtex_encoding``, UTF-8 by default) is a warning at
    its first bad byte, with that byte's offset, and is read with the bad bytes replaced
    (U+FFFD), so that the entries around them are still found.
    """
    data = path.read_bytes()
    try:
        return data.decode(encoding), True
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        _warn(
            path,
            line,
            _(
                "%s is not %s: byte 0x%02x at offset %d cannot be read; save the file as %s "
                "(or set bibtex_encoding)"
            ),
            path.name,
            encoding,
            data[error.start],
            error.start,
            encoding,
        )
        return data.decode(encoding, errors="replace"), False


def _entry_line(text: str, key: str) -> int:
    """The line of the last entry of *key* in *text* (1 when it is not found)."""
    found = list(re.finditer(r"@\w+\s*[{(]\s*" + re.escape(key) + r"\s*,", text, re.I))
    return text.count("\n", 0, found[-1].start()) + 1 if found else 1


#: Fields read as they are, never decoded as LaTeX.
_VERBATIM_FIELDS = frozenset({"url", "doi", "file", "eprint", "crossref", "ids"})


def _check_commands(path: Path, text: str, key: str, entry: Entry) -> None:
    """Warn of each TeX command in *entry* that no format can print: the notes, the
    bibliography and the exports leave it out (:func:`~.works.unknown_commands`)."""
    values = [(name, value) for name, value in entry.fields.items()]
    values += [(role, str(person)) for role, people in entry.persons.items() for person in people]
    for name, value in values:
        if name.lower() in _VERBATIM_FIELDS:
            continue
        if commands := unknown_commands(value):
            _warn(
                path,
                _entry_line(text, key),
                _("%s: entry %r, field %s: TeX command %s, which no format can print: left out"),
                path.name,
                key,
                name.lower(),
                ", ".join(dict.fromkeys(commands)),
            )


def check_bibfiles(app: Sphinx) -> None:
    """Warn, at file and line, of every error pybtex finds in the ``.bib`` files, of a file
    not in ``bibtex_encoding`` and of a ``crossref`` to no entry."""
    encoding = app.config.bibtex_encoding
    broken = False
    texts: dict[Path, str] = {}
    crossrefs: list[tuple[Path, str, str]] = []  # (file, key, the key it crossrefs)
    known: set[str] = set()
    for path in _files(app):
        if not path.is_file():
            broken = True  # warned of where the cache is filled, at its line of conf.py
            continue
        text, clean = read_bibfile(path, encoding)
        texts[path] = text
        with pybtex.errors.capture() as errors:
            entries = Parser(encoding=encoding).parse_string(text).entries
        for error in errors:
            _warn(path, _line_of(error, text), "%s: %s", path.name, error)
        broken = broken or bool(errors) or not clean
        known.update(key.lower() for key in entries)
        for key, entry in entries.items():
            _check_commands(path, text, key, entry)
        crossrefs += [
            (path, key, entry.fields["crossref"])
            for key, entry in entries.items()
            if "crossref" in entry.fields
        ]
    for path, key, target in crossrefs:
        if target.lower() not in known:
            _warn(
                path,
                _entry_line(texts[path], key),
                _(
                    "%s: entry %r has crossref %r, which is in no bibtex_bibfiles; the "
                    "fields it would inherit are missing"
                ),
                path.name,
                key,
                target,
            )
    if broken:
        fill_bibtex_cache(app, texts)


def fill_bibtex_cache(app: Sphinx, texts: dict[Path, str]) -> None:
    """Parse the ``.bib`` files into sphinxcontrib-bibtex's cache, pybtex's errors captured.

    sphinxcontrib-bibtex's own ``parse_bibdata`` reads the files itself, strictly, so a
    file it cannot decode would end the build: the cache is filled here from the texts
    already read, the way that function fills it (one parser, each file with the keys it
    adds).  The files are named exactly as sphinxcontrib-bibtex names them (resolved from
    the configuration directory), so that its own handler finds the cache up to date.
    """
    domain = cast("BibtexDomain", app.env.get_domain("cite"))
    encoding = app.config.bibtex_encoding
    parser = Parser(encoding=encoding)
    bibfiles: dict[Path, BibFile] = {}
    by_name = {path.resolve(): text for path, text in texts.items()}
    # The warnings above already say what pybtex skips.
    with pybtex.errors.capture():
        for name in app.config.bibtex_bibfiles:
            path = (Path(app.confdir) / name).resolve()
            before = set(parser.data.entries)
            if path in by_name:
                # a repeated entry raises even when captured; it is warned of above
                with contextlib.suppress(BibliographyDataError):
                    parser.parse_string(by_name[path])
            else:
                logger.warning(
                    _("bibtex_bibfiles: no file %s; its entries are missing"),
                    name,
                    location=_conf_location(app, "bibtex_bibfiles"),
                    type="edition",
                    subtype="bib",
                )
            new = dict.fromkeys(key for key in parser.data.entries if key not in before)
            bibfiles[path] = BibFile(mtime=get_mtime(path), keys=new)
    domain.data["bibdata"] = BibData(encoding=encoding, bibfiles=bibfiles, data=parser.data)


def setup_bibfiles(app: Sphinx) -> None:
    app.connect("builder-inited", check_bibfiles, priority=PRIORITY)
