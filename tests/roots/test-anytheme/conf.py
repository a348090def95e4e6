# A small book with every feature of the extension, built in each supported HTML theme
# (html_theme is set by the tests); no template of its own.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "oxford"
root_doc = "index"
exclude_patterns = ["_build"]
project = "Any Théme Book"
author = "Tester"
copyright = "2026"
version = release = "1.0"
language = "en"
edition_themes = {"arms": "Arms control", "nato": "NATO enlargement"}
edition_downloads = ["pdf", "epub", "bib"]
