"""Correcting a digest and passing the corrections on: edits, the English summary's changes
carried into its translations, back-translations and alternative translations.

A generated text is read here as its *units*: the sentences (or pieces of an over-long one)
it was made of, one per link of its alignment (:class:`~models.common.types.SentenceLink`),
each with its published text, the source it translates, where it came from (the model, a
person's edit, an alternative chosen), the model's own text for it, its flags and its
back-translation. Every operation reads the units of the texts it changes, changes some of
them, and writes the texts back: the published text in the digest's own fields, the
alignment (links and flags) rebuilt for the new text, the provenance in
:attr:`~models.common.types.Digest.revisions` and the back-translations in
:attr:`~models.common.types.Digest.back_translations`. A unit that did not change keeps its
text byte for byte, and its flags and back-translation with it.

Pure (string work, no model; the window may call them on its own thread):

- :func:`edit_sentence` / :func:`edit_translation`: a person's edit of one sentence of a
  translation, or of the whole text (its changes are found unit by unit);
- :func:`choose_alternative`: one of :func:`alternatives`' translations in a sentence's place;
- :func:`use_machine`: a sentence back to the model's text (what a window offers when the
  English of an edited sentence changed: :attr:`~models.common.types.SentenceRevision.source_changed`);
- :func:`carry_back_translations`: the back-translations a background job made, carried
  into the digest as it is now (the user may have edited it meanwhile);
- :func:`sentences`: a text's sentences as a window shows them (source, origin, machine
  text, back-translation, flags).

With models (called by :class:`~models.digest.pipeline.DigestPipeline`'s methods of the same
names, which hold its lock; from the window through :mod:`models.digest.process`):

- :func:`revise_summary`: the English summary edited; only its new and changed sentences are
  translated again, into each of the digest's languages, and a translated sentence a person
  edited is never overwritten (unless ``replace_edited``);
- :func:`back_translate`: translated sentences back into English with the into-English models
  (``translate-from-ru``, ``translate-from-ar``), flagged ``back-translation`` where a number
  or a name of the English got lost or the meaning drifted
  (:func:`~models.digest.checks.check_back_translation`);
- :func:`alternatives`: a sentence's other translations, the beam's n-best, each with its
  back-translation.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from models.common import steps
from models.common.flags import FlagKind
from models.common.job_state import JobState
from models.common.steps import Step
from models.common.text import locate_pieces, sentence_ranges, split_paragraphs, split_sentences, split_to_budget, valid_unicode
from models.common.types import (
    ALTERNATIVE,
    EDITED,
    ENGLISH,
    MACHINE,
    Alignment,
    BackTranslation,
    Digest,
    DigestError,
    SentenceFlag,
    SentenceLink,
    SentenceRevision,
    TextRange,
    TextRevision,
    alignment_key,
)
from models.inventory import catalog

if TYPE_CHECKING:
    from models.common.types import Seq2SeqModel
    from models.digest.pipeline import DigestPipeline

__all__ = [
    "MAX_SUMMARY_CHARS",
    "MAX_TEXT_CHARS",
    "MAX_ALTERNATIVES",
    "Alternative",
    "SentenceView",
    "alternatives",
    "back_translate",
    "back_translation_keys",
    "carry_back_translations",
    "choose_alternative",
    "edit_sentence",
    "edit_translation",
    "missing_back_translations",
    "revise_summary",
    "sentences",
    "use_machine",
]

#: An edited English summary may be this long at most (a news summary is 400-900 characters;
#: every character of a new one is translated into each language).
MAX_SUMMARY_CHARS = 10_000
#: An edited translation may be this long at most (an article is at most 200,000 characters,
#: and its translation a few times that).
MAX_TEXT_CHARS = 1_000_000
#: An English sentence whose alternatives are asked for may be this long at most.
MAX_SENTENCE_CHARS = 5_000
#: At most this many alternatives are offered for a sentence.
MAX_ALTERNATIVES = 4
#: A changed English sentence inherits the edited translation of the old one it is most like,
#: when they are at least this alike (difflib's ratio); otherwise it is a new sentence.
_PAIRING_SIMILARITY = 0.3
#: A stretch of changed sentences is paired by likeness when it makes at most this many
#: pairs to compare (20 by 20), in order beyond that.
_MAX_PAIRINGS = 400
#: Room for the end-of-sentence and target-language tokens (as models.digest.translate keeps).
_RESERVED_TOKENS = 2


# --------------------------------------------------------------------------------------------
# Plain data for callers


@dataclass(frozen=True)
class Alternative:
    """Another translation of a sentence: its text, its translation back into English ("" when
    the into-English model is not installed), the model's mean log-probability per token for it
    (``score``; 0 is certain), and the flags it would raise in the sentence's place (targets
    over the whole ``text``)."""

    text: str
    back_translation: str
    score: float
    flags: tuple[SentenceFlag, ...] = ()


@dataclass(frozen=True)
class SentenceView:
    """One sentence of a generated text, as a window shows it: where it stands (``target``),
    its text, the English it translates (``english``; "" for the English summary and for the
    English translation of a foreign article), where it came from, the model's text for it,
    whether its English changed after it was edited, its back-translation (None: none yet)
    and its flags."""

    key: str
    target: TextRange
    text: str
    english: str
    origin: str
    machine: str
    source_changed: bool
    back_translation: str | None
    flags: tuple[SentenceFlag, ...]


# --------------------------------------------------------------------------------------------
# Units: a generated text read sentence by sentence


@dataclass
class _Unit:
    """One sentence (or piece) of a generated text while it is being revised."""

    text: str
    sources: tuple[TextRange, ...]
    origin: str = MACHINE
    machine: str = ""
    source_changed: bool = False
    #: (check, reason) pairs, without their target.
    flags: list[tuple[FlagKind, str]] = field(default_factory=list)
    back: str | None = None
    #: Where it stood in the text it was read from.
    target: TextRange = (0, 0)
    #: The English it translates, once known (see _english).
    english: str | None = None


def _language(key: str) -> str:
    return key.partition(":")[2]


def _is_translation(key: str) -> bool:
    """Whether ``key`` names a translation out of English (``summary:ru``, ``article:ar``)."""
    language = _language(key)
    return bool(language) and language != ENGLISH


def _read_units(digest: Digest, key: str) -> list[_Unit]:
    """The units of the generated text ``key``, in reading order."""
    alignment = digest.alignments.get(key)
    if alignment is None:
        raise DigestError(f"the digest has no sentence structure for {key} (digest the article again to revise it)")
    text = digest.generated_text(key)
    revision = digest.revisions.get(key)
    # By target, in order: sentences a person emptied share a place.
    revised: dict[TextRange, list[SentenceRevision]] = {}
    for sentence in revision.sentences if revision is not None else ():
        revised.setdefault(sentence.target, []).append(sentence)
    backs: dict[TextRange, list[str]] = {}
    for item in digest.back_translations.get(key, ()):
        backs.setdefault(item.target, []).append(item.english)
    flags: dict[TextRange, list[tuple[FlagKind, str]]] = {}
    for flag in alignment.flags:
        flags.setdefault(flag.target, []).append((flag.check, flag.reason))
    units = []
    for link in sorted(alignment.links, key=lambda link: link.target):
        published = text[link.target[0] : link.target[1]]
        found = revised[link.target].pop(0) if revised.get(link.target) else None
        back = backs[link.target].pop(0) if backs.get(link.target) else None
        units.append(
            _Unit(
                text=published,
                sources=link.sources,
                origin=found.origin if found is not None else MACHINE,
                machine=found.machine if found is not None else published,
                source_changed=found.source_changed if found is not None else False,
                flags=list(flags.get(link.target, ())),
                back=back,
                target=link.target,
            )
        )
    return units


def _with_text(digest: Digest, key: str, text: str) -> Digest:
    """``digest`` with the generated text ``key`` replaced by ``text`` (the order of its
    languages kept)."""
    kind, _, language = key.partition(":")
    if not language:
        return replace(digest, summary=text)
    if kind == "article" and language == ENGLISH:
        return replace(digest, english_translation=text)
    if kind == "summary":
        return replace(digest, summary_translations={**digest.summary_translations, language: text})
    return replace(digest, article_translations={**digest.article_translations, language: text})


def _layout(paragraphs: Sequence[Sequence[_Unit]]) -> str:
    """The units joined as the translator joins its sentences (:func:`~models.digest.translate.join_units`:
    one space within a paragraph, a blank line between paragraphs), each unit's ``target`` set
    to where it lands."""
    from models.digest.translate import join_units

    units = [unit for paragraph in paragraphs for unit in paragraph]
    joined = join_units([[unit.text for unit in paragraph] for paragraph in paragraphs], [unit.text for unit in units])
    for unit, target in zip(units, joined.ranges):
        unit.target = target
    return joined.text


def _write_units(digest: Digest, key: str, text: str, units: Sequence[_Unit], *, record: bool = False) -> Digest:
    """``digest`` with the generated text ``key`` set to ``text``, whose units (their
    ``target`` set in ``text``) are ``units``: its alignment and back-translations rebuilt, and
    its revision (the machine text: ``text`` with each unit's machine text in its place) when
    one is needed (a unit is not the machine's), it had one, or ``record``."""
    source = digest.alignments[key].source if key in digest.alignments else ("article" if key.startswith("article") else "summary")
    for unit in units:
        if unit.text == unit.machine and unit.origin != MACHINE and not unit.source_changed:
            unit.origin = MACHINE  # edited back to the machine's text: the machine's again
    links = tuple(SentenceLink(unit.target, unit.sources) for unit in units)
    flags = tuple(SentenceFlag(unit.target, check, reason) for unit in units for check, reason in unit.flags)
    revisions = dict(digest.revisions)
    if record or key in revisions or any(unit.origin != MACHINE or unit.source_changed for unit in units):
        pieces, position = [], 0
        for unit in units:
            pieces += [text[position : unit.target[0]], unit.machine]
            position = unit.target[1]
        sentences = tuple(SentenceRevision(unit.target, unit.origin, unit.machine, unit.source_changed) for unit in units)
        revisions[key] = TextRevision("".join(pieces) + text[position:], sentences)
    backs = tuple(BackTranslation(unit.target, unit.back) for unit in units if unit.back is not None)
    back_translations = {name: items for name, items in digest.back_translations.items() if name != key}
    if backs:
        back_translations[key] = backs
    revised = _with_text(digest, key, text)
    return replace(
        revised,
        alignments={**digest.alignments, key: Alignment(source, links, flags)},
        revisions=revisions,
        back_translations=back_translations,
    )


def _english(digest: Digest, key: str, unit: _Unit) -> str:
    """The English sentence ``unit`` of text ``key`` translates; "" when its source is not
    English (the English translation of a foreign article)."""
    if unit.english is not None:
        return unit.english
    alignment = digest.alignments.get(key)
    if alignment is None or not _is_translation(key):
        return ""
    if alignment.source == "summary":
        english = " ".join(" ".join(digest.summary[start:end].split()) for start, end in unit.sources)
    elif digest.translated_from is None:
        english = " ".join(" ".join(digest.article.text[start:end].split()) for start, end in unit.sources)
    else:
        # Made from the article's English translation; its links were carried through to the
        # article as written: back through that translation's own links.
        english_alignment = digest.alignments.get(alignment_key("article", ENGLISH))
        wanted = set(unit.sources)
        english = " ".join(
            " ".join(digest.english_translation[link.target[0] : link.target[1]].split())
            for link in (english_alignment.links if english_alignment is not None else ())
            if wanted & set(link.sources)
        )
    unit.english = english
    return english


def _recheck(digest: Digest, key: str, unit: _Unit, log_probability: float | None = None, threshold: float | None = None) -> None:
    """``unit``'s flags worked out again for its text: the translation checks against its
    English (with its score, when it has one) and, when it has a back-translation, the
    back-translation's."""
    from models.digest.checks import check_back_translation, check_translation

    english = _english(digest, key, unit)
    if not english:
        unit.flags = []
        return
    unit.flags = list(check_translation(english, unit.text, _language(key), log_probability=log_probability, threshold=threshold))
    if unit.back is not None:
        unit.flags += check_back_translation(english, unit.back)


def _clean(text: str) -> str:
    """``text`` valid Unicode, its line ends made ``\\n``."""
    return valid_unicode(text.replace("\r\n", "\n").replace("\r", "\n"))


def _check_text(text: str, what: str, limit: int) -> str:
    """``text`` fit to publish (:func:`_clean`); DigestError when it is not text, is empty or
    is longer than ``limit`` characters."""
    if not isinstance(text, str):
        raise DigestError(f"{what} must be text, not {type(text).__name__}")
    text = _clean(text)
    if not text.strip():
        raise DigestError(f"{what} is empty")
    if len(text) > limit:
        raise DigestError(f"{what} is too long ({len(text):,} characters; at most {limit:,})")
    return text


def _editable(digest: Digest, key: str) -> None:
    if not key.partition(":")[2]:
        raise DigestError("the English summary is revised as a whole (revise_summary), so that its translations follow it")
    if key not in digest.alignments:
        raise DigestError(f"the digest has no text {key}")


def _what(key: str) -> str:
    from models.common.languages import name

    kind, _, language = key.partition(":")
    return f"the {name(language)} {'summary' if kind == 'summary' else 'article'}" if language else "the summary"


# --------------------------------------------------------------------------------------------
# A person's edits (pure)


def edit_sentence(digest: Digest, key: str, target: TextRange, text: str, *, origin: str = EDITED) -> Digest:
    """``digest`` with the sentence at ``target`` of the translation ``key`` (a link target of
    its alignment) replaced by ``text``, marked as ``origin`` (:data:`EDITED`, or
    :data:`ALTERNATIVE` through :func:`choose_alternative`); the model's text is kept beside it.
    Its flags are worked out again (its back-translation is dropped: it is of the old text);
    every other sentence stays as it was, moved by the length the edit changed."""
    _editable(digest, key)
    units = _read_units(digest, key)
    index = next((number for number, unit in enumerate(units) if unit.target == tuple(target)), None)
    if index is None:
        raise DigestError(f"{_what(key)} has no sentence at {tuple(target)}")
    old = digest.generated_text(key)
    start, end = units[index].target
    text = _clean(str(text))
    new = _check_text(old[:start] + text + old[end:], _what(key), MAX_TEXT_CHARS)
    shift = len(text) - (end - start)
    for unit in units[index + 1 :]:
        unit.target = (unit.target[0] + shift, unit.target[1] + shift)
    unit = units[index]
    unit.target = (start, start + len(text))
    unit.origin, unit.source_changed = origin, False
    if text != unit.text:
        unit.text, unit.back = text, None
        _recheck(digest, key, unit)
    return _write_units(digest, key, new, units)


def choose_alternative(digest: Digest, key: str, target: TextRange, alternative: Alternative | str) -> Digest:
    """``digest`` with one of :func:`alternatives`' translations in place of the sentence at
    ``target`` of ``key``, marked :data:`ALTERNATIVE`; its back-translation comes with it."""
    if not isinstance(alternative, Alternative):
        return edit_sentence(digest, key, target, str(alternative), origin=ALTERNATIVE)
    text = _clean(alternative.text)
    revised = edit_sentence(digest, key, target, text, origin=ALTERNATIVE)
    units = _read_units(revised, key)
    unit = next(unit for unit in units if unit.target == (target[0], target[0] + len(text)))
    # What the alternative was judged by when it was made: its score too, which an edit lacks.
    unit.back = alternative.back_translation or None
    unit.flags = [(flag.check, flag.reason) for flag in alternative.flags]
    return _write_units(revised, key, revised.generated_text(key), units)


def use_machine(digest: Digest, key: str, target: TextRange) -> Digest:
    """``digest`` with the sentence at ``target`` of ``key`` back to the model's text for it
    (undoing an edit, or taking the new translation of an English sentence that changed after
    the sentence was edited)."""
    units = _read_units(digest, key)
    unit = next((unit for unit in units if unit.target == tuple(target)), None)
    if unit is None:
        raise DigestError(f"{_what(key)} has no sentence at {tuple(target)}")
    return edit_sentence(digest, key, target, unit.machine, origin=MACHINE)


_TOKEN = re.compile(r"\s+|\S+")


def _token_edge(text: str, position: int) -> bool:
    """Whether ``position`` of ``text`` is where one :data:`_TOKEN` ends and another starts."""
    return position in (0, len(text)) or text[position - 1].isspace() != text[position].isspace()


def _mapped_ranges(old: str, new: str, ranges: Sequence[TextRange]) -> list[tuple[TextRange, bool]]:
    """Where each of ``ranges`` (in ``old``, in order) stands in ``new``, and whether its text
    changed: the texts are compared word by word (difflib), each range's ends carried through
    the unchanged stretches; words typed where a range starts or ends belong to it (whitespace
    does not), a range's end inside a changed stretch goes to the stretch's end and its start
    to the stretch's start (so text typed over two sentences goes to the first). Ranges never
    overlap."""
    # Only the stretch between the texts' common start and end is compared (a pane's edit is
    # local; comparing a whole article's tokens would take seconds), cut where tokens meet.
    prefix = len(os.path.commonprefix([old, new]))
    while prefix and not (_token_edge(old, prefix) and _token_edge(new, prefix)):
        prefix -= 1
    suffix = len(os.path.commonprefix([old[prefix:][::-1], new[prefix:][::-1]]))
    while suffix and not (_token_edge(old, len(old) - suffix) and _token_edge(new, len(new) - suffix)):
        suffix -= 1
    old_end_of_middle, new_end_of_middle = len(old) - suffix, len(new) - suffix
    old_tokens = [match.span() for match in _TOKEN.finditer(old, prefix, old_end_of_middle)]
    new_tokens = [match.span() for match in _TOKEN.finditer(new, prefix, new_end_of_middle)]
    matcher = SequenceMatcher(None, [old[a:b] for a, b in old_tokens], [new[a:b] for a, b in new_tokens], autojunk=False)
    blocks = [(True, 0, prefix, 0, prefix)]  # (equal?, old start, old end, new start, new end), in characters
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_start = old_tokens[i1][0] if i1 < len(old_tokens) else old_end_of_middle
        old_end = old_tokens[i2 - 1][1] if i2 > i1 else old_start
        new_start = new_tokens[j1][0] if j1 < len(new_tokens) else new_end_of_middle
        new_end = new_tokens[j2 - 1][1] if j2 > j1 else new_start
        blocks.append((tag == "equal", old_start, old_end, new_start, new_end))
    blocks.append((True, old_end_of_middle, len(old), new_end_of_middle, len(new)))

    def carried(position: int, at_start: bool) -> int:
        # A start goes with the first stretch that starts at ``position`` (text typed there is
        # the range's), an end with the last that ends there; else with the stretch around it.
        edge = 1 if at_start else 2
        candidates = [block for block in blocks if block[edge] == position] or [
            block for block in blocks if block[1] <= position <= block[2]
        ]
        block = candidates[0] if at_start else candidates[-1]
        equal, old_start, _, new_start, new_end = block
        if equal:
            return new_start + position - old_start
        return new_start if at_start else new_end

    result: list[tuple[TextRange, bool]] = []
    previous_end = 0
    for start, end in ranges:
        new_start = max(carried(start, True), previous_end)
        new_end = max(carried(end, False), new_start)
        # Whitespace typed at its edges is not the sentence's (a range's text has none there).
        while new_start < new_end and new[new_start].isspace() and not old[start:end][:1].isspace():
            new_start += 1
        while new_end > new_start and new[new_end - 1].isspace() and not old[start:end][-1:].isspace():
            new_end -= 1
        result.append(((new_start, new_end), new[new_start:new_end] != old[start:end]))
        previous_end = new_end
    return result


def edit_translation(digest: Digest, key: str, new_text: str) -> Digest:
    """``digest`` with the translation ``key`` replaced by ``new_text``, as a person edited it
    (a window's pane, whole): the sentences whose text changed are found (see
    :func:`_mapped_ranges`) and marked :data:`EDITED`, with the model's text kept beside them;
    the others keep their origin, flags and back-translation. ``new_text`` is published as
    it is. DigestError when it is empty or too long."""
    _editable(digest, key)
    new_text = _check_text(new_text, _what(key), MAX_TEXT_CHARS)
    old = digest.generated_text(key)
    if new_text == old:
        return digest
    units = _read_units(digest, key)
    for unit, (target, changed) in zip(units, _mapped_ranges(old, new_text, [unit.target for unit in units])):
        unit.target = target
        if changed:
            unit.text = new_text[target[0] : target[1]]
            unit.origin, unit.source_changed, unit.back = EDITED, False, None
            _recheck(digest, key, unit)
    return _write_units(digest, key, new_text, units)


def sentences(digest: Digest, key: str) -> list[SentenceView]:
    """The sentences of the generated text ``key``, in reading order, as a window shows them."""
    units = _read_units(digest, key)
    return [
        SentenceView(
            key=key,
            target=unit.target,
            text=unit.text,
            english=_english(digest, key, unit),
            origin=unit.origin,
            machine=unit.machine,
            source_changed=unit.source_changed,
            back_translation=unit.back,
            flags=tuple(SentenceFlag(unit.target, check, reason) for check, reason in unit.flags),
        )
        for unit in units
    ]


# --------------------------------------------------------------------------------------------
# The English summary edited: its changes carried into the translations


def _sentences_of(text: str) -> tuple[list[str], list[int], list[TextRange]]:
    """``text``'s sentences (as the translator splits them), the paragraph of each, and where each stands."""
    found: list[str] = []
    paragraph_of: list[int] = []
    for number, paragraph in enumerate(split_paragraphs(text)):
        for sentence in split_sentences(paragraph):
            found.append(sentence)
            paragraph_of.append(number)
    return found, paragraph_of, locate_pieces(text, found)


def _pairs(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    """Which of ``old`` sentences each of ``new`` replaces, in order (a monotone pairing that
    maximises their likeness; pairs less alike than :data:`_PAIRING_SIMILARITY` are not made):
    (index in old, index in new) pairs."""
    def likeness(a: str, b: str) -> float:
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        return matcher.ratio() if matcher.quick_ratio() >= _PAIRING_SIMILARITY else 0.0  # the bound first: cheap

    if len(old) * len(new) > _MAX_PAIRINGS:  # a summary rewritten wholesale: in order, no search
        return [(i, i) for i in range(min(len(old), len(new))) if likeness(old[i], new[i]) >= _PAIRING_SIMILARITY]
    scores = [[likeness(a, b) for b in new] for a in old]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            paired = scores[i][j] + best[i + 1][j + 1] if scores[i][j] >= _PAIRING_SIMILARITY else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < len(old) and j < len(new):
        if scores[i][j] >= _PAIRING_SIMILARITY and best[i][j] == scores[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


@dataclass
class _SentencePlan:
    """What becomes of one sentence of the edited summary: the old sentence it is or replaces
    (None: new), and whether it is the same."""

    old: int | None
    same: bool


def _plan(old: Sequence[str], new: Sequence[str]) -> list[_SentencePlan]:
    """Each new sentence's old one: the same sentence where the two summaries run alike
    (difflib's matching blocks), else the same sentence anywhere (moved, or said twice), else
    the old one it most likely replaces in its stretch (:func:`_pairs`), else none."""
    plans = [_SentencePlan(None, False) for _ in new]
    anywhere = {}
    for index, sentence in enumerate(old):
        anywhere.setdefault(sentence, index)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, list(old), list(new), autojunk=False).get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                plans[j1 + offset] = _SentencePlan(i1 + offset, True)
        elif tag == "replace":
            for i, j in _pairs(old[i1:i2], new[j1:j2]):
                plans[j1 + j] = _SentencePlan(i1 + i, False)
    for number, sentence in enumerate(new):
        if not plans[number].same and sentence in anywhere:
            plans[number] = _SentencePlan(anywhere[sentence], True)
    return plans


def _summary_revision(digest: Digest, new_sentences: list[str], new_ranges: list[TextRange], plans: list[_SentencePlan]) -> TextRevision:
    """The English summary's provenance after the edit: a sentence kept keeps its own, one that
    replaces another is :data:`EDITED` with the model's text of the one it replaces, a new one
    is :data:`EDITED` with none."""
    old_revision = digest.revisions.get(alignment_key("summary"))
    old_ranges = sentence_ranges(digest.summary)
    old_texts = [digest.summary[start:end] for start, end in old_ranges]
    revised = []
    for plan, target, text in zip(plans, new_ranges, new_sentences):
        if plan.old is None:
            revised.append(SentenceRevision(target, EDITED, ""))
            continue
        found = old_revision.at(old_ranges[plan.old]) if old_revision is not None else None
        machine = found.machine if found is not None else old_texts[plan.old]
        origin = (found.origin if found is not None else MACHINE) if plan.same else EDITED
        revised.append(SentenceRevision(target, MACHINE if " ".join(text.split()) == " ".join(machine.split()) else origin, machine))
    machine_text = old_revision.machine_text if old_revision is not None else digest.summary
    return TextRevision(machine_text, tuple(revised))


def _pieces(model: Seq2SeqModel, sentence: str) -> list[str]:
    """``sentence`` cut where it is too long for ``model``'s window (as the translator cuts it)."""
    return split_to_budget(sentence, model.count_tokens, model.input_window - _RESERVED_TOKENS)


def revise_summary(pipeline: DigestPipeline, digest: Digest, edited_summary: str, state: JobState, *, replace_edited: bool = False) -> Digest:
    """``digest`` with ``edited_summary`` as its English summary, and each translation of the
    summary following it with no more translating than the edit needs:

    - the old and new summaries are split into sentences (as the translator splits them) and
      matched (difflib over sentences); a sentence kept keeps its translation in every
      language byte for byte, with its origin, flags and back-translation;
    - a new or changed sentence is translated (all of them, in every language, side by side);
    - where a changed sentence replaces one (the most alike in its stretch) whose translation a
      person edited or chose, that translation is kept, marked ``source_changed``, with the new
      machine translation beside it to offer (:func:`use_machine`) — unless ``replace_edited``;
    - links and flags are worked out again for the new texts; the revisions say which
      sentence is whose.

    Back-translations of the new sentences are not made here (:func:`back_translate` after, so
    the revised texts are not held up). DigestError when the edit is empty or longer than
    :data:`MAX_SUMMARY_CHARS`; ModelUnavailable when a translation model is missing.
    """
    from models.digest.align import summary_alignment, through_translation
    from models.digest.translate import TranslationJob

    edited = _check_text(edited_summary, "the edited summary", MAX_SUMMARY_CHARS).strip()
    state.raise_if_interrupted()
    if edited == digest.summary:
        return digest
    old_sentences, _, old_ranges = _sentences_of(digest.summary)
    old_starts = [start for start, _ in old_ranges]
    new_sentences, new_paragraphs, new_ranges = _sentences_of(edited)
    plans = _plan(old_sentences, new_sentences)

    # Per language, each new sentence's units: the old ones it keeps, or None (to translate).
    kept: dict[str, list[list[_Unit] | None]] = {}
    kept_edits: dict[tuple[str, int], list[_Unit]] = {}
    for language in digest.summary_translations:
        key = alignment_key("summary", language)
        groups: list[list[_Unit]] = [[] for _ in old_sentences]
        if key in digest.alignments and groups:
            for unit in _read_units(digest, key):
                where = unit.sources[0][0] if unit.sources else unit.target[0]
                groups[max(0, bisect.bisect_right(old_starts, where) - 1)].append(unit)
        kept[language] = []
        for number, plan in enumerate(plans):
            old_units = groups[plan.old] if plan.old is not None else []
            if plan.same and old_units:  # copies: a sentence said twice is two sentences
                kept[language].append([replace(unit, flags=list(unit.flags)) for unit in old_units])
                continue
            if old_units and not replace_edited and any(unit.origin != MACHINE for unit in old_units):
                kept_edits[language, number] = old_units
            kept[language].append(None)

    to_translate = [language for language, units in kept.items() if any(item is None for item in units)]
    tasks = [catalog.translation_task(language) for language in to_translate]
    loaded = pipeline.loaded_models(tasks, state.sub_state(0.0, 0.1)) if tasks else {}
    jobs: list[TranslationJob] = []
    owners: list[tuple[str, int]] = []  # (language, new sentence) of every piece of every job, in order
    for language in to_translate:
        model = loaded[catalog.translation_task(language)]
        pieces = []
        for number, units in enumerate(kept[language]):
            if units is None:
                for piece in _pieces(model, new_sentences[number]):
                    pieces.append(piece)
                    owners.append((language, number))
        label = Step(steps.TRANSLATING_SUMMARY, language=language)
        jobs.append(TranslationJob(model, pieces, model.spec.generation, label, weight=len(pieces), scored=True))
    outputs = pipeline.translate_jobs(jobs, state.sub_state(0.1 if tasks else 0.0, 0.95)) if jobs else []
    made: dict[tuple[str, int], list[tuple[str, str, float | None]]] = {}
    flat = [item for job, output in zip(jobs, outputs) for item in zip(job.sentences, output.translations, output.log_probabilities)]
    for owner, item in zip(owners, flat):
        made.setdefault(owner, []).append(item)

    revised = replace(digest, summary=edited)
    for language, per_sentence in kept.items():
        key = alignment_key("summary", language)
        threshold = loaded[catalog.translation_task(language)].spec.confidence_threshold if language in to_translate else None
        paragraphs: list[list[_Unit]] = [[] for _ in range(max(new_paragraphs, default=-1) + 1)]
        for number, units in enumerate(per_sentence):
            if units is not None:
                for unit in units:
                    unit.english = _english(digest, key, unit)
            elif (language, number) in kept_edits:
                units = _kept_edit(digest, key, kept_edits[language, number], made[language, number], new_sentences[number])
            else:
                units = [
                    _Unit(text=text, sources=(), machine=text, english=piece) for piece, text, _ in made[language, number]
                ]
                for unit, (_, _, score) in zip(units, made[language, number]):
                    _recheck(digest, key, unit, score, threshold)
            paragraphs[new_paragraphs[number]].extend(units)
        text = _layout([paragraph for paragraph in paragraphs if paragraph])
        units = [unit for paragraph in paragraphs for unit in paragraph]
        for unit, source in zip(units, locate_pieces(edited, [unit.english or "" for unit in units])):
            unit.sources = (source,)
        revised = _write_units(revised, key, text, units, record=True)

    # The English summary: its links and flags against the article, and its sentences' provenance.
    english_alignment = digest.alignments.get(alignment_key("article", ENGLISH))
    foreign = digest.translated_from is not None and english_alignment is not None
    alignment = summary_alignment(digest.english_translation if foreign else digest.article.text, edited)
    if foreign:
        alignment = through_translation(alignment, english_alignment)
    revised = replace(
        revised,
        alignments={**revised.alignments, alignment_key("summary"): alignment},
        revisions={**revised.revisions, alignment_key("summary"): _summary_revision(digest, new_sentences, new_ranges, plans)},
    )
    state.set_progress_value(1.0)
    return revised


def _kept_edit(digest: Digest, key: str, edits: list[_Unit], made: list[tuple[str, str, float | None]], sentence: str) -> list[_Unit]:
    """A person's translation of the sentence that ``sentence`` replaces, kept (an edit is never
    overwritten without asking): marked ``source_changed``, with the new machine translation
    (``made``: (piece, translation, score) of each of ``sentence``'s pieces) beside it to offer,
    and its flags worked out against the new English."""
    if len(edits) == len(made):
        for unit, (piece, text, _) in zip(edits, made):
            unit.machine, unit.english, unit.source_changed = text, piece, True
        units = edits
    else:  # cut otherwise than the new sentence is: one sentence of the person's text
        first, last = edits[0].target[0], edits[-1].target[1]
        back = " ".join(unit.back or "" for unit in edits) if all(unit.back is not None for unit in edits) else None
        machine = " ".join(text for _, text, _ in made)
        units = [_Unit(text=digest.generated_text(key)[first:last], sources=(), origin=EDITED, machine=machine, source_changed=True, back=back, english=sentence)]
    for unit in units:
        _recheck(digest, key, unit)
    return units


# --------------------------------------------------------------------------------------------
# Back-translation


def back_translation_keys(digest: Digest, has_task: Callable[[str], bool] | None = None) -> list[str]:
    """The texts of ``digest`` that are back-translated: every translation out of English into
    a language with an into-English model (``has_task(task)``: whether the profile has one;
    all the catalogue's languages when not given), in reading order."""
    keys = [alignment_key("summary", language) for language in digest.summary_translations]
    keys += [alignment_key("article", language) for language in digest.article_translations]
    check = has_task or (lambda task: task in catalog.specs_for())
    return [key for key in keys if key in digest.alignments and _is_translation(key) and check(catalog.into_english_task(_language(key)))]


def missing_back_translations(digest: Digest, keys: Iterable[str] | None = None) -> dict[str, int]:
    """How many sentences of each text lack a back-translation (texts with none missing left
    out): what :func:`back_translate` would do, for a window to decide whether to run it."""
    missing = {}
    for key in back_translation_keys(digest) if keys is None else keys:
        count = sum(1 for unit in _read_units(digest, key) if unit.back is None and unit.text.strip())
        if count:
            missing[key] = count
    return missing


def _into_english(model: Seq2SeqModel, text: str) -> list[str]:
    """``text`` (a translated sentence) cut where it is too long for the into-English model."""
    return _pieces(model, " ".join(text.split()))


def back_translate(pipeline: DigestPipeline, digest: Digest, state: JobState, keys: list[str] | None = None) -> Digest:
    """``digest`` with each sentence of the texts ``keys`` (default :func:`back_translation_keys`)
    that lacks a back-translation translated back into English with the into-English model of
    its language, and checked against the English it translates
    (:func:`~models.digest.checks.check_back_translation`: a ``back-translation`` flag where a
    number or a name got lost or the meaning drifted). Sentences that have one keep it, so
    after an edit only the edited sentences are back-translated. The digest's
    :attr:`~models.common.types.Digest.back_translate` is set. ModelUnavailable when an
    into-English model is missing."""
    from models.digest.checks import check_back_translation
    from models.digest.translate import TranslationJob

    keys = back_translation_keys(digest, pipeline.has_task) if keys is None else list(keys)
    for key in keys:
        if not _is_translation(key) or key not in digest.alignments:
            raise DigestError(f"{key} is not a translation of the digest")
    units = {key: _read_units(digest, key) for key in keys}
    todo = {key: [unit for unit in found if unit.back is None and unit.text.strip()] for key, found in units.items()}
    languages = list(dict.fromkeys(_language(key) for key, found in todo.items() if found))
    loaded = pipeline.loaded_models([catalog.into_english_task(language) for language in languages], state.sub_state(0.0, 0.1)) if languages else {}
    jobs, owners = [], []
    for language in languages:
        model = loaded[catalog.into_english_task(language)]
        pieces, owner = [], []
        for key in keys:
            if _language(key) != language:
                continue
            for unit in todo[key]:
                for piece in _into_english(model, unit.text):
                    pieces.append(piece)
                    owner.append(unit)
        jobs.append(TranslationJob(model, pieces, model.spec.generation, Step(steps.BACK_TRANSLATING, language=language), weight=len(pieces)))
        owners.append(owner)
    outputs = pipeline.translate_jobs(jobs, state.sub_state(0.1 if loaded else 0.0, 1.0)) if jobs else []
    made: dict[int, list[str]] = {}
    for owner, output in zip(owners, outputs):
        for unit, text in zip(owner, output.translations):
            made.setdefault(id(unit), []).append(text)
    revised = replace(digest, back_translate=True)
    for key in keys:
        if not todo[key]:
            continue
        for unit in todo[key]:
            unit.back = " ".join(made.get(id(unit), []))
            english = _english(digest, key, unit)
            unit.flags = [flag for flag in unit.flags if flag[0] != FlagKind.BACK_TRANSLATION]
            if english:
                unit.flags += check_back_translation(english, unit.back)
        revised = _write_units(revised, key, revised.generated_text(key), units[key])
    state.set_progress_value(1.0)
    return revised


def carry_back_translations(current: Digest, done: Digest) -> Digest:
    """``current`` with the back-translations (and their flags) of ``done`` — the result of
    :func:`back_translate` on an earlier state of the same digest — for each sentence that
    lacks one and reads, and translates, the same there. A window runs the back-translation
    in the background while the user may edit, and carries its result into what is shown."""
    from models.digest.checks import check_back_translation

    revised = replace(current, back_translate=current.back_translate or done.back_translate)
    for key in done.back_translations:
        if key not in current.alignments or key not in done.alignments:
            continue
        made = {}
        for unit in _read_units(done, key):
            if unit.back is not None:
                made[unit.text, _english(done, key, unit)] = unit.back
        units = _read_units(current, key)
        changed = False
        for unit in units:
            if unit.back is None:
                english = _english(current, key, unit)
                back = made.get((unit.text, english))
                if back is not None:
                    unit.back = back
                    unit.flags = [flag for flag in unit.flags if flag[0] != FlagKind.BACK_TRANSLATION]
                    unit.flags += check_back_translation(english, back) if english else []
                    changed = True
        if changed:
            revised = _write_units(revised, key, revised.generated_text(key), units)
    return revised


# --------------------------------------------------------------------------------------------
# Alternatives


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def alternatives(
    pipeline: DigestPipeline, language: str, english: str, count: int, state: JobState, exclude: Sequence[str] = ()
) -> list[Alternative]:
    """Up to ``count`` (at most :data:`MAX_ALTERNATIVES`) other translations of the English
    sentence ``english`` into ``language``: the best hypotheses of a beam search at least as
    wide, without repeats and without ``exclude`` (the sentence's text now, its machine text),
    best first, each with its back-translation (when the into-English model is installed; ""
    otherwise), its score and the flags it would raise."""
    from models.digest.checks import check_back_translation, check_translation
    from models.digest.translate import output_limit

    english = " ".join(_check_text(english, "the sentence", MAX_SENTENCE_CHARS).split())
    count = max(1, min(int(count), MAX_ALTERNATIVES))
    task = catalog.translation_task(language)
    model = pipeline.loaded_models([task], state.sub_state(0.0, 0.1))[task]
    state.set_status(Step(steps.FINDING_ALTERNATIVES, language=language))
    prefix = f"{model.target_token} " if model.target_token else ""
    wanted = count + 1 + len(exclude)
    pieces = _pieces(model, english)
    per_piece: list[list[str]] = []
    for number, piece in enumerate(pieces):
        piece_state = state.sub_state(0.1 + 0.6 * number / len(pieces), 0.1 + 0.6 * (number + 1) / len(pieces))
        limit = output_limit(model.count_tokens(piece) + 1, model.spec.generation)
        n_best = getattr(model, "n_best", None)
        if n_best is not None:
            per_piece.append(n_best(prefix + piece, model.spec.generation, wanted, max_new_tokens=limit, state=piece_state))
        else:  # a model that gives one translation: that one alone
            per_piece.append(model.generate([prefix + piece], model.spec.generation, max_new_tokens=limit, min_new_tokens=1, state=piece_state))
    options = [" ".join(piece_options[min(rank, len(piece_options) - 1)] for piece_options in per_piece) for rank in range(max(map(len, per_piece)))]
    seen = {_normalised(text) for text in exclude}
    chosen = []
    for text in options:
        key = _normalised(text)
        if text.strip() and key not in seen:
            seen.add(key)
            chosen.append(text)
        if len(chosen) == count:
            break
    if not chosen:
        state.set_progress_value(1.0)
        return []
    scores = model.score([prefix + english] * len(chosen), chosen)
    backs = [""] * len(chosen)
    into = catalog.into_english_task(language)
    if pipeline.has_task(into):
        from models.inventory import installed

        try:
            installed.locate(pipeline.spec(into), pipeline.config.models_dir)
        except DigestError:
            pass  # not installed: alternatives without back-translations
        else:
            back_model = pipeline.loaded_models([into], state.sub_state(0.7, 0.75))[into]
            backs = _translate_back(back_model, chosen, state.sub_state(0.75, 1.0))
    state.set_progress_value(1.0)
    threshold = model.spec.confidence_threshold
    found = []
    for text, back, score in zip(chosen, backs, scores):
        target = (0, len(text))
        flags = list(check_translation(english, text, language, log_probability=score, threshold=threshold))
        flags += check_back_translation(english, back) if back else []
        found.append(Alternative(text, back, score, tuple(SentenceFlag(target, check, reason) for check, reason in flags)))
    return found


def _translate_back(model: Seq2SeqModel, texts: Sequence[str], state: JobState) -> list[str]:
    """``texts`` translated into English with the into-English ``model``, one batch."""
    from models.digest.translate import TranslationJob, translate_jobs

    owners, pieces = [], []
    for number, text in enumerate(texts):
        for piece in _into_english(model, text):
            owners.append(number)
            pieces.append(piece)
    (output,) = translate_jobs([TranslationJob(model, pieces, model.spec.generation)], state)
    joined: list[list[str]] = [[] for _ in texts]
    for number, text in zip(owners, output.translations):
        joined[number].append(text)
    return [" ".join(parts) for parts in joined]
