<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>Alternatives</name>
    <message>
        <source>Alternative translations</source>
        <extracomment>The widest an entry of the menu is, in average characters of its font (longer text is cut with &quot;…&quot;; the whole is in its tooltip and the status bar).</extracomment>
        <translation>ترجمات بديلة</translation>
    </message>
    <message>
        <source>Finding alternative translations…</source>
        <translation>جارٍ البحث عن ترجمات بديلة…</translation>
    </message>
    <message>
        <source>No other translation found for this sentence.</source>
        <translation>لم تُوجد ترجمة أخرى لهذه الجملة.</translation>
    </message>
    <message>
        <source>In English: “{text}”</source>
        <translation>بالإنجليزية: «{text}»</translation>
    </message>
    <message>
        <source>(not translated back: the model that translates it into English is not installed)</source>
        <translation>(بلا ترجمة عكسية: نموذج الترجمة إلى الإنجليزية غير مثبّت)</translation>
    </message>
    <message>
        <source>No alternatives: {reason}</source>
        <translation>لا بدائل: {reason}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>

Details are in the log: {path}</source>
        <extracomment>Fallback clock when the process&apos;s own start time is unknown: when this module was imported. Qt&apos;s own command-line options (see QGuiApplication), with and without a value.</extracomment>
        <translation>

التفاصيل في السجل: {path}</translation>
    </message>
    <message>
        <source>{app}: Unexpected Error</source>
        <translation>{app}: خطأ غير متوقع</translation>
    </message>
    <message>
        <source>Something went wrong, but the app is still running.

{summary}{where}</source>
        <translation>حدث خطأ ما، لكن التطبيق ما زال يعمل.

{summary}{where}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Article Digest</source>
        <extracomment>The interface&apos;s languages (the language table&apos;s ``interface`` ones), each named in itself (the View › Language entries; never translated). Our catalogue&apos;s file name before ``_&lt;lang&gt;.qm``. The app&apos;s name as the window title, the About box and the desktop entry show it.</extracomment>
        <translation>موجز المقالات</translation>
    </message>
</context>
<context>
    <name>ArticleIntake</name>
    <message>
        <source>Pasted text</source>
        <extracomment>What to queue a digest with: (options, engine config), or None when it cannot run now. What is done with an entry when its article is read, or cannot be. Pasted text&apos;s label in the list is its first line, cut to this many characters.</extracomment>
        <translation>نص ملصق</translation>
    </message>
    <message numerus="yes">
        <source>Opened {name} (%n words). Press Digest (Ctrl+Return) to summarise and translate it.</source>
        <translation>
            <numerusform>فُتح {name} (بلا كلمات). اضغط «لخّص» (Ctrl+Return) لتلخيصه وترجمته.</numerusform>
            <numerusform>فُتح {name} (كلمة واحدة). اضغط «لخّص» (Ctrl+Return) لتلخيصه وترجمته.</numerusform>
            <numerusform>فُتح {name} (كلمتان). اضغط «لخّص» (Ctrl+Return) لتلخيصه وترجمته.</numerusform>
            <numerusform>فُتح {name} (%n كلمات). اضغط «لخّص» (Ctrl+Return) لتلخيصه وترجمته.</numerusform>
            <numerusform>فُتح {name} (%n كلمة). اضغط «لخّص» (Ctrl+Return) لتلخيصه وترجمته.</numerusform>
            <numerusform>فُتح {name} (%n كلمة). اضغط «لخّص» (Ctrl+Return) لتلخيصه وترجمته.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to open: drop an article file, a folder, a link or some text.</source>
        <translation>لا شيء لفتحه: أفلت ملف مقالة أو مجلدًا أو رابطًا أو نصًا.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>جارٍ فتح {name}…</translation>
    </message>
    <message>
        <source>Nothing to open: no article files there.</source>
        <translation>لا شيء لفتحه: لا توجد ملفات مقالات هناك.</translation>
    </message>
    <message numerus="yes">
        <source>%n articles queued for digesting.</source>
        <translation>
            <numerusform>لم تُضف أي مقالة إلى قائمة الانتظار.</numerusform>
            <numerusform>أُضيفت مقالة واحدة إلى قائمة الانتظار.</numerusform>
            <numerusform>أُضيفت مقالتان إلى قائمة الانتظار.</numerusform>
            <numerusform>أُضيفت %n مقالات إلى قائمة الانتظار.</numerusform>
            <numerusform>أُضيفت %n مقالة إلى قائمة الانتظار.</numerusform>
            <numerusform>أُضيفت %n مقالة إلى قائمة الانتظار.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles opened (not digested: models are missing).</source>
        <translation>
            <numerusform>لم تُفتح أي مقالة.</numerusform>
            <numerusform>فُتحت مقالة واحدة (دون تلخيص: النماذج غير موجودة).</numerusform>
            <numerusform>فُتحت مقالتان (دون تلخيص: النماذج غير موجودة).</numerusform>
            <numerusform>فُتحت %n مقالات (دون تلخيص: النماذج غير موجودة).</numerusform>
            <numerusform>فُتحت %n مقالة (دون تلخيص: النماذج غير موجودة).</numerusform>
            <numerusform>فُتحت %n مقالة (دون تلخيص: النماذج غير موجودة).</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching {source}…</source>
        <translation>جارٍ جلب {source}…</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>جارٍ قراءة {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be opened (marked ✗ in the list).</source>
        <translation>
            <numerusform>لم يتعذّر فتح أي ملف.</numerusform>
            <numerusform>تعذّر فتح ملف واحد (عليه ✗ في القائمة).</numerusform>
            <numerusform>تعذّر فتح ملفين (عليهما ✗ في القائمة).</numerusform>
            <numerusform>تعذّر فتح %n ملفات (عليها ✗ في القائمة).</numerusform>
            <numerusform>تعذّر فتح %n ملفًا (عليها ✗ في القائمة).</numerusform>
            <numerusform>تعذّر فتح %n ملف (عليها ✗ في القائمة).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to open: the text is empty.</source>
        <translation>لا شيء لفتحه: النص فارغ.</translation>
    </message>
    <message>
        <source>Made an article of the text. Press Digest (Ctrl+Return) to summarise and translate it.</source>
        <translation>صار النص مقالة. اضغط «لخّص» (Ctrl+Return) لتلخيصها وترجمتها.</translation>
    </message>
    <message>
        <source>The clipboard holds no text, link or file to open.</source>
        <translation>لا تحتوي الحافظة على نص أو رابط أو ملف لفتحه.</translation>
    </message>
</context>
<context>
    <name>ArticleQueue</name>
    <message>
        <source>Reading…</source>
        <extracomment>The lane articles are read (and pages fetched) on, beside the engine&apos;s.</extracomment>
        <translation>جارٍ القراءة…</translation>
    </message>
    <message>
        <source>Not digested</source>
        <translation>لم تُلخَّص</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <source>Digesting</source>
        <translation>جارٍ التلخيص</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>اكتمل</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Could not be opened</source>
        <extracomment>Its article could not be read (its ``reason`` says why; there is nothing to digest).</extracomment>
        <translation>تعذّر الفتح</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <extracomment>Why reading or digesting failed (one line, in the interface&apos;s language when it failed). The error itself, so the list can say it again in another language. The generated texts published before the digest ended, by alignment key. What the digest was asked for when the article was queued. Whether the digest should start as soon as the article is read.</extracomment>
        <translation>مقالة بلا عنوان</translation>
    </message>
    <message>
        <source>Waiting for the engine…</source>
        <translation>في انتظار المحرّك…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>جارٍ البدء…</translation>
    </message>
</context>
<context>
    <name>BackTranslation</name>
    <message>
        <source>Back-translation is on: every Russian and Arabic sentence is translated back into English for checking.</source>
        <extracomment>Back-translation starts this long after a digest is shown or revised. A failure stops it until it is switched off and on again (a missing model, say).</extracomment>
        <translation>الترجمة العكسية مفعّلة: تُترجم كل جملة روسية وعربية عكسيًا إلى الإنجليزية للتحقق منها.</translation>
    </message>
    <message>
        <source>Back-translation is off (the back-translations made are kept).</source>
        <translation>الترجمة العكسية معطّلة (ما أُنجز منها محفوظ).</translation>
    </message>
    <message>
        <source>Back-translation done: check the sentences flagged “Meaning may differ”.</source>
        <translation>اكتملت الترجمة العكسية: راجع الجمل الموسومة «قد يختلف المعنى».</translation>
    </message>
    <message>
        <source>Back-translation stopped: {reason}</source>
        <translation>توقفت الترجمة العكسية: {reason}</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>The number {number} in the source is missing here.</source>
        <translation>الرقم {number} الوارد في النص المصدر غير موجود هنا.</translation>
    </message>
    <message>
        <source>The numbers {numbers} in the source are missing here.</source>
        <translation>الأرقام {numbers} الواردة في النص المصدر غير موجودة هنا.</translation>
    </message>
    <message>
        <source>The number {number} here is not in the source.</source>
        <translation>الرقم {number} الوارد هنا غير موجود في النص المصدر.</translation>
    </message>
    <message>
        <source>The numbers {numbers} here are not in the source.</source>
        <translation>الأرقام {numbers} الواردة هنا غير موجودة في النص المصدر.</translation>
    </message>
    <message>
        <source>This looks untranslated: most of it is in Latin script, not {language}.</source>
        <translation>يبدو أن هذا غير مترجم: معظمه بالحروف اللاتينية، لا باللغة {language}.</translation>
    </message>
    <message>
        <source>This looks like the wrong language: most of it is not in {script} script.</source>
        <translation>يبدو أن اللغة خاطئة: معظم النص ليس بالخط {script}.</translation>
    </message>
    <message>
        <source>This looks like the wrong language: most of it is in {script} script, not {language}.</source>
        <translation>يبدو أن اللغة خاطئة: معظم النص بالخط {script}، لا باللغة {language}.</translation>
    </message>
    <message>
        <source>This looks untranslated: it is the same as the English source.</source>
        <translation>يبدو أن هذا غير مترجم: إنه مطابق للنص الإنجليزي المصدر.</translation>
    </message>
    <message>
        <source>This looks untranslated: it is nearly the same as the English source.</source>
        <translation>يبدو أن هذا غير مترجم: إنه يكاد يطابق النص الإنجليزي المصدر.</translation>
    </message>
    <message>
        <source>A phrase repeats: {phrase}.</source>
        <translation>عبارة تتكرر: {phrase}.</translation>
    </message>
    <message>
        <source>A phrase appears {times} times: {phrase}.</source>
        <translation>عبارة تتكرر مرات عدة (×{times}): {phrase}.</translation>
    </message>
    <message>
        <source>This translation is {ratio} times as long as the English; it may repeat itself or add things.</source>
        <translation>هذه الترجمة أطول من النص الإنجليزي بمقدار {ratio} مرة؛ ربما تكرر نفسها أو تضيف أشياء.</translation>
    </message>
    <message>
        <source>This translation is much shorter than the English ({percent}% of its length); part of it may be missing.</source>
        <translation>هذه الترجمة أقصر بكثير من النص الإنجليزي ({percent}% من طوله)؛ ربما سقط جزء منها.</translation>
    </message>
    <message>
        <source>This summary sentence names {names}, which the article does not mention.</source>
        <translation>تذكر جملة الملخص هذه {names}، ولا تذكرها المقالة.</translation>
    </message>
    <message>
        <source>This summary sentence gives the number {numbers}, which the article does not mention.</source>
        <translation>تورد جملة الملخص هذه الرقم {numbers}، ولا تذكره المقالة.</translation>
    </message>
    <message>
        <source>This summary sentence gives the numbers {numbers}, which the article does not mention.</source>
        <translation>تورد جملة الملخص هذه الأرقام {numbers}، ولا تذكرها المقالة.</translation>
    </message>
    <message>
        <source>The translation model was unsure of this sentence (confidence {confidence}).</source>
        <translation>لم يكن نموذج الترجمة واثقًا من هذه الجملة (درجة الثقة {confidence}).</translation>
    </message>
    <message>
        <source>Translated back into English, this sentence lacks the number {number}.</source>
        <translation>عند ترجمة هذه الجملة عكسيًا إلى الإنجليزية يغيب عنها الرقم {number}.</translation>
    </message>
    <message>
        <source>Translated back into English, this sentence lacks the numbers {numbers}.</source>
        <translation>عند ترجمة هذه الجملة عكسيًا إلى الإنجليزية تغيب عنها الأرقام {numbers}.</translation>
    </message>
    <message>
        <source>Translated back into English, this sentence does not mention {names}.</source>
        <translation>عند ترجمة هذه الجملة عكسيًا إلى الإنجليزية لا تذكر {names}.</translation>
    </message>
    <message>
        <source>Translated back into English, this sentence reads {back}, far from the English (similarity {percent}%).</source>
        <translation>عند ترجمة هذه الجملة عكسيًا إلى الإنجليزية تصبح {back}، وهي بعيدة عن الأصل الإنجليزي (التشابه {percent}%).</translation>
    </message>
    <message>
        <source>“{part}” (in “{name}”)</source>
        <extracomment>One of the {names} above: the words of a longer name that the article lacks, as a wording of its own inside the reason&apos;s (see models.common.wording).</extracomment>
        <translation>“{part}” (ضمن “{name}”)</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>اللاتيني</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>السيريلي</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربي</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>غير مترجم</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>تكرار</translation>
    </message>
    <message>
        <source>Meaning may differ</source>
        <extracomment>Raised on a translated sentence by its translation back into English (models.digest.revise).</extracomment>
        <translation>قد يختلف المعنى</translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation>ثقة منخفضة</translation>
    </message>
    <message>
        <source>Not in the article</source>
        <translation>غير وارد في المقالة</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list but the last two</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>{items} and {last}</source>
        <translation>{items} و{last}</translation>
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
        <translation>نسخة التطوير</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>الإصدار {version}</translation>
    </message>
    <message>
        <source>Summarises a news article and translates the summary (and, if asked, the whole article) into Russian and Arabic, on this computer, with open models from the Hugging Face Hub.</source>
        <translation>يلخّص مقالة إخبارية ويترجم الملخص (والمقالة كلها إن طُلب ذلك) إلى الروسية والعربية، على هذا الحاسوب، بنماذج مفتوحة من Hugging Face Hub.</translation>
    </message>
    <message>
        <source>Machine summaries and translations can be wrong: check anything that matters against the original.</source>
        <translation>قد تخطئ الملخصات والترجمات الآلية: راجع كل ما يهمّ على النص الأصلي.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>المهمة</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>الجودة</translation>
    </message>
    <message>
        <source>{profile} profile (in use)</source>
        <translation>ملف «{profile}» (قيد الاستخدام)</translation>
    </message>
    <message>
        <source>{profile} profile</source>
        <translation>ملف «{profile}»</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} م.ب</translation>
    </message>
    <message>
        <source>the default models folder</source>
        <translation>مجلد النماذج الافتراضي</translation>
    </message>
    <message>
        <source>Models are read from {folder}.</source>
        <translation>تُقرأ النماذج من {folder}.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>حول «{app}»</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>Open a file</source>
        <translation>فتح ملف</translation>
    </message>
    <message>
        <source>Drop it anywhere on the window</source>
        <translation>أفلته في أي مكان من النافذة</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <source>History</source>
        <extracomment>How many rows the History dialog lists in one pass of the event loop (a few milliseconds&apos; work).</extracomment>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <extracomment>Whether every row has been listed (else the history is still being read, or listed).</extracomment>
        <translation>جارٍ قراءة السجل…</translation>
    </message>
    <message>
        <source>No digests yet. Every finished digest is kept here.</source>
        <translation>لا توجد موجزات بعد. يُحفظ هنا كل موجز مكتمل.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>only web pages (http, https) and files on this computer can be opened.</source>
        <translation>لا يمكن فتح سوى صفحات الويب (http و https) والملفات الموجودة على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>it is a folder. Drop an article file instead.</source>
        <translation>هذا مجلد. أفلت ملف مقالة بدلًا منه.</translation>
    </message>
    <message>
        <source>the file does not exist.</source>
        <translation>الملف غير موجود.</translation>
    </message>
    <message>
        <source>it holds no web address.</source>
        <translation>لا يحتوي على عنوان ويب.</translation>
    </message>
    <message>
        <source>{extension} files are not supported (supported: {listed}).</source>
        <translation>ملفات {extension} غير مدعومة (المدعوم: {listed}).</translation>
    </message>
    <message>
        <source>files without an extension are not supported (supported: {listed}).</source>
        <translation>الملفات بلا امتداد غير مدعومة (المدعوم: {listed}).</translation>
    </message>
    <message>
        <source>Cannot open {name}: {reason}</source>
        <extracomment>The status bar&apos;s line for an article that cannot be opened, and for text that makes none.</extracomment>
        <translation>تعذّر فتح {name}: {reason}</translation>
    </message>
    <message>
        <source>Cannot use that text as an article: it {reason}</source>
        <translation>لا يمكن جعل هذا النص مقالة لأنه {reason}</translation>
    </message>
    <message>
        <source>This article could not be opened.</source>
        <extracomment>The lane the history is read and written on.</extracomment>
        <translation>تعذّر فتح هذه المقالة.</translation>
    </message>
    <message>
        <source>(Not added to History: {problem})</source>
        <extracomment>The latest past digests, newest first, as last listed (:meth:`refresh_recent`). Whether a listing of the latest is under way, and whether another is wanted after it.</extracomment>
        <translation>(لم يُضف إلى السجل: {problem})</translation>
    </message>
    <message>
        <source>Cannot read the history: {error}</source>
        <translation>تعذّرت قراءة السجل: {error}</translation>
    </message>
    <message>
        <source>Cannot open that digest from the history: {error}</source>
        <translation>تعذّر فتح هذا الموجز من السجل: {error}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Russian</source>
        <translation>الروسية</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <extracomment>The scripts a translation&apos;s letters are counted in (to tell an untranslated sentence). ISO 639-1 code (&quot;ru&quot;). English name, marked for translation (&quot;Russian&quot;). The name written in the language itself, for tab titles (&quot;Русский&quot;). Whether a digest can be translated into it (English is the summary&apos;s own language). Whether the window&apos;s interface speaks it (``resources/translations/article_digest_&lt;code&gt;.ts``). Marks that end a sentence besides ``. ! ? …`` when a space follows (&quot;؟&quot;). Marks that end a sentence with no space after them, in scripts written without spaces between sentences (&quot;。！？&quot;). The language&apos;s number words by their lookup key (None: its numbers are read from digits only). How a word is keyed for that lookup. One-letter words glued to the front of a number word (&quot;و&quot;, &quot;ب&quot;, &quot;ل&quot;: &quot;and&quot;, &quot;with&quot;, &quot;for&quot;). Units said before tens (&quot;خمسة وعشرون&quot;, five and twenty; &quot;أحد عشر&quot;, one-ten, eleven). A word after which a Roman numeral is a century (&quot;век&quot;: &quot;XX век&quot;). Whether &quot;,&quot; always groups thousands and &quot;.&quot; always marks decimals (English: &quot;12,000.5&quot;), so a number has one reading; elsewhere &quot;12.000&quot; and &quot;12,5&quot; may mean either. Whether a hyphen joins number words (&quot;twenty-five&quot;). A translation&apos;s length over its English source&apos;s, outside which it is flagged. Font families known to read it well, tried first; any installed one of its script follows. How much larger than Latin text it reads well at (Arabic script: 1.2). OPUS-MT&apos;s ISO 639-3 codes for it, most specific first (a multi-target model&apos;s ``&gt;&gt;rus&lt;&lt;``). &quot;articles in Russian&quot;, said whole (Russian and Arabic decline the words around a language&apos;s name), marked for translation; &quot;&quot; for English. What its empty summary tab says, in the language itself (so the tab shows its script and direction before a digest). Every language, in the order the window and the exports list them.</extracomment>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Afrikaans</source>
        <extracomment>What the reader is told about the reading (Wordings of :data:`ARTICLE_NOTICE_TEMPLATES`). How pasted text is named in its errors when the caller gives no source. Each format&apos;s reader: (the path, named in errors; the bytes[; a declared charset]) -&gt; its text. English names for the other languages a news article is likely to be in (the table&apos;s own languages are named by :mod:`models.common.languages`), marked for translation: an article&apos;s notice names its language. Others show by their code.</extracomment>
        <translation>الأفريكانية</translation>
    </message>
    <message>
        <source>Amharic</source>
        <translation>الأمهرية</translation>
    </message>
    <message>
        <source>Azerbaijani</source>
        <translation>الأذربيجانية</translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation>البيلاروسية</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>البلغارية</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>البنغالية</translation>
    </message>
    <message>
        <source>Bosnian</source>
        <translation>البوسنية</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>الكتالونية</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>التشيكية</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>الويلزية</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>الدنماركية</translation>
    </message>
    <message>
        <source>German</source>
        <translation>الألمانية</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>اليونانية</translation>
    </message>
    <message>
        <source>Esperanto</source>
        <translation>الإسبرانتو</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>الإسبانية</translation>
    </message>
    <message>
        <source>Estonian</source>
        <translation>الإستونية</translation>
    </message>
    <message>
        <source>Basque</source>
        <translation>الباسكية</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>الفارسية</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>الفنلندية</translation>
    </message>
    <message>
        <source>French</source>
        <translation>الفرنسية</translation>
    </message>
    <message>
        <source>Irish</source>
        <translation>الأيرلندية</translation>
    </message>
    <message>
        <source>Galician</source>
        <translation>الجاليكية</translation>
    </message>
    <message>
        <source>Gujarati</source>
        <translation>الغوجاراتية</translation>
    </message>
    <message>
        <source>Hausa</source>
        <translation>الهوسا</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>العبرية</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>الهندية</translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation>الكرواتية</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>المجرية</translation>
    </message>
    <message>
        <source>Armenian</source>
        <translation>الأرمنية</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>الإندونيسية</translation>
    </message>
    <message>
        <source>Icelandic</source>
        <translation>الآيسلندية</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>الإيطالية</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>اليابانية</translation>
    </message>
    <message>
        <source>Georgian</source>
        <translation>الجورجية</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>الكازاخية</translation>
    </message>
    <message>
        <source>Khmer</source>
        <translation>الخميرية</translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation>الكانادا</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>الكورية</translation>
    </message>
    <message>
        <source>Kurdish</source>
        <translation>الكردية</translation>
    </message>
    <message>
        <source>Kyrgyz</source>
        <translation>القيرغيزية</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>اللاتينية</translation>
    </message>
    <message>
        <source>Luxembourgish</source>
        <translation>اللوكسمبورغية</translation>
    </message>
    <message>
        <source>Lao</source>
        <translation>اللاوية</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>الليتوانية</translation>
    </message>
    <message>
        <source>Latvian</source>
        <translation>اللاتفية</translation>
    </message>
    <message>
        <source>Macedonian</source>
        <translation>المقدونية</translation>
    </message>
    <message>
        <source>Malayalam</source>
        <translation>المالايالامية</translation>
    </message>
    <message>
        <source>Mongolian</source>
        <translation>المنغولية</translation>
    </message>
    <message>
        <source>Marathi</source>
        <translation>الماراثية</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>الملايوية</translation>
    </message>
    <message>
        <source>Maltese</source>
        <translation>المالطية</translation>
    </message>
    <message>
        <source>Burmese</source>
        <translation>البورمية</translation>
    </message>
    <message>
        <source>Nepali</source>
        <translation>النيبالية</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>الهولندية</translation>
    </message>
    <message>
        <source>Norwegian Nynorsk</source>
        <translation>النرويجية (نينورسك)</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>النرويجية</translation>
    </message>
    <message>
        <source>Punjabi</source>
        <translation>البنجابية</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>البولندية</translation>
    </message>
    <message>
        <source>Pashto</source>
        <translation>البشتوية</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>البرتغالية</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>الرومانية</translation>
    </message>
    <message>
        <source>Sinhala</source>
        <translation>السنهالية</translation>
    </message>
    <message>
        <source>Slovak</source>
        <translation>السلوفاكية</translation>
    </message>
    <message>
        <source>Slovenian</source>
        <translation>السلوفينية</translation>
    </message>
    <message>
        <source>Somali</source>
        <translation>الصومالية</translation>
    </message>
    <message>
        <source>Albanian</source>
        <translation>الألبانية</translation>
    </message>
    <message>
        <source>Serbian</source>
        <translation>الصربية</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>السويدية</translation>
    </message>
    <message>
        <source>Swahili</source>
        <translation>السواحلية</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>التاميلية</translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation>التيلوغوية</translation>
    </message>
    <message>
        <source>Tajik</source>
        <translation>الطاجيكية</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>التايلاندية</translation>
    </message>
    <message>
        <source>Turkmen</source>
        <translation>التركمانية</translation>
    </message>
    <message>
        <source>Tagalog</source>
        <translation>التاغالوغية</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>التركية</translation>
    </message>
    <message>
        <source>Tatar</source>
        <translation>التترية</translation>
    </message>
    <message>
        <source>Uyghur</source>
        <translation>الأويغورية</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>الأوكرانية</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>الأردية</translation>
    </message>
    <message>
        <source>Uzbek</source>
        <translation>الأوزبكية</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>الفيتنامية</translation>
    </message>
    <message>
        <source>Yoruba</source>
        <translation>اليوروبا</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>الصينية</translation>
    </message>
    <message>
        <source>Zulu</source>
        <translation>الزولو</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>{language} translation</source>
        <translation>الترجمة إلى {language}</translation>
    </message>
    <message>
        <source>{language} to English</source>
        <translation>من {language} إلى الإنجليزية</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <source>Summary</source>
        <extracomment>The kinds of highlight, kept in each extra selection&apos;s format under :data:`KIND_PROPERTY`. an article sentence the summary drew on (Summary tab only) a sentence linked to the one under the pointer (in the other pane) the sentence under the pointer, clicked or holding the text cursor a generated sentence flagged to check (wavy underline) The views&apos; highlight layer of the linked sentences and flags (the Find bar has its own). Tooltip lines are wrapped at this many characters (a tooltip label would wrap them narrower). Background alpha (0..255) of each kind over the palette&apos;s highlight colour: light, dark base. The flags&apos; wavy underline: amber, darker on a light base, lighter on a dark one. The document position of each astral character (each takes two).</extracomment>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>{language} summary</source>
        <translation>الملخص بـ{language}</translation>
    </message>
    <message>
        <source>{language} full text</source>
        <translation>النص الكامل بـ{language}</translation>
    </message>
    <message numerus="yes">
        <source>%n sentences to check</source>
        <translation>
            <numerusform>لا جمل للمراجعة</numerusform>
            <numerusform>جملة واحدة للمراجعة</numerusform>
            <numerusform>جملتان للمراجعة</numerusform>
            <numerusform>%n جمل للمراجعة</numerusform>
            <numerusform>%n جملة للمراجعة</numerusform>
            <numerusform>%n جملة للمراجعة</numerusform>
        </translation>
    </message>
    <message>
        <source>English summary: {sentences}</source>
        <translation>الملخص الإنجليزي: {sentences}</translation>
    </message>
    <message>
        <source>English: {sentence}</source>
        <translation>بالإنجليزية: {sentence}</translation>
    </message>
    <message>
        <source>Back-translation: {sentence}</source>
        <translation>الترجمة العكسية: {sentence}</translation>
    </message>
    <message>
        <source>No digest to check: open an article and digest it first.</source>
        <extracomment>The generated views by alignment key (``summary``, ``summary:ru``, ``article:ar``…). The tooltip text (plain, one line per item) last worked out for a point.</extracomment>
        <translation>لا موجز لمراجعته: افتح مقالة ولخّصها أولًا.</translation>
    </message>
    <message>
        <source>No sentences to check in this digest: none was flagged.</source>
        <translation>لا جمل للمراجعة في هذا الموجز: لم تُعلَّم أي جملة.</translation>
    </message>
    <message>
        <source>Flag {number} of {count}, {place}: {reasons}</source>
        <translation>التنبيه {number} من {count}، {place}: {reasons}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Could not check the models: {error}</source>
        <extracomment>How long after the window first shows the engine process is started: importing torch and loading a model hold the GIL for hundreds of milliseconds, which would slow the first paint. The lane the models check runs on: its own, so Digest is enabled without waiting for a digest. What the window digests with now: (profile, models folder, options, the article shown). Which models the options (and the article&apos;s language) need but lack: (profile, models folder, options, article language) -&gt; one line each.</extracomment>
        <translation>تعذّر فحص النماذج: {error}</translation>
    </message>
    <message>
        <source>Open an article to begin: drop a file on the window or press Ctrl+O.</source>
        <extracomment>How long after the window first shows the models check and the reading warm-up start: their threads import modules (numpy and the language identifier: over 100 ms holding the GIL), which would otherwise slow the first paint down.</extracomment>
        <translation>افتح مقالة للبدء: أفلت ملفًا على النافذة أو اضغط Ctrl+O.</translation>
    </message>
    <message>
        <source>Cannot open {name}: it is no longer there (removed from Open Recent).</source>
        <extracomment>What to do when an entry&apos;s article is read, or cannot be, or when it is taken off the list first: (on read, on failure, on removal). The article brought alone last, shown once read.</extracomment>
        <translation>تعذّر فتح {name}: لم يعد موجودًا (أُزيل من الملفات الأخيرة).</translation>
    </message>
    <message>
        <source>The interface is now in {language}.</source>
        <translation>لغة الواجهة الآن: {language}.</translation>
    </message>
    <message>
        <source>Choose Models Folder</source>
        <translation>اختيار مجلد النماذج</translation>
    </message>
    <message>
        <source>Models folder: {folder}</source>
        <translation>مجلد النماذج: {folder}</translation>
    </message>
    <message>
        <source>Open Articles</source>
        <translation>فتح مقالات</translation>
    </message>
    <message>
        <source>Open an article first: drop a file on the window or press Ctrl+O.</source>
        <translation>افتح مقالة أولًا: أفلت ملفًا على النافذة أو اضغط Ctrl+O.</translation>
    </message>
    <message>
        <source>Cannot digest: some models are not installed (see the message above).</source>
        <translation>تعذّر التلخيص: بعض النماذج غير مثبتة (انظر الرسالة أعلاه).</translation>
    </message>
    <message>
        <source>Queued: it will be digested once it is read.</source>
        <translation>في قائمة الانتظار: ستُلخَّص بمجرد قراءتها.</translation>
    </message>
    <message numerus="yes">
        <source>Queued: %n articles before it.</source>
        <translation>
            <numerusform>في قائمة الانتظار: لا مقالات قبلها.</numerusform>
            <numerusform>في قائمة الانتظار: قبلها مقالة واحدة.</numerusform>
            <numerusform>في قائمة الانتظار: قبلها مقالتان.</numerusform>
            <numerusform>في قائمة الانتظار: قبلها %n مقالات.</numerusform>
            <numerusform>في قائمة الانتظار: قبلها %n مقالة.</numerusform>
            <numerusform>في قائمة الانتظار: قبلها %n مقالة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Digesting… press Esc to cancel.</source>
        <translation>جارٍ التلخيص… اضغط Esc للإلغاء.</translation>
    </message>
    <message>
        <source>Digest cancelled.</source>
        <translation>أُلغي التلخيص.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n articles taken off the queue.</source>
        <translation>
            <numerusform>أُلغي: لم تُزل أي مقالة من قائمة الانتظار.</numerusform>
            <numerusform>أُلغي: أُزيلت مقالة واحدة من قائمة الانتظار.</numerusform>
            <numerusform>أُلغي: أُزيلت مقالتان من قائمة الانتظار.</numerusform>
            <numerusform>أُلغي: أُزيلت %n مقالات من قائمة الانتظار.</numerusform>
            <numerusform>أُلغي: أُزيلت %n مقالة من قائمة الانتظار.</numerusform>
            <numerusform>أُلغي: أُزيلت %n مقالة من قائمة الانتظار.</numerusform>
        </translation>
    </message>
    <message>
        <source>Digest ready in {seconds} s.</source>
        <translation>الموجز جاهز في {seconds} ث.</translation>
    </message>
    <message>
        <source>Digest of “{title}” ready in {seconds} s.</source>
        <translation>موجز «{title}» جاهز في {seconds} ث.</translation>
    </message>
    <message>
        <source>Digest failed: {reason}</source>
        <translation>فشل التلخيص: {reason}</translation>
    </message>
    <message>
        <source>Nothing to save yet: digest an article first.</source>
        <extracomment>Where the format used last is remembered (the next save offers it first).</extracomment>
        <translation>لا شيء للحفظ بعد: لخّص مقالة أولًا.</translation>
    </message>
    <message>
        <source>Nothing to save yet: no digest is finished.</source>
        <translation>لا شيء للحفظ بعد: لم يكتمل أي موجز.</translation>
    </message>
    <message>
        <source>Reopened the digest of “{title}” from {created}.</source>
        <translation>أُعيد فتح موجز «{title}» من {created}.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <extracomment>Each menu&apos;s title by its object name, marked for lupdate and looked up when shown.</extracomment>
        <translation>ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>ال&amp;مظهر</translation>
    </message>
    <message>
        <source>&amp;Digest</source>
        <translation>تلخيص</translation>
    </message>
    <message>
        <source>Model &amp;Profile</source>
        <translation>ملف النماذج</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <extracomment>How many past digests the History menu lists (the History dialog lists them all).</extracomment>
        <translation>فتح ملف حديث</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>لا ملفات حديثة</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>مسح الملفات الحديثة</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>السجل</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>(looked in {places})</source>
        <translation>(بُحث في: {places})</translation>
    </message>
    <message>
        <source>{model} is not installed</source>
        <translation>{model} غير مثبّت</translation>
    </message>
    <message>
        <source>model folder {folder} is unusable: {problems}</source>
        <translation>مجلد النموذج {folder} غير صالح للاستخدام: {problems}</translation>
    </message>
    <message>
        <source>the folder chosen for {model}, {folder}, is unusable: {problems}</source>
        <translation>المجلد المختار لـ {model}، {folder}، غير صالح للاستخدام: {problems}</translation>
    </message>
    <message>
        <source>Summary model:</source>
        <translation>نموذج التلخيص:</translation>
    </message>
    <message>
        <source>{language} translation model:</source>
        <translation>نموذج الترجمة إلى {language}:</translation>
    </message>
    <message>
        <source>{language}-to-English translation model:</source>
        <translation>نموذج الترجمة من {language} إلى الإنجليزية:</translation>
    </message>
    <message>
        <source>{task} model:</source>
        <translation>نموذج «{task}»:</translation>
    </message>
    <message>
        <source>{model}: {file} {file_done} of {file_size}; model {done} of {total}</source>
        <extracomment>Seconds to open a connection to the Hub (or the server it redirects a file to). Seconds any request may wait for the next bytes of an answer: a server that goes silent (before answering, or in the middle of a file) fails the request after this long. A transfer that brings fewer bytes than this in :data:`READ_TIMEOUT_S` has stalled too (a server trickling a byte now and then never trips the read timeout). Seconds the repository&apos;s listing may take altogether, however the server answers. The largest listing read (the real Hub&apos;s, with every file&apos;s metadata, is a few KB to a few MB). The most of an error answer&apos;s body that is read (for the Hub&apos;s error message). Redirects followed for one request (the Hub redirects large files to its CDN once). Names Windows opens as devices, whatever their extension (&quot;CON.json&quot; is the console). Control, format (bidirectional overrides), separator and surrogate characters.</extracomment>
        <translation>{model}: {file} — {file_done} من {file_size}؛ النموذج — {done} من {total}</translation>
    </message>
    <message>
        <source>— {rate}/s</source>
        <translation>— {rate} في الثانية</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Installed</source>
        <translation>مثبّت</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>غير موجود</translation>
    </message>
    <message>
        <source>Partly downloaded</source>
        <translation>منزّل جزئيًا</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>تالف</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>جارٍ التنزيل…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>Cancelled; the download resumes next time</source>
        <translation>أُلغي؛ يُستأنف التنزيل في المرة القادمة</translation>
    </message>
    <message>
        <source>articles in Russian</source>
        <translation>المقالات المكتوبة بالروسية</translation>
    </message>
    <message>
        <source>articles in Arabic</source>
        <translation>المقالات المكتوبة بالعربية</translation>
    </message>
    <message>
        <source>articles in {languages}</source>
        <translation>المقالات المكتوبة بهذه اللغات: {languages}</translation>
    </message>
    <message>
        <source>only for {articles}</source>
        <translation>فقط من أجل {articles}</translation>
    </message>
    <message>
        <source>Task</source>
        <extracomment>Extra pixels per table row: two-line cells read cramped at their bare height.</extracomment>
        <translation>المهمة</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>على القرص</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>النماذج</translation>
    </message>
    <message>
        <source>These models translate articles written in other languages into English before summarising. Leave the box unticked if you read English articles only; Download gets them later when you tick it.</source>
        <extracomment>Each model&apos;s state as last read from disk (empty until the first read arrives). The current Download&apos;s tasks, by repository id. Every download has ended; downloads_finished waits for the states read after them. The read of the models&apos; states under way (the models lane), if any. The Verify, Remove or Use folder… under way (the models lane), if any, and for Verify its model.</extracomment>
        <translation>تترجم هذه النماذج المقالات المكتوبة بلغات أخرى إلى الإنجليزية قبل التلخيص. اترك المربع دون تحديد إن كنت لا تقرأ إلا مقالات بالإنجليزية؛ ويمكنك تنزيلها لاحقًا بتحديده.</translation>
    </message>
    <message>
        <source>&amp;Download missing</source>
        <translation>تنزيل الناقص</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Use &amp;folder…</source>
        <translation>استخدام مجلد…</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>تحقّق</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Needed only for {articles}: they are machine-translated into English before summarising. English articles do not need it.</source>
        <translation>لا يلزم إلا من أجل {articles}: إذ تُترجم آليًا إلى الإنجليزية قبل التلخيص. ولا تحتاج إليه المقالات الإنجليزية.</translation>
    </message>
    <message>
        <source>Also download the models for {articles} (about {size})</source>
        <translation>تنزيل نماذج {articles} أيضًا (نحو {size})</translation>
    </message>
    <message>
        <source>Checking which models are on this computer…</source>
        <translation>جارٍ التحقق من النماذج الموجودة على هذا الحاسوب…</translation>
    </message>
    <message>
        <source>Cancelled the verification of {model}.</source>
        <translation>أُلغي التحقق من {model}.</translation>
    </message>
    <message>
        <source>Checking {folder}…</source>
        <translation>جارٍ فحص المجلد {folder}…</translation>
    </message>
    <message>
        <source>Verifying {model}…</source>
        <translation>جارٍ التحقق من سلامة {model}…</translation>
    </message>
    <message>
        <source>Forgetting the folder chosen for {model}…</source>
        <translation>جارٍ التخلي عن المجلد المختار لـ {model}…</translation>
    </message>
    <message>
        <source>Removing {model}…</source>
        <translation>جارٍ حذف {model}…</translation>
    </message>
    <message>
        <source>Downloaded and verified. The models for {articles} were left out: tick the box to download them too.</source>
        <translation>نُزّلت النماذج وتُحقّق منها. لم تُنزَّل نماذج {articles}: حدّد المربع لتنزيلها أيضًا.</translation>
    </message>
    <message>
        <source>All models are installed. {app} works offline: it does not use the network from here on.</source>
        <translation>كل النماذج مثبتة. يعمل «{app}» دون اتصال: لن يستخدم الشبكة بعد الآن.</translation>
    </message>
    <message numerus="yes">
        <source>{missing} of %n models are not installed (about {size} to download). Download them from the Hugging Face Hub, or choose a folder with a copy made on another machine.</source>
        <translation>
            <numerusform>النماذج غير المثبتة: {missing} من %n (نحو {size} للتنزيل). نزّلها من Hugging Face Hub، أو اختر مجلدًا فيه نسخة من حاسوب آخر.</numerusform>
            <numerusform>النماذج غير المثبتة: {missing} من %n (نحو {size} للتنزيل). نزّلها من Hugging Face Hub، أو اختر مجلدًا فيه نسخة من حاسوب آخر.</numerusform>
            <numerusform>النماذج غير المثبتة: {missing} من %n (نحو {size} للتنزيل). نزّلها من Hugging Face Hub، أو اختر مجلدًا فيه نسخة من حاسوب آخر.</numerusform>
            <numerusform>النماذج غير المثبتة: {missing} من %n (نحو {size} للتنزيل). نزّلها من Hugging Face Hub، أو اختر مجلدًا فيه نسخة من حاسوب آخر.</numerusform>
            <numerusform>النماذج غير المثبتة: {missing} من %n (نحو {size} للتنزيل). نزّلها من Hugging Face Hub، أو اختر مجلدًا فيه نسخة من حاسوب آخر.</numerusform>
            <numerusform>النماذج غير المثبتة: {missing} من %n (نحو {size} للتنزيل). نزّلها من Hugging Face Hub، أو اختر مجلدًا فيه نسخة من حاسوب آخر.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline mode (HF_HUB_OFFLINE) is on, so only folders can be used.</source>
        <translation>وضع عدم الاتصال (HF_HUB_OFFLINE) مفعّل، لذا لا يمكن إلا استخدام المجلدات.</translation>
    </message>
    <message>
        <source>Connecting to the Hugging Face Hub…</source>
        <translation>جارٍ الاتصال بـ Hugging Face Hub…</translation>
    </message>
    <message>
        <source>Folder with {model}</source>
        <translation>مجلد فيه {model}</translation>
    </message>
    <message>
        <source>Unusable folder</source>
        <translation>مجلد غير صالح</translation>
    </message>
    <message>
        <source>Model is damaged</source>
        <translation>النموذج تالف</translation>
    </message>
    <message>
        <source>{model} is whole: every file matches.</source>
        <translation>{model} سليم: كل الملفات مطابقة.</translation>
    </message>
    <message>
        <source>{model} no longer uses {folder} (the folder itself is kept).</source>
        <translation>لم يعد {model} يُقرأ من {folder} (المجلد نفسه باقٍ).</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>إزالة النموذج</translation>
    </message>
    <message>
        <source>Delete {model} ({size}) from this computer?</source>
        <translation>أتريد حذف {model} ({size}) من هذا الحاسوب؟</translation>
    </message>
    <message>
        <source>Removed {model}: {size} freed.</source>
        <translation>أُزيل {model}: تحرّر {size}.</translation>
    </message>
    <message>
        <source>All models downloaded and verified.</source>
        <translation>نُزّلت كل النماذج وتُحقّق منها.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>none chosen (the default locations are searched)</source>
        <translation>لم يُختر (يُبحث في المواضع الافتراضية)</translation>
    </message>
    <message>
        <source>Models folder: {folder}.</source>
        <translation>مجلد النماذج: {folder}.</translation>
    </message>
    <message numerus="yes">
        <source>It has no folder for %n of the models: {folders}. Each model goes in a folder named after its task (or after its repository).</source>
        <translation>
            <numerusform>لا ينقصه أي مجلد: {folders}. يوضع كل نموذج في مجلد باسم مهمته (أو باسم مستودعه).</numerusform>
            <numerusform>لا يضم مجلدًا لنموذج واحد: {folders}. يوضع كل نموذج في مجلد باسم مهمته (أو باسم مستودعه).</numerusform>
            <numerusform>لا يضم مجلدين لنموذجين: {folders}. يوضع كل نموذج في مجلد باسم مهمته (أو باسم مستودعه).</numerusform>
            <numerusform>لا يضم مجلدات لـ %n نماذج: {folders}. يوضع كل نموذج في مجلد باسم مهمته (أو باسم مستودعه).</numerusform>
            <numerusform>لا يضم مجلدات لـ %n نموذجًا: {folders}. يوضع كل نموذج في مجلد باسم مهمته (أو باسم مستودعه).</numerusform>
            <numerusform>لا يضم مجلدات لـ %n نموذج: {folders}. يوضع كل نموذج في مجلد باسم مهمته (أو باسم مستودعه).</numerusform>
        </translation>
    </message>
    <message>
        <source>Download the models or choose the folder that holds them, or switch to the {profile} profile: its models are installed.</source>
        <translation>نزّل النماذج أو اختر المجلد الذي يضمها، أو انتقل إلى ملف التعريف «{profile}»: نماذجه مثبّتة.</translation>
    </message>
    <message>
        <source>Download the models, or choose the folder that holds them.</source>
        <translation>نزّل النماذج، أو اختر المجلد الذي يضمها.</translation>
    </message>
    <message numerus="yes">
        <source>%n models are missing, so Digest cannot run yet.</source>
        <translation>
            <numerusform>لا نماذج ناقصة.</numerusform>
            <numerusform>ينقص نموذج واحد، لذا لا يمكن التلخيص بعد.</numerusform>
            <numerusform>ينقص نموذجان، لذا لا يمكن التلخيص بعد.</numerusform>
            <numerusform>تنقص %n نماذج، لذا لا يمكن التلخيص بعد.</numerusform>
            <numerusform>ينقص %n نموذجًا، لذا لا يمكن التلخيص بعد.</numerusform>
            <numerusform>ينقص %n نموذج، لذا لا يمكن التلخيص بعد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Models found — press Digest</source>
        <translation>عُثر على النماذج — اضغط «لخّص»</translation>
    </message>
    <message>
        <source>A model could not be loaded.</source>
        <translation>تعذّر تحميل نموذج.</translation>
    </message>
    <message>
        <source>Choose the folder that holds the models, or switch to the other model profile.</source>
        <translation>اختر المجلد الذي يحوي النماذج، أو انتقل إلى ملف النماذج الآخر.</translation>
    </message>
    <message>
        <source>The digest failed.</source>
        <translation>فشل التلخيص.</translation>
    </message>
</context>
<context>
    <name>OptionBar</name>
    <message>
        <source>Quality</source>
        <translation>الجودة</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>السرعة</translation>
    </message>
    <message>
        <source>Larger models: better summaries and translations, slower</source>
        <translation>نماذج أكبر: ملخصات وترجمات أفضل، لكنها أبطأ</translation>
    </message>
    <message>
        <source>Smaller models: quicker on slow computers, rougher results</source>
        <translation>نماذج أصغر: أسرع على الحواسيب البطيئة، ونتائج أقل دقة</translation>
    </message>
    <message>
        <source>Translate into:</source>
        <extracomment>The options, then the buttons: side by side, or the buttons under the options (see :meth:`resizeEvent`). What the Digest button&apos;s tooltip says it needs first: (article open, models missing).</extracomment>
        <translation>الترجمة إلى:</translation>
    </message>
    <message>
        <source>Translate the whole article</source>
        <translation>ترجمة المقالة كلها</translation>
    </message>
    <message>
        <source>Also translate the full text (takes much longer than the summary)</source>
        <translation>ترجمة النص الكامل أيضًا (يستغرق وقتًا أطول بكثير من الملخص)</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>النماذج:</translation>
    </message>
    <message>
        <source>Which set of models digests: Quality (larger) or Fast (smaller)</source>
        <translation>أي النماذج تلخّص: «الجودة» (الأكبر) أو «السرعة» (الأصغر)</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>لخّص</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop the running digest (Esc)</source>
        <translation>إيقاف التلخيص الجاري (Esc)</translation>
    </message>
    <message>
        <source>Open an article first (Ctrl+O or drop a file)</source>
        <translation>افتح مقالة أولًا (Ctrl+O أو أفلت ملفًا)</translation>
    </message>
    <message>
        <source>Some models are missing: see the message above</source>
        <translation>بعض النماذج غير موجودة: انظر الرسالة أعلاه</translation>
    </message>
    <message>
        <source>Summarise and translate (Ctrl+Return)</source>
        <translation>لخّص وترجم (Ctrl+Return)</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Copy This Text</source>
        <extracomment>Line height of the reading views, in percent of the font&apos;s: easier on the eye than Qt&apos;s 100. Zoom steps, in points added to the reading size, and their bounds (View › Zoom In/Out).</extracomment>
        <translation>نسخ هذا النص</translation>
    </message>
    <message>
        <source>Drop an article file here, or use File › Open (Ctrl+O).</source>
        <extracomment>How much of the text&apos;s colour a secondary line takes (the rest is the background&apos;s): quieter than the text, far more readable than a disabled widget&apos;s grey.</extracomment>
        <translation>أفلت ملف مقالة هنا، أو استخدم ملف › فتح (Ctrl+O).</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>لا مقالة مفتوحة</translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>لا كلمات</numerusform>
            <numerusform>كلمة واحدة</numerusform>
            <numerusform>كلمتان</numerusform>
            <numerusform>%n كلمات</numerusform>
            <numerusform>%n كلمة</numerusform>
            <numerusform>%n كلمة</numerusform>
        </translation>
    </message>
    <message>
        <source>language: {language}</source>
        <translation>اللغة: {language}</translation>
    </message>
    <message>
        <source>The English summary appears here after Digest (Ctrl+Return).</source>
        <extracomment>The summary tab&apos;s placeholder; a language&apos;s own tab says the table&apos;s ``placeholder``, written in that language, so an empty tab already shows its script and direction.</extracomment>
        <translation>يظهر الملخص الإنجليزي هنا بعد التلخيص (Ctrl+Return).</translation>
    </message>
    <message>
        <source>Summary</source>
        <extracomment>What an empty view says, beyond its first placeholder (kept per view, so a language switch can say it again). Each view&apos;s tab title (a function: it is said again in a new interface language). What each empty view says (_EMPTY, _NOT_REQUESTED, _COMING, _STOPPED). The views whose text is still coming (their tabs are marked &quot;…&quot;).</extracomment>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Full text · {language}</source>
        <translation>النص الكامل · {language}</translation>
    </message>
    <message>
        <source>Article in English</source>
        <translation>المقالة بالإنجليزية</translation>
    </message>
    <message>
        <source>{name} was not requested for this digest: tick it and press Digest again.</source>
        <translation>لم تُطلب {name} في هذا الموجز: حدّدها واضغط «لخّص» مجددًا.</translation>
    </message>
    <message>
        <source>Still being written: it appears here as soon as it is ready.</source>
        <translation>ما زال قيد الكتابة: يظهر هنا فور جاهزيته.</translation>
    </message>
    <message>
        <source>The digest was cancelled before this text was written.</source>
        <translation>أُلغي التلخيص قبل كتابة هذا النص.</translation>
    </message>
    <message>
        <source>{title}: still being written</source>
        <translation>{title}: ما زال قيد الكتابة</translation>
    </message>
    <message>
        <source>Made {when} in {seconds} s</source>
        <translation>أُنشئ في {when} خلال {seconds} ث</translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation>أُنشئ في {when}</translation>
    </message>
    <message>
        <source>Machine-made: check what matters against the original.</source>
        <translation>نص آلي: راجع ما يهمّ على الأصل.</translation>
    </message>
    <message>
        <source>The article, in {language}, was machine-translated into English before summarising; the {language} summary is the English summary translated back.</source>
        <translation>تُرجمت المقالة المكتوبة باللغة {language} آليًا إلى الإنجليزية قبل تلخيصها؛ والملخص باللغة {language} هو الملخص الإنجليزي مترجمًا إليها.</translation>
    </message>
    <message>
        <source>Choose models folder…</source>
        <extracomment>kind -&gt; (background, text, border) colours.</extracomment>
        <translation>اختيار مجلد النماذج…</translation>
    </message>
    <message>
        <source>Download models…</source>
        <translation>تنزيل النماذج…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>إعادة الفحص</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>إخفاء هذه الرسالة</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Digesting {percent}%</source>
        <extracomment>A marker before each state, so the list reads at a glance without colour. States shown in red.</extracomment>
        <translation>جارٍ التلخيص {percent}%</translation>
    </message>
    <message>
        <source>Could not be opened: {reason}</source>
        <translation>تعذّر الفتح: {reason}</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>فشل: {reason}</translation>
    </message>
    <message>
        <source>Cancelled (incomplete)</source>
        <translation>أُلغي (غير مكتمل)</translation>
    </message>
    <message>
        <source>Save All…</source>
        <extracomment>Each entry&apos;s row.</extracomment>
        <translation>حفظ الكل…</translation>
    </message>
    <message>
        <source>Save every finished digest in a folder</source>
        <translation>حفظ كل الموجزات المكتملة في مجلد</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>إلغاء الكل</translation>
    </message>
    <message>
        <source>Stop the running digest and take every waiting article off the queue</source>
        <translation>إيقاف التلخيص الجاري وإزالة كل المقالات المنتظرة من القائمة</translation>
    </message>
    <message numerus="yes">
        <source>%n digested</source>
        <translation>
            <numerusform>مكتملة: %n</numerusform>
            <numerusform>مكتملة: %n</numerusform>
            <numerusform>مكتملة: %n</numerusform>
            <numerusform>مكتملة: %n</numerusform>
            <numerusform>مكتملة: %n</numerusform>
            <numerusform>مكتملة: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقالة واحدة</numerusform>
            <numerusform>مقالتان</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالة</numerusform>
            <numerusform>%n مقالة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>في الانتظار: %n</numerusform>
            <numerusform>في الانتظار: %n</numerusform>
            <numerusform>في الانتظار: %n</numerusform>
            <numerusform>في الانتظار: %n</numerusform>
            <numerusform>في الانتظار: %n</numerusform>
            <numerusform>في الانتظار: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>فشلت: %n</numerusform>
            <numerusform>فشلت: %n</numerusform>
            <numerusform>فشلت: %n</numerusform>
            <numerusform>فشلت: %n</numerusform>
            <numerusform>فشلت: %n</numerusform>
            <numerusform>فشلت: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be opened</source>
        <translation>
            <numerusform>لم يتعذّر فتح أي منها</numerusform>
            <numerusform>تعذّر فتح واحدة</numerusform>
            <numerusform>تعذّر فتح اثنتين</numerusform>
            <numerusform>تعذّر فتح %n</numerusform>
            <numerusform>تعذّر فتح %n</numerusform>
            <numerusform>تعذّر فتح %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>لخّص</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>نقل إلى الأعلى</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>نقل إلى الأسفل</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>is not a file path ({error})</source>
        <extracomment>File extensions read_article accepts (lower case; the check ignores case). Saved links (a Windows Internet Shortcut, a macOS .webloc): their page is fetched (:mod:`models.documents.fetch`), so a folder&apos;s links are articles too. A folder (or several) gives at most this many articles; the rest are left out, with a note. Listing folders stops after this many entries, so a folder dropped by mistake (a home folder, a whole disk) costs a moment, not minutes. A filter string for a Qt file dialog. Files larger than this are refused before they are read. Articles whose cleaned text is longer than this are refused (about 30,000 words). PDFs with more pages than this are refused (bounds time on hostile files). PDF pages whose drawing instructions (decompressed) are larger than this are skipped: pypdf needs a few seconds a megabyte of them, more than linearly. Real pages hold far less. Reading a PDF&apos;s pages stops after this many seconds (with a notice), so no file hangs the app. A .docx whose parts unpack to more than this is refused (a zip bomb guard). A .docx whose text part (word/document.xml) is larger than this is refused (parse time, memory). &quot;Words&quot; (runs without a space) longer than this are not words: a run of one letter, base64. Runs longer than this without the end of a sentence (or a line break) are not sentences.</extracomment>
        <translation>ليس مسار ملف ({error})</translation>
    </message>
    <message>
        <source>is not text ({type})</source>
        <translation>ليس نصًا ({type})</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>الملف غير موجود</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>مجلد وليس ملفًا</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>ليس ملفًا عاديًا</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>تم رفض الإذن</translation>
    </message>
    <message>
        <source>cannot be opened ({error})</source>
        <translation>لا يمكن فتحه ({error})</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>لا يمكن قراءته ({error})</translation>
    </message>
    <message>
        <source>could not be read ({error})</source>
        <translation>تعذّرت قراءته ({error})</translation>
    </message>
    <message>
        <source>unsupported file type &apos;{extension}&apos;; supported: {supported}</source>
        <translation>نوع الملف «{extension}» غير مدعوم؛ المدعوم: {supported}</translation>
    </message>
    <message>
        <source>unsupported file type (no extension); supported: {supported}</source>
        <translation>نوع الملف غير مدعوم (بلا امتداد)؛ المدعوم: {supported}</translation>
    </message>
    <message>
        <source>unsupported document type &apos;{kind}&apos;; supported: {supported}</source>
        <translation>نوع المستند «{kind}» غير مدعوم؛ المدعوم: {supported}</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>فارغ</translation>
    </message>
    <message>
        <source>has no text (it is empty or only whitespace)</source>
        <translation>لا يحتوي على نص (فارغ أو مسافات فقط)</translation>
    </message>
    <message>
        <source>is too large ({size} MB; the limit is {limit} MB)</source>
        <translation>كبير جدًا ({size} ميغابايت؛ الحد {limit} ميغابايت)</translation>
    </message>
    <message>
        <source>is too large to read into memory</source>
        <translation>أكبر من أن يُقرأ في الذاكرة</translation>
    </message>
    <message>
        <source>is too long ({length} characters of text; the limit is {limit})</source>
        <translation>طويل جدًا (عدد أحرف النص: {length}؛ الحد: {limit})</translation>
    </message>
    <message>
        <source>is nested too deeply to read (corrupt?)</source>
        <translation>متداخل بعمق يمنع قراءته (تالف؟)</translation>
    </message>
    <message>
        <source>does not look like prose: its longest word has {length} characters</source>
        <translation>لا يبدو نصًا نثريًا: عدد أحرف أطول كلمة فيه {length}</translation>
    </message>
    <message>
        <source>does not look like prose: it runs on for {length} characters without ending a sentence</source>
        <translation>لا يبدو نصًا نثريًا: يمتد دون أن تنتهي جملة (عدد الأحرف: {length})</translation>
    </message>
    <message>
        <source>is not valid {encoding} text (corrupt?)</source>
        <translation>ليس نص {encoding} صالحًا (تالف؟)</translation>
    </message>
    <message>
        <source>looks like binary data, not text</source>
        <translation>يبدو بيانات ثنائية وليس نصًا</translation>
    </message>
    <message>
        <source>looks like binary data, not text (no text encoding fits)</source>
        <translation>يبدو بيانات ثنائية وليس نصًا (لا يناسبه أي ترميز نصي)</translation>
    </message>
    <message>
        <source>has no article text (only menus, scripts or an empty page?)</source>
        <translation>لا يحتوي على نص مقالة (قوائم أو نصوص برمجية فقط أو صفحة فارغة؟)</translation>
    </message>
    <message>
        <source>is not a Word document (no word/document.xml inside)</source>
        <translation>ليس مستند Word (لا يحتوي على word/document.xml)</translation>
    </message>
    <message>
        <source>is not a valid .docx file (corrupt or not a zip container)</source>
        <translation>ليس ملف .docx صالحًا (تالف أو ليس حاوية zip)</translation>
    </message>
    <message>
        <source>is not a valid .docx file ({error})</source>
        <translation>ليس ملف .docx صالحًا ({error})</translation>
    </message>
    <message>
        <source>is too large once unpacked ({size} MB)</source>
        <translation>كبير جدًا بعد فك ضغطه ({size} ميغابايت)</translation>
    </message>
    <message>
        <source>is a web page, not a PDF (rename it to .html to read it)</source>
        <translation>صفحة ويب وليس PDF (غيّر امتداده إلى .html لقراءته)</translation>
    </message>
    <message>
        <source>is password-protected</source>
        <translation>محمي بكلمة مرور</translation>
    </message>
    <message>
        <source>is not a valid PDF (corrupt?) ({error})</source>
        <translation>ليس ملف PDF صالحًا (تالف؟) ({error})</translation>
    </message>
    <message>
        <source>is not a valid PDF (it has no pages)</source>
        <translation>ليس ملف PDF صالحًا (لا صفحات فيه)</translation>
    </message>
    <message>
        <source>is not a valid PDF (no page could be read)</source>
        <translation>ليس ملف PDF صالحًا (تعذّرت قراءة كل صفحاته)</translation>
    </message>
    <message>
        <source>is too long ({pages} pages; the limit is {limit})</source>
        <translation>طويل جدًا (عدد الصفحات: {pages}؛ الحد: {limit})</translation>
    </message>
    <message>
        <source>is too complex to read (its pages hold too many drawing instructions)</source>
        <translation>معقّد جدًا للقراءة (في صفحاته أوامر رسم كثيرة جدًا)</translation>
    </message>
    <message>
        <source>has no text layer (scanned?); only PDFs with selectable text can be read</source>
        <translation>لا طبقة نص فيه (ممسوح ضوئيًا؟)؛ لا تُقرأ إلا ملفات PDF ذات النص القابل للتحديد</translation>
    </message>
    <message>
        <source>1 file in &apos;{folder}&apos; is not an article and was skipped</source>
        <translation>تم تخطي ملف واحد في «{folder}» لأنه ليس مقالة</translation>
    </message>
    <message>
        <source>{count} files in &apos;{folder}&apos; are not articles and were skipped</source>
        <translation>تم تخطي ملفات ليست مقالات في «{folder}» (العدد: {count})</translation>
    </message>
    <message>
        <source>&apos;{folder}&apos; holds no articles ({extensions})</source>
        <translation>لا يحتوي «{folder}» على مقالات ({extensions})</translation>
    </message>
    <message>
        <source>could not open the folder &apos;{folder}&apos;: {error}</source>
        <translation>تعذّر فتح المجلد «{folder}»: {error}</translation>
    </message>
    <message>
        <source>only the first {limit} files and folders were looked at: there are too many to list</source>
        <translation>فُحص أول {limit} من الملفات والمجلدات فقط: عددها أكبر من أن يُسرد</translation>
    </message>
    <message>
        <source>only the first {taken} of {total} articles are taken (the limit is {limit}); the other {left} were left out</source>
        <translation>أُخذت المقالات الأولى فقط: {taken} من {total} (الحد: {limit})؛ وتُرك الباقي ({left})</translation>
    </message>
    <message>
        <source>only the first {taken} of more than {total} articles are taken (the limit is {limit}); the other {left} were left out</source>
        <translation>أُخذت المقالات الأولى فقط: {taken} من أكثر من {total} (الحد: {limit})؛ وتُرك الباقي ({left})</translation>
    </message>
    <message>
        <source>Cannot open &apos;{link}&apos;: it is not a valid web link</source>
        <extracomment>Seconds a fetch may take altogether (also each wait for a connection or for data). Pages larger than this are refused (a news page&apos;s HTML is well under 1 MB). Redirects followed for one fetch (http to https, then a canonical address, is the usual two). Text longer than this is not taken for a link. A .url or .webloc file is a few hundred bytes; larger ones are not read.</extracomment>
        <translation>تعذّر فتح «{link}»: ليس رابط ويب صالحًا</translation>
    </message>
    <message>
        <source>Cannot open &apos;{link}&apos;: only http:// and https:// links can be fetched, not {scheme}: links</source>
        <translation>تعذّر فتح «{link}»: لا تُجلب إلا روابط http:// و https://، لا روابط {scheme}:</translation>
    </message>
    <message>
        <source>holds no link</source>
        <translation>لا يحتوي على رابط</translation>
    </message>
    <message>
        <source>is too large for a saved link (over {size})</source>
        <translation>أكبر من أن يكون رابطًا محفوظًا (أكثر من {size})</translation>
    </message>
    <message>
        <source>is not a valid .webloc file (corrupt?)</source>
        <translation>ليس ملف .webloc صالحًا (تالف؟)</translation>
    </message>
    <message>
        <source>is not a valid Internet Shortcut (.url) file</source>
        <translation>ليس اختصار إنترنت (.url) صالحًا</translation>
    </message>
    <message>
        <source>is not a valid Internet Shortcut (.url) file (no [InternetShortcut] section)</source>
        <translation>ليس اختصار إنترنت (.url) صالحًا: لا قسم [InternetShortcut] فيه</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds} s</source>
        <translation>لم يُجب {host} خلال {seconds} ث</translation>
    </message>
    <message>
        <source>{host} is too slow: {received} of the page came in {seconds} s</source>
        <translation>{host} بطيء جدًا: وصل {received} من الصفحة خلال {seconds} ث</translation>
    </message>
    <message>
        <source>{host} did not answer in time</source>
        <translation>لم يُجب {host} في الوقت المحدد</translation>
    </message>
    <message>
        <source>{host} broke off the transfer ({error})</source>
        <translation>قطع {host} النقل ({error})</translation>
    </message>
    <message>
        <source>{host} sent a malformed answer ({error})</source>
        <translation>أرسل {host} ردًا مشوّهًا ({error})</translation>
    </message>
    <message>
        <source>{host} broke off the connection</source>
        <translation>قطع {host} الاتصال</translation>
    </message>
    <message>
        <source>{url}: the server sent it on to &apos;{scheme}:&apos;, which is not fetched (only http and https are)</source>
        <translation>{url}: أعاد الخادم التوجيه إلى «{scheme}:»، وهو لا يُجلب (يُجلب http و https فقط)</translation>
    </message>
    <message>
        <source>{url}: the server sent it on to an address that is not fetched</source>
        <translation>{url}: أعاد الخادم التوجيه إلى عنوان لا يُجلب</translation>
    </message>
    <message>
        <source>{url}: the server sent it on to an address that is not fetched (HTTP {code})</source>
        <translation>{url}: أعاد الخادم التوجيه إلى عنوان لا يُجلب (HTTP {code})</translation>
    </message>
    <message>
        <source>{url}: too many redirects (more than {limit})</source>
        <translation>{url}: إعادات توجيه كثيرة جدًا (أكثر من {limit})</translation>
    </message>
    <message>
        <source>{url}: the page is too large (over {size})</source>
        <translation>{url}: الصفحة كبيرة جدًا (أكثر من {size})</translation>
    </message>
    <message>
        <source>{url}: the server answered {code}</source>
        <translation>{url}: ردّ الخادم بـ {code}</translation>
    </message>
    <message>
        <source>{url}: the server answered {code} {status}</source>
        <translation>{url}: ردّ الخادم بـ {code} {status}</translation>
    </message>
    <message>
        <source>Could not reach {host}: no network connection? (the name {name} was not found)</source>
        <translation>تعذّر الوصول إلى {host}: لا اتصال بالشبكة؟ (لم يُعثر على الاسم {name})</translation>
    </message>
    <message>
        <source>Could not make a secure connection to {host}: {error}</source>
        <translation>تعذّر إنشاء اتصال آمن بـ {host}: {error}</translation>
    </message>
    <message>
        <source>Could not reach {host}: the connection was refused (no server there?)</source>
        <translation>تعذّر الوصول إلى {host}: رُفض الاتصال (لا خادم هناك؟)</translation>
    </message>
    <message>
        <source>Could not reach {host}: no network connection?</source>
        <translation>تعذّر الوصول إلى {host}: لا اتصال بالشبكة؟</translation>
    </message>
    <message>
        <source>Could not reach {host}: {error}</source>
        <translation>تعذّر الوصول إلى {host}: {error}</translation>
    </message>
    <message>
        <source>{url} is an image ({type}), not an article</source>
        <translation>{url} صورة ({type})، وليس مقالة</translation>
    </message>
    <message>
        <source>{url} is a video ({type}), not an article</source>
        <translation>{url} فيديو ({type})، وليس مقالة</translation>
    </message>
    <message>
        <source>{url} is a sound file ({type}), not an article</source>
        <translation>{url} ملف صوتي ({type})، وليس مقالة</translation>
    </message>
    <message>
        <source>{url} is a font ({type}), not an article</source>
        <translation>{url} خط ({type})، وليس مقالة</translation>
    </message>
    <message>
        <source>{url} is a file of type {type}, not an article</source>
        <translation>{url} ملف من نوع {type}، وليس مقالة</translation>
    </message>
    <message>
        <source>{url} is a file of no stated type, not an article</source>
        <translation>{url} ملف بلا نوع مُعلن، وليس مقالة</translation>
    </message>
    <message>
        <source>{failed} of {pages} pages could not be read and were skipped.</source>
        <translation>تعذّرت قراءة بعض الصفحات فتُخطّيت: {failed} من {pages}.</translation>
    </message>
    <message>
        <source>{skipped} of {pages} pages were too complex to read and were skipped.</source>
        <translation>بعض الصفحات معقّدة جدًا فتعذّرت قراءتها وتُخطّيت: {skipped} من {pages}.</translation>
    </message>
    <message>
        <source>Only the first {read} of {pages} pages were read: the PDF is slow to read.</source>
        <translation>لم تُقرأ إلا الصفحات الأولى ({read} من {pages}): قراءة ملف PDF هذا بطيئة.</translation>
    </message>
    <message>
        <source>The article looks like {language}; it will be machine-translated into English before summarising.</source>
        <extracomment>What an article&apos;s reader is told about its language (Wording templates). ``language`` is one of :func:`article_languages`; ``language_name`` the English name of any other language.</extracomment>
        <translation>يبدو أن لغة المقالة هي {language}؛ ستُترجم آليًا إلى الإنجليزية قبل التلخيص.</translation>
    </message>
    <message>
        <source>The article looks like {language_name}; the summary may be poor: only articles in {languages} are supported ({translated_languages} ones are machine-translated into English first).</source>
        <translation>يبدو أن لغة المقالة هي {language_name}؛ قد يكون الملخص رديئًا: لا تُدعم إلا المقالات المكتوبة بهذه اللغات: {languages} (وتُترجم آليًا إلى الإنجليزية أولًا المقالات المكتوبة بهذه اللغات: {translated_languages}).</translation>
    </message>
</context>
<context>
    <name>ReadingAids</name>
    <message>
        <source>Find in {place}</source>
        <extracomment>The Find bar&apos;s highlight layer in the views (the linked sentences have their own). The lane PDFs are written on: never behind a digest. More matches than this are not highlighted one by one (the count still says how many). The appearances of View › Appearance.</extracomment>
        <translation>البحث في: {place}</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>التطابق السابق (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>التطابق التالي (F3)</translation>
    </message>
    <message>
        <source>Close the Find bar (Esc)</source>
        <translation>إغلاق شريط البحث (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا تطابقات</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} من {total}</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>ال&amp;حجم الفعلي</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
        <source>Copy This &amp;Text</source>
        <translation>نسخ هذا ال&amp;نص</translation>
    </message>
    <message>
        <source>Copy &amp;Digest</source>
        <translation>نسخ ال&amp;موجز</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>تصدير &amp;PDF…</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>حسب إعدادات ال&amp;نظام</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;فاتح</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;داكن</translation>
    </message>
    <message>
        <source>Copy the whole text of the pane being read</source>
        <translation>نسخ النص الكامل للجزء الذي تقرؤه</translation>
    </message>
    <message>
        <source>Copy the summary and every translation, with headings, as text and HTML</source>
        <translation>نسخ الملخص وكل الترجمات مع عناوينها، نصًا وHTML</translation>
    </message>
    <message>
        <source>Zoom: {points:+d} pt</source>
        <extracomment>The clipboard data this module set last (see :func:`put_on_clipboard`).</extracomment>
        <translation>التكبير: {points:+d} نقطة</translation>
    </message>
    <message>
        <source>Zoom: actual size</source>
        <translation>التكبير: الحجم الفعلي</translation>
    </message>
    <message>
        <source>Nothing to copy: this pane is empty.</source>
        <translation>لا شيء للنسخ: هذا الجزء فارغ.</translation>
    </message>
    <message>
        <source>Copied the text of {place}.</source>
        <translation>نُسخ النص: {place}.</translation>
    </message>
    <message>
        <source>Copied the text.</source>
        <translation>نُسخ النص.</translation>
    </message>
    <message>
        <source>Copied the digest: the summary and every translation, with headings.</source>
        <translation>نُسخ الموجز: الملخص وكل الترجمات مع عناوينها.</translation>
    </message>
    <message>
        <source>Sent the digest to the printer.</source>
        <translation>أُرسل الموجز إلى الطابعة.</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>تصدير PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>مستندات PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>جارٍ كتابة {name}…</translation>
    </message>
    <message>
        <source>Exported the digest to {path}.</source>
        <translation>صُدّر الموجز إلى {path}.</translation>
    </message>
    <message>
        <source>Could not export the PDF: {error}</source>
        <translation>تعذّر تصدير ملف PDF: {error}</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>&amp;Edit Text</source>
        <extracomment>An edit is committed once the typing has paused this long (or its pane is left). A revised digest goes over its history entry this long after its last change. How long the last history write waits, on the way out, for a summary still being translated. An edited translation of the summary may be this many times as long as the summary may be.</extracomment>
        <translation>&amp;تحرير النص</translation>
    </message>
    <message>
        <source>Type in the text shown to correct it</source>
        <translation>اكتب في النص المعروض لتصحيحه</translation>
    </message>
    <message>
        <source>&amp;Undo Typing</source>
        <translation>ت&amp;راجع عن الكتابة</translation>
    </message>
    <message>
        <source>Undo the last change in the pane being edited</source>
        <translation>التراجع عن آخر تغيير في الجزء قيد التحرير</translation>
    </message>
    <message>
        <source>&amp;Redo Typing</source>
        <translation>إ&amp;عادة الكتابة</translation>
    </message>
    <message>
        <source>Redo what was undone in the pane being edited</source>
        <translation>إعادة ما تم التراجع عنه في الجزء قيد التحرير</translation>
    </message>
    <message>
        <source>Revert &amp;Sentence</source>
        <translation>استعادة ال&amp;جملة</translation>
    </message>
    <message>
        <source>Put back what the model wrote for the sentence at the cursor</source>
        <translation>إعادة ما كتبه النموذج للجملة عند المؤشر</translation>
    </message>
    <message>
        <source>Revert &amp;All in This Text</source>
        <translation>استعادة ال&amp;نص كله</translation>
    </message>
    <message>
        <source>Put back what the model wrote for every sentence of the text shown</source>
        <translation>إعادة ما كتبه النموذج لكل جمل النص المعروض</translation>
    </message>
    <message>
        <source>Alternative &amp;Translations…</source>
        <translation>ترجمات &amp;بديلة…</translation>
    </message>
    <message>
        <source>Other translations of the sentence at the cursor, each translated back into English</source>
        <translation>ترجمات أخرى للجملة عند المؤشر، كل منها مترجمة عكسيًا إلى الإنجليزية</translation>
    </message>
    <message>
        <source>Use the &amp;New Translation</source>
        <translation>استخدام الترجمة ال&amp;جديدة</translation>
    </message>
    <message>
        <source>Replace your edit of the sentence at the cursor by the translation of its new English</source>
        <translation>استبدال تعديلك للجملة عند المؤشر بترجمة نصها الإنجليزي الجديد</translation>
    </message>
    <message>
        <source>&amp;Back-Translate for Checking</source>
        <translation>ترجمة &amp;عكسية للتحقق</translation>
    </message>
    <message>
        <source>Translate every Russian and Arabic sentence back into English, and flag those whose meaning may differ</source>
        <translation>ترجمة كل جملة روسية وعربية عكسيًا إلى الإنجليزية ووسم الجمل التي قد يختلف معناها</translation>
    </message>
    <message>
        <source>the English summary</source>
        <translation>الملخص الإنجليزي</translation>
    </message>
    <message>
        <source>the {language} summary</source>
        <translation>الملخص ({language})</translation>
    </message>
    <message>
        <source>the {language} full text</source>
        <translation>النص الكامل ({language})</translation>
    </message>
    <message>
        <source>Your edit would leave {text} empty.</source>
        <extracomment>What was typed and not yet committed, by (entry, text key). The English summaries being translated again, by entry. Each text&apos;s sentences and positions, with the digest they were read from.</extracomment>
        <translation>سيجعل تعديلك {text} فارغًا.</translation>
    </message>
    <message>
        <source>Your edit would make {text} {count} characters long; it may be {limit} at most.</source>
        <translation>سيجعل تعديلك طول {text} {count} حرفًا؛ والحد الأقصى {limit}.</translation>
    </message>
    <message>
        <source>Your edit was not applied.</source>
        <translation>لم يُطبَّق تعديلك.</translation>
    </message>
    <message>
        <source>What you typed is still in the pane and the digest is as it was: undo (Ctrl+Z) or correct it.</source>
        <translation>ما كتبته ما زال في الجزء والموجز كما كان: تراجع (Ctrl+Z) أو صحّحه.</translation>
    </message>
    <message>
        <source>Your edit was not applied: {reason}</source>
        <translation>لم يُطبَّق تعديلك: {reason}</translation>
    </message>
    <message>
        <source>This engine cannot translate an edited summary.</source>
        <translation>لا يستطيع هذا المحرك ترجمة ملخص معدَّل.</translation>
    </message>
    <message>
        <source>Translating the summary&apos;s changed sentences into {languages}…</source>
        <translation>جارٍ ترجمة الجمل المعدَّلة من الملخص إلى: {languages}…</translation>
    </message>
    <message>
        <source>The summary&apos;s changes were carried into {languages}.</source>
        <translation>نُقلت تعديلات الملخص إلى: {languages}.</translation>
    </message>
    <message>
        <source>The edited summary could not be translated: {reason}</source>
        <translation>تعذّرت ترجمة الملخص المعدَّل: {reason}</translation>
    </message>
    <message>
        <source>Wait a moment: the summary&apos;s changes are being translated.</source>
        <translation>انتظر لحظة: تعديلات الملخص قيد الترجمة.</translation>
    </message>
    <message>
        <source>Nothing to edit yet: digest an article first.</source>
        <translation>لا شيء للتحرير بعد: لخّص مقالة أولًا.</translation>
    </message>
    <message>
        <source>Editing {text}: type to correct it. Your changes are kept as you type; Ctrl+Z undoes them.</source>
        <translation>تحرير {text}: اكتب لتصحيحه. تُحفظ تعديلاتك أثناء الكتابة، وCtrl+Z يتراجع عنها.</translation>
    </message>
    <message>
        <source>This sentence is the model&apos;s own: nothing to revert.</source>
        <translation>هذه الجملة من كتابة النموذج: لا شيء لاستعادته.</translation>
    </message>
    <message>
        <source>The sentence is the model&apos;s again.</source>
        <translation>عادت الجملة كما كتبها النموذج.</translation>
    </message>
    <message>
        <source>Nothing to revert: {text} is the model&apos;s own.</source>
        <translation>لا شيء لاستعادته: {text} من كتابة النموذج.</translation>
    </message>
    <message>
        <source>Reverted: {text} is the model&apos;s again.</source>
        <translation>تمت الاستعادة: عاد {text} كما كتبه النموذج.</translation>
    </message>
    <message>
        <source>Put the cursor in a translated sentence to see its alternative translations.</source>
        <translation>ضع المؤشر في جملة مترجمة لترى ترجماتها البديلة.</translation>
    </message>
    <message>
        <source>this engine cannot find them.</source>
        <translation>لا يستطيع هذا المحرك إيجادها.</translation>
    </message>
    <message>
        <source>The sentence changed meanwhile: open its alternatives again.</source>
        <translation>تغيّرت الجملة في الأثناء: افتح بدائلها من جديد.</translation>
    </message>
    <message>
        <source>Alternative chosen: the sentence now reads “{text}”.</source>
        <translation>اختير بديل: أصبحت الجملة «{text}».</translation>
    </message>
    <message>
        <source>Your corrections could not be kept in the history: {reason}</source>
        <translation>تعذّر حفظ تصحيحاتك في السجل: {reason}</translation>
    </message>
    <message>
        <source>(As it was before your last edit of the summary, whose translations were still being made: save again in a moment for the edit.)</source>
        <translation>(كما كان قبل آخر تعديل لك على الملخص، إذ كانت ترجماته قيد الإعداد: احفظ مرة أخرى بعد لحظة ليُحفظ التعديل.)</translation>
    </message>
</context>
<context>
    <name>RevisionMarks</name>
    <message>
        <source>English changed: you edited this sentence before its English changed; the new machine translation is “{machine}” (right-click the sentence to use it)</source>
        <extracomment>The strip&apos;s width beside the text, and the bar&apos;s width in it. What a mark shows: a sentence edited, an alternative chosen, an edit whose English changed since. Each mark&apos;s colour on a light base, and on a dark one; and its text&apos;s ink. The views&apos; highlight layer of the revised sentences&apos; ink. The longest stretch of a text a tooltip quotes.</extracomment>
        <translation>تغيّر النص الإنجليزي: عدّلت هذه الجملة قبل أن يتغير أصلها الإنجليزي؛ الترجمة الآلية الجديدة «{machine}» (انقر الجملة بالزر الأيمن لاستخدامها)</translation>
    </message>
    <message>
        <source>Chosen alternative: the model first wrote “{machine}”</source>
        <translation>بديل مختار: كتب النموذج أولًا «{machine}»</translation>
    </message>
    <message>
        <source>Edited: written by you</source>
        <translation>معدَّل: من كتابتك</translation>
    </message>
    <message>
        <source>Edited: the model wrote “{machine}”</source>
        <translation>معدَّل: كتب النموذج «{machine}»</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Unexpected error: {error}</source>
        <extracomment>The lane of everything that talks to the engine or the disk&apos;s models. The lane of model downloads. The lane of the Models dialog&apos;s disk work: reading each model&apos;s state, verifying its files&apos; hashes, removing it, checking a folder chosen for it. How long :meth:`BackgroundRunner.shutdown` waits for each lane&apos;s thread. What the work reads cancellation from and reports progress into (the runner&apos;s sink). Whether :meth:`BackgroundRunner.shutdown` lets the work run to its end. Whether the work has begun on its thread, and whether it has stopped running there (the task may have ended, by a cancel, before either). How long a lane running Python keeps the interpreter from the GUI thread at most. Showing the first of 200 dropped articles while lanes read the others: the longest stall 118-131 ms with Python&apos;s 5 ms, 44-63 ms with 1 ms. Work run inside :meth:`holding_back`, queued when it ends; None outside it.</extracomment>
        <translation>خطأ غير متوقع: {error}</translation>
    </message>
</context>
<context>
    <name>SaveAll</name>
    <message>
        <source>Save All Digests</source>
        <translation>حفظ كل الموجزات</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Also save each new digest in this folder automatically</source>
        <translation>احفظ كل موجز جديد في هذا المجلد تلقائيًا أيضًا</translation>
    </message>
    <message numerus="yes">
        <source>Save %n Digests</source>
        <translation>
            <numerusform>لا موجزات للحفظ</numerusform>
            <numerusform>حفظ موجز واحد</numerusform>
            <numerusform>حفظ موجزين</numerusform>
            <numerusform>حفظ %n موجزات</numerusform>
            <numerusform>حفظ %n موجزًا</numerusform>
            <numerusform>حفظ %n موجز</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>المجلد:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Save Digests In</source>
        <translation>حفظ الموجزات في</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} ليس مجلدًا</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n digests in {folder}.</source>
        <translation>
            <numerusform>لم يُحفظ أي موجز في {folder}.</numerusform>
            <numerusform>حُفظ موجز واحد في {folder}.</numerusform>
            <numerusform>حُفظ موجزان في {folder}.</numerusform>
            <numerusform>حُفظت %n موجزات في {folder}.</numerusform>
            <numerusform>حُفظ %n موجزًا في {folder}.</numerusform>
            <numerusform>حُفظ %n موجز في {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be saved: {problem}</source>
        <translation>
            <numerusform>تعذّر حفظ %n: {problem}</numerusform>
            <numerusform>تعذّر حفظ واحد: {problem}</numerusform>
            <numerusform>تعذّر حفظ اثنين: {problem}</numerusform>
            <numerusform>تعذّر حفظ %n: {problem}</numerusform>
            <numerusform>تعذّر حفظ %n: {problem}</numerusform>
            <numerusform>تعذّر حفظ %n: {problem}</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as {name}.</source>
        <translation>حُفظ باسم {name}.</translation>
    </message>
    <message>
        <source>Not saved automatically: {problem}</source>
        <translation>لم يُحفظ تلقائيًا: {problem}</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>Save Digest</source>
        <translation>حفظ الموجز</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>تعذّر حفظ {name}: {reason}</translation>
    </message>
    <message>
        <source>Could Not Save</source>
        <translation>تعذّر الحفظ</translation>
    </message>
    <message>
        <source>Could not save {name}:
{reason}</source>
        <translation>تعذّر حفظ {name}:
{reason}</translation>
    </message>
    <message>
        <source>Saved the digest to {path}</source>
        <translation>حُفظ الموجز في {path}</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>استبدال الملف؟</translation>
    </message>
    <message>
        <source>{name} already exists. Do you want to replace it?</source>
        <translation>{name} موجود بالفعل. أتريد استبداله؟</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Starting</source>
        <translation>جارٍ البدء</translation>
    </message>
    <message>
        <source>Models ready</source>
        <translation>النماذج جاهزة</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Summarising {part}/{parts}</source>
        <translation>جارٍ التلخيص {part}/{parts}</translation>
    </message>
    <message>
        <source>Summarising parts {first}–{last} of {parts}</source>
        <translation>جارٍ تلخيص الأجزاء {first}–{last} من {parts}</translation>
    </message>
    <message>
        <source>Combining summaries</source>
        <translation>جارٍ دمج الملخصات</translation>
    </message>
    <message>
        <source>Translating summary to {language}</source>
        <translation>جارٍ ترجمة الملخص إلى {language}</translation>
    </message>
    <message>
        <source>Translating article to {language}</source>
        <translation>جارٍ ترجمة المقالة إلى {language}</translation>
    </message>
    <message>
        <source>Translating article from {language} to English</source>
        <translation>جارٍ ترجمة المقالة من {language} إلى الإنجليزية</translation>
    </message>
    <message>
        <source>Loading the summary model</source>
        <translation>جارٍ تحميل نموذج التلخيص</translation>
    </message>
    <message>
        <source>Loading the {language} translation model</source>
        <translation>جارٍ تحميل نموذج الترجمة إلى {language}</translation>
    </message>
    <message>
        <source>Loading the {language}-to-English model</source>
        <translation>جارٍ تحميل نموذج الترجمة من {language} إلى الإنجليزية</translation>
    </message>
    <message>
        <source>Translating the {language} text back into English</source>
        <translation>ترجمة النص ({language}) عكسيًا إلى الإنجليزية</translation>
    </message>
    <message>
        <source>Finding other translations into {language}</source>
        <translation>البحث عن ترجمات أخرى ({language})</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open…</source>
        <extracomment>Zoom, Find, Copy, Print, Export PDF and Appearance (acted on by the workspace). Edit Text, Undo, Redo, Revert, Alternatives, and View › Back-Translate (acted on by the review controller).</extracomment>
        <translation>فتح…</translation>
    </message>
    <message>
        <source>Open one or more article files</source>
        <translation>فتح ملف مقالة أو أكثر</translation>
    </message>
    <message>
        <source>&amp;New from Clipboard</source>
        <translation>جديد من الحافظة</translation>
    </message>
    <message>
        <source>Make an article of the copied text, or open the copied link or files</source>
        <translation>اجعل النص المنسوخ مقالة، أو افتح الرابط أو الملفات المنسوخة</translation>
    </message>
    <message>
        <source>Save &amp;All Digests…</source>
        <translation>حفظ كل الموجزات…</translation>
    </message>
    <message>
        <source>Save every finished digest in a folder</source>
        <translation>حفظ كل الموجزات المكتملة في مجلد</translation>
    </message>
    <message>
        <source>&amp;Save Digest As…</source>
        <translation>حفظ الموجز باسم…</translation>
    </message>
    <message>
        <source>Save the digest as text, Markdown, HTML, JSON or Word</source>
        <translation>حفظ الموجز نصًا أو Markdown أو HTML أو JSON أو Word</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>&amp;Digest</source>
        <translation>لخّص</translation>
    </message>
    <message>
        <source>Summarise and translate the article</source>
        <translation>لخّص المقالة وترجمها</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop the running digest</source>
        <translation>إيقاف التلخيص الجاري</translation>
    </message>
    <message>
        <source>Cancel &amp;All</source>
        <translation>إلغاء الكل</translation>
    </message>
    <message>
        <source>Stop the running digest and take every waiting article off the queue</source>
        <translation>إيقاف التلخيص الجاري وإزالة كل المقالات المنتظرة من القائمة</translation>
    </message>
    <message>
        <source>Choose &amp;Models Folder…</source>
        <translation>اختيار مجلد النماذج…</translation>
    </message>
    <message>
        <source>Pick the folder that holds the downloaded models</source>
        <translation>اختر المجلد الذي يحوي النماذج المنزّلة</translation>
    </message>
    <message>
        <source>Manage &amp;Models…</source>
        <translation>إدارة النماذج…</translation>
    </message>
    <message>
        <source>See which models are installed; download, verify or remove them</source>
        <translation>اعرف النماذج المثبتة؛ نزّلها أو تحقّق منها أو أزلها</translation>
    </message>
    <message>
        <source>Show &amp;History…</source>
        <translation>عرض السجل…</translation>
    </message>
    <message>
        <source>Reopen a past digest</source>
        <translation>إعادة فتح موجز سابق</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>&amp;Link Sentences</source>
        <translation>ربط الجمل</translation>
    </message>
    <message>
        <source>Point at a sentence to light up the sentences it is linked to in the other pane</source>
        <translation>أشر إلى جملة لتُبرز الجمل المرتبطة بها في الجزء الآخر</translation>
    </message>
    <message>
        <source>&amp;Next Flag</source>
        <translation>التنبيه التالي</translation>
    </message>
    <message>
        <source>Go to the next sentence flagged to check</source>
        <translation>انتقل إلى الجملة التالية المعلَّمة للمراجعة</translation>
    </message>
    <message>
        <source>&amp;Previous Flag</source>
        <translation>التنبيه السابق</translation>
    </message>
    <message>
        <source>Go to the previous sentence flagged to check</source>
        <translation>انتقل إلى الجملة السابقة المعلَّمة للمراجعة</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>حول «{app}»</translation>
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
        <translation>الجمل المسطَّرة بالكهرماني تستحق المراجعة: F8 للتالية، Shift+F8 للسابقة</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>المقالة</translation>
    </message>
    <message>
        <source>Sentences are linked: point at one to see where it comes from.</source>
        <translation>الجمل مرتبطة: أشر إلى جملة لترى مصدرها.</translation>
    </message>
    <message>
        <source>Sentences are no longer linked (flags stay underlined).</source>
        <translation>لم تعد الجمل مرتبطة (تبقى التنبيهات مسطَّرة).</translation>
    </message>
    <message>
        <source>Incomplete: the digest was cancelled. What was written before is shown; it is not in the history.</source>
        <translation>غير مكتمل: أُلغي التلخيص. يُعرض ما كُتب قبل ذلك، ولن يُحفظ في السجل.</translation>
    </message>
    <message>
        <source>Still digesting: texts marked … are not finished (the summary may still change).</source>
        <translation>التلخيص جارٍ: النصوص المعلَّمة بـ… لم تكتمل (قد يتغيّر الملخص).</translation>
    </message>
</context>
</TS>
