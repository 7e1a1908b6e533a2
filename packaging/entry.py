"""The frozen app's entry script: the same front door as the ``bowout`` command."""

from __future__ import annotations

import sys

from bowout.cli import main
from bowout.winconsole import attach_parent_console

if __name__ == "__main__":
    attach_parent_console(sys.argv)  # Windows: let `bowout draft ...` print in the terminal
    sys.exit(main())
