"""Committed notebooks carry the metadata JupyterLab writes, so opening and saving one changes
nothing (the byte-for-byte check with a real JupyterLab is in tests/browser/test_jupyterlab.py)."""

import json

import pytest

from ossetia.notebooks import kernelspec, notebook_paths


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_notebook_metadata_is_what_jupyterlab_writes(path):
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"] == kernelspec() == {"display_name": "Python 3 (ipykernel)", "language": "python",
                                                  "name": "python3"}
    info = meta["language_info"]
    assert info["name"] == "python" and info["version"].startswith("3.")  # as the kernel reports it
