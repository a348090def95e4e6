extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_edition"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "oxford"
root_doc = "index"
exclude_patterns = ["_build"]
project = "Contents"
copyright = "2026"
version = release = "1.0"
