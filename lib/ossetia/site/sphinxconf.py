"""Sphinx settings of the reading site (the staged conf.py imports this module)."""

from ..paths import PACKAGE_DIR

project = "Ossetia notebooks"
author = "Ossetia notebooks contributors"
copyright = "the contributors (MIT licence)"
language = "en"
root_doc = "README"
extensions = ["myst_nb", "ossetia.site.sphinxext"]
exclude_patterns = ["_build", "**.ipynb_checkpoints", "conf.py"]

# Build from the committed, executed notebooks: never run them.
nb_execution_mode = "off"
nb_merge_streams = True
nb_ipywidgets_js = {}          # no widget scripts from a CDN
myst_heading_anchors = 3        # [text](#section-title) links inside notebooks
suppress_warnings = ["mystnb.unknown_mime_type"]

html_theme = "furo"
html_title = "Ossetia notebooks"
html_static_path = [str(PACKAGE_DIR / "site" / "static")]
html_css_files = ["ossetia.css"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_permalinks = True
