project = "Bad timeline"
extensions = ["myst_parser", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
root_doc = "index"
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
