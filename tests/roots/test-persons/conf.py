import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

project = "Persons test"
version = release = "1.0"
copyright = "2026, The edition team"
extensions = ["myst_parser", "sphinx_edition", "persons"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
root_doc = "index"
latex_documents = [("index", "persons.tex", "Persons", "Tester", "manual")]
