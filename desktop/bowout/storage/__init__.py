"""The private history: records, schema, crash-safe TinyDB storage, lock, backups.

Pure Python: this package never imports PySide6.
"""
