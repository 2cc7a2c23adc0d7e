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

from models.common.types import ARTICLE_LANGUAGES, ENGLISH, FLAG_CHECKS, LANGUAGE_NAMES, SentenceFlag
from models.common.wording import is_language_list

if TYPE_CHECKING:
    from desktop.ui.settings import AppSettings

log = logging.getLogger(__name__)

#: The interface's languages, each named in itself (the View › Language entries; never translated).
UI_LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский", "ar": "العربية"}
DEFAULT_LANGUAGE = "en"
RIGHT_TO_LEFT = frozenset({"ar"})
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
#: The languages' names as the core spells them (``ARTICLE_LANGUAGES``), marked for lupdate.
_LANGUAGE_NAMES = (
    QT_TRANSLATE_NOOP("Language", "English"), QT_TRANSLATE_NOOP("Language", "Russian"), QT_TRANSLATE_NOOP("Language", "Arabic"),
)
#: The names of the other languages an article may be detected in
#: (``models.documents.read.LANGUAGE_DISPLAY_NAMES``), as an article's notice names them; a test
#: keeps the two lists the same.
DETECTED_LANGUAGE_NAMES = (
    QT_TRANSLATE_NOOP("Language", "Afrikaans"), QT_TRANSLATE_NOOP("Language", "Amharic"),
    QT_TRANSLATE_NOOP("Language", "Azerbaijani"), QT_TRANSLATE_NOOP("Language", "Belarusian"),
    QT_TRANSLATE_NOOP("Language", "Bulgarian"), QT_TRANSLATE_NOOP("Language", "Bengali"),
    QT_TRANSLATE_NOOP("Language", "Bosnian"), QT_TRANSLATE_NOOP("Language", "Catalan"),
    QT_TRANSLATE_NOOP("Language", "Czech"), QT_TRANSLATE_NOOP("Language", "Welsh"),
    QT_TRANSLATE_NOOP("Language", "Danish"), QT_TRANSLATE_NOOP("Language", "German"),
    QT_TRANSLATE_NOOP("Language", "Greek"), QT_TRANSLATE_NOOP("Language", "Esperanto"),
    QT_TRANSLATE_NOOP("Language", "Spanish"), QT_TRANSLATE_NOOP("Language", "Estonian"),
    QT_TRANSLATE_NOOP("Language", "Basque"), QT_TRANSLATE_NOOP("Language", "Persian"),
    QT_TRANSLATE_NOOP("Language", "Finnish"), QT_TRANSLATE_NOOP("Language", "French"),
    QT_TRANSLATE_NOOP("Language", "Irish"), QT_TRANSLATE_NOOP("Language", "Galician"),
    QT_TRANSLATE_NOOP("Language", "Gujarati"), QT_TRANSLATE_NOOP("Language", "Hausa"),
    QT_TRANSLATE_NOOP("Language", "Hebrew"), QT_TRANSLATE_NOOP("Language", "Hindi"),
    QT_TRANSLATE_NOOP("Language", "Croatian"), QT_TRANSLATE_NOOP("Language", "Hungarian"),
    QT_TRANSLATE_NOOP("Language", "Armenian"), QT_TRANSLATE_NOOP("Language", "Indonesian"),
    QT_TRANSLATE_NOOP("Language", "Icelandic"), QT_TRANSLATE_NOOP("Language", "Italian"),
    QT_TRANSLATE_NOOP("Language", "Japanese"), QT_TRANSLATE_NOOP("Language", "Georgian"),
    QT_TRANSLATE_NOOP("Language", "Kazakh"), QT_TRANSLATE_NOOP("Language", "Khmer"),
    QT_TRANSLATE_NOOP("Language", "Kannada"), QT_TRANSLATE_NOOP("Language", "Korean"),
    QT_TRANSLATE_NOOP("Language", "Kurdish"), QT_TRANSLATE_NOOP("Language", "Kyrgyz"),
    QT_TRANSLATE_NOOP("Language", "Latin"), QT_TRANSLATE_NOOP("Language", "Luxembourgish"),
    QT_TRANSLATE_NOOP("Language", "Lao"), QT_TRANSLATE_NOOP("Language", "Lithuanian"),
    QT_TRANSLATE_NOOP("Language", "Latvian"), QT_TRANSLATE_NOOP("Language", "Macedonian"),
    QT_TRANSLATE_NOOP("Language", "Malayalam"), QT_TRANSLATE_NOOP("Language", "Mongolian"),
    QT_TRANSLATE_NOOP("Language", "Marathi"), QT_TRANSLATE_NOOP("Language", "Malay"),
    QT_TRANSLATE_NOOP("Language", "Maltese"), QT_TRANSLATE_NOOP("Language", "Burmese"),
    QT_TRANSLATE_NOOP("Language", "Nepali"), QT_TRANSLATE_NOOP("Language", "Dutch"),
    QT_TRANSLATE_NOOP("Language", "Norwegian Nynorsk"), QT_TRANSLATE_NOOP("Language", "Norwegian"),
    QT_TRANSLATE_NOOP("Language", "Punjabi"), QT_TRANSLATE_NOOP("Language", "Polish"),
    QT_TRANSLATE_NOOP("Language", "Pashto"), QT_TRANSLATE_NOOP("Language", "Portuguese"),
    QT_TRANSLATE_NOOP("Language", "Romanian"), QT_TRANSLATE_NOOP("Language", "Sinhala"),
    QT_TRANSLATE_NOOP("Language", "Slovak"), QT_TRANSLATE_NOOP("Language", "Slovenian"),
    QT_TRANSLATE_NOOP("Language", "Somali"), QT_TRANSLATE_NOOP("Language", "Albanian"),
    QT_TRANSLATE_NOOP("Language", "Serbian"), QT_TRANSLATE_NOOP("Language", "Swedish"),
    QT_TRANSLATE_NOOP("Language", "Swahili"), QT_TRANSLATE_NOOP("Language", "Tamil"),
    QT_TRANSLATE_NOOP("Language", "Telugu"), QT_TRANSLATE_NOOP("Language", "Tajik"),
    QT_TRANSLATE_NOOP("Language", "Thai"), QT_TRANSLATE_NOOP("Language", "Turkmen"),
    QT_TRANSLATE_NOOP("Language", "Tagalog"), QT_TRANSLATE_NOOP("Language", "Turkish"),
    QT_TRANSLATE_NOOP("Language", "Tatar"), QT_TRANSLATE_NOOP("Language", "Uyghur"),
    QT_TRANSLATE_NOOP("Language", "Ukrainian"), QT_TRANSLATE_NOOP("Language", "Urdu"),
    QT_TRANSLATE_NOOP("Language", "Uzbek"), QT_TRANSLATE_NOOP("Language", "Vietnamese"),
    QT_TRANSLATE_NOOP("Language", "Yoruba"), QT_TRANSLATE_NOOP("Language", "Chinese"),
    QT_TRANSLATE_NOOP("Language", "Zulu"),
)

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def app_display_name() -> str:
    """"Article Digest" in the interface's language."""
    return translate("Application", APP_NAME_SOURCE)


def language_name(code: str) -> str:
    """An article or digest language's name in the interface's language ("ru" -> "Russian",
    "русский"…)."""
    name = ARTICLE_LANGUAGES.get(code, code)
    return translate("Language", name)


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
    direction = Qt.LayoutDirection.RightToLeft if language in RIGHT_TO_LEFT else Qt.LayoutDirection.LeftToRight
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


#: The digest's steps (``models.common.steps.STEP_TEMPLATES``), marked for lupdate; a test
#: keeps the two lists the same.
STEP_TEMPLATES = (
    QT_TRANSLATE_NOOP("Steps", "Starting"),
    QT_TRANSLATE_NOOP("Steps", "Models ready"),
    QT_TRANSLATE_NOOP("Steps", "Done"),
    QT_TRANSLATE_NOOP("Steps", "Summarising {part}/{parts}"),
    QT_TRANSLATE_NOOP("Steps", "Combining summaries"),
    QT_TRANSLATE_NOOP("Steps", "Translating summary to {language}"),
    QT_TRANSLATE_NOOP("Steps", "Translating article to {language}"),
    QT_TRANSLATE_NOOP("Steps", "Translating article from {language} to English"),
    QT_TRANSLATE_NOOP("Steps", "Loading the summary model"),
    QT_TRANSLATE_NOOP("Steps", "Loading the {language} translation model"),
    QT_TRANSLATE_NOOP("Steps", "Loading the {language}-to-English model"),
)


#: The reasons the engine gives for flagging a sentence (``models.digest.checks.REASON_TEMPLATES``),
#: the script names they may hold and the flags' names (``FLAG_CHECKS``), marked for lupdate.
REASON_TEMPLATES = (
    QT_TRANSLATE_NOOP("Checks", "The number {number} in the source is missing here."),
    QT_TRANSLATE_NOOP("Checks", "The numbers {numbers} in the source are missing here."),
    QT_TRANSLATE_NOOP("Checks", "The number {number} here is not in the source."),
    QT_TRANSLATE_NOOP("Checks", "The numbers {numbers} here are not in the source."),
    QT_TRANSLATE_NOOP("Checks", "This looks untranslated: most of it is in Latin script, not {language}."),
    QT_TRANSLATE_NOOP("Checks", "This looks like the wrong language: most of it is not in {script} script."),
    QT_TRANSLATE_NOOP("Checks", "This looks like the wrong language: most of it is in {script} script, not {language}."),
    QT_TRANSLATE_NOOP("Checks", "This looks untranslated: it is the same as the English source."),
    QT_TRANSLATE_NOOP("Checks", "This looks untranslated: it is nearly the same as the English source."),
    QT_TRANSLATE_NOOP("Checks", "A phrase repeats: {phrase}."),
    QT_TRANSLATE_NOOP("Checks", "A phrase appears {times} times: {phrase}."),
    QT_TRANSLATE_NOOP("Checks", "This translation is {ratio} times as long as the English; it may repeat itself or add things."),
    QT_TRANSLATE_NOOP("Checks", "This translation is much shorter than the English ({percent}% of its length); part of it may be missing."),
    QT_TRANSLATE_NOOP("Checks", "This summary sentence names {names}, which the article does not mention."),
    QT_TRANSLATE_NOOP("Checks", "This summary sentence gives the number {numbers}, which the article does not mention."),
    QT_TRANSLATE_NOOP("Checks", "This summary sentence gives the numbers {numbers}, which the article does not mention."),
    QT_TRANSLATE_NOOP("Checks", "The translation model was unsure of this sentence (confidence {confidence})."),
    QT_TRANSLATE_NOOP("Checks", "“{part}” (in “{name}”)"),
)
SCRIPT_NAMES = (QT_TRANSLATE_NOOP("Checks", "Latin"), QT_TRANSLATE_NOOP("Checks", "Cyrillic"), QT_TRANSLATE_NOOP("Checks", "Arabic"))
FLAG_NAMES = (
    QT_TRANSLATE_NOOP("Checks", "Numbers"), QT_TRANSLATE_NOOP("Checks", "Untranslated"), QT_TRANSLATE_NOOP("Checks", "Repetition"),
    QT_TRANSLATE_NOOP("Checks", "Low confidence"), QT_TRANSLATE_NOOP("Checks", "Not in the article"),
)


#: Why an article cannot be read (``models.documents.read.READ_REASON_TEMPLATES``), what a
#: folder's drop left out (``read.FOLDER_NOTE_TEMPLATES``) and why a link gives no article
#: (``models.documents.fetch.FETCH_REASON_TEMPLATES``), marked for lupdate; a test keeps the
#: lists the same.
READING_TEMPLATES = (
    QT_TRANSLATE_NOOP("Reading", "is not a file path ({error})"),
    QT_TRANSLATE_NOOP("Reading", "is not text ({type})"),
    QT_TRANSLATE_NOOP("Reading", "file not found"),
    QT_TRANSLATE_NOOP("Reading", "is a folder, not a file"),
    QT_TRANSLATE_NOOP("Reading", "is not a regular file"),
    QT_TRANSLATE_NOOP("Reading", "permission denied"),
    QT_TRANSLATE_NOOP("Reading", "cannot be opened ({error})"),
    QT_TRANSLATE_NOOP("Reading", "cannot be read ({error})"),
    QT_TRANSLATE_NOOP("Reading", "could not be read ({error})"),
    QT_TRANSLATE_NOOP("Reading", "unsupported file type '{extension}'; supported: {supported}"),
    QT_TRANSLATE_NOOP("Reading", "unsupported file type (no extension); supported: {supported}"),
    QT_TRANSLATE_NOOP("Reading", "unsupported document type '{kind}'; supported: {supported}"),
    QT_TRANSLATE_NOOP("Reading", "is empty"),
    QT_TRANSLATE_NOOP("Reading", "has no text (it is empty or only whitespace)"),
    QT_TRANSLATE_NOOP("Reading", "is too large ({size} MB; the limit is {limit} MB)"),
    QT_TRANSLATE_NOOP("Reading", "is too large to read into memory"),
    QT_TRANSLATE_NOOP("Reading", "is too long ({length} characters of text; the limit is {limit})"),
    QT_TRANSLATE_NOOP("Reading", "is nested too deeply to read (corrupt?)"),
    QT_TRANSLATE_NOOP("Reading", "does not look like prose: its longest word has {length} characters"),
    QT_TRANSLATE_NOOP("Reading", "does not look like prose: it runs on for {length} characters without ending a sentence"),
    QT_TRANSLATE_NOOP("Reading", "is not valid {encoding} text (corrupt?)"),
    QT_TRANSLATE_NOOP("Reading", "looks like binary data, not text"),
    QT_TRANSLATE_NOOP("Reading", "looks like binary data, not text (no text encoding fits)"),
    QT_TRANSLATE_NOOP("Reading", "has no article text (only menus, scripts or an empty page?)"),
    QT_TRANSLATE_NOOP("Reading", "is not a Word document (no word/document.xml inside)"),
    QT_TRANSLATE_NOOP("Reading", "is not a valid .docx file (corrupt or not a zip container)"),
    QT_TRANSLATE_NOOP("Reading", "is not a valid .docx file ({error})"),
    QT_TRANSLATE_NOOP("Reading", "is too large once unpacked ({size} MB)"),
    QT_TRANSLATE_NOOP("Reading", "is a web page, not a PDF (rename it to .html to read it)"),
    QT_TRANSLATE_NOOP("Reading", "is password-protected"),
    QT_TRANSLATE_NOOP("Reading", "is not a valid PDF (corrupt?) ({error})"),
    QT_TRANSLATE_NOOP("Reading", "is not a valid PDF (it has no pages)"),
    QT_TRANSLATE_NOOP("Reading", "is not a valid PDF (no page could be read)"),
    QT_TRANSLATE_NOOP("Reading", "is too long ({pages} pages; the limit is {limit})"),
    QT_TRANSLATE_NOOP("Reading", "is too complex to read (its pages hold too many drawing instructions)"),
    QT_TRANSLATE_NOOP("Reading", "has no text layer (scanned?); only PDFs with selectable text can be read"),
    QT_TRANSLATE_NOOP("Reading", "1 file in '{folder}' is not an article and was skipped"),
    QT_TRANSLATE_NOOP("Reading", "{count} files in '{folder}' are not articles and were skipped"),
    QT_TRANSLATE_NOOP("Reading", "'{folder}' holds no articles ({extensions})"),
    QT_TRANSLATE_NOOP("Reading", "could not open the folder '{folder}': {error}"),
    QT_TRANSLATE_NOOP("Reading", "only the first {limit} files and folders were looked at: there are too many to list"),
    QT_TRANSLATE_NOOP("Reading", "only the first {taken} of {total} articles are taken (the limit is {limit}); the other {left} were left out"),
    QT_TRANSLATE_NOOP("Reading", "only the first {taken} of more than {total} articles are taken (the limit is {limit}); the other {left} were left out"),
    QT_TRANSLATE_NOOP("Reading", "Cannot open '{link}': it is not a valid web link"),
    QT_TRANSLATE_NOOP("Reading", "Cannot open '{link}': only http:// and https:// links can be fetched, not {scheme}: links"),
    QT_TRANSLATE_NOOP("Reading", "holds no link"),
    QT_TRANSLATE_NOOP("Reading", "is too large for a saved link (over {size})"),
    QT_TRANSLATE_NOOP("Reading", "is not a valid .webloc file (corrupt?)"),
    QT_TRANSLATE_NOOP("Reading", "is not a valid Internet Shortcut (.url) file"),
    QT_TRANSLATE_NOOP("Reading", "is not a valid Internet Shortcut (.url) file (no [InternetShortcut] section)"),
    QT_TRANSLATE_NOOP("Reading", "{host} did not answer within {seconds} s"),
    QT_TRANSLATE_NOOP("Reading", "{host} is too slow: {received} of the page came in {seconds} s"),
    QT_TRANSLATE_NOOP("Reading", "{host} did not answer in time"),
    QT_TRANSLATE_NOOP("Reading", "{host} broke off the transfer ({error})"),
    QT_TRANSLATE_NOOP("Reading", "{host} sent a malformed answer ({error})"),
    QT_TRANSLATE_NOOP("Reading", "{host} broke off the connection"),
    QT_TRANSLATE_NOOP("Reading", "{url}: the server sent it on to '{scheme}:', which is not fetched (only http and https are)"),
    QT_TRANSLATE_NOOP("Reading", "{url}: the server sent it on to an address that is not fetched"),
    QT_TRANSLATE_NOOP("Reading", "{url}: the server sent it on to an address that is not fetched (HTTP {code})"),
    QT_TRANSLATE_NOOP("Reading", "{url}: too many redirects (more than {limit})"),
    QT_TRANSLATE_NOOP("Reading", "{url}: the page is too large (over {size})"),
    QT_TRANSLATE_NOOP("Reading", "{url}: the server answered {code}"),
    QT_TRANSLATE_NOOP("Reading", "{url}: the server answered {code} {status}"),
    QT_TRANSLATE_NOOP("Reading", "Could not reach {host}: no network connection? (the name {name} was not found)"),
    QT_TRANSLATE_NOOP("Reading", "Could not make a secure connection to {host}: {error}"),
    QT_TRANSLATE_NOOP("Reading", "Could not reach {host}: the connection was refused (no server there?)"),
    QT_TRANSLATE_NOOP("Reading", "Could not reach {host}: no network connection?"),
    QT_TRANSLATE_NOOP("Reading", "Could not reach {host}: {error}"),
    QT_TRANSLATE_NOOP("Reading", "{url} is an image ({type}), not an article"),
    QT_TRANSLATE_NOOP("Reading", "{url} is a video ({type}), not an article"),
    QT_TRANSLATE_NOOP("Reading", "{url} is a sound file ({type}), not an article"),
    QT_TRANSLATE_NOOP("Reading", "{url} is a font ({type}), not an article"),
    QT_TRANSLATE_NOOP("Reading", "{url} is a file of type {type}, not an article"),
    QT_TRANSLATE_NOOP("Reading", "{url} is a file of no stated type, not an article"),
)
#: What an opened article's notices say (``models.documents.read.ARTICLE_NOTICE_TEMPLATES``: PDF
#: pages left out, the article's language), marked for lupdate; a test keeps the lists the same.
ARTICLE_NOTICE_TEMPLATES = (
    QT_TRANSLATE_NOOP("Reading", "{failed} of {pages} pages could not be read and were skipped."),
    QT_TRANSLATE_NOOP("Reading", "{skipped} of {pages} pages were too complex to read and were skipped."),
    QT_TRANSLATE_NOOP("Reading", "Only the first {read} of {pages} pages were read: the PDF is slow to read."),
    QT_TRANSLATE_NOOP("Reading", "The article looks like {language}; it will be machine-translated into English before summarising."),
    QT_TRANSLATE_NOOP(
        "Reading",
        "The article looks like {language_name}; the summary may be poor: only articles in {languages} are supported "
        "({translated_languages} ones are machine-translated into English first).",
    ),
)
#: What the inventory says of a model that is missing or unusable
#: (``models.inventory.installed.MISSING_MODEL_TEMPLATES``), marked for lupdate.
#: The sentence that lists the places a model was looked for (the banner leaves it to its tooltip).
LOOKED_IN = QT_TRANSLATE_NOOP("Models", "(looked in {places})")
MODEL_TEMPLATES = (
    QT_TRANSLATE_NOOP("Models", "{model} is not installed"),
    LOOKED_IN,
    QT_TRANSLATE_NOOP("Models", "model folder {folder} is unusable: {problems}"),
    QT_TRANSLATE_NOOP("Models", "the folder chosen for {model}, {folder}, is unusable: {problems}"),
    QT_TRANSLATE_NOOP("Models", "Summary model:"),
    QT_TRANSLATE_NOOP("Models", "{language} translation model:"),
    QT_TRANSLATE_NOOP("Models", "{language}-to-English translation model:"),
    QT_TRANSLATE_NOOP("Models", "{task} model:"),
)
#: A download's progress (``models.inventory.downloads.DOWNLOAD_STATUS_TEMPLATES``), marked for lupdate.
DOWNLOAD_STATUS_TEMPLATES = (
    QT_TRANSLATE_NOOP("Models", "{model}: {file} {file_done} of {file_size}; model {done} of {total}"),
    QT_TRANSLATE_NOOP("Models", "— {rate}/s"),
)


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
    return Checks.tr("{flag}: {reason}").format(
        flag=Checks.tr(FLAG_CHECKS.get(flag.check, flag.check)), reason=say(flag.reason, Checks))


def task_title(task: str) -> str:
    """What a task's model is for, in the interface's language: "Summary", "Russian
    translation", "Russian to English" (the catalogue's English label for a task the window
    does not name)."""
    from models.inventory.catalog import SUMMARIZE, task_label, translation_languages

    if task == SUMMARIZE:
        return translate("Language", "Summary")
    if task.startswith("translate-"):
        source, target = translation_languages(task)
        if source == ENGLISH and target in LANGUAGE_NAMES:
            return translate("Language", "{language} translation").format(language=language_name(target))
        if target == ENGLISH and source in ARTICLE_LANGUAGES:
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
