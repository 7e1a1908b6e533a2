"""Bow Out: withdraw from a job application without burning bridges."""

__version__ = "0.1.0"
