"""The Qt window: the main window and its parts, the background runner, the dialogs, settings.

Importing :mod:`desktop.ui` imports Qt (PySide6-Essentials) but never torch or transformers:
digests run in the engine's child process (:mod:`models.digest.process`), which the window
starts a second after it shows; the import contracts in ``pyproject.toml`` keep it so.
"""
