"""Running one model: :mod:`.loading` picks the backend, :mod:`.torch_backend` and
:mod:`.ctranslate2_backend` load and generate with progress and cancel through a
:class:`~models.common.job_state.JobState`. The only layer that imports torch, transformers
and ctranslate2 (inside the modules that need them, never at package import)."""
