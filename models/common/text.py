"""Plain-text structure: paragraphs, sentences, and chunks that fit a model's token budget.

Token counts come from a callable (the model's tokenizer in real use), so the same code
packs text for any model and is tested without one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple, Sequence

from models.common.languages import sentence_end_marks

TokenCounter = Callable[[str], int]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n+")
_WHITESPACE = re.compile(r"\s+")

# Words that end with a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen gov sen rep lt col maj capt sgt cmdr adm rev hon pres
    inc ltd co corp dept univ vs etc al approx fig no nos vol ed eds jan feb mar apr jun jul aug
    sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m""".split()
)
_CLOSERS = r"""["'»”’)\]」』）]*"""
_NEXT_STARTS_SENTENCE = re.compile(r"""["'«“‘(\[]*[\w\d]""", re.UNICODE)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with every lone surrogate (U+D800..U+DFFF) replaced by U+FFFD.

    A Python string can hold them (a PDF's ToUnicode map, an undecodable byte of a file name,
    a ``\\ud800`` escape in JSON), but no encoder writes them and the tokenizers refuse them.
    """
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def normalise_whitespace(text: str) -> str:
    """Collapse runs of whitespace inside a paragraph to single spaces."""
    return _WHITESPACE.sub(" ", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each with its inner whitespace collapsed."""
    paragraphs = (normalise_whitespace(block) for block in _PARAGRAPH_BREAK.split(text))
    return [paragraph for paragraph in paragraphs if paragraph]


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` range in ``text`` of each paragraph :func:`split_paragraphs` finds."""
    ranges = []
    start = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        block = text[start:end]
        if block.strip():
            ranges.append((start + len(block) - len(block.lstrip()), start + len(block.rstrip())))
        if match is not None:
            start = match.end()
    return ranges


def _ends_with_abbreviation(fragment: str) -> bool:
    last_word = fragment.rstrip().rstrip(".").rsplit(" ", 1)[-1].lower().lstrip("\"'(«“")
    if last_word in _ABBREVIATIONS:
        return True
    # Initials such as "J." or "U.S." (single letters between dots).
    return bool(re.fullmatch(r"(?:\w\.)*\w", last_word)) and len(last_word.replace(".", "")) <= 2


class _SentenceEnds(NamedTuple):
    #: A candidate boundary: terminal punctuation, optional closing quotes/brackets, then
    #: whitespace; or a mark of a script written without spaces between sentences ("。").
    boundary: re.Pattern[str]
    #: Text that ends a sentence.
    at_end: re.Pattern[str]


@lru_cache(maxsize=4)
def _compiled_ends(spaced: str, unspaced: str) -> _SentenceEnds:
    ends = f"[{re.escape(spaced)}]+{_CLOSERS}\\s+"
    if unspaced:
        ends += f"|[{re.escape(unspaced)}]+{_CLOSERS}\\s*"
    every = re.escape(spaced + unspaced)
    return _SentenceEnds(re.compile(ends), re.compile(f"[{every}]+{_CLOSERS}\\s*$"))


def _sentence_ends() -> _SentenceEnds:
    """The patterns for the language table's sentence-ending marks (``.!?…``, the Arabic
    question mark, the full stops of scripts without spaces)."""
    return _compiled_ends(*sentence_end_marks())


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping abbreviations and initials intact."""
    paragraph = normalise_whitespace(paragraph)
    sentences: list[str] = []
    start = 0
    for match in _sentence_ends().boundary.finditer(paragraph):
        end = match.end()
        candidate = paragraph[start:end].strip()
        rest = paragraph[end:]
        if not rest or not _NEXT_STARTS_SENTENCE.match(rest):
            continue
        if match.group().lstrip().startswith(".") and _ends_with_abbreviation(paragraph[start : match.start() + 1]):
            continue
        # "3.5" never matches (no whitespace); a lowercase continuation is kept joined.
        if rest[0].islower():
            continue
        sentences.append(candidate)
        start = end
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_to_budget(sentence: str, count_tokens: TokenCounter, budget: int) -> list[str]:
    """Split a sentence longer than ``budget`` tokens at word boundaries (then characters) so
    every piece fits; nothing is dropped. A sentence that fits comes back whole."""
    if count_tokens(sentence) <= budget:
        return [sentence]
    pieces: list[str] = []
    current: list[str] = []
    for word in sentence.split(" "):
        trial = " ".join([*current, word])
        if current and count_tokens(trial) > budget:
            pieces.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    if current:
        pieces.append(" ".join(current))
    # A single "word" over budget (a URL, a run of symbols) is split by characters.
    result: list[str] = []
    for piece in pieces:
        if count_tokens(piece) <= budget:
            result.append(piece)
            continue
        width = max(1, len(piece) * budget // max(1, count_tokens(piece)))
        while piece:
            cut = width
            while cut > 1 and count_tokens(piece[:cut]) > budget:
                cut = max(1, cut * 3 // 4)
            result.append(piece[:cut])
            piece = piece[cut:]
    return result


def chunk_by_tokens(paragraphs: Iterable[str], count_tokens: TokenCounter, budget: int) -> list[str]:
    """Pack whole sentences into as few chunks of at most ``budget`` tokens as they fit in,
    as even in size as the sentences allow.

    Paragraphs inside a chunk stay separated by a blank line. Every sentence lands in exactly
    one chunk, in order; an over-long sentence is split by :func:`split_to_budget` rather
    than cut. Even, not greedy: a summariser given 1,000 tokens and then a 100-token tail
    writes its share of the summary for a scrap; two halves get a fair share each, cost
    less to read (attention grows with the square of the length), and decode together
    (:mod:`models.digest.summarize`).
    """
    if budget < 1:
        raise ValueError("budget must be at least one token")
    # (paragraph number, piece, tokens with the joining space/boundary)
    pieces = [
        (number, piece, count_tokens(piece) + 1)
        for number, paragraph in enumerate(paragraphs)
        for sentence in split_sentences(paragraph)
        for piece in split_to_budget(sentence, count_tokens, budget)
    ]
    fewest = len(_pack(pieces, budget))
    # The smallest chunk size that still needs no more chunks: packing in order, the count
    # never grows with the size, so it is found by bisection.
    low, high = max(1, -(-sum(cost for _, _, cost in pieces) // max(1, fewest))), budget
    while low < high:
        middle = (low + high) // 2
        if len(_pack(pieces, middle)) <= fewest:
            high = middle
        else:
            low = middle + 1
    return [
        "\n\n".join(" ".join(piece for number, piece, _ in chunk if number == paragraph) for paragraph in dict.fromkeys(n for n, _, _ in chunk))
        for chunk in _pack(pieces, high)
    ]


def _pack(pieces: list[tuple[int, str, int]], size: int) -> list[list[tuple[int, str, int]]]:
    """``pieces`` in order, a new chunk whenever the next would take one past ``size`` tokens."""
    return [[pieces[index] for index in group] for group in consecutive_groups([cost for _, _, cost in pieces], size)]


def consecutive_groups(costs: Sequence[int], size: int) -> list[list[int]]:
    """The indices of ``costs`` in order, in groups of consecutive ones, a new group whenever
    the next would take one past ``size`` (one costing more than ``size`` gets a group alone)."""
    groups: list[list[int]] = []
    used = 0
    for index, cost in enumerate(costs):
        if not groups or (used and used + cost > size):
            groups.append([])
            used = 0
        groups[-1].append(index)
        used += cost
    return groups


def locate_pieces(text: str, pieces: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of ``pieces`` (in order, as the splitters above return them: whitespace
    collapsed) stands in ``text``: ``[start, end)`` ranges. A piece that cannot be found (it
    should not happen) gets an empty range where the search stands."""
    ranges: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        words = piece.split()
        match = re.compile(r"\s+".join(map(re.escape, words))).search(text, cursor) if words else None
        if match is None:
            ranges.append((cursor, cursor))
            continue
        ranges.append((match.start(), match.end()))
        cursor = match.end()
    return ranges


def without_cut_sentence(text: str) -> str:
    """``text`` without a last sentence that was cut off (no sentence end after it), when a
    whole sentence comes before it: what a model writes when it reaches its length limit
    mid-sentence. Text that ends a sentence, or is a single sentence, comes back as it is."""
    if not text.strip() or _sentence_ends().at_end.search(text):
        return text
    ranges = sentence_ranges(text)
    if len(ranges) < 2:
        return text
    return text[: ranges[-2][1]].rstrip()


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` range in ``text`` of each of its sentences (paragraph by paragraph)."""
    return locate_pieces(text, (sentence for paragraph in split_paragraphs(text) for sentence in split_sentences(paragraph)))
