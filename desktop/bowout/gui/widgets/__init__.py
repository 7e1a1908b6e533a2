"""Reusable pieces the views are built from (one module per piece)."""
