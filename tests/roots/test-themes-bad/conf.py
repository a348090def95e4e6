project = "Themes bad input"
extensions = ["myst_parser", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
edition_themes = {"arms": "Arms control", "nato": "NATO"}
