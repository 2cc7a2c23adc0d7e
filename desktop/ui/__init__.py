"""The Qt window of Article Digest: main window, panes, background jobs, dialogs, settings.

Importing :mod:`desktop.ui` imports Qt (PySide6-Essentials) but never torch or transformers:
the engine is imported lazily on the worker thread when the first digest runs.
"""
