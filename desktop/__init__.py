"""Article Digest, the application: the Qt window, documents in and digests out, history, the CLI.

Importing this package does not import Qt, torch or transformers; the window's modules
live in :mod:`desktop.ui` and are imported only when a window is wanted.
"""
