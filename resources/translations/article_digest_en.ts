<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArticleIntake</name>
    <message numerus="yes">
        <source>Opened {name} (%n words). Press Digest (Ctrl+Return) to summarise and translate it.</source>
        <translation>
            <numerusform>Opened {name} (%n word). Press Digest (Ctrl+Return) to summarise and translate it.</numerusform>
            <numerusform>Opened {name} (%n words). Press Digest (Ctrl+Return) to summarise and translate it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles queued for digesting.</source>
        <translation>
            <numerusform>%n article queued for digesting.</numerusform>
            <numerusform>%n articles queued for digesting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles opened (not digested: models are missing).</source>
        <translation>
            <numerusform>%n article opened (not digested: models are missing).</numerusform>
            <numerusform>%n articles opened (not digested: models are missing).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be opened (marked ✗ in the list).</source>
        <translation>
            <numerusform>%n could not be opened (marked ✗ in the list).</numerusform>
            <numerusform>%n could not be opened (marked ✗ in the list).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message numerus="yes">
        <source>%n sentences to check</source>
        <translation>
            <numerusform>%n sentence to check</numerusform>
            <numerusform>%n sentences to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Queued: %n articles before it.</source>
        <translation>
            <numerusform>Queued: %n article before it.</numerusform>
            <numerusform>Queued: %n articles before it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n articles taken off the queue.</source>
        <translation>
            <numerusform>Cancelled: %n article taken off the queue.</numerusform>
            <numerusform>Cancelled: %n articles taken off the queue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message numerus="yes">
        <source>{missing} of %n models are not installed (about {size} to download). Download them from the Hugging Face Hub, or choose a folder with a copy made on another machine.</source>
        <translation>
            <numerusform>{missing} of %n model is not installed (about {size} to download). Download it from the Hugging Face Hub, or choose a folder with a copy made on another machine.</numerusform>
            <numerusform>{missing} of %n models are not installed (about {size} to download). Download them from the Hugging Face Hub, or choose a folder with a copy made on another machine.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>It has no folder for %n of the models: {folders}. Each model goes in a folder named after its task (or after its repository).</source>
        <translation>
            <numerusform>It has no folder for %n of the models: {folders}. Each model goes in a folder named after its task (or after its repository).</numerusform>
            <numerusform>It has no folder for %n of the models: {folders}. Each model goes in a folder named after its task (or after its repository).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n models are missing, so Digest cannot run yet.</source>
        <translation>
            <numerusform>%n model is missing, so Digest cannot run yet.</numerusform>
            <numerusform>%n models are missing, so Digest cannot run yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message numerus="yes">
        <source>%n articles</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digested</source>
        <translation>
            <numerusform>%n digested</numerusform>
            <numerusform>%n digested</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be opened</source>
        <translation>
            <numerusform>%n could not be opened</numerusform>
            <numerusform>%n could not be opened</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SaveAll</name>
    <message numerus="yes">
        <source>Save %n Digests</source>
        <translation>
            <numerusform>Save %n Digest</numerusform>
            <numerusform>Save %n Digests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n digests in {folder}.</source>
        <translation>
            <numerusform>Saved %n digest in {folder}.</numerusform>
            <numerusform>Saved %n digests in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be saved: {problem}</source>
        <translation>
            <numerusform>%n could not be saved: {problem}</numerusform>
            <numerusform>%n could not be saved: {problem}</numerusform>
        </translation>
    </message>
</context>
</TS>
