"""How generated text lines up with its source: a link from every generated sentence to the
source sentences it came from, and the flags :mod:`models.digest.checks` raises on it.

- A translation is made sentence by sentence (:mod:`models.digest.translate`), so each output
  sentence's source is known exactly: the link is the sentence it translates.
- A summary sentence is linked to the article sentences that support it, by lexical overlap:
  the share of the summary sentence's content words (and word pairs) found in each article
  sentence. distilbart's summaries are largely extractive, so the overlap finds the sentences
  it drew on; an article sentence is linked when it scores at least half the best one's score.
- A Russian or Arabic article is translated into English (sentence by sentence) before it is
  summarised: what is aligned against that English text is carried through the translation's
  own links (:func:`through_translation`), so every link still points at the article as written.

All of it is plain string work on the finished texts: about a millisecond per hundred
sentences (``bench/alignment.py``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Sequence

from models.common.text import locate_pieces, sentence_ranges
from models.common.types import ENGLISH, Alignment, SentenceFlag, SentenceLink, TextRange
from models.digest.translate import TranslatedText

#: An article sentence is linked to a summary sentence when it scores this share of the best.
_SUPPORT_SHARE = 0.5
#: ...and at least this much on its own (a few shared function words are not support).
_MIN_SUPPORT = 0.2
#: At most this many article sentences support one summary sentence.
_MAX_SUPPORTS = 3
_WORD = re.compile(r"\w+", re.UNICODE)
#: Words too common to count as evidence that a sentence drew on another.
_STOPWORDS = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been it its this that these those "
    "he she they we you i his her their our has have had not no said says will would can could also than then "
    "there which who whom what when where while after before into over about".split()
)


def translation_alignment(
    source: str, source_text: str, translated: TranslatedText, language: str, confidence_threshold: float | None = None
) -> Alignment:
    """The alignment of ``translated`` (into ``language``) against ``source_text``, the text it
    was translated from (``source``: ``"article"`` or ``"summary"``). Sentences the model
    scored below ``confidence_threshold`` are flagged as low-confidence."""
    from models.digest.checks import check_translation

    source_ranges = locate_pieces(source_text, (piece for piece, _ in translated.pieces))
    links = tuple(SentenceLink(target, (origin,)) for target, origin in zip(translated.ranges, source_ranges))
    scores = translated.log_probabilities or (None,) * len(translated.pieces)
    flags = tuple(
        SentenceFlag(target, check, reason)
        for (piece, output), target, score in zip(translated.pieces, translated.ranges, scores)
        for check, reason in check_translation(piece, output, language, log_probability=score, threshold=confidence_threshold)
    )
    return Alignment(source, links, flags)


def english_translation_alignment(
    article_text: str, translated: TranslatedText, confidence_threshold: float | None = None
) -> Alignment:
    """The alignment of an article's English translation (made before summarising) against
    ``article_text``, the article as written. Only the model's own doubt is flagged: the other
    translation checks read their source as English (numbers, script, length), which it is not here."""
    alignment = translation_alignment("article", article_text, translated, ENGLISH, confidence_threshold)
    return replace(alignment, flags=tuple(flag for flag in alignment.flags if flag.check == "low-confidence"))


def through_translation(alignment: Alignment, translation: Alignment) -> Alignment:
    """``alignment``, made against a translation of the article (its links' sources are ranges
    in that translation), with each source replaced by the article sentences the translated
    sentences there came from, as ``translation`` (that translation's own alignment against the
    article) links them. Targets, scores and flags stay as they are."""
    ordered = sorted(translation.links, key=lambda link: link.target)
    starts = [link.target[0] for link in ordered]

    def originals(sources: tuple[TextRange, ...]) -> tuple[TextRange, ...]:
        found: set[TextRange] = set()
        for start, end in sources:
            index = max(0, bisect.bisect_right(starts, start) - 1)
            while index < len(ordered) and ordered[index].target[0] <= end:
                if _overlaps(ordered[index].target, start, end):
                    found.update(ordered[index].sources)
                index += 1
        return tuple(sorted(found))

    links = tuple(replace(link, sources=originals(link.sources)) for link in alignment.links)
    return replace(alignment, source=translation.source, links=links)


def _overlaps(target: TextRange, start: int, end: int) -> bool:
    """Whether ``target`` shares a character with ``[start, end)`` (holds it, when it is empty)."""
    if start == end:
        return target[0] <= start <= target[1]
    return target[0] < end and start < target[1]


def summary_alignment(article_text: str, summary: str) -> Alignment:
    """The alignment of ``summary`` against the article it summarises (see the module docstring)."""
    from models.digest.checks import check_summary_sentence

    article_ranges = sentence_ranges(article_text)
    article_words = [_evidence(article_text[start:end]) for start, end in article_ranges]
    links = []
    flags = []
    for target in sentence_ranges(summary):
        sentence = summary[target[0] : target[1]]
        supports = _supports(_evidence(sentence), article_words)
        links.append(SentenceLink(target, tuple(article_ranges[index] for index, _ in supports), supports[0][1] if supports else 0.0))
        flags += [SentenceFlag(target, check, reason) for check, reason in check_summary_sentence(sentence, article_text)]
    return Alignment("article", tuple(links), tuple(flags))


def _evidence(sentence: str) -> frozenset[str]:
    """A sentence's content words and adjacent word pairs, lower-cased."""
    words = [word.lower() for word in _WORD.findall(sentence)]
    content = [word for word in words if word not in _STOPWORDS]
    pairs = [f"{first} {second}" for first, second in zip(words, words[1:]) if first not in _STOPWORDS or second not in _STOPWORDS]
    return frozenset(content + pairs)


def _supports(sentence: frozenset[str], article: Sequence[frozenset[str]]) -> list[tuple[int, float]]:
    """The article sentences that support ``sentence``, best first, with their scores."""
    if not sentence:
        return []
    scores = [(index, len(sentence & words) / len(sentence)) for index, words in enumerate(article)]
    scores.sort(key=lambda item: -item[1])
    best = scores[0][1] if scores else 0.0
    if best < _MIN_SUPPORT:
        return []
    return [(index, score) for index, score in scores[:_MAX_SUPPORTS] if score >= best * _SUPPORT_SHARE]

