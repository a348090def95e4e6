import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

project = "Themes test"
extensions = ["myst_parser", "edition", "periodstub"]
myst_enable_extensions = ["colon_fence"]
edition_themes = {
    "arms": "Arms control",
    "nato": {"label": "NATO enlargement", "description": "The alliance moves east."},
    "aid": "Economic aid",
}
edition_theme_excerpt_chars = 40
