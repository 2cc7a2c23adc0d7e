"""Article Digest's window: the Qt application over the Qt-free core in :mod:`models`.

Importing this package does not import Qt, torch or transformers; the window's modules live
in :mod:`desktop.ui` and are imported only when a window is wanted. ``docs/architecture.md``
describes the layers.
"""
