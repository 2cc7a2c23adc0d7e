"""Plain immutable data that crosses between the engine, the desktop layer and threads.

Nothing here imports torch, transformers or Qt: these types are what a worker thread
hands to the GUI thread, what the CLI prints and what the history stores.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable, Mapping, Protocol, Sequence

from models.common.flags import FlagKind
from models.common.languages import ENGLISH, output_languages
from models.common.languages import name as language_name

if TYPE_CHECKING:
    from models.common.job_state import JobState


class DigestError(Exception):
    """A failure a user can act on; its message is one line, fit to show as is."""


class ModelUnavailable(DigestError):
    """A model the job needs is not on disk (or not usable) and cannot be fetched now."""


class Cancelled(DigestError):
    """The user cancelled the job; partial work is discarded."""

    def __init__(self, message: str = "Cancelled") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Article:
    """An article as read from a file: its title, its plain text, and what was learned on reading.

    ``text`` keeps paragraphs separated by blank lines; ``paragraphs`` splits on them.
    ``notices`` are what reading found worth telling (PDF pages skipped, the article's language):
    :class:`~models.common.wording.Wording` objects when reading wrote them, so a window can say
    them in its language (they survive the pickle to the engine's process; the history does
    not keep them).
    """

    title: str
    text: str
    source_path: str | None = None
    language: str | None = None
    encoding: str | None = None
    notices: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        from models.common.text import split_paragraphs

        return tuple(split_paragraphs(self.text))


@dataclass(frozen=True)
class DigestOptions:
    """What the user asked for: target languages, whether to translate the whole article, and
    whether the translations are to be back-translated into English for checking (done after
    the digest, never delaying it: see :attr:`Digest.back_translate`)."""

    languages: tuple[str, ...] = field(default_factory=output_languages)
    translate_article: bool = False
    back_translate: bool = False


@dataclass(frozen=True)
class ModelCredit:
    """Which model produced a text, for exports and the About box."""

    task: str
    model_id: str
    licence: str = ""


#: A character range ``[start, end)`` into a text (Python string indices).
TextRange = tuple[int, int]

@dataclass(frozen=True)
class SentenceLink:
    """One sentence of a generated text and the sentences of its source it is linked to: the
    sentence(s) it translates, or for a summary sentence the article sentences that support
    it, with how strongly (``score``, 0..1; 1 for a translation)."""

    target: TextRange
    sources: tuple[TextRange, ...]
    score: float = 1.0


@dataclass(frozen=True)
class SentenceFlag:
    """A generated sentence worth checking: which check raised it, and why in plain words."""

    target: TextRange
    check: FlagKind
    reason: str

    def __post_init__(self) -> None:
        # A kind's code ("numbers") is taken for the kind; an unknown code raises ValueError.
        object.__setattr__(self, "check", FlagKind(self.check))

    @property
    def line(self) -> str:
        """The flag in one line: "Numbers: The number 12,000 in the source is missing here."."""
        return f"{self.check.title}: {self.reason}"


@dataclass(frozen=True)
class Alignment:
    """How one generated text lines up with its source text (``"article"`` or ``"summary"``):
    a link per generated sentence, and the flags raised on them."""

    source: str
    links: tuple[SentenceLink, ...] = ()
    flags: tuple[SentenceFlag, ...] = ()

    def __post_init__(self) -> None:
        # Flags in reading order, a sentence's gravest first: every list of them (tooltips,
        # F8's steps, exports) says what matters most first.
        ordered = tuple(sorted(self.flags, key=lambda flag: (flag.target, -flag.check.severity)))
        object.__setattr__(self, "flags", ordered)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "links": [
                {"target": list(link.target), "sources": [list(source) for source in link.sources], "score": round(link.score, 3)}
                for link in self.links
            ],
            "flags": [_flag_json(flag) for flag in self.flags],
        }

    @classmethod
    def from_json_dict(cls, data: Mapping[str, Any]) -> Alignment:
        text_range = _text_range
        return cls(
            source=str(data["source"]),
            links=tuple(
                SentenceLink(text_range(link["target"]), tuple(text_range(item) for item in link["sources"]), float(link.get("score", 1.0)))
                for link in data.get("links", ())
            ),
            flags=tuple(SentenceFlag(text_range(flag["target"]), FlagKind(str(flag["check"])), _flag_reason(flag)) for flag in data.get("flags", ())),
        )


def _flag_json(flag: SentenceFlag) -> dict[str, Any]:
    data = {"target": list(flag.target), "check": str(flag.check), "reason": str(flag.reason)}
    sentences = getattr(flag.reason, "to_json", None)
    if sentences is not None:  # a Wording: kept so that a window can say it in its language later
        data["wording"] = sentences()
    return data


def _flag_reason(data: Mapping[str, Any]) -> str:
    """A saved flag's reason: its wording when it was saved with one (and it still reads as
    saved), else the English text."""
    from models.common.wording import Wording

    reason = str(data["reason"])
    wording = Wording.from_json(data["wording"]) if "wording" in data else None
    return wording if wording is not None and wording == reason else reason


#: Where a published sentence came from: the model wrote it, a person edited it, or a person
#: chose it among the model's alternatives (:class:`SentenceRevision`).
MACHINE, EDITED, ALTERNATIVE = "machine", "edited", "alternative"
ORIGINS = (MACHINE, EDITED, ALTERNATIVE)


@dataclass(frozen=True)
class SentenceRevision:
    """One sentence of a generated text that was revised (or whose text was): where it stands in
    the published text (``target``, as in :class:`SentenceLink`), where it came from
    (``origin``: :data:`MACHINE`, :data:`EDITED` or :data:`ALTERNATIVE`) and what the model
    wrote for it (``machine``; "" for an English summary sentence a person wrote from nothing).

    ``source_changed``: the English sentence it translates changed after this sentence was
    edited; the edit was kept (an edit is never overwritten without asking) and ``machine`` is
    the translation of the new English, which a window may offer in its place."""

    target: TextRange
    origin: str
    machine: str
    source_changed: bool = False

    def __post_init__(self) -> None:
        if self.origin not in ORIGINS:
            raise ValueError(f"unknown sentence origin {self.origin!r} (one of {', '.join(ORIGINS)})")


@dataclass(frozen=True)
class TextRevision:
    """A generated text that went through revision: the text the model wrote (``machine_text``:
    for a translation, its machine translations of the current English, laid out as the text
    is; for the English summary, the summariser's own) and each sentence's provenance, in
    reading order. The published text is the digest's own field (:meth:`Digest.generated_text`)."""

    machine_text: str
    sentences: tuple[SentenceRevision, ...] = ()

    @property
    def edited(self) -> tuple[SentenceRevision, ...]:
        """The sentences a person wrote or chose (origin other than :data:`MACHINE`)."""
        return tuple(sentence for sentence in self.sentences if sentence.origin != MACHINE)

    def at(self, target: TextRange) -> SentenceRevision | None:
        """The sentence at ``target``, if it is one of this text's."""
        return next((sentence for sentence in self.sentences if sentence.target == target), None)

    def to_json_dict(self, published: str) -> dict[str, Any]:
        """JSON-ready data; ``published`` is the text as published (each sentence's text is
        written beside its machine text, for readers of the file; it is not read back)."""
        data: dict[str, Any] = {}
        if self.machine_text != published:
            data["machine_text"] = self.machine_text
        sentences = []
        for sentence in self.sentences:
            item: dict[str, Any] = {
                "target": list(sentence.target),
                "origin": sentence.origin,
                "text": published[sentence.target[0] : sentence.target[1]],
                "machine": sentence.machine,
            }
            if sentence.source_changed:
                item["source_changed"] = True
            sentences.append(item)
        data["sentences"] = sentences
        return data

    @classmethod
    def from_json_dict(cls, data: Mapping[str, Any], published: str) -> TextRevision:
        return cls(
            machine_text=str(data.get("machine_text", published)),
            sentences=tuple(
                SentenceRevision(
                    _text_range(item["target"]), str(item["origin"]), str(item.get("machine", "")), bool(item.get("source_changed", False))
                )
                for item in data.get("sentences", ())
            ),
        )


@dataclass(frozen=True)
class BackTranslation:
    """A translated sentence (at ``target`` in its text) translated back into English with the
    into-English model, for a reader to judge it by."""

    target: TextRange
    english: str


def _text_range(value: Any) -> TextRange:
    start, end = (int(number) for number in value)
    if not 0 <= start <= end:
        raise ValueError(f"not a text range: {value!r}")
    return start, end


def alignment_key(kind: str, language: str | None = None) -> str:
    """The key of a generated text in :attr:`Digest.alignments`: ``summary`` (against the
    article), ``summary:ru`` (the summary's translation, against the summary), ``article:ar``
    (the article's translation, against the article), ``article:en`` (a Russian or Arabic
    article's English translation, made before summarising, against the article)."""
    return kind if language is None else f"{kind}:{language}"


@dataclass(frozen=True)
class PartialText:
    """A generated text shown before the digest ends. ``key`` is its :func:`alignment_key`
    ("summary", "summary:ru", "article:ar"). ``complete`` False: still coming (the summary's
    leading beam hypothesis, or the first paragraphs of a translation); True: final, though
    the digest's other texts may still be on their way."""

    key: str
    text: str
    complete: bool


def _now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Digest:
    """The result of one job: the English summary and its translations (and the article's).

    Mappings are keyed by ISO 639-1 language code ("ru", "ar"). A Russian or Arabic article is
    machine-translated into English first (``translated_from``, ``english_translation``) and
    that is summarised; its own language's summary is the English summary translated back.
    Links into the article (``summary``, ``article:*``) always point at the article as written.
    """

    article: Article
    summary: str
    summary_translations: Mapping[str, str] = field(default_factory=dict)
    article_translations: Mapping[str, str] = field(default_factory=dict)
    models: tuple[ModelCredit, ...] = ()
    seconds: float = 0.0
    created: str = field(default_factory=_now_iso)
    #: How each generated text lines up with its source, by :func:`alignment_key`.
    alignments: Mapping[str, Alignment] = field(default_factory=dict)
    #: The language the article was machine-translated from into English before summarising
    #: ("ru", "ar"); None when it was summarised as written.
    translated_from: str | None = None
    #: That English translation of the article, paragraph for paragraph and sentence for
    #: sentence; aligned under ``alignment_key("article", ENGLISH)``.
    english_translation: str = ""
    #: Generated texts that were revised (edited, an alternative chosen, the English summary
    #: edited and its changes carried into the translations), by :func:`alignment_key`: the
    #: machine's text and each sentence's provenance. The published text stays in the fields
    #: above. A text never revised has no entry (all of it is the machine's).
    revisions: Mapping[str, TextRevision] = field(default_factory=dict)
    #: Each translated sentence's translation back into English, by :func:`alignment_key`
    #: (``models.digest.revise``); sentences without one are not back-translated (yet).
    back_translations: Mapping[str, tuple[BackTranslation, ...]] = field(default_factory=dict)
    #: Whether back-translation is on for this digest (:attr:`DigestOptions.back_translate`):
    #: sentences that lack a back-translation are to get one, after the digest is shown.
    back_translate: bool = False

    def generated_text(self, key: str) -> str:
        """The generated text an :attr:`alignments` key names."""
        kind, _, language = key.partition(":")
        if not language:
            return self.summary
        if kind == "article" and language == ENGLISH:
            return self.english_translation
        return (self.summary_translations if kind == "summary" else self.article_translations).get(language, "")

    @property
    def translation_note(self) -> str:
        """One line saying that the article was translated before summarising, and which summary
        is a translation back into the article's language; "" when it was summarised as written."""
        if not self.translated_from:
            return ""
        name = language_name(self.translated_from)
        note = f"The article, in {name}, was machine-translated into English before summarising"
        if self.translated_from in self.summary_translations:
            note += f"; the {name} summary is the English summary translated back"
        return note + "."

    def machine_text(self, key: str) -> str:
        """The text the model wrote for the generated text ``key`` (its published text when it
        was never revised)."""
        revision = self.revisions.get(key)
        return revision.machine_text if revision is not None else self.generated_text(key)

    def origin(self, key: str, target: TextRange) -> str:
        """Where the sentence at ``target`` of text ``key`` came from (:data:`ORIGINS`)."""
        revision = self.revisions.get(key)
        found = revision.at(target) if revision is not None else None
        return found.origin if found is not None else MACHINE

    def back_translation(self, key: str, target: TextRange) -> str | None:
        """The English back-translation of the sentence at ``target`` of text ``key``, if it has one."""
        return next((item.english for item in self.back_translations.get(key, ()) if item.target == target), None)

    def source_text(self, key: str) -> str:
        """The text the generated text ``key`` is aligned against (the article or the summary)."""
        return self.summary if self.alignments[key].source == "summary" else self.article.text

    @property
    def flag_count(self) -> int:
        """How many generated sentences are flagged to check, over every text."""
        return sum(len({flag.target for flag in alignment.flags}) for alignment in self.alignments.values())

    def to_json_dict(self) -> dict[str, Any]:
        """The digest as JSON-ready data (the CLI's ``--format json`` and the history's file format)."""
        data: dict[str, Any] = {
            "title": self.article.title,
            "source_path": self.article.source_path,
            "language": self.article.language,
            "created": self.created,
            "text": self.article.text,
            "summary": self.summary,
            "summary_translations": dict(self.summary_translations),
            "models": {credit.task: {"model": credit.model_id, "licence": credit.licence} for credit in self.models},
            "seconds": round(self.seconds, 3),
        }
        if self.article_translations:
            data["article_translations"] = dict(self.article_translations)
        if self.translated_from:
            data["translated_from"] = self.translated_from
            data["english_translation"] = self.english_translation
        if self.alignments:
            data["alignments"] = {key: alignment.to_json_dict() for key, alignment in self.alignments.items()}
        if self.revisions:
            data["revisions"] = {key: revision.to_json_dict(self.generated_text(key)) for key, revision in self.revisions.items()}
        if self.back_translate:
            data["back_translate"] = True
        if self.back_translations:
            data["back_translations"] = {
                key: [{"target": list(item.target), "english": item.english} for item in items]
                for key, items in self.back_translations.items()
            }
        return data

    @classmethod
    def from_json_dict(cls, data: Mapping[str, Any]) -> Digest:
        """Rebuild a digest from :meth:`to_json_dict` output; raises ``DigestError`` if malformed."""
        try:
            article = Article(
                title=str(data["title"]),
                text=str(data["text"]),
                source_path=data.get("source_path"),
                language=data.get("language"),
            )
            models = tuple(
                ModelCredit(task=str(task), model_id=str(info["model"]), licence=str(info.get("licence", "")))
                for task, info in dict(data.get("models", {})).items()
            )
            digest = cls(
                article=article,
                summary=str(data["summary"]),
                summary_translations={str(k): str(v) for k, v in dict(data.get("summary_translations", {})).items()},
                article_translations={str(k): str(v) for k, v in dict(data.get("article_translations", {})).items()},
                models=models,
                seconds=float(data.get("seconds", 0.0)),
                created=str(data.get("created") or _now_iso()),
                alignments={str(key): Alignment.from_json_dict(value) for key, value in dict(data.get("alignments", {})).items()},
                # Absent from digests of English articles and from older history entries.
                translated_from=str(data["translated_from"]) if data.get("translated_from") else None,
                english_translation=str(data.get("english_translation") or ""),
            )
            # Absent from digests never revised nor back-translated, and from older history entries.
            return replace(
                digest,
                revisions={
                    str(key): TextRevision.from_json_dict(value, digest.generated_text(str(key)))
                    for key, value in dict(data.get("revisions") or {}).items()
                },
                back_translations={
                    str(key): tuple(BackTranslation(_text_range(item["target"]), str(item["english"])) for item in items)
                    for key, items in dict(data.get("back_translations") or {}).items()
                },
                back_translate=bool(data.get("back_translate", False)),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DigestError(f"not a digest file ({error.__class__.__name__}: {error})") from error


class Seq2SeqModel(Protocol):
    """What summarising and translating need of a loaded model (``models.inference.torch_backend.TorchModel``).

    A protocol so the chunking and batching logic is tested with or without torch.
    ``generate`` reports its decoding steps into ``state`` (steps / ``max_new_tokens``) and
    stops, raising :class:`Cancelled`, soon after ``state`` is interrupted. Both backends also
    offer ``n_best(text, settings, count, *, max_new_tokens, state)``, a sentence's ``count``
    best hypotheses (for alternative translations); callers check for it, and a model without
    it offers its one translation. A model may also offer ``generate_scored(texts, settings, *,
    max_new_tokens, min_new_tokens, state)``: the outputs and what :meth:`score` would say of
    them, from the search itself (CTranslate2); callers check for it too. ``decoder_width``
    (d_model x decoder layers, 0 when unknown) sizes translation batches.
    """

    #: The catalogue entry it was loaded for (a ``models.inventory.catalog.ModelSpec``).
    spec: Any
    #: Where it runs: ``cpu``, ``cuda``, ``mps``.
    device: str
    target_token: str | None

    @property
    def input_window(self) -> int: ...

    def count_tokens(self, text: str) -> int: ...

    def generate(
        self,
        texts: Sequence[str],
        settings: Any,
        *,
        max_new_tokens: int | None = None,
        min_new_tokens: int | None = None,
        state: JobState | None = None,
        on_partial: Callable[[str], None] | None = None,
    ) -> list[str]:
        """One output per text. ``on_partial`` (optional: a backend that cannot show text
        before the end leaves it out of its signature, and callers check for it) gets the
        leading hypothesis of a single text as it is decoded."""
        ...

    def score(self, texts: Sequence[str], outputs: Sequence[str]) -> list[float]:
        """The model's mean log-probability per token of each output given its text."""
        ...

