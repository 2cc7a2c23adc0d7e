"""The interface's language: English, Russian or Arabic, Qt's own way.

Every string the window shows goes through :func:`translate` (``QCoreApplication.translate``)
with a context named for its module, so ``pyside6-lupdate`` extracts it into
``resources/translations/article_digest_<lang>.ts``; ``pyside6-lrelease`` builds the ``.qm``
files loaded here (``resources/translations/update_translations.py`` runs both). An explicit
context is used rather than ``self.tr()``: PySide6's ``tr`` looks strings up under the class
of the object at run time, so a subclass would miss its base class's translations.

The language follows the system locale until the user picks one in View › Language; the choice
is kept in :class:`~desktop.ui.settings.AppSettings`. Installing a language loads our catalogue
and Qt's own (``qt_<lang>.qm``: the standard dialogs and buttons), which sends every widget a
``LanguageChange`` event (each re-reads its texts then), and lays the whole window out right
to left for Arabic.

The app calls :func:`apply_saved_language` once, after creating the QApplication and before
the window. The digest's texts and the command line are never translated.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLibraryInfo, QLocale, Qt, QTranslator

from models.common import languages
from models.common.languages import ENGLISH
from models.common.types import SentenceFlag
from models.common.wording import is_language_list

if TYPE_CHECKING:
    from desktop.ui.settings import AppSettings

log = logging.getLogger(__name__)

#: The interface's languages (the language table's ``interface`` ones), each named in itself
#: (the View › Language entries; never translated).
UI_LANGUAGES: dict[str, str] = {code: languages.native_name(code) for code in languages.interface_languages()}
DEFAULT_LANGUAGE = ENGLISH
#: Our catalogue's file name before ``_<lang>.qm``.
CATALOGUE = "article_digest"

translate = QCoreApplication.translate


class TranslationContext:
    """A context for the strings of a module's plain functions: ``Notices =
    TranslationContext("Notices")``, then ``Notices.tr("%n models are missing", "", count)``.

    lupdate files a ``tr`` call under the name it is called on, and reads plural forms only
    from ``tr`` calls (``translate(context, text, "", count)`` comes out without them), so
    plurals are written ``NAME.tr(...)`` here and ``self.tr(...)`` in a QObject whose class
    name is its module's context.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(self.name, text, disambiguation, n)

#: The app's name as the window title, the About box and the desktop entry show it.
APP_NAME_SOURCE = QT_TRANSLATE_NOOP("Application", "Article Digest")
_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def app_display_name() -> str:
    """"Article Digest" in the interface's language."""
    return translate("Application", APP_NAME_SOURCE)


def language_name(code: str) -> str:
    """An article or digest language's name in the interface's language ("ru" -> "Russian",
    "русский"…)."""
    return translate("Language", languages.name(code))


def translations_dir() -> Path | None:
    """The folder of our ``.qm`` files (in a checkout, a wheel's data files or the bundle)."""
    from desktop.resources import resources_dir

    folder = resources_dir()
    found = folder / "translations" if folder is not None else None
    return found if found is not None and found.is_dir() else None


def qt_translations_dir() -> str:
    """Where Qt's own ``qt_<lang>.qm`` files are (inside PySide6, or the bundle's copy)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def system_language(locale: QLocale | None = None) -> str:
    """The first of the user's preferred languages the interface speaks; English otherwise."""
    for name in (locale or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-", 1)[0].lower()
        if code in UI_LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language installed last (English before any)."""
    return _current


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Show the interface in ``language``: drop the translators installed before, load Qt's
    catalogue and ours for it, set the layout direction. Returns the catalogues loaded; a
    missing one is logged and the interface stays English there."""
    global _current
    language = language if language in UI_LANGUAGES else DEFAULT_LANGUAGE
    while _installed:
        app.removeTranslator(_installed.pop())
    loaded: list[str] = []
    # English has a catalogue too, of plural forms only: "%n articles" must read "1 article".
    catalogues: list[tuple[tuple[str, ...], Path | None]] = [((f"{CATALOGUE}_{language}",), translations_dir())]
    if language != DEFAULT_LANGUAGE:
        # qt_<lang>.qm pulls in every Qt module's catalogue and fails to load when one is
        # missing (PySide6-Essentials ships few); qtbase_<lang>.qm has the dialogs and buttons.
        catalogues.insert(0, ((f"qt_{language}", f"qtbase_{language}"), Path(qt_translations_dir())))
    for names, folder in catalogues:
        translator = QTranslator(app)
        name = next((name for name in names if folder is not None and translator.load(name, str(folder))), None)
        if name is None:
            log.warning("no translation catalogue %s in %s", " or ".join(names), folder)
            continue
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(name)
    _current = language
    direction = Qt.LayoutDirection.RightToLeft if languages.is_right_to_left(language) else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)  # type: ignore[attr-defined]
    if hasattr(app, "setApplicationDisplayName"):
        app.setApplicationDisplayName(app_display_name())  # type: ignore[attr-defined]
    # Widgets hear of the change through posted events: deliver them now, so every text is
    # in the new language when this returns.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return loaded


def saved_language(settings: AppSettings) -> str:
    """The language chosen in View › Language, or the system's when none was chosen."""
    chosen = settings.interface_language
    return chosen if chosen in UI_LANGUAGES else system_language()


def apply_saved_language(app: QCoreApplication, settings: AppSettings | None = None) -> str:
    """Install the remembered (or the system's) language; call once before making the window.
    Returns the language."""
    from desktop.ui.settings import AppSettings

    language = saved_language(settings if settings is not None else AppSettings())
    install_translators(app, language)
    return language


def switch_language(app: QCoreApplication, language: str, settings: AppSettings) -> str:
    """View › Language: show the interface in ``language`` now and remember it."""
    install_translators(app, language)
    settings.interface_language = current_language()
    return current_language()


Steps = TranslationContext("Steps")
Checks = TranslationContext("Checks")
Reading = TranslationContext("Reading")
Models = TranslationContext("Models")


def say(text: str, context: TranslationContext) -> str:
    """Text the core wrote, in the interface's language: a
    :class:`~models.common.wording.Wording` (a step, a flag's reason, why an article cannot be
    read, an article's notice, a missing model, a download's progress) is said sentence by
    sentence from the translations of ``context``; other text as it is."""
    sentences = getattr(text, "sentences", None)
    if not sentences:
        return text
    said = []
    for template, values in sentences:
        shown = {key: _say_value(key, value, context) for key, value in values.items()}
        try:
            said.append(context.tr(template).format(**shown))
        except (KeyError, IndexError, ValueError):  # a translation whose placeholders are wrong
            return str(text)
    return " ".join(said)


def _say_value(key: str, value: object, context: TranslationContext) -> str:
    """One value of a wording's sentence, as :mod:`models.common.wording` says values are said."""
    if key == "language":
        return language_name(str(value))
    if key == "language_name":
        return translate("Language", str(value))
    if is_language_list(key) and isinstance(value, (list, tuple)):
        return listed([language_name(str(code)) for code in value])
    if key == "script":
        return context.tr(str(value))
    if isinstance(value, (list, tuple)):
        return listed([_say_part(item, context) for item in value])
    return _say_part(value, context)


def _say_part(value: object, context: TranslationContext) -> str:
    """A value as it is, or a wording inside a wording said in the interface's language."""
    return say(value, context) if isinstance(value, str) else str(value)


def listed(items: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c" in the interface's language."""
    if len(items) < 2:
        return "".join(items)
    comma = Checks.tr(", ", "between the items of a list but the last two")
    return Checks.tr("{items} and {last}").format(items=comma.join(items[:-1]), last=items[-1])


def say_step(step: str) -> str:
    """A digest's step in the interface's language ("Summarising 1/3")."""
    return say(step, Steps)


def flag_line(flag: SentenceFlag) -> str:
    """A flag as its tooltip and the status bar show it: its name, then its reason."""
    return Checks.tr("{flag}: {reason}").format(flag=Checks.tr(flag.check.title), reason=say(flag.reason, Checks))


def task_title(task: str) -> str:
    """What a task's model is for, in the interface's language: "Summary", "Russian
    translation", "Russian to English" (the catalogue's English label for a task the window
    does not name)."""
    from models.inventory.catalog import SUMMARIZE, task_label, translation_languages

    if task == SUMMARIZE:
        return translate("Language", "Summary")
    if task.startswith("translate-"):
        source, target = translation_languages(task)
        if source == ENGLISH and languages.language(target) is not None:
            return translate("Language", "{language} translation").format(language=language_name(target))
        if target == ENGLISH and languages.language(source) is not None:
            # A title: its first letter a capital, though a name in a sentence is written in
            # lower case in Russian ("русский → английский").
            title = translate("Language", "{language} to English").format(language=language_name(source))
            return title[:1].upper() + title[1:]
    return task_label(task)


def isolate(text: str) -> str:
    """``text`` as one unit of its own direction inside a translated sentence (Unicode's first
    strong isolate): a model id, a date or a file name set into Arabic keeps its order and
    does not pull the Arabic words around it out of theirs."""
    return f"\u2068{text}\u2069"
