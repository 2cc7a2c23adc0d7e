"""Article in, digest out: the pipeline (:mod:`.pipeline`), summaries of any length
(:mod:`.summarize`), sentence-batched translation (:mod:`.translate`), links and flags
(:mod:`.align`, :mod:`.checks`), revising a digest (:mod:`.revise`: edits, the English
summary's edits carried into its translations, back-translations, alternatives), and the
pipeline in a child process for the window (:mod:`.process`)."""
