"""Dialogs: each offers a classmethod ``ask(parent, ...)`` tests can replace."""
