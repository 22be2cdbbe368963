# Loaded by every pytest run from the project root (unit tests and nbval alike): the notebook
# kernels that nbval starts inherit this, so outputs match those stored by `make notebooks`.
import os

os.environ["PYTHONHASHSEED"] = "0"
