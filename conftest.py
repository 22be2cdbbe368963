# Loaded by every pytest run from the project root (unit tests and nbval alike): the notebook
# kernels that nbval starts inherit this, so outputs match those stored by `make notebooks`.
import os

os.environ["PYTHONHASHSEED"] = "0"


# The browser tests of the reading site (tests/browser/) need a built site/ and Chromium: they run
# with `make site-test` (pytest tests/browser --site), never in the default `make test` run.
def pytest_addoption(parser):
    parser.addoption("--site", action="store_true", help="run the browser tests of site/ (tests/browser)")


def pytest_ignore_collect(collection_path, config):
    if collection_path.name == "browser" and collection_path.parent.name == "tests" and not config.getoption("--site"):
        return True
    return None
