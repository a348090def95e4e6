# A book on another subject, built with the installed `edition` package only.
project = "The Electric Telegraph, 1837-1866"
version = release = "1.0"
copyright = "2026"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["works.bib"]
bibtex_default_style = "oxford"
edition_themes = {
    "technology": "Technology",
    "business": {"label": "Business", "description": "Companies, capital and tariffs."},
}
html_theme = "basic"
