"""The main window: the shell, its collaborators, its commands and menus."""
