"""The Qt-free modules the window's first frame needs, imported before PySide6 is.

Once PySide6 is imported, its import hook (for ``from __feature__ import snake_case``) reads
the whole source of every module imported after it to look for "PySide6": about 0.1 ms a
module. These modules never import PySide6 (a test checks), so loading them first costs
only their own import; ``bowout`` imports this module just before the window's.
"""

from __future__ import annotations

import bowout.core.addressing
import bowout.core.advice
import bowout.core.checklist
import bowout.core.draft
import bowout.core.links
import bowout.core.negotiation
import bowout.gui.context
import bowout.gui.start_cache
import bowout.logsetup  # noqa: F401
