"""Opening a committed notebook in JupyterLab and saving it changes no byte.

A real JupyterLab (this environment's, on 127.0.0.1, in a private Jupyter config/data folder)
driven by Chromium: each notebook is opened, its kernel started (JupyterLab then writes the
kernel's kernelspec and language_info into the notebook model, which is what rewrote notebooks
before), and saved with Ctrl+S; the file on disk must be byte-identical. This is faithful where a
contents-manager round trip is not: the frontend's model (metadata from the kernel, cell ids,
output serialisation) is what a user's save writes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ossetia.notebooks import notebook_paths
from ossetia.paths import NOTEBOOKS_DIR
from sitehelp import SHOTS, Watched

NOTEBOOKS = notebook_paths()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        pytest.fail("JupyterLab is missing: `make site-test` installs the lab extra")
    root = tmp_path_factory.mktemp("lab")
    work = root / "notebooks"
    shutil.copytree(NOTEBOOKS_DIR, work, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    port, token = _free_port(), "ossetia-test"
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(root / "config"), JUPYTER_DATA_DIR=str(root / "data"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"), IPYTHONDIR=str(root / "ipython"),
               JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"))
    log = (root / "lab.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}", "--ServerApp.port_retries=0",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--LabApp.extension_manager=readonly", "--LabApp.expose_app_in_browser=True"] + (["--allow-root"] if os.geteuid() == 0 else []),
        env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab did not start: {(root / 'lab.log').read_text(encoding='utf-8')[-2000:]}")
            time.sleep(0.5)
    yield url, token, work
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def open_and_save(browser, lab, name: str) -> tuple[bytes, bytes]:
    """Open ``name`` in JupyterLab, wait for its kernel, save it; the file's bytes before and after."""
    url, token, work = lab
    path = work / name
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    w = Watched(browser, 1280, 900)
    try:
        page = w.page
        page.goto(f"{url}/lab/tree/{name}?reset&token={token}", timeout=60_000)
        # the kernel has started and answered: its name and "Idle" in the status bar
        page.locator(".jp-Notebook:visible").first.wait_for(timeout=60_000)
        page.get_by_text("Python 3 (ipykernel) | Idle").first.wait_for(timeout=90_000)
        assert page.evaluate("window.jupyterapp.shell.currentWidget.context.path") == name
        # File > Save Notebook (the command Ctrl+S runs), on the notebook just opened
        page.evaluate("window.jupyterapp.commands.execute('docmanager:save')")
        deadline = time.monotonic() + 30
        while path.stat().st_mtime_ns == mtime and time.monotonic() < deadline:
            time.sleep(0.25)
        if path.stat().st_mtime_ns == mtime:
            page.screenshot(path=str(SHOTS / f"jupyterlab-{Path(name).stem}.png"))
            pytest.fail(f"JupyterLab did not save {name}")
        time.sleep(0.5)
        assert w.outside == [], w.outside
        return before, path.read_bytes()
    finally:
        w.close()


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_open_and_save_in_jupyterlab_changes_no_byte(browser, lab, nb):
    before, after = open_and_save(browser, lab, nb.name)
    if after != before:
        import difflib
        diff = difflib.unified_diff(before.decode("utf-8").splitlines(), after.decode("utf-8").splitlines(),
                                    "committed", "saved by JupyterLab", n=1, lineterm="")
        pytest.fail(f"{nb.name} changed on save:\n" + "\n".join(list(diff)[:40]))


def test_the_save_check_sees_what_jupyterlab_rewrites(browser, lab):
    """Not vacuous: a notebook with the metadata written before (display name "Python 3", no
    Python version) is rewritten by the same open-and-save."""
    import json
    _, _, work = lab
    nb = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    nb["metadata"]["kernelspec"]["display_name"] = "Python 3"
    nb["metadata"]["language_info"].pop("version", None)
    (work / "old-metadata.ipynb").write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    before, after = open_and_save(browser, lab, "old-metadata.ipynb")
    assert before != after
    saved = json.loads(after)
    assert saved["metadata"]["kernelspec"]["display_name"] == "Python 3 (ipykernel)"
    assert "version" in saved["metadata"]["language_info"]
