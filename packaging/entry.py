"""The frozen app's entry script: the same front door as the ``bowout`` command."""

from __future__ import annotations

import sys

from bowout.cli import main

if __name__ == "__main__":
    sys.exit(main())
