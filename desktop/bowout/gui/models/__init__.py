"""Qt item models over the history (what the list views show)."""
