import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

project = "Themes test"
version = release = "1.0"
copyright = "2024, The edition team"
extensions = ["myst_parser", "sphinx_edition", "periodstub"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
edition_themes = {
    "arms": "Arms control",
    "nato": {"label": "NATO enlargement", "description": "The alliance moves east."},
    "aid": "Economic aid",
}
edition_theme_excerpt_chars = 40
