"""Articles from files (:mod:`.read`: txt, md, html, docx, pdf), digests to files
(:mod:`.export`: txt, md, html, json, docx) and the history of past digests (:mod:`.history`)."""
