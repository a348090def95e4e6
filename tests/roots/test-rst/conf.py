# A book written in reStructuredText only: no MyST, every directive and role of the extension.
project = "The Entente Cordiale, 1898-1914"
author = "The edition team"
version = release = "1.0"
copyright = "2026, The edition team"
extensions = ["sphinxcontrib.bibtex", "sphinx_edition"]
root_doc = "index"
exclude_patterns = ["_build"]
bibtex_bibfiles = ["works.bib"]
bibtex_default_style = "oxford"
edition_themes = {
    "colonies": "Colonial rivalry",
    "navies": {"label": "Naval power", "description": "Fleets, bases and the arms race at sea."},
    "germany": "The German question",
}
# The notes as the source delivered them, beside the printed ones (``apparatus.rst``).
edition_delivered_notes = "delivered-notes.json"
latex_documents = [("index", "entente.tex", project, author, "manual")]
