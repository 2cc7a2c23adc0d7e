"""Article in, digest out: the pipeline (:mod:`.pipeline`), summaries of any length
(:mod:`.summarize`), sentence-batched translation (:mod:`.translate`), and the pipeline in a
child process for the window (:mod:`.process`)."""
