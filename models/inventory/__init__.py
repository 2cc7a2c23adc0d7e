"""Which models the app uses and where they are: the catalogue (:mod:`.catalog`), models on
this computer (:mod:`.installed`), downloads from the Hugging Face Hub (:mod:`.downloads`) and
the copies the app converts from them (:mod:`.copies`). No torch at import."""
