extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
root_doc = "index"
exclude_patterns = ["_build"]
project = "Reader"
copyright = "2026"
author = "Tester"
version = release = "1.0"
language = "en"
epub_basename = "reader"
epub_identifier = "urn:uuid:0b7f6a4e-1d2c-4b8e-9a3f-5c6d7e8f9a0b"
epub_uid = "reader-book"
epub_scheme = "uuid"
latex_documents = [("index", "reader.tex", "Reader", "Tester", "manual")]
edition_downloads = ["pdf", "epub"]
