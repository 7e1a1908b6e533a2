"""Use cases both fronts call (the window and the CLI): Qt-free, like core and storage."""
