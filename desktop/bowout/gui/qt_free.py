"""The Qt-free modules the window's first frame needs, imported before PySide6 is.

Once PySide6 is imported, its import hook (for ``from __feature__ import snake_case``) reads
the whole source of every module imported after it to look for "PySide6": about 0.1 ms a
module. These modules never import PySide6 (a test checks), so loading them first costs
only their own import; ``bowout`` imports this module just before the window's. Every
Qt-free module the first frame loads is listed (a test checks that too).
"""

from __future__ import annotations

import nh3  # noqa: F401 - the editor's HTML cleaner

import bowout.core.addressing
import bowout.core.advice
import bowout.core.checklist
import bowout.core.counting
import bowout.core.draft
import bowout.core.links
import bowout.core.negotiation
import bowout.core.tone_words
import bowout.gui.context
import bowout.gui.start_cache
import bowout.gui.utf16
import bowout.gui.widgets
import bowout.gui.window.lifecycle
import bowout.gui.window.shared
import bowout.gui.window.start_messages
import bowout.logsetup  # noqa: F401
