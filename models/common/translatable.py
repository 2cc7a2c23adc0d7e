"""The marker for text the core writes for people, so the window's translators find it where
it is written.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; it only marks it.
``pyside6-lupdate`` reads calls by this name in ``models/`` as it does in ``desktop/``
(``resources/translations/update_translations.py`` runs it over both), so each of the core's
templates (a step, a flag's reason, why a file cannot be read, a language's name) is written
once, here in the core, and the window looks it up under ``context``. It is Qt's name for the
same no-op, kept so lupdate recognises it; the core never imports Qt.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """``text``, marked for translation under ``context``."""
    return text
