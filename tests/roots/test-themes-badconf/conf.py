project = "Themes bad configuration"
extensions = ["myst_parser", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
edition_themes = {
    "ok": "A valid theme",
    3: "A theme whose id is not a string",
    "two words": "A theme whose id has a space",
    "number": 5,
    "extra": {"label": "Extra", "colour": "red"},
    "nolabel": {"description": "A description but no label"},
}
