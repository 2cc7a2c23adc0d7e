"""The window in Russian and in Arabic: translated menus and texts, Qt's own strings, right to
left in Arabic, plural forms, switching at run time from View › Language, and the choice
remembered after a restart. The ``.desktop`` entry carries the translated name too."""

from __future__ import annotations

import configparser
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import QLocale, QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from desktop.ui.language import apply_saved_language, install_translators, saved_language, system_language
from desktop.ui.settings import AppSettings
from models.common.languages import ENGLISH, interface_languages
from models.common.types import Article
from tests.conftest import REPO_ROOT
from tests.models._document_samples import RUSSIAN_PARAGRAPHS

TRANSLATIONS = REPO_ROOT / "resources" / "translations"
#: The interface languages with a translation of their own (the language table's, but English).
TRANSLATED_INTERFACES = [code for code in interface_languages() if code != ENGLISH]


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def interface(qapp) -> Iterator[None]:
    """Tests here change the interface's language; it is English again afterwards."""
    yield
    install_translators(qapp, "en")


def menu_titles(window) -> dict[str, str]:
    return {menu.objectName(): menu.title() for menu in window.findChildren(QMenu) if menu.objectName()}


def x_in_window(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).x()


def add_articles(window, count: int) -> None:
    while len(window.queue.entries) < count:
        number = len(window.queue.entries) + 1
        window.queue.add_article(Article(title=f"Article {number}", text=f"Text number {number}. It has two sentences."))


def digest_shown(qtbot, window, fakes) -> None:
    assert fakes.open(window, fakes.seed_article)
    with qtbot.waitSignal(window.digest_shown, timeout=10_000):
        window.window_actions.digest_action.trigger()


def test_the_window_starts_in_russian(qapp, interface, settings, make_window) -> None:
    settings.interface_language = "ru"
    assert apply_saved_language(qapp, settings) == "ru"
    window = make_window(settings=settings)
    titles = menu_titles(window)
    assert (titles["fileMenu"], titles["viewMenu"], titles["languageMenu"], titles["helpMenu"]) == (
        "&Файл", "&Вид", "&Язык", "&Справка")
    assert titles["recentMenu"] == "&Недавние файлы" and titles["historyMenu"] == "&История"
    assert window.window_actions.open_action.text() == "&Открыть…"
    assert window.workspace.option_bar.digest_button.text() == "Обработать"
    assert [box.text() for box in window.workspace.option_bar.language_boxes.values()] == ["русский", "арабский"]
    assert window.workspace.generated_pane.tabText(0) == "Резюме"
    assert window.workspace.original_pane.title_label.text() == "Статья не открыта"
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.window_actions.language_actions["ru"].isChecked()
    # Qt's own catalogue is loaded too: the standard buttons speak Russian.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "") == "Закрыть"


def test_the_window_starts_in_arabic_laid_out_right_to_left(qapp, interface, settings, make_window) -> None:
    settings.interface_language = "ar"
    apply_saved_language(qapp, settings)
    window = make_window(settings=settings)
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = menu_titles(window)
    assert (titles["fileMenu"], titles["viewMenu"], titles["helpMenu"]) == ("ملف", "عرض", "مساعدة")
    assert window.workspace.option_bar.digest_button.text() == "لخّص"
    # The splitter's first pane (the article) is on the right, the generated texts on its left.
    add_articles(window, 2)  # the articles list shows once there are several: it comes first, rightmost
    qapp.processEvents()
    workspace = window.workspace
    assert x_in_window(workspace.queue_panel) > x_in_window(workspace.original_pane) > x_in_window(workspace.generated_pane)
    # The menus run from the right: File is right of Help.
    bar = window.menuBar()
    file_action, help_action = bar.actions()[0], bar.actions()[-1]
    assert bar.actionGeometry(file_action).x() > bar.actionGeometry(help_action).x()
    # So do the tabs: Summary, then Русский to its left.
    tabs = window.workspace.generated_pane.tabBar()
    assert tabs.tabRect(0).x() > tabs.tabRect(1).x()
    # The options row too: "Translate into:" at the right, Cancel at the left end.
    assert x_in_window(window.workspace.option_bar.languages_label) > x_in_window(window.workspace.option_bar.cancel_button)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", {1: "1 статья", 2: "2 статьи", 5: "5 статей", 11: "11 статей", 21: "21 статья"}),
        ("ar", {0: "لا مقالات", 1: "مقالة واحدة", 2: "مقالتان", 3: "3 مقالات", 11: "11 مقالة", 100: "100 مقالة"}),
        ("en", {1: "1 article", 2: "2 articles", 11: "11 articles"}),
    ],
)
def test_the_articles_heading_has_the_right_plural_form(qapp, interface, settings, make_window, language, expected) -> None:
    install_translators(qapp, language)
    window = make_window(settings=settings)
    for count, heading in sorted(expected.items()):
        add_articles(window, count)
        assert window.workspace.queue_panel.heading.text().split(" · ")[0] == heading, count


def test_sentences_to_check_have_russian_and_arabic_plural_forms(qapp, interface) -> None:
    from desktop.ui.linking import flag_count_text

    install_translators(qapp, "ru")
    assert [flag_count_text(count) for count in (1, 2, 5, 11, 22)] == [
        "1 предложение для проверки", "2 предложения для проверки", "5 предложений для проверки",
        "11 предложений для проверки", "22 предложения для проверки"]
    install_translators(qapp, "ar")
    assert [flag_count_text(count) for count in (1, 2, 3, 11)] == [
        "جملة واحدة للمراجعة", "جملتان للمراجعة", "3 جمل للمراجعة", "11 جملة للمراجعة"]


def english_sources() -> set[str]:
    """The English strings that read differently in Russian (placeholders cut off at the first one)."""
    found = set()
    for message in ElementTree.parse(TRANSLATIONS / "article_digest_ru.ts").getroot().iter("message"):
        source = message.findtext("source") or ""
        text = re.split(r"\{|%n", source)[0].replace("&", "").strip()
        if len(text) >= 5 and text != (message.findtext("translation") or "").replace("&", "").strip():
            found.add(text)
    return found


def shown_texts(window) -> list[str]:
    """Every text the window shows or tips: labels, buttons, placeholders, tabs, actions, menus,
    the status bar and the window title."""
    texts = [window.windowTitle(), window.statusBar().currentMessage()]
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                texts += [widget.tabText(index), widget.tabToolTip(index)]
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        texts.append(widget.toolTip())
    for action in window.actions():
        texts += [action.text(), action.toolTip(), action.statusTip()]
    return [text.replace("&", "") for text in texts if text]


def test_view_language_switches_every_text_at_run_time_and_back(qapp, interface, settings, make_window, qtbot, fakes) -> None:
    window = make_window(settings=settings)
    digest_shown(qtbot, window, fakes)
    assert menu_titles(window)["fileMenu"] == "&File"
    english = english_sources()
    assert any(text.startswith(source) for text in shown_texts(window) for source in english)  # the check can fail

    window.window_actions.language_actions["ru"].trigger()
    assert menu_titles(window)["fileMenu"] == "&Файл"
    assert window.workspace.option_bar.digest_button.text() == "Обработать"
    assert window.workspace.digest_info_label.text().startswith("Создан ")
    assert window.statusBar().currentMessage() == "Язык интерфейса: Русский."
    article_title = window.article.title  # the article's own text is never translated
    leftovers = sorted({text for text in shown_texts(window) if article_title not in text
                        for source in english if text.startswith(source)})
    assert not leftovers, f"still in English after the switch: {leftovers}"
    assert settings.interface_language == "ru"

    window.window_actions.language_actions["ar"].trigger()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert menu_titles(window)["fileMenu"] == "ملف"
    assert window.workspace.generated_pane.tabText(0) == "الملخص"

    window.window_actions.language_actions["en"].trigger()
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert menu_titles(window)["fileMenu"] == "&File"
    assert window.workspace.option_bar.digest_button.text() == "Digest"
    assert window.window_actions.language_actions["en"].isChecked()


def test_the_banner_says_its_message_again_in_the_new_language(qapp, interface, settings, make_window) -> None:
    window = make_window(settings=settings, check=lambda profile, folder, options, language: ["summarize: distilbart (looked in /x)"])
    assert window.workspace.banner.label.text().startswith("<b>1 model is missing")
    window.window_actions.language_actions["ru"].trigger()
    assert window.workspace.banner.label.text().startswith("<b>Нет 1 модели")
    assert window.workspace.banner.choose_button.text() == "Указать папку моделей…"


def test_the_language_chosen_is_remembered_after_a_restart(qapp, interface, settings, make_window) -> None:
    window = make_window(settings=settings)
    window.window_actions.language_actions["ar"].trigger()
    window.close()
    install_translators(qapp, "en")  # as a new process starts

    reopened = AppSettings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))
    assert apply_saved_language(qapp, reopened) == "ar"
    again = make_window(settings=reopened)
    assert again.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert again.window_actions.language_actions["ar"].isChecked()
    assert QApplication.applicationDisplayName() == "موجز المقالات"


def test_the_system_locale_chooses_until_the_user_does(settings, monkeypatch) -> None:
    assert system_language(QLocale("ru_RU")) == "ru"
    assert system_language(QLocale("ar_EG")) == "ar"
    assert system_language(QLocale("de_DE")) == "en"
    monkeypatch.setattr("desktop.ui.language.system_language", lambda locale=None: "ar")
    assert saved_language(settings) == "ar"
    settings.interface_language = "ru"
    assert saved_language(settings) == "ru"


def test_the_desktop_entry_carries_the_translated_name_and_comment() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(REPO_ROOT / "packaging" / "linux" / "article-digest.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    for language in TRANSLATED_INTERFACES:
        catalogue = ElementTree.parse(TRANSLATIONS / f"article_digest_{language}.ts").getroot()
        name = next(m.findtext("translation") for m in catalogue.iter("message") if m.findtext("source") == "Article Digest")
        assert section[f"Name[{language}]"] == name  # the same name as the window's title
        assert section[f"Comment[{language}]"] and section[f"Comment[{language}]"] != section["Comment"]


def test_the_bundles_carry_the_same_translated_name_and_comment_as_the_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(REPO_ROOT / "packaging" / "linux" / "article-digest.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    installer = (REPO_ROOT / "packaging" / "windows" / "article-digest.iss").read_bytes()
    assert installer.startswith(b"\xef\xbb\xbf")  # Inno Setup reads non-ASCII scripts as UTF-8 only with a BOM
    script = installer.decode("utf-8-sig")
    spec = (REPO_ROOT / "packaging" / "article-digest.spec").read_text(encoding="utf-8")
    assert '"CFBundleLocalizations": ["en", "ru", "ar"]' in spec
    for language in TRANSLATED_INTERFACES:
        name, comment = section[f"Name[{language}]"], section[f"Comment[{language}]"]
        assert f"{language}.AppDisplayName={name}\n" in script and f"{language}.AppComment={comment}\n" in script
        strings = (REPO_ROOT / "packaging" / "macos" / f"{language}.lproj" / "InfoPlist.strings").read_text(encoding="utf-8")
        assert f'"CFBundleDisplayName" = "{name}";' in strings and f'"CFBundleName" = "{name}";' in strings
    assert '"{autoprograms}\\{cm:AppDisplayName}"' in script


def test_the_engine_steps_are_said_in_the_interface_language(open_article, qapp, interface, settings, make_window, qtbot, fakes) -> None:
    import threading

    from models.common import steps
    from models.common.steps import Step

    reported = threading.Event()
    release = threading.Event()

    def run(request, state):
        state.set_status(Step(steps.TRANSLATING_SUMMARY, language="ar"))
        state.set_progress_value(0.5)
        reported.set()
        assert release.wait(5)
        return fakes.fake_digest(request)

    settings.interface_language = "ru"
    apply_saved_language(qapp, settings)
    window = make_window(settings=settings, run=run)
    assert open_article(window, fakes.seed_article)
    window.start_digest()
    qtbot.waitUntil(lambda: window.workspace.progress_row.step_label.text() == "Перевод резюме: арабский", timeout=3000)
    assert window.entry.step == "Translating summary to Arabic"  # the engine's own words stay English
    release.set()
    qtbot.waitUntil(lambda: window.digest is not None, timeout=3000)


@pytest.mark.parametrize("interface_language", TRANSLATED_INTERFACES)
def test_every_template_the_core_writes_for_people_is_marked_where_it_is_written_and_translated(interface_language: str) -> None:
    """The core marks its templates itself (lupdate reads models/ too): each is in the
    catalogue, translated, under the context the window says it in. A template written without
    its mark never reaches the .ts file and fails here."""
    from models.common import languages, steps
    from models.common.flags import REASON_TEMPLATES, FlagKind
    from models.documents import fetch, read
    from models.inventory import downloads, installed
    from tests.desktop.test_translations import TRANSLATIONS, ts_messages

    expected = {
        "Steps": steps.STEP_TEMPLATES,
        "Checks": (*REASON_TEMPLATES, *(kind.title for kind in FlagKind), *(script.name for script in languages.SCRIPTS)),
        "Reading": (*read.READ_REASON_TEMPLATES, *read.FOLDER_NOTE_TEMPLATES, *fetch.FETCH_REASON_TEMPLATES,
                    *read.ARTICLE_NOTICE_TEMPLATES),
        "Models": (*installed.MISSING_MODEL_TEMPLATES, *downloads.DOWNLOAD_STATUS_TEMPLATES),
        "Language": (*(entry.name for entry in languages.LANGUAGES.values()), *read.LANGUAGE_DISPLAY_NAMES.values()),
        "ModelsDialog": tuple(entry.articles_in for entry in languages.LANGUAGES.values() if entry.articles_in),
    }
    translated = {
        (message.context, message.source)
        for message, translation in ts_messages(TRANSLATIONS / f"article_digest_{interface_language}.ts").items()
        if translation is not None and translation.get("type") != "unfinished" and (translation.text or "").strip()
    }
    missing = [f"{context}: {template!r}" for context, templates in expected.items() for template in templates
               if (context, template) not in translated]
    assert not missing, "\n".join(missing)
    assert len(set(read.READ_REASON_TEMPLATES + read.FOLDER_NOTE_TEMPLATES + fetch.FETCH_REASON_TEMPLATES)) == len(
        read.READ_REASON_TEMPLATES + read.FOLDER_NOTE_TEMPLATES + fetch.FETCH_REASON_TEMPLATES)


def test_why_an_article_cannot_be_read_is_said_in_the_interface_language(
    qapp, interface, settings, make_window, drop, qtbot, tmp_path
) -> None:
    from desktop.ui.article_queue import EntryState

    binary = tmp_path / "binary.txt"  # a PNG under a text file's name
    binary.write_bytes((REPO_ROOT / "resources" / "app-icon-256.png").read_bytes())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    settings.interface_language = "ru"
    apply_saved_language(qapp, settings)
    window = make_window(settings=settings)

    drop(window, [binary])  # one file alone: read off the GUI thread, then the status bar says why
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
        "Не удалось открыть binary.txt: похоже на двоичные данные, а не на текст"), timeout=10_000)

    drop(window, [binary, empty])  # several are read on the reading lane, each in the list
    qtbot.waitUntil(
        lambda: len(window.queue.entries) == 3 and all(entry.state is EntryState.UNREADABLE for entry in window.queue.entries),
        timeout=10_000,
    )
    said = {"binary.txt": "похоже на двоичные данные, а не на текст", "empty.txt": "пусто"}
    items = {entry.label: window.workspace.queue_panel.item_of(entry).text() for entry in window.queue.entries[1:]}
    for name, reason in said.items():
        assert reason in items[name], items[name]

    install_translators(qapp, "ar")  # the list says them again in the new language
    texts = [window.workspace.queue_panel.item_of(entry).text() for entry in window.queue.entries[1:]]
    assert "يبدو بيانات ثنائية وليس نصًا" in texts[0] and "فارغ" in texts[1], texts


def test_a_folders_notes_are_said_in_the_interface_language(qapp, interface, settings, make_window, drop, qtbot, tmp_path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "one.png").write_bytes(b"not an article")
    settings.interface_language = "ru"
    apply_saved_language(qapp, settings)
    window = make_window(settings=settings)
    drop(window, [folder])  # the folder is looked through off the GUI thread
    qtbot.waitUntil(lambda: "«photos»" in window.statusBar().currentMessage(), timeout=10_000)
    shown = window.statusBar().currentMessage()
    assert "1 файл в «photos» не статья и пропущен" in shown, shown
    assert "в «photos» нет статей (.txt, .md, .markdown, .html, .htm, .docx, .pdf, .url, .webloc)" in shown, shown


def test_missing_models_are_said_in_the_interface_language_with_the_places_searched_as_they_are(
    qapp, interface, settings, make_window, tmp_path
) -> None:
    from dataclasses import replace

    from desktop.ui.notices import show_missing_models
    from models.inventory import catalog, installed

    specs = catalog.specs_for(catalog.DEFAULT_PROFILE)
    absent = [replace(specs[task], repo_id=f"example/absent-{task}") for task in ("summarize", "translate-ru", "translate-from-ar")]
    nowhere = tmp_path / "nowhere"
    problems = installed.missing(absent, nowhere)
    assert problems[0].startswith("Summary model: example/absent-summarize is not installed (looked in ")
    settings.interface_language = "ru"
    apply_saved_language(qapp, settings)
    window = make_window(settings=settings)
    show_missing_models(window.workspace.banner, problems, None)
    shown = window.workspace.banner.label.text()
    assert "Модель резюме: example/absent-summarize не установлена" in shown
    assert "Модель перевода (русский): example/absent-translate-ru не установлена" in shown
    assert "Модель перевода (арабский → английский): example/absent-translate-from-ar не установлена" in shown
    assert "nowhere" not in shown and "looked in" not in shown  # the places searched are for the tooltip
    assert f"не установлена (искали в: {nowhere}/summarize or {nowhere}/" in window.workspace.banner.toolTip()


def test_a_flags_reason_is_said_in_the_interface_language(qapp, interface, settings, make_window) -> None:
    from models.common.types import Alignment, Digest, SentenceFlag, SentenceLink
    from models.digest.checks import check_translation

    english, russian = "It cost 900 dollars and 1,200 euros.", "Это стоило долларов и евро."
    [(check, reason)] = check_translation(english, russian, "ru")
    target = (0, len(russian))
    digest = Digest(
        article=Article(title="Prices", text=english), summary=english, summary_translations={"ru": russian},
        alignments={
            "summary": Alignment("article", links=(SentenceLink((0, len(english)), ((0, len(english)),)),)),
            "summary:ru": Alignment("summary", links=(SentenceLink(target, ((0, len(english)),)),), flags=(SentenceFlag(target, check, reason),)),
        },
    )
    settings.interface_language = "ru"
    apply_saved_language(qapp, settings)
    window = make_window(settings=settings)
    window.show_digest(digest)
    window.window_actions.next_flag_action.trigger()
    assert "Числа: Числа 900 и 1,200 из исходного текста здесь отсутствуют." in window.statusBar().currentMessage()
    install_translators(qapp, "ar")
    window.window_actions.next_flag_action.trigger()
    assert "الأرقام: الأرقام 900 و1,200 الواردة في النص المصدر غير موجودة هنا." in window.statusBar().currentMessage()


def test_the_windows_own_models_check_keeps_the_lines_sayable(qapp, interface, settings, make_window, tmp_path) -> None:
    from dataclasses import replace

    from models.inventory import catalog, installed

    specs = catalog.specs_for(catalog.DEFAULT_PROFILE)
    absent = [replace(specs["summarize"], repo_id="example/absent-summarize")]

    def check(profile, models_dir, options, article_language):
        return installed.missing(absent, tmp_path / "nowhere")

    settings.interface_language = "ru"
    apply_saved_language(qapp, settings)
    window = make_window(settings=settings, check=check)  # answered on a worker thread, shown on the GUI thread
    assert "Модель резюме: example/absent-summarize не установлена" in window.workspace.banner.label.text()


FRENCH_ARTICLE = (
    "Le gouvernement a annoncé lundi une nouvelle réforme des retraites. Les syndicats ont appelé à la grève "
    "dans tout le pays, et les négociations reprendront la semaine prochaine à Paris."
)


def test_an_opened_articles_notices_are_said_in_the_interface_language(
    open_article, qapp, interface, settings, make_window, tmp_path, monkeypatch
) -> None:
    from models.documents import read
    from tests.models._document_samples import make_pdf

    french = tmp_path / "french.txt"
    french.write_text(FRENCH_ARTICLE, encoding="utf-8")
    settings.interface_language = "ru"
    apply_saved_language(qapp, settings)
    window = make_window(settings=settings)
    assert open_article(window, french)
    label = window.workspace.original_pane.notices_label
    assert label.isVisible()
    assert label.text() == (
        "⚠ Язык статьи, похоже: французский; резюме может получиться плохим. Поддерживаются только статьи на этих "
        "языках: английский, русский и арабский (на английский сначала машинно переводятся статьи на языках: русский и арабский)."
    )
    assert window.article.notices[0].startswith("The article looks like French;")  # the core's words stay English
    assert "язык: французский" in window.workspace.original_pane.details_label.text()  # the language by its name, not its code

    install_translators(qapp, "ar")  # said again in the new language
    assert label.text() == (
        "⚠ يبدو أن لغة المقالة هي الفرنسية؛ قد يكون الملخص رديئًا: لا تُدعم إلا المقالات المكتوبة بهذه اللغات: "
        "الإنجليزية، الروسية والعربية (وتُترجم آليًا إلى الإنجليزية أولًا المقالات المكتوبة بهذه اللغات: الروسية والعربية)."
    )

    install_translators(qapp, "ru")
    russian = tmp_path / "russian.txt"
    russian.write_text("\n\n".join(RUSSIAN_PARAGRAPHS), encoding="utf-8")
    assert open_article(window, russian)
    assert label.text() == "⚠ Язык статьи, похоже: русский; перед составлением резюме она будет машинно переведена на английский."

    # A PDF with a page too complex to read, and one that cannot be read at all.
    from pypdf import PageObject

    monkeypatch.setattr(read, "MAX_PDF_PAGE_CONTENT_BYTES", 2000)
    real_extract = PageObject.extract_text
    calls: list[int] = []

    def second_read_broken(page, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise ValueError("broken content stream")
        return real_extract(page, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", second_read_broken)
    lines = ["Talks resume in Geneva", "", "Diplomats from both sides met on Monday to discuss a ceasefire plan."]
    long_page = [f"Line {n} of a page that holds far too much." for n in range(100)]
    pdf = tmp_path / "mixed.pdf"
    pdf.write_bytes(make_pdf([lines, long_page, lines, lines]))
    assert open_article(window, pdf)
    assert label.text() == (
        "⚠ Часть страниц не удалось прочитать, они пропущены: 1 из 4.\n"
        "⚠ Часть страниц слишком сложна для чтения, они пропущены: 1 из 4."
    )
    assert "pages" not in label.text()


def test_the_part_of_a_name_a_flag_gives_is_said_in_the_interface_language(qapp, interface, settings, make_window) -> None:
    from models.common.types import Alignment, Digest, SentenceFlag, SentenceLink
    from models.digest.checks import check_summary_sentence

    article = "Ambassador Antonov spoke on Friday about Syria. He said talks go on."
    summary = "Ambassador Dmitry Antonov spoke on Friday."
    [(check, reason)] = check_summary_sentence(summary, article)
    target = (0, len(summary))
    digest = Digest(
        article=Article(title="Talks", text=article), summary=summary, summary_translations={},
        alignments={"summary": Alignment("article", links=(SentenceLink(target, ((0, 47),)),), flags=(SentenceFlag(target, check, reason),))},
    )
    settings.interface_language = "ru"
    apply_saved_language(qapp, settings)
    window = make_window(settings=settings)
    window.show_digest(digest)
    window.window_actions.next_flag_action.trigger()
    shown = window.statusBar().currentMessage()
    assert "“Dmitry” (в составе “Ambassador Dmitry Antonov”)" in shown, shown
    assert "(in " not in shown
