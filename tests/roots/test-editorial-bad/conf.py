extensions = ["myst_parser", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
root_doc = "index"
exclude_patterns = ["_build"]
project = "Editorial bad input"
copyright = "2026"
bibtex_bibfiles: list[str] = []
