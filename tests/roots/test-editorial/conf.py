extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "oxford"
root_doc = "index"
exclude_patterns = ["_build"]
latex_documents = [("index", "editorial.tex", "Editorial", "Tester", "manual")]
project = "Editorial"
copyright = "2026"
version = release = "1.0"
edition_delivered_notes = "delivered-notes.json"
