"""`python -m bowout` runs the same front door as the `bowout` command."""

import sys

from bowout.cli import main

sys.exit(main())
