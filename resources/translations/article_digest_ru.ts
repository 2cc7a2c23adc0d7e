<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Alternatives</name>
    <message>
        <source>Alternative translations</source>
        <extracomment>The widest an entry of the menu is, in average characters of its font (longer text is cut with &quot;…&quot;; the whole is in its tooltip and the status bar).</extracomment>
        <translation>Другие варианты перевода</translation>
    </message>
    <message>
        <source>Finding alternative translations…</source>
        <translation>Поиск других вариантов перевода…</translation>
    </message>
    <message>
        <source>No other translation found for this sentence.</source>
        <translation>Другого перевода этого предложения не нашлось.</translation>
    </message>
    <message>
        <source>In English: “{text}”</source>
        <translation>По-английски: «{text}»</translation>
    </message>
    <message>
        <source>(not translated back: the model that translates it into English is not installed)</source>
        <translation>(без обратного перевода: модель перевода на английский не установлена)</translation>
    </message>
    <message>
        <source>No alternatives: {reason}</source>
        <translation>Других вариантов нет: {reason}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>

Details are in the log: {path}</source>
        <extracomment>Fallback clock when the process&apos;s own start time is unknown: when this module was imported. Qt&apos;s own command-line options (see QGuiApplication), with and without a value.</extracomment>
        <translation>

Подробности в журнале: {path}</translation>
    </message>
    <message>
        <source>{app}: Unexpected Error</source>
        <translation>{app}: непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Something went wrong, but the app is still running.

{summary}{where}</source>
        <translation>Что-то пошло не так, но приложение продолжает работать.

{summary}{where}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Article Digest</source>
        <extracomment>The interface&apos;s languages (the language table&apos;s ``interface`` ones), each named in itself (the View › Language entries; never translated). Our catalogue&apos;s file name before ``_&lt;lang&gt;.qm``. The app&apos;s name as the window title, the About box and the desktop entry show it.</extracomment>
        <translation>Дайджест статей</translation>
    </message>
</context>
<context>
    <name>ArticleIntake</name>
    <message>
        <source>Pasted text</source>
        <extracomment>What to queue a digest with: (options, engine config), or None when it cannot run now. What is done with an entry when its article is read, or cannot be. Pasted text&apos;s label in the list is its first line, cut to this many characters.</extracomment>
        <translation>Вставленный текст</translation>
    </message>
    <message numerus="yes">
        <source>Opened {name} (%n words). Press Digest (Ctrl+Return) to summarise and translate it.</source>
        <translation>
            <numerusform>Открыт {name} (%n слово). Нажмите «Обработать» (Ctrl+Return), чтобы получить резюме и перевод.</numerusform>
            <numerusform>Открыт {name} (%n слова). Нажмите «Обработать» (Ctrl+Return), чтобы получить резюме и перевод.</numerusform>
            <numerusform>Открыт {name} (%n слов). Нажмите «Обработать» (Ctrl+Return), чтобы получить резюме и перевод.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to open: drop an article file, a folder, a link or some text.</source>
        <translation>Нечего открыть: перетащите файл статьи, папку, ссылку или текст.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Открываем {name}…</translation>
    </message>
    <message>
        <source>Nothing to open: no article files there.</source>
        <translation>Нечего открыть: там нет файлов статей.</translation>
    </message>
    <message numerus="yes">
        <source>%n articles queued for digesting.</source>
        <translation>
            <numerusform>%n статья поставлена в очередь.</numerusform>
            <numerusform>%n статьи поставлены в очередь.</numerusform>
            <numerusform>%n статей поставлено в очередь.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles opened (not digested: models are missing).</source>
        <translation>
            <numerusform>Открыта %n статья (не обработана: нет моделей).</numerusform>
            <numerusform>Открыты %n статьи (не обработаны: нет моделей).</numerusform>
            <numerusform>Открыто %n статей (не обработаны: нет моделей).</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching {source}…</source>
        <translation>Загрузка {source}…</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Чтение {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be opened (marked ✗ in the list).</source>
        <translation>
            <numerusform>%n файл не удалось открыть (отмечен ✗ в списке).</numerusform>
            <numerusform>%n файла не удалось открыть (отмечены ✗ в списке).</numerusform>
            <numerusform>%n файлов не удалось открыть (отмечены ✗ в списке).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to open: the text is empty.</source>
        <translation>Нечего открыть: текст пуст.</translation>
    </message>
    <message>
        <source>Made an article of the text. Press Digest (Ctrl+Return) to summarise and translate it.</source>
        <translation>Текст стал статьёй. Нажмите «Обработать» (Ctrl+Return), чтобы получить резюме и перевод.</translation>
    </message>
    <message>
        <source>The clipboard holds no text, link or file to open.</source>
        <translation>В буфере обмена нет текста, ссылки или файла.</translation>
    </message>
</context>
<context>
    <name>ArticleQueue</name>
    <message>
        <source>Reading…</source>
        <extracomment>The lane articles are read (and pages fetched) on, beside the engine&apos;s.</extracomment>
        <translation>Чтение…</translation>
    </message>
    <message>
        <source>Not digested</source>
        <translation>Не обработана</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Digesting</source>
        <translation>Обработка</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Could not be opened</source>
        <extracomment>Its article could not be read (its ``reason`` says why; there is nothing to digest).</extracomment>
        <translation>Не удалось открыть</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <extracomment>Why reading or digesting failed (one line, in the interface&apos;s language when it failed). The error itself, so the list can say it again in another language. The generated texts published before the digest ended, by alignment key. What the digest was asked for when the article was queued. Whether the digest should start as soon as the article is read.</extracomment>
        <translation>Статья без названия</translation>
    </message>
    <message>
        <source>Waiting for the engine…</source>
        <translation>Ожидание движка…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
</context>
<context>
    <name>BackTranslation</name>
    <message>
        <source>Back-translation is on: every Russian and Arabic sentence is translated back into English for checking.</source>
        <extracomment>Back-translation starts this long after a digest is shown or revised. A failure stops it until it is switched off and on again (a missing model, say).</extracomment>
        <translation>Обратный перевод включён: каждое русское и арабское предложение переводится обратно на английский для проверки.</translation>
    </message>
    <message>
        <source>Back-translation is off (the back-translations made are kept).</source>
        <translation>Обратный перевод выключен (уже сделанные обратные переводы сохранены).</translation>
    </message>
    <message>
        <source>Back-translation done: check the sentences flagged “Meaning may differ”.</source>
        <translation>Обратный перевод готов: проверьте предложения с пометкой «Смысл может отличаться».</translation>
    </message>
    <message>
        <source>Back-translation stopped: {reason}</source>
        <translation>Обратный перевод остановлен: {reason}</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>The number {number} in the source is missing here.</source>
        <translation>Число {number} из исходного текста здесь отсутствует.</translation>
    </message>
    <message>
        <source>The numbers {numbers} in the source are missing here.</source>
        <translation>Числа {numbers} из исходного текста здесь отсутствуют.</translation>
    </message>
    <message>
        <source>The number {number} here is not in the source.</source>
        <translation>Числа {number} нет в исходном тексте.</translation>
    </message>
    <message>
        <source>The numbers {numbers} here are not in the source.</source>
        <translation>Чисел {numbers} нет в исходном тексте.</translation>
    </message>
    <message>
        <source>This looks untranslated: most of it is in Latin script, not {language}.</source>
        <translation>Похоже, текст не переведён: большая часть написана латиницей, а не на языке «{language}».</translation>
    </message>
    <message>
        <source>This looks like the wrong language: most of it is not in {script} script.</source>
        <translation>Похоже, это не тот язык: письмо большей части текста — не {script}.</translation>
    </message>
    <message>
        <source>This looks like the wrong language: most of it is in {script} script, not {language}.</source>
        <translation>Похоже, это не тот язык: письмо большей части текста — {script}, а ожидался язык «{language}».</translation>
    </message>
    <message>
        <source>This looks untranslated: it is the same as the English source.</source>
        <translation>Похоже, текст не переведён: он совпадает с английским оригиналом.</translation>
    </message>
    <message>
        <source>This looks untranslated: it is nearly the same as the English source.</source>
        <translation>Похоже, текст не переведён: он почти совпадает с английским оригиналом.</translation>
    </message>
    <message>
        <source>A phrase repeats: {phrase}.</source>
        <translation>Фраза повторяется: {phrase}.</translation>
    </message>
    <message>
        <source>A phrase appears {times} times: {phrase}.</source>
        <translation>Фраза встречается многократно (×{times}): {phrase}.</translation>
    </message>
    <message>
        <source>This translation is {ratio} times as long as the English; it may repeat itself or add things.</source>
        <translation>Перевод в {ratio} раза длиннее английского текста; возможно, в нём есть повторы или лишнее.</translation>
    </message>
    <message>
        <source>This translation is much shorter than the English ({percent}% of its length); part of it may be missing.</source>
        <translation>Перевод намного короче английского текста ({percent}% его длины); возможно, часть пропущена.</translation>
    </message>
    <message>
        <source>This summary sentence names {names}, which the article does not mention.</source>
        <translation>В этом предложении резюме упомянуты {names}, которых нет в статье.</translation>
    </message>
    <message>
        <source>This summary sentence gives the number {numbers}, which the article does not mention.</source>
        <translation>В этом предложении резюме приведено число {numbers}, которого нет в статье.</translation>
    </message>
    <message>
        <source>This summary sentence gives the numbers {numbers}, which the article does not mention.</source>
        <translation>В этом предложении резюме приведены числа {numbers}, которых нет в статье.</translation>
    </message>
    <message>
        <source>The translation model was unsure of this sentence (confidence {confidence}).</source>
        <translation>Модель перевода не уверена в этом предложении (уверенность {confidence}).</translation>
    </message>
    <message>
        <source>Translated back into English, this sentence lacks the number {number}.</source>
        <translation>В обратном переводе на английский в этом предложении нет числа {number}.</translation>
    </message>
    <message>
        <source>Translated back into English, this sentence lacks the numbers {numbers}.</source>
        <translation>В обратном переводе на английский в этом предложении нет чисел {numbers}.</translation>
    </message>
    <message>
        <source>Translated back into English, this sentence does not mention {names}.</source>
        <translation>В обратном переводе на английский это предложение не упоминает {names}.</translation>
    </message>
    <message>
        <source>Translated back into English, this sentence reads {back}, far from the English (similarity {percent}%).</source>
        <translation>В обратном переводе на английский это предложение звучит как {back} — далеко от английского оригинала (сходство {percent}%).</translation>
    </message>
    <message>
        <source>“{part}” (in “{name}”)</source>
        <extracomment>One of the {names} above: the words of a longer name that the article lacks, as a wording of its own inside the reason&apos;s (see models.common.wording).</extracomment>
        <translation>“{part}” (в составе “{name}”)</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>латиница</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>кириллица</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>арабское письмо</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Числа</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>Не переведено</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>Повторы</translation>
    </message>
    <message>
        <source>Meaning may differ</source>
        <extracomment>Raised on a translated sentence by its translation back into English (models.digest.revise).</extracomment>
        <translation>Смысл может отличаться</translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation>Низкая уверенность</translation>
    </message>
    <message>
        <source>Not in the article</source>
        <translation>Нет в статье</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list but the last two</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>{items} and {last}</source>
        <translation>{items} и {last}</translation>
    </message>
    <message>
        <source>{flag}: {reason}</source>
        <translation>{flag}: {reason}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>development version</source>
        <extracomment>The About box&apos;s last line: the libraries&apos; names (never translated) and versions.</extracomment>
        <translation>версия для разработки</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Версия {version}</translation>
    </message>
    <message>
        <source>Summarises a news article and translates the summary (and, if asked, the whole article) into Russian and Arabic, on this computer, with open models from the Hugging Face Hub.</source>
        <translation>Составляет резюме новостной статьи и переводит его (а по желанию и всю статью) на русский и арабский — на этом компьютере, открытыми моделями с Hugging Face Hub.</translation>
    </message>
    <message>
        <source>Machine summaries and translations can be wrong: check anything that matters against the original.</source>
        <translation>Машинные резюме и переводы могут ошибаться: всё важное сверяйте с оригиналом.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <source>{profile} profile (in use)</source>
        <translation>Профиль «{profile}» (используется)</translation>
    </message>
    <message>
        <source>{profile} profile</source>
        <translation>Профиль «{profile}»</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} МБ</translation>
    </message>
    <message>
        <source>the default models folder</source>
        <translation>папки моделей по умолчанию</translation>
    </message>
    <message>
        <source>Models are read from {folder}.</source>
        <translation>Модели загружаются из {folder}.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>О программе «{app}»</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source> or </source>
        <translation> или </translation>
    </message>
    <message>
        <source>Open a file</source>
        <translation>Открыть файл</translation>
    </message>
    <message>
        <source>Drop it anywhere on the window</source>
        <translation>Перетащите его в любое место окна</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Сочетание</translation>
    </message>
    <message>
        <source>History</source>
        <extracomment>How many rows the History dialog lists in one pass of the event loop (a few milliseconds&apos; work).</extracomment>
        <translation>История</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <extracomment>Whether every row has been listed (else the history is still being read, or listed).</extracomment>
        <translation>Читаем историю…</translation>
    </message>
    <message>
        <source>No digests yet. Every finished digest is kept here.</source>
        <translation>Дайджестов пока нет. Здесь хранится каждый готовый дайджест.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>only web pages (http, https) and files on this computer can be opened.</source>
        <translation>открыть можно только веб-страницы (http, https) и файлы на этом компьютере.</translation>
    </message>
    <message>
        <source>it is a folder. Drop an article file instead.</source>
        <translation>это папка. Перетащите файл статьи.</translation>
    </message>
    <message>
        <source>the file does not exist.</source>
        <translation>файл не существует.</translation>
    </message>
    <message>
        <source>it holds no web address.</source>
        <translation>в нём нет веб-адреса.</translation>
    </message>
    <message>
        <source>{extension} files are not supported (supported: {listed}).</source>
        <translation>файлы {extension} не поддерживаются (поддерживаются: {listed}).</translation>
    </message>
    <message>
        <source>files without an extension are not supported (supported: {listed}).</source>
        <translation>файлы без расширения не поддерживаются (поддерживаются: {listed}).</translation>
    </message>
    <message>
        <source>Cannot open {name}: {reason}</source>
        <extracomment>The status bar&apos;s line for an article that cannot be opened, and for text that makes none.</extracomment>
        <translation>Не удалось открыть {name}: {reason}</translation>
    </message>
    <message>
        <source>Cannot use that text as an article: it {reason}</source>
        <translation>Этот текст не может стать статьёй: {reason}</translation>
    </message>
    <message>
        <source>This article could not be opened.</source>
        <extracomment>The lane the history is read and written on.</extracomment>
        <translation>Эту статью не удалось открыть.</translation>
    </message>
    <message>
        <source>(Not added to History: {problem})</source>
        <extracomment>The latest past digests, newest first, as last listed (:meth:`refresh_recent`). Whether a listing of the latest is under way, and whether another is wanted after it.</extracomment>
        <translation>(Не добавлен в историю: {problem})</translation>
    </message>
    <message>
        <source>Cannot read the history: {error}</source>
        <translation>Не удалось прочитать историю: {error}</translation>
    </message>
    <message>
        <source>Cannot open that digest from the history: {error}</source>
        <translation>Не удалось открыть этот дайджест из истории: {error}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>арабский</translation>
    </message>
    <message>
        <source>English</source>
        <extracomment>The scripts a translation&apos;s letters are counted in (to tell an untranslated sentence). ISO 639-1 code (&quot;ru&quot;). English name, marked for translation (&quot;Russian&quot;). The name written in the language itself, for tab titles (&quot;Русский&quot;). Whether a digest can be translated into it (English is the summary&apos;s own language). Whether the window&apos;s interface speaks it (``resources/translations/article_digest_&lt;code&gt;.ts``). Marks that end a sentence besides ``. ! ? …`` when a space follows (&quot;؟&quot;). Marks that end a sentence with no space after them, in scripts written without spaces between sentences (&quot;。！？&quot;). The language&apos;s number words by their lookup key (None: its numbers are read from digits only). How a word is keyed for that lookup. One-letter words glued to the front of a number word (&quot;و&quot;, &quot;ب&quot;, &quot;ل&quot;: &quot;and&quot;, &quot;with&quot;, &quot;for&quot;). Units said before tens (&quot;خمسة وعشرون&quot;, five and twenty; &quot;أحد عشر&quot;, one-ten, eleven). A word after which a Roman numeral is a century (&quot;век&quot;: &quot;XX век&quot;). Whether &quot;,&quot; always groups thousands and &quot;.&quot; always marks decimals (English: &quot;12,000.5&quot;), so a number has one reading; elsewhere &quot;12.000&quot; and &quot;12,5&quot; may mean either. Whether a hyphen joins number words (&quot;twenty-five&quot;). A translation&apos;s length over its English source&apos;s, outside which it is flagged. Font families known to read it well, tried first; any installed one of its script follows. How much larger than Latin text it reads well at (Arabic script: 1.2). OPUS-MT&apos;s ISO 639-3 codes for it, most specific first (a multi-target model&apos;s ``&gt;&gt;rus&lt;&lt;``). &quot;articles in Russian&quot;, said whole (Russian and Arabic decline the words around a language&apos;s name), marked for translation; &quot;&quot; for English. What its empty summary tab says, in the language itself (so the tab shows its script and direction before a digest). Every language, in the order the window and the exports list them.</extracomment>
        <translation>английский</translation>
    </message>
    <message>
        <source>Afrikaans</source>
        <extracomment>What the reader is told about the reading (Wordings of :data:`ARTICLE_NOTICE_TEMPLATES`). How pasted text is named in its errors when the caller gives no source. Each format&apos;s reader: (the path, named in errors; the bytes[; a declared charset]) -&gt; its text. English names for the other languages a news article is likely to be in (the table&apos;s own languages are named by :mod:`models.common.languages`), marked for translation: an article&apos;s notice names its language. Others show by their code.</extracomment>
        <translation>африкаанс</translation>
    </message>
    <message>
        <source>Amharic</source>
        <translation>амхарский</translation>
    </message>
    <message>
        <source>Azerbaijani</source>
        <translation>азербайджанский</translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation>белорусский</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>болгарский</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>бенгальский</translation>
    </message>
    <message>
        <source>Bosnian</source>
        <translation>боснийский</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>каталанский</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>чешский</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>валлийский</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>датский</translation>
    </message>
    <message>
        <source>German</source>
        <translation>немецкий</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>греческий</translation>
    </message>
    <message>
        <source>Esperanto</source>
        <translation>эсперанто</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>испанский</translation>
    </message>
    <message>
        <source>Estonian</source>
        <translation>эстонский</translation>
    </message>
    <message>
        <source>Basque</source>
        <translation>баскский</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>персидский</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>финский</translation>
    </message>
    <message>
        <source>French</source>
        <translation>французский</translation>
    </message>
    <message>
        <source>Irish</source>
        <translation>ирландский</translation>
    </message>
    <message>
        <source>Galician</source>
        <translation>галисийский</translation>
    </message>
    <message>
        <source>Gujarati</source>
        <translation>гуджарати</translation>
    </message>
    <message>
        <source>Hausa</source>
        <translation>хауса</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>иврит</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>хинди</translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation>хорватский</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>венгерский</translation>
    </message>
    <message>
        <source>Armenian</source>
        <translation>армянский</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>индонезийский</translation>
    </message>
    <message>
        <source>Icelandic</source>
        <translation>исландский</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>итальянский</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>японский</translation>
    </message>
    <message>
        <source>Georgian</source>
        <translation>грузинский</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>казахский</translation>
    </message>
    <message>
        <source>Khmer</source>
        <translation>кхмерский</translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation>каннада</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>корейский</translation>
    </message>
    <message>
        <source>Kurdish</source>
        <translation>курдский</translation>
    </message>
    <message>
        <source>Kyrgyz</source>
        <translation>киргизский</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>латынь</translation>
    </message>
    <message>
        <source>Luxembourgish</source>
        <translation>люксембургский</translation>
    </message>
    <message>
        <source>Lao</source>
        <translation>лаосский</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>литовский</translation>
    </message>
    <message>
        <source>Latvian</source>
        <translation>латышский</translation>
    </message>
    <message>
        <source>Macedonian</source>
        <translation>македонский</translation>
    </message>
    <message>
        <source>Malayalam</source>
        <translation>малаялам</translation>
    </message>
    <message>
        <source>Mongolian</source>
        <translation>монгольский</translation>
    </message>
    <message>
        <source>Marathi</source>
        <translation>маратхи</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>малайский</translation>
    </message>
    <message>
        <source>Maltese</source>
        <translation>мальтийский</translation>
    </message>
    <message>
        <source>Burmese</source>
        <translation>бирманский</translation>
    </message>
    <message>
        <source>Nepali</source>
        <translation>непальский</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>нидерландский</translation>
    </message>
    <message>
        <source>Norwegian Nynorsk</source>
        <translation>норвежский (нюнорск)</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>норвежский</translation>
    </message>
    <message>
        <source>Punjabi</source>
        <translation>панджаби</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>польский</translation>
    </message>
    <message>
        <source>Pashto</source>
        <translation>пушту</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>португальский</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>румынский</translation>
    </message>
    <message>
        <source>Sinhala</source>
        <translation>сингальский</translation>
    </message>
    <message>
        <source>Slovak</source>
        <translation>словацкий</translation>
    </message>
    <message>
        <source>Slovenian</source>
        <translation>словенский</translation>
    </message>
    <message>
        <source>Somali</source>
        <translation>сомалийский</translation>
    </message>
    <message>
        <source>Albanian</source>
        <translation>албанский</translation>
    </message>
    <message>
        <source>Serbian</source>
        <translation>сербский</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>шведский</translation>
    </message>
    <message>
        <source>Swahili</source>
        <translation>суахили</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>тамильский</translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation>телугу</translation>
    </message>
    <message>
        <source>Tajik</source>
        <translation>таджикский</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>тайский</translation>
    </message>
    <message>
        <source>Turkmen</source>
        <translation>туркменский</translation>
    </message>
    <message>
        <source>Tagalog</source>
        <translation>тагальский</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>турецкий</translation>
    </message>
    <message>
        <source>Tatar</source>
        <translation>татарский</translation>
    </message>
    <message>
        <source>Uyghur</source>
        <translation>уйгурский</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>украинский</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>урду</translation>
    </message>
    <message>
        <source>Uzbek</source>
        <translation>узбекский</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>вьетнамский</translation>
    </message>
    <message>
        <source>Yoruba</source>
        <translation>йоруба</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>китайский</translation>
    </message>
    <message>
        <source>Zulu</source>
        <translation>зулу</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Резюме</translation>
    </message>
    <message>
        <source>{language} translation</source>
        <translation>Перевод на {language}</translation>
    </message>
    <message>
        <source>{language} to English</source>
        <translation>{language} → английский</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <source>Summary</source>
        <extracomment>The kinds of highlight, kept in each extra selection&apos;s format under :data:`KIND_PROPERTY`. an article sentence the summary drew on (Summary tab only) a sentence linked to the one under the pointer (in the other pane) the sentence under the pointer, clicked or holding the text cursor a generated sentence flagged to check (wavy underline) The views&apos; highlight layer of the linked sentences and flags (the Find bar has its own). Tooltip lines are wrapped at this many characters (a tooltip label would wrap them narrower). Background alpha (0..255) of each kind over the palette&apos;s highlight colour: light, dark base. The flags&apos; wavy underline: amber, darker on a light base, lighter on a dark one. The document position of each astral character (each takes two).</extracomment>
        <translation>Резюме</translation>
    </message>
    <message>
        <source>{language} summary</source>
        <translation>Резюме ({language})</translation>
    </message>
    <message>
        <source>{language} full text</source>
        <translation>Полный текст ({language})</translation>
    </message>
    <message numerus="yes">
        <source>%n sentences to check</source>
        <translation>
            <numerusform>%n предложение для проверки</numerusform>
            <numerusform>%n предложения для проверки</numerusform>
            <numerusform>%n предложений для проверки</numerusform>
        </translation>
    </message>
    <message>
        <source>English summary: {sentences}</source>
        <translation>Резюме на английском: {sentences}</translation>
    </message>
    <message>
        <source>English: {sentence}</source>
        <translation>По-английски: {sentence}</translation>
    </message>
    <message>
        <source>Back-translation: {sentence}</source>
        <translation>Обратный перевод: {sentence}</translation>
    </message>
    <message>
        <source>No digest to check: open an article and digest it first.</source>
        <extracomment>The generated views by alignment key (``summary``, ``summary:ru``, ``article:ar``…). The tooltip text (plain, one line per item) last worked out for a point.</extracomment>
        <translation>Проверять нечего: сначала откройте и обработайте статью.</translation>
    </message>
    <message>
        <source>No sentences to check in this digest: none was flagged.</source>
        <translation>В этом дайджесте нечего проверять: отмеченных предложений нет.</translation>
    </message>
    <message>
        <source>Flag {number} of {count}, {place}: {reasons}</source>
        <translation>Отметка {number} из {count}, {place}: {reasons}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Could not check the models: {error}</source>
        <extracomment>How long after the window first shows the engine process is started: importing torch and loading a model hold the GIL for hundreds of milliseconds, which would slow the first paint. The lane the models check runs on: its own, so Digest is enabled without waiting for a digest. What the window digests with now: (profile, models folder, options, the article shown). Which models the options (and the article&apos;s language) need but lack: (profile, models folder, options, article language) -&gt; one line each.</extracomment>
        <translation>Не удалось проверить модели: {error}</translation>
    </message>
    <message>
        <source>Open an article to begin: drop a file on the window or press Ctrl+O.</source>
        <extracomment>How long after the window first shows the models check and the reading warm-up start: their threads import modules (numpy and the language identifier: over 100 ms holding the GIL), which would otherwise slow the first paint down.</extracomment>
        <translation>Для начала откройте статью: перетащите файл в окно или нажмите Ctrl+O.</translation>
    </message>
    <message>
        <source>Cannot open {name}: it is no longer there (removed from Open Recent).</source>
        <extracomment>What to do when an entry&apos;s article is read, or cannot be, or when it is taken off the list first: (on read, on failure, on removal). The article brought alone last, shown once read.</extracomment>
        <translation>Не удалось открыть {name}: файла больше нет (убран из недавних).</translation>
    </message>
    <message>
        <source>The interface is now in {language}.</source>
        <translation>Язык интерфейса: {language}.</translation>
    </message>
    <message>
        <source>Choose Models Folder</source>
        <translation>Выбор папки моделей</translation>
    </message>
    <message>
        <source>Models folder: {folder}</source>
        <translation>Папка моделей: {folder}</translation>
    </message>
    <message>
        <source>Open Articles</source>
        <translation>Открыть статьи</translation>
    </message>
    <message>
        <source>Open an article first: drop a file on the window or press Ctrl+O.</source>
        <translation>Сначала откройте статью: перетащите файл в окно или нажмите Ctrl+O.</translation>
    </message>
    <message>
        <source>Cannot digest: some models are not installed (see the message above).</source>
        <translation>Обработка невозможна: не все модели установлены (см. сообщение выше).</translation>
    </message>
    <message>
        <source>Queued: it will be digested once it is read.</source>
        <translation>В очереди: статья будет обработана, как только будет прочитана.</translation>
    </message>
    <message numerus="yes">
        <source>Queued: %n articles before it.</source>
        <translation>
            <numerusform>В очереди: перед ней %n статья.</numerusform>
            <numerusform>В очереди: перед ней %n статьи.</numerusform>
            <numerusform>В очереди: перед ней %n статей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Digesting… press Esc to cancel.</source>
        <translation>Обработка… Esc — отменить.</translation>
    </message>
    <message>
        <source>Digest cancelled.</source>
        <translation>Обработка отменена.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n articles taken off the queue.</source>
        <translation>
            <numerusform>Отменено: из очереди убрана %n статья.</numerusform>
            <numerusform>Отменено: из очереди убраны %n статьи.</numerusform>
            <numerusform>Отменено: из очереди убрано %n статей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Digest ready in {seconds} s.</source>
        <translation>Дайджест готов за {seconds} с.</translation>
    </message>
    <message>
        <source>Digest of “{title}” ready in {seconds} s.</source>
        <translation>Дайджест «{title}» готов за {seconds} с.</translation>
    </message>
    <message>
        <source>Digest failed: {reason}</source>
        <translation>Обработка не удалась: {reason}</translation>
    </message>
    <message>
        <source>Nothing to save yet: digest an article first.</source>
        <extracomment>Where the format used last is remembered (the next save offers it first).</extracomment>
        <translation>Сохранять пока нечего: сначала обработайте статью.</translation>
    </message>
    <message>
        <source>Nothing to save yet: no digest is finished.</source>
        <translation>Сохранять пока нечего: ни один дайджест не готов.</translation>
    </message>
    <message>
        <source>Reopened the digest of “{title}” from {created}.</source>
        <translation>Снова открыт дайджест «{title}» от {created}.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <extracomment>Each menu&apos;s title by its object name, marked for lupdate and looked up when shown.</extracomment>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Оформление</translation>
    </message>
    <message>
        <source>&amp;Digest</source>
        <translation>&amp;Обработка</translation>
    </message>
    <message>
        <source>Model &amp;Profile</source>
        <translation>&amp;Профиль моделей</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <extracomment>How many past digests the History menu lists (the History dialog lists them all).</extracomment>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Недавних файлов нет</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>Очистить список</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>&amp;История</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>(looked in {places})</source>
        <translation>(искали в: {places})</translation>
    </message>
    <message>
        <source>{model} is not installed</source>
        <translation>{model} не установлена</translation>
    </message>
    <message>
        <source>model folder {folder} is unusable: {problems}</source>
        <translation>папка модели {folder} непригодна: {problems}</translation>
    </message>
    <message>
        <source>the folder chosen for {model}, {folder}, is unusable: {problems}</source>
        <translation>папка, выбранная для {model}, {folder}, непригодна: {problems}</translation>
    </message>
    <message>
        <source>Summary model:</source>
        <translation>Модель резюме:</translation>
    </message>
    <message>
        <source>{language} translation model:</source>
        <translation>Модель перевода ({language}):</translation>
    </message>
    <message>
        <source>{language}-to-English translation model:</source>
        <translation>Модель перевода ({language} → английский):</translation>
    </message>
    <message>
        <source>{task} model:</source>
        <translation>Модель «{task}»:</translation>
    </message>
    <message>
        <source>{model}: {file} {file_done} of {file_size}; model {done} of {total}</source>
        <extracomment>Seconds to open a connection to the Hub (or the server it redirects a file to). Seconds any request may wait for the next bytes of an answer: a server that goes silent (before answering, or in the middle of a file) fails the request after this long. A transfer that brings fewer bytes than this in :data:`READ_TIMEOUT_S` has stalled too (a server trickling a byte now and then never trips the read timeout). Seconds the repository&apos;s listing may take altogether, however the server answers. The largest listing read (the real Hub&apos;s, with every file&apos;s metadata, is a few KB to a few MB). The most of an error answer&apos;s body that is read (for the Hub&apos;s error message). Redirects followed for one request (the Hub redirects large files to its CDN once). Names Windows opens as devices, whatever their extension (&quot;CON.json&quot; is the console). Control, format (bidirectional overrides), separator and surrogate characters.</extracomment>
        <translation>{model}: {file} — {file_done} из {file_size}; модель — {done} из {total}</translation>
    </message>
    <message>
        <source>— {rate}/s</source>
        <translation>— {rate} в секунду</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Installed</source>
        <translation>Установлена</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Partly downloaded</source>
        <translation>Загружена частично</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Повреждена</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>Cancelled; the download resumes next time</source>
        <translation>Отменено; в следующий раз загрузка продолжится</translation>
    </message>
    <message>
        <source>articles in Russian</source>
        <translation>статей на русском языке</translation>
    </message>
    <message>
        <source>articles in Arabic</source>
        <translation>статей на арабском языке</translation>
    </message>
    <message>
        <source>articles in {languages}</source>
        <translation>статей на языках: {languages}</translation>
    </message>
    <message>
        <source>only for {articles}</source>
        <translation>только для {articles}</translation>
    </message>
    <message>
        <source>Task</source>
        <extracomment>Extra pixels per table row: two-line cells read cramped at their bare height.</extracomment>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>На диске</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>These models translate articles written in other languages into English before summarising. Leave the box unticked if you read English articles only; Download gets them later when you tick it.</source>
        <extracomment>Each model&apos;s state as last read from disk (empty until the first read arrives). The current Download&apos;s tasks, by repository id. Every download has ended; downloads_finished waits for the states read after them. The read of the models&apos; states under way (the models lane), if any. The Verify, Remove or Use folder… under way (the models lane), if any, and for Verify its model.</extracomment>
        <translation>Эти модели переводят статьи на других языках на английский перед составлением резюме. Если вы читаете только статьи на английском, снимите флажок; загрузить модели можно и позже, снова поставив его.</translation>
    </message>
    <message>
        <source>&amp;Download missing</source>
        <translation>&amp;Загрузить недостающие</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Use &amp;folder…</source>
        <translation>&amp;Указать папку…</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Проверить</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Needed only for {articles}: they are machine-translated into English before summarising. English articles do not need it.</source>
        <translation>Нужна только для {articles}: такие статьи перед составлением резюме машинно переводятся на английский. Для статей на английском она не нужна.</translation>
    </message>
    <message>
        <source>Also download the models for {articles} (about {size})</source>
        <translation>Также загрузить модели для {articles} (около {size})</translation>
    </message>
    <message>
        <source>Checking which models are on this computer…</source>
        <translation>Проверяем, какие модели есть на этом компьютере…</translation>
    </message>
    <message>
        <source>Cancelled the verification of {model}.</source>
        <translation>Проверка {model} отменена.</translation>
    </message>
    <message>
        <source>Checking {folder}…</source>
        <translation>Проверка папки {folder}…</translation>
    </message>
    <message>
        <source>Verifying {model}…</source>
        <translation>Проверка целостности {model}…</translation>
    </message>
    <message>
        <source>Forgetting the folder chosen for {model}…</source>
        <translation>Папка, выбранная для {model}, больше не используется…</translation>
    </message>
    <message>
        <source>Removing {model}…</source>
        <translation>Удаление {model}…</translation>
    </message>
    <message>
        <source>Downloaded and verified. The models for {articles} were left out: tick the box to download them too.</source>
        <translation>Загружено и проверено. Модели для {articles} не загружались: поставьте флажок, чтобы загрузить и их.</translation>
    </message>
    <message>
        <source>All models are installed. {app} works offline: it does not use the network from here on.</source>
        <translation>Все модели установлены. «{app}» работает без сети: дальше интернет не нужен.</translation>
    </message>
    <message numerus="yes">
        <source>{missing} of %n models are not installed (about {size} to download). Download them from the Hugging Face Hub, or choose a folder with a copy made on another machine.</source>
        <translation>
            <numerusform>Не установлено моделей: {missing} из %n (загрузить около {size}). Загрузите их с Hugging Face Hub или укажите папку с копией, сделанной на другом компьютере.</numerusform>
            <numerusform>Не установлено моделей: {missing} из %n (загрузить около {size}). Загрузите их с Hugging Face Hub или укажите папку с копией, сделанной на другом компьютере.</numerusform>
            <numerusform>Не установлено моделей: {missing} из %n (загрузить около {size}). Загрузите их с Hugging Face Hub или укажите папку с копией, сделанной на другом компьютере.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline mode (HF_HUB_OFFLINE) is on, so only folders can be used.</source>
        <translation>Включён автономный режим (HF_HUB_OFFLINE), поэтому можно только указать папку.</translation>
    </message>
    <message>
        <source>Connecting to the Hugging Face Hub…</source>
        <translation>Подключение к Hugging Face Hub…</translation>
    </message>
    <message>
        <source>Folder with {model}</source>
        <translation>Папка с {model}</translation>
    </message>
    <message>
        <source>Unusable folder</source>
        <translation>Папка не подходит</translation>
    </message>
    <message>
        <source>Model is damaged</source>
        <translation>Модель повреждена</translation>
    </message>
    <message>
        <source>{model} is whole: every file matches.</source>
        <translation>{model} в порядке: все файлы совпадают.</translation>
    </message>
    <message>
        <source>{model} no longer uses {folder} (the folder itself is kept).</source>
        <translation>{model} больше не берётся из {folder} (сама папка не удалена).</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>Удаление модели</translation>
    </message>
    <message>
        <source>Delete {model} ({size}) from this computer?</source>
        <translation>Удалить {model} ({size}) с этого компьютера?</translation>
    </message>
    <message>
        <source>Removed {model}: {size} freed.</source>
        <translation>{model} удалена: освобождено {size}.</translation>
    </message>
    <message>
        <source>All models downloaded and verified.</source>
        <translation>Все модели загружены и проверены.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>none chosen (the default locations are searched)</source>
        <translation>не выбрана (поиск в стандартных местах)</translation>
    </message>
    <message>
        <source>Models folder: {folder}.</source>
        <translation>Папка моделей: {folder}.</translation>
    </message>
    <message numerus="yes">
        <source>It has no folder for %n of the models: {folders}. Each model goes in a folder named after its task (or after its repository).</source>
        <translation>
            <numerusform>В ней нет папки для %n модели: {folders}. Каждая модель лежит в папке с именем её задачи (или репозитория).</numerusform>
            <numerusform>В ней нет папок для %n моделей: {folders}. Каждая модель лежит в папке с именем её задачи (или репозитория).</numerusform>
            <numerusform>В ней нет папок для %n моделей: {folders}. Каждая модель лежит в папке с именем её задачи (или репозитория).</numerusform>
        </translation>
    </message>
    <message>
        <source>Download the models or choose the folder that holds them, or switch to the {profile} profile: its models are installed.</source>
        <translation>Скачайте модели или выберите папку с ними — либо переключитесь на профиль «{profile}»: его модели установлены.</translation>
    </message>
    <message>
        <source>Download the models, or choose the folder that holds them.</source>
        <translation>Скачайте модели или выберите папку с ними.</translation>
    </message>
    <message numerus="yes">
        <source>%n models are missing, so Digest cannot run yet.</source>
        <translation>
            <numerusform>Нет %n модели, поэтому обработка пока невозможна.</numerusform>
            <numerusform>Нет %n моделей, поэтому обработка пока невозможна.</numerusform>
            <numerusform>Нет %n моделей, поэтому обработка пока невозможна.</numerusform>
        </translation>
    </message>
    <message>
        <source>Models found — press Digest</source>
        <translation>Модели найдены — нажмите «Обработать»</translation>
    </message>
    <message>
        <source>A model could not be loaded.</source>
        <translation>Не удалось загрузить модель.</translation>
    </message>
    <message>
        <source>Choose the folder that holds the models, or switch to the other model profile.</source>
        <translation>Укажите папку с моделями или переключитесь на другой профиль моделей.</translation>
    </message>
    <message>
        <source>The digest failed.</source>
        <translation>Обработка не удалась.</translation>
    </message>
</context>
<context>
    <name>OptionBar</name>
    <message>
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>Larger models: better summaries and translations, slower</source>
        <translation>Большие модели: резюме и переводы лучше, но медленнее</translation>
    </message>
    <message>
        <source>Smaller models: quicker on slow computers, rougher results</source>
        <translation>Малые модели: быстрее на слабых компьютерах, но грубее</translation>
    </message>
    <message>
        <source>Translate into:</source>
        <extracomment>The options, then the buttons: side by side, or the buttons under the options (see :meth:`resizeEvent`). What the Digest button&apos;s tooltip says it needs first: (article open, models missing).</extracomment>
        <translation>Перевести на:</translation>
    </message>
    <message>
        <source>Translate the whole article</source>
        <translation>Перевести всю статью</translation>
    </message>
    <message>
        <source>Also translate the full text (takes much longer than the summary)</source>
        <translation>Перевести и полный текст (намного дольше, чем резюме)</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Модели:</translation>
    </message>
    <message>
        <source>Which set of models digests: Quality (larger) or Fast (smaller)</source>
        <translation>Какие модели обрабатывают статью: «Качество» (большие) или «Скорость» (малые)</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Обработать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop the running digest (Esc)</source>
        <translation>Остановить обработку (Esc)</translation>
    </message>
    <message>
        <source>Open an article first (Ctrl+O or drop a file)</source>
        <translation>Сначала откройте статью (Ctrl+O или перетащите файл)</translation>
    </message>
    <message>
        <source>Some models are missing: see the message above</source>
        <translation>Не хватает моделей: см. сообщение выше</translation>
    </message>
    <message>
        <source>Summarise and translate (Ctrl+Return)</source>
        <translation>Составить резюме и перевести (Ctrl+Return)</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Copy This Text</source>
        <extracomment>Line height of the reading views, in percent of the font&apos;s: easier on the eye than Qt&apos;s 100. Zoom steps, in points added to the reading size, and their bounds (View › Zoom In/Out).</extracomment>
        <translation>Копировать весь текст</translation>
    </message>
    <message>
        <source>Drop an article file here, or use File › Open (Ctrl+O).</source>
        <extracomment>How much of the text&apos;s colour a secondary line takes (the rest is the background&apos;s): quieter than the text, far more readable than a disabled widget&apos;s grey.</extracomment>
        <translation>Перетащите сюда файл статьи или выберите Файл › Открыть (Ctrl+O).</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>Статья не открыта</translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n слово</numerusform>
            <numerusform>%n слова</numerusform>
            <numerusform>%n слов</numerusform>
        </translation>
    </message>
    <message>
        <source>language: {language}</source>
        <translation>язык: {language}</translation>
    </message>
    <message>
        <source>The English summary appears here after Digest (Ctrl+Return).</source>
        <extracomment>The summary tab&apos;s placeholder; a language&apos;s own tab says the table&apos;s ``placeholder``, written in that language, so an empty tab already shows its script and direction.</extracomment>
        <translation>Здесь появится резюме на английском после обработки (Ctrl+Return).</translation>
    </message>
    <message>
        <source>Summary</source>
        <extracomment>What an empty view says, beyond its first placeholder (kept per view, so a language switch can say it again). Each view&apos;s tab title (a function: it is said again in a new interface language). What each empty view says (_EMPTY, _NOT_REQUESTED, _COMING, _STOPPED). The views whose text is still coming (their tabs are marked &quot;…&quot;).</extracomment>
        <translation>Резюме</translation>
    </message>
    <message>
        <source>Full text · {language}</source>
        <translation>Полный текст · {language}</translation>
    </message>
    <message>
        <source>Article in English</source>
        <translation>Статья на английском</translation>
    </message>
    <message>
        <source>{name} was not requested for this digest: tick it and press Digest again.</source>
        <translation>Язык «{name}» не был выбран для этого дайджеста: отметьте его и снова нажмите «Обработать».</translation>
    </message>
    <message>
        <source>Still being written: it appears here as soon as it is ready.</source>
        <translation>Текст ещё пишется: он появится здесь, как только будет готов.</translation>
    </message>
    <message>
        <source>The digest was cancelled before this text was written.</source>
        <translation>Обработку отменили раньше, чем этот текст был написан.</translation>
    </message>
    <message>
        <source>{title}: still being written</source>
        <translation>{title}: ещё пишется</translation>
    </message>
    <message>
        <source>Made {when} in {seconds} s</source>
        <translation>Создан {when} за {seconds} с</translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation>Создан {when}</translation>
    </message>
    <message>
        <source>Machine-made: check what matters against the original.</source>
        <translation>Машинный текст: всё важное сверяйте с оригиналом.</translation>
    </message>
    <message>
        <source>The article, in {language}, was machine-translated into English before summarising; the {language} summary is the English summary translated back.</source>
        <translation>Статья (язык: {language}) перед реферированием была машинно переведена на английский; резюме ({language}) — это английское резюме, переведённое обратно.</translation>
    </message>
    <message>
        <source>Choose models folder…</source>
        <extracomment>kind -&gt; (background, text, border) colours.</extracomment>
        <translation>Указать папку моделей…</translation>
    </message>
    <message>
        <source>Download models…</source>
        <translation>Загрузить модели…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Проверить снова</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Скрыть сообщение</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Digesting {percent}%</source>
        <extracomment>A marker before each state, so the list reads at a glance without colour. States shown in red.</extracomment>
        <translation>Обработка {percent}%</translation>
    </message>
    <message>
        <source>Could not be opened: {reason}</source>
        <translation>Не удалось открыть: {reason}</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Ошибка: {reason}</translation>
    </message>
    <message>
        <source>Cancelled (incomplete)</source>
        <translation>Отменено (не полностью)</translation>
    </message>
    <message>
        <source>Save All…</source>
        <extracomment>Each entry&apos;s row.</extracomment>
        <translation>Сохранить все…</translation>
    </message>
    <message>
        <source>Save every finished digest in a folder</source>
        <translation>Сохранить все готовые дайджесты в папку</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>Отменить все</translation>
    </message>
    <message>
        <source>Stop the running digest and take every waiting article off the queue</source>
        <translation>Остановить обработку и убрать из очереди все ожидающие статьи</translation>
    </message>
    <message numerus="yes">
        <source>%n digested</source>
        <translation>
            <numerusform>готово: %n</numerusform>
            <numerusform>готово: %n</numerusform>
            <numerusform>готово: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles</source>
        <translation>
            <numerusform>%n статья</numerusform>
            <numerusform>%n статьи</numerusform>
            <numerusform>%n статей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>в очереди: %n</numerusform>
            <numerusform>в очереди: %n</numerusform>
            <numerusform>в очереди: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>с ошибкой: %n</numerusform>
            <numerusform>с ошибкой: %n</numerusform>
            <numerusform>с ошибкой: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be opened</source>
        <translation>
            <numerusform>%n не удалось открыть</numerusform>
            <numerusform>%n не удалось открыть</numerusform>
            <numerusform>%n не удалось открыть</numerusform>
        </translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Обработать</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Переместить выше</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Переместить ниже</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>is not a file path ({error})</source>
        <extracomment>File extensions read_article accepts (lower case; the check ignores case). Saved links (a Windows Internet Shortcut, a macOS .webloc): their page is fetched (:mod:`models.documents.fetch`), so a folder&apos;s links are articles too. A folder (or several) gives at most this many articles; the rest are left out, with a note. Listing folders stops after this many entries, so a folder dropped by mistake (a home folder, a whole disk) costs a moment, not minutes. A filter string for a Qt file dialog. Files larger than this are refused before they are read. Articles whose cleaned text is longer than this are refused (about 30,000 words). PDFs with more pages than this are refused (bounds time on hostile files). PDF pages whose drawing instructions (decompressed) are larger than this are skipped: pypdf needs a few seconds a megabyte of them, more than linearly. Real pages hold far less. Reading a PDF&apos;s pages stops after this many seconds (with a notice), so no file hangs the app. A .docx whose parts unpack to more than this is refused (a zip bomb guard). A .docx whose text part (word/document.xml) is larger than this is refused (parse time, memory). &quot;Words&quot; (runs without a space) longer than this are not words: a run of one letter, base64. Runs longer than this without the end of a sentence (or a line break) are not sentences.</extracomment>
        <translation>это не путь к файлу ({error})</translation>
    </message>
    <message>
        <source>is not text ({type})</source>
        <translation>это не текст ({type})</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>файл не найден</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>это папка, а не файл</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>это не обычный файл</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>нет доступа</translation>
    </message>
    <message>
        <source>cannot be opened ({error})</source>
        <translation>не открывается ({error})</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>не читается ({error})</translation>
    </message>
    <message>
        <source>could not be read ({error})</source>
        <translation>не удалось прочитать ({error})</translation>
    </message>
    <message>
        <source>unsupported file type &apos;{extension}&apos;; supported: {supported}</source>
        <translation>тип файла «{extension}» не поддерживается; поддерживаются: {supported}</translation>
    </message>
    <message>
        <source>unsupported file type (no extension); supported: {supported}</source>
        <translation>тип файла не поддерживается (нет расширения); поддерживаются: {supported}</translation>
    </message>
    <message>
        <source>unsupported document type &apos;{kind}&apos;; supported: {supported}</source>
        <translation>тип документа «{kind}» не поддерживается; поддерживаются: {supported}</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>пусто</translation>
    </message>
    <message>
        <source>has no text (it is empty or only whitespace)</source>
        <translation>нет текста (пусто или одни пробелы)</translation>
    </message>
    <message>
        <source>is too large ({size} MB; the limit is {limit} MB)</source>
        <translation>слишком большой размер ({size} МБ; предел — {limit} МБ)</translation>
    </message>
    <message>
        <source>is too large to read into memory</source>
        <translation>не помещается в память</translation>
    </message>
    <message>
        <source>is too long ({length} characters of text; the limit is {limit})</source>
        <translation>слишком длинный текст ({length} зн.; предел — {limit})</translation>
    </message>
    <message>
        <source>is nested too deeply to read (corrupt?)</source>
        <translation>слишком глубокая вложенность (файл повреждён?)</translation>
    </message>
    <message>
        <source>does not look like prose: its longest word has {length} characters</source>
        <translation>не похоже на связный текст: в самом длинном слове {length} зн.</translation>
    </message>
    <message>
        <source>does not look like prose: it runs on for {length} characters without ending a sentence</source>
        <translation>не похоже на связный текст: {length} зн. подряд без конца предложения</translation>
    </message>
    <message>
        <source>is not valid {encoding} text (corrupt?)</source>
        <translation>это не корректный текст в {encoding} (повреждён?)</translation>
    </message>
    <message>
        <source>looks like binary data, not text</source>
        <translation>похоже на двоичные данные, а не на текст</translation>
    </message>
    <message>
        <source>looks like binary data, not text (no text encoding fits)</source>
        <translation>похоже на двоичные данные, а не на текст (не подходит ни одна кодировка)</translation>
    </message>
    <message>
        <source>has no article text (only menus, scripts or an empty page?)</source>
        <translation>нет текста статьи (только меню, скрипты или пустая страница?)</translation>
    </message>
    <message>
        <source>is not a Word document (no word/document.xml inside)</source>
        <translation>это не документ Word (внутри нет word/document.xml)</translation>
    </message>
    <message>
        <source>is not a valid .docx file (corrupt or not a zip container)</source>
        <translation>это не корректный файл .docx (повреждён или не zip-архив)</translation>
    </message>
    <message>
        <source>is not a valid .docx file ({error})</source>
        <translation>это не корректный файл .docx ({error})</translation>
    </message>
    <message>
        <source>is too large once unpacked ({size} MB)</source>
        <translation>после распаковки занимает слишком много ({size} МБ)</translation>
    </message>
    <message>
        <source>is a web page, not a PDF (rename it to .html to read it)</source>
        <translation>это веб-страница, а не PDF (переименуйте файл в .html, чтобы прочитать его)</translation>
    </message>
    <message>
        <source>is password-protected</source>
        <translation>защищён паролем</translation>
    </message>
    <message>
        <source>is not a valid PDF (corrupt?) ({error})</source>
        <translation>это не корректный PDF (повреждён?) ({error})</translation>
    </message>
    <message>
        <source>is not a valid PDF (it has no pages)</source>
        <translation>это не корректный PDF (в нём нет страниц)</translation>
    </message>
    <message>
        <source>is not a valid PDF (no page could be read)</source>
        <translation>это не корректный PDF (не читается ни одна страница)</translation>
    </message>
    <message>
        <source>is too long ({pages} pages; the limit is {limit})</source>
        <translation>слишком много страниц ({pages}; предел — {limit})</translation>
    </message>
    <message>
        <source>is too complex to read (its pages hold too many drawing instructions)</source>
        <translation>слишком сложен для чтения (на страницах слишком много графических команд)</translation>
    </message>
    <message>
        <source>has no text layer (scanned?); only PDFs with selectable text can be read</source>
        <translation>нет текстового слоя (скан?); читаются только PDF с выделяемым текстом</translation>
    </message>
    <message>
        <source>1 file in &apos;{folder}&apos; is not an article and was skipped</source>
        <translation>1 файл в «{folder}» не статья и пропущен</translation>
    </message>
    <message>
        <source>{count} files in &apos;{folder}&apos; are not articles and were skipped</source>
        <translation>в «{folder}» пропущены файлы, которые не являются статьями: {count}</translation>
    </message>
    <message>
        <source>&apos;{folder}&apos; holds no articles ({extensions})</source>
        <translation>в «{folder}» нет статей ({extensions})</translation>
    </message>
    <message>
        <source>could not open the folder &apos;{folder}&apos;: {error}</source>
        <translation>не удалось открыть папку «{folder}»: {error}</translation>
    </message>
    <message>
        <source>only the first {limit} files and folders were looked at: there are too many to list</source>
        <translation>просмотрены только первые {limit} файлов и папок: их слишком много</translation>
    </message>
    <message>
        <source>only the first {taken} of {total} articles are taken (the limit is {limit}); the other {left} were left out</source>
        <translation>взяты только первые статьи: {taken} из {total} (предел — {limit}); остальные ({left}) пропущены</translation>
    </message>
    <message>
        <source>only the first {taken} of more than {total} articles are taken (the limit is {limit}); the other {left} were left out</source>
        <translation>взяты только первые статьи: {taken} из более чем {total} (предел — {limit}); остальные ({left}) пропущены</translation>
    </message>
    <message>
        <source>Cannot open &apos;{link}&apos;: it is not a valid web link</source>
        <extracomment>Seconds a fetch may take altogether (also each wait for a connection or for data). Pages larger than this are refused (a news page&apos;s HTML is well under 1 MB). Redirects followed for one fetch (http to https, then a canonical address, is the usual two). Text longer than this is not taken for a link. A .url or .webloc file is a few hundred bytes; larger ones are not read.</extracomment>
        <translation>Не удалось открыть «{link}»: это не веб-ссылка</translation>
    </message>
    <message>
        <source>Cannot open &apos;{link}&apos;: only http:// and https:// links can be fetched, not {scheme}: links</source>
        <translation>Не удалось открыть «{link}»: загружаются только ссылки http:// и https://, а не {scheme}:</translation>
    </message>
    <message>
        <source>holds no link</source>
        <translation>ссылки внутри нет</translation>
    </message>
    <message>
        <source>is too large for a saved link (over {size})</source>
        <translation>слишком велик для сохранённой ссылки (больше {size})</translation>
    </message>
    <message>
        <source>is not a valid .webloc file (corrupt?)</source>
        <translation>это не корректный файл .webloc (повреждён?)</translation>
    </message>
    <message>
        <source>is not a valid Internet Shortcut (.url) file</source>
        <translation>это не корректный интернет-ярлык (.url)</translation>
    </message>
    <message>
        <source>is not a valid Internet Shortcut (.url) file (no [InternetShortcut] section)</source>
        <translation>это не корректный интернет-ярлык (.url): нет раздела [InternetShortcut]</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds} s</source>
        <translation>{host} не ответил за {seconds} с</translation>
    </message>
    <message>
        <source>{host} is too slow: {received} of the page came in {seconds} s</source>
        <translation>{host} отвечает слишком медленно: за {seconds} с получено {received} страницы</translation>
    </message>
    <message>
        <source>{host} did not answer in time</source>
        <translation>{host} не ответил вовремя</translation>
    </message>
    <message>
        <source>{host} broke off the transfer ({error})</source>
        <translation>{host} прервал передачу ({error})</translation>
    </message>
    <message>
        <source>{host} sent a malformed answer ({error})</source>
        <translation>{host} прислал некорректный ответ ({error})</translation>
    </message>
    <message>
        <source>{host} broke off the connection</source>
        <translation>{host} разорвал соединение</translation>
    </message>
    <message>
        <source>{url}: the server sent it on to &apos;{scheme}:&apos;, which is not fetched (only http and https are)</source>
        <translation>{url}: сервер перенаправил на «{scheme}:», а загружаются только http и https</translation>
    </message>
    <message>
        <source>{url}: the server sent it on to an address that is not fetched</source>
        <translation>{url}: сервер перенаправил на адрес, который не загружается</translation>
    </message>
    <message>
        <source>{url}: the server sent it on to an address that is not fetched (HTTP {code})</source>
        <translation>{url}: сервер перенаправил на адрес, который не загружается (HTTP {code})</translation>
    </message>
    <message>
        <source>{url}: too many redirects (more than {limit})</source>
        <translation>{url}: слишком много перенаправлений (больше {limit})</translation>
    </message>
    <message>
        <source>{url}: the page is too large (over {size})</source>
        <translation>{url}: страница слишком большая (больше {size})</translation>
    </message>
    <message>
        <source>{url}: the server answered {code}</source>
        <translation>{url}: сервер ответил {code}</translation>
    </message>
    <message>
        <source>{url}: the server answered {code} {status}</source>
        <translation>{url}: сервер ответил {code} {status}</translation>
    </message>
    <message>
        <source>Could not reach {host}: no network connection? (the name {name} was not found)</source>
        <translation>Нет связи с {host}: нет подключения к сети? (имя {name} не найдено)</translation>
    </message>
    <message>
        <source>Could not make a secure connection to {host}: {error}</source>
        <translation>Не удалось установить защищённое соединение с {host}: {error}</translation>
    </message>
    <message>
        <source>Could not reach {host}: the connection was refused (no server there?)</source>
        <translation>Нет связи с {host}: в соединении отказано (сервера там нет?)</translation>
    </message>
    <message>
        <source>Could not reach {host}: no network connection?</source>
        <translation>Нет связи с {host}: нет подключения к сети?</translation>
    </message>
    <message>
        <source>Could not reach {host}: {error}</source>
        <translation>Нет связи с {host}: {error}</translation>
    </message>
    <message>
        <source>{url} is an image ({type}), not an article</source>
        <translation>{url} — изображение ({type}), а не статья</translation>
    </message>
    <message>
        <source>{url} is a video ({type}), not an article</source>
        <translation>{url} — видео ({type}), а не статья</translation>
    </message>
    <message>
        <source>{url} is a sound file ({type}), not an article</source>
        <translation>{url} — звуковой файл ({type}), а не статья</translation>
    </message>
    <message>
        <source>{url} is a font ({type}), not an article</source>
        <translation>{url} — шрифт ({type}), а не статья</translation>
    </message>
    <message>
        <source>{url} is a file of type {type}, not an article</source>
        <translation>{url} — файл типа {type}, а не статья</translation>
    </message>
    <message>
        <source>{url} is a file of no stated type, not an article</source>
        <translation>{url} — файл без указанного типа, а не статья</translation>
    </message>
    <message>
        <source>{failed} of {pages} pages could not be read and were skipped.</source>
        <translation>Часть страниц не удалось прочитать, они пропущены: {failed} из {pages}.</translation>
    </message>
    <message>
        <source>{skipped} of {pages} pages were too complex to read and were skipped.</source>
        <translation>Часть страниц слишком сложна для чтения, они пропущены: {skipped} из {pages}.</translation>
    </message>
    <message>
        <source>Only the first {read} of {pages} pages were read: the PDF is slow to read.</source>
        <translation>Прочитаны только первые страницы ({read} из {pages}): этот PDF читается слишком медленно.</translation>
    </message>
    <message>
        <source>The article looks like {language}; it will be machine-translated into English before summarising.</source>
        <extracomment>What an article&apos;s reader is told about its language (Wording templates). ``language`` is one of :func:`article_languages`; ``language_name`` the English name of any other language.</extracomment>
        <translation>Язык статьи, похоже: {language}; перед составлением резюме она будет машинно переведена на английский.</translation>
    </message>
    <message>
        <source>The article looks like {language_name}; the summary may be poor: only articles in {languages} are supported ({translated_languages} ones are machine-translated into English first).</source>
        <translation>Язык статьи, похоже: {language_name}; резюме может получиться плохим. Поддерживаются только статьи на этих языках: {languages} (на английский сначала машинно переводятся статьи на языках: {translated_languages}).</translation>
    </message>
</context>
<context>
    <name>ReadingAids</name>
    <message>
        <source>Find in {place}</source>
        <extracomment>The Find bar&apos;s highlight layer in the views (the linked sentences have their own). The lane PDFs are written on: never behind a digest. More matches than this are not highlighted one by one (the count still says how many). The appearances of View › Appearance.</extracomment>
        <translation>Найти: {place}</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>Close the Find bar (Esc)</source>
        <translation>Закрыть панель поиска (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Совпадений нет</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} из {total}</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Обычный размер</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Найти &amp;ранее</translation>
    </message>
    <message>
        <source>Copy This &amp;Text</source>
        <translation>Копировать весь &amp;текст</translation>
    </message>
    <message>
        <source>Copy &amp;Digest</source>
        <translation>Копировать &amp;дайджест</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Экспорт в &amp;PDF…</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Как в &amp;системе</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Светлое</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Тёмное</translation>
    </message>
    <message>
        <source>Copy the whole text of the pane being read</source>
        <translation>Скопировать весь текст панели, которую вы читаете</translation>
    </message>
    <message>
        <source>Copy the summary and every translation, with headings, as text and HTML</source>
        <translation>Скопировать резюме и все переводы с заголовками — как текст и как HTML</translation>
    </message>
    <message>
        <source>Zoom: {points:+d} pt</source>
        <extracomment>The clipboard data this module set last (see :func:`put_on_clipboard`).</extracomment>
        <translation>Масштаб: {points:+d} пт</translation>
    </message>
    <message>
        <source>Zoom: actual size</source>
        <translation>Масштаб: обычный размер</translation>
    </message>
    <message>
        <source>Nothing to copy: this pane is empty.</source>
        <translation>Копировать нечего: эта панель пуста.</translation>
    </message>
    <message>
        <source>Copied the text of {place}.</source>
        <translation>Текст скопирован: {place}.</translation>
    </message>
    <message>
        <source>Copied the text.</source>
        <translation>Текст скопирован.</translation>
    </message>
    <message>
        <source>Copied the digest: the summary and every translation, with headings.</source>
        <translation>Дайджест скопирован: резюме и все переводы с заголовками.</translation>
    </message>
    <message>
        <source>Sent the digest to the printer.</source>
        <translation>Дайджест отправлен на печать.</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Экспорт в PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Запись {name}…</translation>
    </message>
    <message>
        <source>Exported the digest to {path}.</source>
        <translation>Дайджест сохранён в {path}.</translation>
    </message>
    <message>
        <source>Could not export the PDF: {error}</source>
        <translation>Не удалось сохранить PDF: {error}</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>&amp;Edit Text</source>
        <extracomment>An edit is committed once the typing has paused this long (or its pane is left). A revised digest goes over its history entry this long after its last change. How long the last history write waits, on the way out, for a summary still being translated. An edited translation of the summary may be this many times as long as the summary may be.</extracomment>
        <translation>&amp;Редактировать текст</translation>
    </message>
    <message>
        <source>Type in the text shown to correct it</source>
        <translation>Исправляйте показанный текст прямо в нём</translation>
    </message>
    <message>
        <source>&amp;Undo Typing</source>
        <translation>&amp;Отменить ввод</translation>
    </message>
    <message>
        <source>Undo the last change in the pane being edited</source>
        <translation>Отменить последнее изменение в редактируемой панели</translation>
    </message>
    <message>
        <source>&amp;Redo Typing</source>
        <translation>&amp;Повторить ввод</translation>
    </message>
    <message>
        <source>Redo what was undone in the pane being edited</source>
        <translation>Вернуть отменённое в редактируемой панели</translation>
    </message>
    <message>
        <source>Revert &amp;Sentence</source>
        <translation>Вернуть &amp;предложение</translation>
    </message>
    <message>
        <source>Put back what the model wrote for the sentence at the cursor</source>
        <translation>Вернуть то, что модель написала для предложения под курсором</translation>
    </message>
    <message>
        <source>Revert &amp;All in This Text</source>
        <translation>Вернуть &amp;весь этот текст</translation>
    </message>
    <message>
        <source>Put back what the model wrote for every sentence of the text shown</source>
        <translation>Вернуть то, что модель написала для каждого предложения показанного текста</translation>
    </message>
    <message>
        <source>Alternative &amp;Translations…</source>
        <translation>Другие &amp;варианты перевода…</translation>
    </message>
    <message>
        <source>Other translations of the sentence at the cursor, each translated back into English</source>
        <translation>Другие переводы предложения под курсором, каждый с обратным переводом на английский</translation>
    </message>
    <message>
        <source>Use the &amp;New Translation</source>
        <translation>Взять &amp;новый перевод</translation>
    </message>
    <message>
        <source>Replace your edit of the sentence at the cursor by the translation of its new English</source>
        <translation>Заменить вашу правку предложения под курсором переводом его нового английского текста</translation>
    </message>
    <message>
        <source>&amp;Back-Translate for Checking</source>
        <translation>&amp;Обратный перевод для проверки</translation>
    </message>
    <message>
        <source>Translate every Russian and Arabic sentence back into English, and flag those whose meaning may differ</source>
        <translation>Перевести каждое русское и арабское предложение обратно на английский и отметить те, чей смысл может отличаться</translation>
    </message>
    <message>
        <source>the English summary</source>
        <translation>английское резюме</translation>
    </message>
    <message>
        <source>the {language} summary</source>
        <translation>резюме ({language})</translation>
    </message>
    <message>
        <source>the {language} full text</source>
        <translation>полный текст ({language})</translation>
    </message>
    <message>
        <source>Your edit would leave {text} empty.</source>
        <extracomment>What was typed and not yet committed, by (entry, text key). The English summaries being translated again, by entry. Each text&apos;s sentences and positions, with the digest they were read from.</extracomment>
        <translation>После вашей правки {text} станет пустым.</translation>
    </message>
    <message>
        <source>Your edit would make {text} {count} characters long; it may be {limit} at most.</source>
        <translation>После вашей правки {text} будет длиной {count} зн.; допустимо не больше {limit}.</translation>
    </message>
    <message>
        <source>Your edit was not applied.</source>
        <translation>Ваша правка не применена.</translation>
    </message>
    <message>
        <source>What you typed is still in the pane and the digest is as it was: undo (Ctrl+Z) or correct it.</source>
        <translation>Введённое осталось в панели, а дайджест не изменился: отмените (Ctrl+Z) или исправьте.</translation>
    </message>
    <message>
        <source>Your edit was not applied: {reason}</source>
        <translation>Ваша правка не применена: {reason}</translation>
    </message>
    <message>
        <source>This engine cannot translate an edited summary.</source>
        <translation>Этот движок не умеет переводить исправленное резюме.</translation>
    </message>
    <message>
        <source>Translating the summary&apos;s changed sentences into {languages}…</source>
        <translation>Переводим изменённые предложения резюме: {languages}…</translation>
    </message>
    <message>
        <source>The summary&apos;s changes were carried into {languages}.</source>
        <translation>Изменения резюме перенесены в переводы: {languages}.</translation>
    </message>
    <message>
        <source>The edited summary could not be translated: {reason}</source>
        <translation>Не удалось перевести исправленное резюме: {reason}</translation>
    </message>
    <message>
        <source>Wait a moment: the summary&apos;s changes are being translated.</source>
        <translation>Подождите немного: изменения резюме переводятся.</translation>
    </message>
    <message>
        <source>Nothing to edit yet: digest an article first.</source>
        <translation>Пока нечего редактировать: сначала обработайте статью.</translation>
    </message>
    <message>
        <source>Editing {text}: type to correct it. Your changes are kept as you type; Ctrl+Z undoes them.</source>
        <translation>Редактирование: {text}. Исправляйте прямо в тексте; правки сохраняются по ходу, Ctrl+Z отменяет их.</translation>
    </message>
    <message>
        <source>This sentence is the model&apos;s own: nothing to revert.</source>
        <translation>Это предложение написано моделью: возвращать нечего.</translation>
    </message>
    <message>
        <source>The sentence is the model&apos;s again.</source>
        <translation>Предложению возвращён текст модели.</translation>
    </message>
    <message>
        <source>Nothing to revert: {text} is the model&apos;s own.</source>
        <translation>Возвращать нечего: {text} — текст модели.</translation>
    </message>
    <message>
        <source>Reverted: {text} is the model&apos;s again.</source>
        <translation>Возвращено: {text} снова в варианте модели.</translation>
    </message>
    <message>
        <source>Put the cursor in a translated sentence to see its alternative translations.</source>
        <translation>Поставьте курсор в переведённое предложение, чтобы увидеть другие варианты перевода.</translation>
    </message>
    <message>
        <source>this engine cannot find them.</source>
        <translation>этот движок не умеет их искать.</translation>
    </message>
    <message>
        <source>The sentence changed meanwhile: open its alternatives again.</source>
        <translation>Предложение тем временем изменилось: откройте варианты снова.</translation>
    </message>
    <message>
        <source>Alternative chosen: the sentence now reads “{text}”.</source>
        <translation>Выбран другой вариант: теперь предложение звучит так: «{text}».</translation>
    </message>
    <message>
        <source>Your corrections could not be kept in the history: {reason}</source>
        <translation>Ваши исправления не удалось сохранить в истории: {reason}</translation>
    </message>
    <message>
        <source>(As it was before your last edit of the summary, whose translations were still being made: save again in a moment for the edit.)</source>
        <translation>(В том виде, что был до вашей последней правки резюме: её переводы ещё готовились. Сохраните ещё раз чуть позже, чтобы правка попала в файл.)</translation>
    </message>
</context>
<context>
    <name>RevisionMarks</name>
    <message>
        <source>English changed: you edited this sentence before its English changed; the new machine translation is “{machine}” (right-click the sentence to use it)</source>
        <extracomment>The strip&apos;s width beside the text, and the bar&apos;s width in it. What a mark shows: a sentence edited, an alternative chosen, an edit whose English changed since. Each mark&apos;s colour on a light base, and on a dark one; and its text&apos;s ink. The views&apos; highlight layer of the revised sentences&apos; ink. The longest stretch of a text a tooltip quotes.</extracomment>
        <translation>Английский текст изменился: вы правили это предложение до того, как изменился его английский оригинал; новый машинный перевод — «{machine}» (щёлкните предложение правой кнопкой, чтобы взять его)</translation>
    </message>
    <message>
        <source>Chosen alternative: the model first wrote “{machine}”</source>
        <translation>Выбран другой вариант: сначала модель написала «{machine}»</translation>
    </message>
    <message>
        <source>Edited: written by you</source>
        <translation>Исправлено: написано вами</translation>
    </message>
    <message>
        <source>Edited: the model wrote “{machine}”</source>
        <translation>Исправлено: модель написала «{machine}»</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Unexpected error: {error}</source>
        <extracomment>The lane of everything that talks to the engine or the disk&apos;s models. The lane of model downloads. The lane of the Models dialog&apos;s disk work: reading each model&apos;s state, verifying its files&apos; hashes, removing it, checking a folder chosen for it. How long :meth:`BackgroundRunner.shutdown` waits for each lane&apos;s thread. What the work reads cancellation from and reports progress into (the runner&apos;s sink). Whether :meth:`BackgroundRunner.shutdown` lets the work run to its end. Whether the work has begun on its thread, and whether it has stopped running there (the task may have ended, by a cancel, before either). How long a lane running Python keeps the interpreter from the GUI thread at most. Showing the first of 200 dropped articles while lanes read the others: the longest stall 118-131 ms with Python&apos;s 5 ms, 44-63 ms with 1 ms. Work run inside :meth:`holding_back`, queued when it ends; None outside it.</extracomment>
        <translation>Непредвиденная ошибка: {error}</translation>
    </message>
</context>
<context>
    <name>SaveAll</name>
    <message>
        <source>Save All Digests</source>
        <translation>Сохранить все дайджесты</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Also save each new digest in this folder automatically</source>
        <translation>Сохранять сюда и каждый новый дайджест автоматически</translation>
    </message>
    <message numerus="yes">
        <source>Save %n Digests</source>
        <translation>
            <numerusform>Сохранить %n дайджест</numerusform>
            <numerusform>Сохранить %n дайджеста</numerusform>
            <numerusform>Сохранить %n дайджестов</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Save Digests In</source>
        <translation>Сохранить дайджесты в</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} — не папка</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n digests in {folder}.</source>
        <translation>
            <numerusform>Сохранён %n дайджест в {folder}.</numerusform>
            <numerusform>Сохранено %n дайджеста в {folder}.</numerusform>
            <numerusform>Сохранено %n дайджестов в {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be saved: {problem}</source>
        <translation>
            <numerusform>Не удалось сохранить %n: {problem}</numerusform>
            <numerusform>Не удалось сохранить %n: {problem}</numerusform>
            <numerusform>Не удалось сохранить %n: {problem}</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as {name}.</source>
        <translation>Сохранён как {name}.</translation>
    </message>
    <message>
        <source>Not saved automatically: {problem}</source>
        <translation>Не сохранён автоматически: {problem}</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>Save Digest</source>
        <translation>Сохранить дайджест</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>Не удалось сохранить {name}: {reason}</translation>
    </message>
    <message>
        <source>Could Not Save</source>
        <translation>Не удалось сохранить</translation>
    </message>
    <message>
        <source>Could not save {name}:
{reason}</source>
        <translation>Не удалось сохранить {name}:
{reason}</translation>
    </message>
    <message>
        <source>Saved the digest to {path}</source>
        <translation>Дайджест сохранён в {path}</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Заменить файл?</translation>
    </message>
    <message>
        <source>{name} already exists. Do you want to replace it?</source>
        <translation>{name} уже существует. Заменить его?</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Starting</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Models ready</source>
        <translation>Модели готовы</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Summarising {part}/{parts}</source>
        <translation>Составление резюме {part}/{parts}</translation>
    </message>
    <message>
        <source>Summarising parts {first}–{last} of {parts}</source>
        <translation>Составление резюме: части {first}–{last} из {parts}</translation>
    </message>
    <message>
        <source>Combining summaries</source>
        <translation>Объединение резюме</translation>
    </message>
    <message>
        <source>Translating summary to {language}</source>
        <translation>Перевод резюме: {language}</translation>
    </message>
    <message>
        <source>Translating article to {language}</source>
        <translation>Перевод статьи: {language}</translation>
    </message>
    <message>
        <source>Translating article from {language} to English</source>
        <translation>Перевод статьи на английский ({language})</translation>
    </message>
    <message>
        <source>Loading the summary model</source>
        <translation>Загрузка модели резюме</translation>
    </message>
    <message>
        <source>Loading the {language} translation model</source>
        <translation>Загрузка модели перевода: {language}</translation>
    </message>
    <message>
        <source>Loading the {language}-to-English model</source>
        <translation>Загрузка модели перевода на английский ({language})</translation>
    </message>
    <message>
        <source>Translating the {language} text back into English</source>
        <translation>Обратный перевод текста ({language}) на английский</translation>
    </message>
    <message>
        <source>Finding other translations into {language}</source>
        <translation>Поиск других вариантов перевода ({language})</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open…</source>
        <extracomment>Zoom, Find, Copy, Print, Export PDF and Appearance (acted on by the workspace). Edit Text, Undo, Redo, Revert, Alternatives, and View › Back-Translate (acted on by the review controller).</extracomment>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open one or more article files</source>
        <translation>Открыть один или несколько файлов статей</translation>
    </message>
    <message>
        <source>&amp;New from Clipboard</source>
        <translation>&amp;Создать из буфера обмена</translation>
    </message>
    <message>
        <source>Make an article of the copied text, or open the copied link or files</source>
        <translation>Сделать статью из скопированного текста или открыть скопированную ссылку или файлы</translation>
    </message>
    <message>
        <source>Save &amp;All Digests…</source>
        <translation>Сохранить &amp;все дайджесты…</translation>
    </message>
    <message>
        <source>Save every finished digest in a folder</source>
        <translation>Сохранить все готовые дайджесты в папку</translation>
    </message>
    <message>
        <source>&amp;Save Digest As…</source>
        <translation>Со&amp;хранить дайджест как…</translation>
    </message>
    <message>
        <source>Save the digest as text, Markdown, HTML, JSON or Word</source>
        <translation>Сохранить дайджест как текст, Markdown, HTML, JSON или Word</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Digest</source>
        <translation>&amp;Обработать</translation>
    </message>
    <message>
        <source>Summarise and translate the article</source>
        <translation>Составить резюме статьи и перевести его</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>О&amp;тмена</translation>
    </message>
    <message>
        <source>Stop the running digest</source>
        <translation>Остановить обработку</translation>
    </message>
    <message>
        <source>Cancel &amp;All</source>
        <translation>Отменить &amp;все</translation>
    </message>
    <message>
        <source>Stop the running digest and take every waiting article off the queue</source>
        <translation>Остановить обработку и убрать из очереди все ожидающие статьи</translation>
    </message>
    <message>
        <source>Choose &amp;Models Folder…</source>
        <translation>Указать &amp;папку моделей…</translation>
    </message>
    <message>
        <source>Pick the folder that holds the downloaded models</source>
        <translation>Выбрать папку с загруженными моделями</translation>
    </message>
    <message>
        <source>Manage &amp;Models…</source>
        <translation>&amp;Модели…</translation>
    </message>
    <message>
        <source>See which models are installed; download, verify or remove them</source>
        <translation>Какие модели установлены; загрузить, проверить или удалить их</translation>
    </message>
    <message>
        <source>Show &amp;History…</source>
        <translation>Показать &amp;историю…</translation>
    </message>
    <message>
        <source>Reopen a past digest</source>
        <translation>Снова открыть прошлый дайджест</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;Link Sentences</source>
        <translation>&amp;Связывать предложения</translation>
    </message>
    <message>
        <source>Point at a sentence to light up the sentences it is linked to in the other pane</source>
        <translation>Наведите на предложение, чтобы подсветить связанные с ним предложения в другой панели</translation>
    </message>
    <message>
        <source>&amp;Next Flag</source>
        <translation>С&amp;ледующая отметка</translation>
    </message>
    <message>
        <source>Go to the next sentence flagged to check</source>
        <translation>К следующему предложению, отмеченному для проверки</translation>
    </message>
    <message>
        <source>&amp;Previous Flag</source>
        <translation>&amp;Предыдущая отметка</translation>
    </message>
    <message>
        <source>Go to the previous sentence flagged to check</source>
        <translation>К предыдущему предложению, отмеченному для проверки</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;О программе «{app}»</translation>
    </message>
    <message>
        <source>{profile}: {tip}</source>
        <translation>{profile}: {tip}</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Sentences underlined in amber are worth checking: F8 goes to the next, Shift+F8 to the previous</source>
        <extracomment>How long &quot;Models found — press Digest&quot; stays (a digest started or another check clears it sooner). The engine and the history corrections go through (see :attr:`review`). Editing the digest shown, and passing the edits on (with an engine and a history). The reading view last clicked or typed in (Find and Copy This Text act on it). The article shown (see :meth:`show_entry`), with its digest or what it has so far. Its state and digest when it was shown (a change shows it again). The line under the tabs and its tooltip, said again when the interface&apos;s language changes. What the models check found missing last, and for what: (profile, languages, article language), to tell models found since from models no longer needed. Counts the models checks answered: only the latest one&apos;s advice is shown. The number of sentences flagged in the digest shown.</extracomment>
        <translation>Предложения, подчёркнутые оранжевым, стоит проверить: F8 — к следующему, Shift+F8 — к предыдущему</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>статья</translation>
    </message>
    <message>
        <source>Sentences are linked: point at one to see where it comes from.</source>
        <translation>Предложения связаны: наведите на любое, чтобы увидеть, откуда оно.</translation>
    </message>
    <message>
        <source>Sentences are no longer linked (flags stay underlined).</source>
        <translation>Предложения больше не связаны (отметки остаются подчёркнутыми).</translation>
    </message>
    <message>
        <source>Incomplete: the digest was cancelled. What was written before is shown; it is not in the history.</source>
        <translation>Не завершено: обработку отменили. Показано то, что успело написаться; в историю это не попадёт.</translation>
    </message>
    <message>
        <source>Still digesting: texts marked … are not finished (the summary may still change).</source>
        <translation>Идёт обработка: тексты с «…» ещё не готовы (резюме может измениться).</translation>
    </message>
</context>
</TS>
