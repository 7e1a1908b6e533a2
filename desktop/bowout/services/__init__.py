"""The use cases both fronts call: the window (``bowout.gui``) and the command line.

Qt-free, as ``core`` and ``storage`` are (``tests/core/test_no_qt.py``): each use case takes
a :class:`~bowout.storage.History` and plain values, and raises a
:class:`~bowout.core.errors.BowOutError` subclass for a problem in the user's world.

``records``  a withdrawal's life: save a draft, mark sent (once), undo sent, record a reply
             or a call note, keep a conversation as resolved
``batch``    "tell the others": one atomic, resumable save per application
``profile``  the user's name, email and phone (the signature)
``when``     the times a person types (``--at 2026-12-05`` or ``2026-12-05 14:30``)
``calendar_export``  the follow-ups as a calendar file, kept in step with what was exported
"""
