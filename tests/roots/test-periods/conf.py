project = "Periods"
version = release = "1.0"
copyright = "2026, The edition team"
extensions = ["myst_parser", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
root_doc = "index"
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
