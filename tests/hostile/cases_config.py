"""Cases: every ``edition_*`` value of a wrong shape, warned at its line of ``conf.py``."""

from __future__ import annotations

from hostile import CONF_LINE, Case, W

NOTE = "KEEP config{notecite}`good2000`.\n"


def conf_case(case_id: str, conf: str, pattern: str, line: int = CONF_LINE) -> Case:
    """A book whose ``conf.py`` ends with *conf*, warned of at *line* (by *pattern*)."""
    return Case(
        case_id,
        chapter=NOTE,
        conf=conf,
        warnings=(W("conf.py", line, pattern),),
        notes=1,
        kept=("KEEP config",),
    )


CASES: list[Case] = [
    conf_case("conf-themes-not-a-dict", 'edition_themes = ["arms"]\n', r"edition_themes"),
    conf_case("conf-theme-id-with-space", 'edition_themes = {"arms control": "A"}\n', r"theme id"),
    conf_case("conf-theme-label-not-text", 'edition_themes = {"arms": 42}\n', r"arms"),
    conf_case("conf-excerpt-too-short", "edition_theme_excerpt_chars = 3\n", r"excerpt"),
    conf_case("conf-excerpt-a-float", "edition_theme_excerpt_chars = 90.5\n", r"excerpt"),
    conf_case("conf-sidenotes-not-a-flag", 'edition_sidenotes = "yes"\n', r"True or False"),
    conf_case("conf-delivered-not-text", "edition_delivered_notes = 42\n", r"string"),
    conf_case("conf-downloads-unknown", 'edition_downloads = ["pdf", "docx"]\n', r"docx"),
    conf_case("conf-downloads-not-a-list", 'edition_downloads = "pdf"\n', r"list of formats"),
    conf_case("conf-download-basename-path", 'edition_download_basename = "a/b"\n', r"file name"),
    conf_case("conf-metadata-not-a-dict", 'edition_metadata = ["x"]\n', r"must be a dict"),
    conf_case("conf-metadata-unknown-key", 'edition_metadata = {"autor": "x"}\n', r"autor"),
    conf_case(
        "conf-metadata-malformed-date", 'edition_metadata = {"date": "3 May 2026"}\n', r"date"
    ),
    conf_case(
        "conf-metadata-impossible-date", 'edition_metadata = {"date": "2026-13-45"}\n', r"date"
    ),
    conf_case("conf-metadata-authors-not-names", 'edition_metadata = {"authors": [1]}\n', r"names"),
    conf_case("conf-tei-source-not-a-list", "edition_tei_source = 42\n", r"edition_tei_source"),
    conf_case("conf-tei-source-a-string", 'edition_tei_source = "One paragraph."\n', r"list"),
    conf_case(
        "conf-tei-principles-not-text", 'edition_tei_principles = ["ok", 3]\n', r"not a string"
    ),
    conf_case(
        "conf-tei-documents-unhashable", 'edition_tei_documents = [["chapter"]]\n', r"not a string"
    ),
    conf_case("conf-tei-documents-a-dict", 'edition_tei_documents = {"a": 1}\n', r"list"),
    conf_case(
        "conf-assigned-twice-last-line",
        'edition_sidenotes = True\nedition_sidenotes = "no"\n',
        r"True or False",
        line=CONF_LINE + 1,
    ),
    Case(
        "conf-downloads-a-tuple",
        chapter=NOTE,
        conf='edition_downloads = ("bib", "ris")\n',
        notes=1,
        kept=("KEEP config",),
        why="a tuple of formats is as good as a list",
    ),
    Case(
        "conf-tei-documents-a-tuple",
        chapter=NOTE,
        conf='edition_tei_documents = ("chapter",)\n',
        notes=1,
        kept=("KEEP config",),
        why="a tuple of documents is as good as a list",
    ),
]
