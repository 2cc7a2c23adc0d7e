"""The tokenizers the CTranslate2 models use at run time, without transformers.

Importing transformers' tokenizer classes costs the engine's process about 25-30 MB and a
second of start-up (they pull in huggingface_hub, httpx, jinja2 and yaml), for what comes down
to a ``tokenizers`` BPE (BART, RoBERTa) or two SentencePiece models and a token list (Marian).
So the first time a CTranslate2 copy is loaded, its Hugging Face tokenizer is exported beside
it (:func:`export`): the Rust tokenizer's own JSON, or the SentencePiece models, and the few
facts the rest needs (special tokens, length limit, target-language codes). Later loads read
that export (:func:`read_export`) and never import transformers.

An export is only written when the native tokenizer gives what transformers gives on a set of
probe texts (English, Russian, Arabic, special tokens, truncation, decoding); a tokenizer that
differs, or of a kind not handled here, stays transformers' (:class:`HuggingFaceTokens`), which
offers the same methods. An export is made again when the tokenizer's files or the installed
transformers version change.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol, Sequence

from models.common.atomic import move_into_place
from models.inference.runtime import target_codes
from models.inference.tokens import count_tokens
from models.inventory import installed

log = logging.getLogger(__name__)

#: The export's folder inside a CTranslate2 copy, and its description file.
EXPORT_FOLDER = "engine-tokenizer"
_DESCRIPTION = "engine_tokenizer.json"
#: Bumped when what is exported, or how it is read, changes: older exports are made again.
_FORMAT = 2
#: Files of a model folder that are not the tokenizer's: they do not key the export.
_NOT_TOKENIZER = {"config.json", "generation_config.json"}
_WEIGHTS_SUFFIXES = (".safetensors", ".bin", ".h5", ".msgpack", ".ot", ".pt")
_SPIECE_UNDERLINE = "\u2581"

#: Texts the native tokenizer must split and join as transformers does before it is exported.
PROBE_TEXTS = (
    "The city council voted on Tuesday to expand the bus network, officials said.",
    "It's a 3.5% rise - \"not enough\", they say; what's next? (Reuters) U.S. $1,200!",
    "Городской совет во вторник проголосовал за расширение автобусной сети.",
    "صوّت مجلس المدينة يوم الثلاثاء على توسيع شبكة الحافلات، بحسب المسؤولين.",
    "  spaces   inside\tand\nlines  ",
    "Emoji 🙂, accents café naïve, CJK 東京, symbols © ™ — …",
    "a </s> inside, <unk> and <pad> too",
    "They said , \" we 're here \" . It 's n't over ! Is it ? I 'm sure ' quoted ' .",
    ">>rus<< The council met.",
    "",
)


class EngineTokens(Protocol):
    """What a CTranslate2 model asks of its tokenizer (tokens as CTranslate2 takes them: strings)."""

    eos_token: str
    model_max_length: int
    supported_language_codes: list[str]

    def source_tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        """Each text's tokens, special tokens added, at most ``max_length`` of them."""

    def target_tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        """Each output text's tokens as the decoder writes them, without the end token."""

    def count(self, text: str) -> int:
        """How many tokens ``text`` has, special tokens not counted."""

    def text(self, tokens: Sequence[str]) -> str:
        """The text the model's ``tokens`` spell, special tokens left out."""

    def token(self, token_id: int) -> str:
        """The token with id ``token_id``."""


class HuggingFaceTokens:
    """:class:`EngineTokens` through a transformers tokenizer (the fallback, and the reference
    the native ones are checked against)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.eos_token = str(tokenizer.eos_token)
        self.model_max_length = int(tokenizer.model_max_length)
        self.supported_language_codes = target_codes(tokenizer)

    def source_tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        encoded = self.tokenizer(list(texts), truncation=True, max_length=max_length)["input_ids"]
        return [self.tokenizer.convert_ids_to_tokens(ids) for ids in encoded]

    def target_tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        end = self.tokenizer.eos_token_id
        encoded = self.tokenizer(text_target=list(texts), truncation=True, max_length=max_length)["input_ids"]
        return [self.tokenizer.convert_ids_to_tokens(ids[:-1] if ids and ids[-1] == end else ids) for ids in encoded]

    def count(self, text: str) -> int:
        return count_tokens(self.tokenizer, text)

    def text(self, tokens: Sequence[str]) -> str:
        ids = self.tokenizer.convert_tokens_to_ids(list(tokens))
        return str(self.tokenizer.decode(ids, skip_special_tokens=True)).strip()

    def token(self, token_id: int) -> str:
        return str(self.tokenizer.convert_ids_to_tokens(token_id))


class _Described:
    """The facts every export records (see :func:`_describe`)."""

    def __init__(self, description: dict[str, Any]) -> None:
        self.eos_token = str(description["eos_token"])
        self.model_max_length = int(description["model_max_length"])
        self.supported_language_codes = [str(code) for code in description["language_codes"]]
        self.special_tokens = frozenset(str(token) for token in description["special_tokens"])


class ByteLevelBpeTokens(_Described):
    """A ``tokenizers`` tokenizer saved by transformers (BART's and RoBERTa's): the same Rust
    object transformers calls, read from its JSON."""

    def __init__(self, folder: Path, description: dict[str, Any]) -> None:
        super().__init__(description)
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        self._specials = self._tokenizer.num_special_tokens_to_add(False)
        self._unk_id = description.get("unk_id")

    def source_tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        # Truncated as the tokenizer's own truncation does (room left for the special tokens,
        # then those added), without switching it on: the object is shared by threads.
        tokens = []
        for encoding in self._tokenizer.encode_batch(list(texts), add_special_tokens=False):
            encoding.truncate(max(0, max_length - self._specials))
            tokens.append(self._spelled(self._tokenizer.post_process(encoding, add_special_tokens=True).ids))
        return tokens

    def target_tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        eos = self.eos_token
        return [tokens[:-1] if tokens and tokens[-1] == eos else tokens for tokens in self.source_tokens(texts, max_length)]

    def count(self, text: str) -> int:
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)

    def text(self, tokens: Sequence[str]) -> str:
        ids = [self._id(token) for token in tokens]
        return str(self._tokenizer.decode([i for i in ids if i is not None], skip_special_tokens=True)).strip()

    def token(self, token_id: int) -> str:
        return str(self._tokenizer.id_to_token(token_id))

    def _spelled(self, ids: Sequence[int]) -> list[str]:
        return [str(self._tokenizer.id_to_token(i)) for i in ids]

    def _id(self, token: str) -> int | None:
        found = self._tokenizer.token_to_id(token)
        return found if found is not None else self._unk_id


class MarianTokens(_Described):
    """Marian's tokenizer (OPUS-MT): SentencePiece models for each side and one token list, as
    transformers' ``MarianTokenizer`` uses them (a leading ``>>xxx<<`` target code kept whole,
    special tokens written in the text kept whole, the end token appended, decoding through the
    source model where the two sides share their vocabulary, as transformers does)."""

    def __init__(self, folder: Path, description: dict[str, Any]) -> None:
        super().__init__(description)
        import sentencepiece

        self._source = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self._target = sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm"))
        self._vocab: dict[str, int] = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        self._by_id: dict[int, str] | None = None
        self._unk = str(description["unk_token"])
        added = sorted((str(token) for token in description["added_tokens"]), key=len, reverse=True)
        self._added = frozenset(added)
        self._split = re.compile("(" + "|".join(re.escape(token) for token in added) + ")") if added else None

    def source_tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        return [self._truncated(self._tokens(text, self._source), max_length) + [self.eos_token] for text in texts]

    def target_tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        return [self._truncated(self._tokens(text, self._target), max_length) for text in texts]

    def count(self, text: str) -> int:
        return len(self._tokens(text, self._source))

    def text(self, tokens: Sequence[str]) -> str:
        pieces = [token for token in tokens if token not in self.special_tokens and token in self._vocab]
        return str(self._source.decode_pieces(pieces)).replace(_SPIECE_UNDERLINE, " ").strip()

    def token(self, token_id: int) -> str:
        if self._by_id is None:
            self._by_id = {number: token for token, number in self._vocab.items()}
        return self._by_id.get(token_id, self._unk)

    @staticmethod
    def _truncated(tokens: list[str], max_length: int) -> list[str]:
        return tokens[: max(0, max_length - 1)]  # room for the end token

    def _tokens(self, text: str, model: Any) -> list[str]:
        parts = self._split.split(text) if self._split is not None else [text]
        tokens: list[str] = []
        for part in parts:
            if not part:
                continue
            if part in self._added:
                tokens.append(part)
                continue
            pieces: list[str] = []
            if part.startswith(">>") and (end := part.find("<<")) != -1:
                pieces.append(part[: end + 2])
                part = part[end + 2 :]
            pieces.extend(model.encode(part, out_type=str))
            tokens.extend(piece if piece in self._vocab else self._unk for piece in pieces)
        return tokens


def read_export(copy: Path, folder: Path) -> EngineTokens | None:
    """The exported tokenizer in the CTranslate2 copy ``copy`` of the model in ``folder``; None
    when there is none, or it was made from other tokenizer files or another transformers."""
    where = copy / EXPORT_FOLDER
    description = installed.read_json_object(where / _DESCRIPTION)
    if not description or description.get("key") != _export_key(folder):
        return None
    try:
        if description.get("kind") == "bpe":
            return ByteLevelBpeTokens(where, description)
        if description.get("kind") == "marian":
            return MarianTokens(where, description)
    except Exception as error:  # noqa: BLE001 - a damaged export is made again from the model's own files
        log.warning("the exported tokenizer in %s could not be read (%s); using transformers'", where, error)
    return None


def export(reference: HuggingFaceTokens, copy: Path, folder: Path, window: int) -> EngineTokens | None:
    """Export ``reference`` (the tokenizer of the model in ``folder``) into the CTranslate2 copy
    ``copy``, and return the native tokenizer read back from it; None (nothing written) when
    its kind is not handled or it does not give what ``reference`` gives on the probes."""
    tokenizer = reference.tokenizer
    description = _describe(reference, folder)
    if description is None:
        return None
    work = Path(tempfile.mkdtemp(dir=copy, prefix=f".{EXPORT_FOLDER}-"))
    try:
        staged = work / EXPORT_FOLDER
        staged.mkdir()
        if description["kind"] == "bpe":
            tokenizer.backend_tokenizer.save(str(staged / "tokenizer.json"))
            native: EngineTokens = ByteLevelBpeTokens(staged, description)
        else:
            source_spm, target_spm = (Path(path) for path in tokenizer.spm_files)
            shutil.copyfile(source_spm, staged / "source.spm")
            shutil.copyfile(target_spm, staged / "target.spm")
            (staged / "vocab.json").write_text(json.dumps(tokenizer.encoder, ensure_ascii=False), encoding="utf-8")
            native = MarianTokens(staged, description)
        mismatch = _first_mismatch(native, reference, window)
        if mismatch is not None:
            log.warning("the tokenizer of %s is kept as transformers': %s", folder, mismatch)
            return None
        (staged / _DESCRIPTION).write_text(json.dumps(description, ensure_ascii=False, indent=1), encoding="utf-8")
        move_into_place(staged, copy / EXPORT_FOLDER, existing="replace")
    except Exception as error:  # noqa: BLE001 - whatever the export trips on, transformers' tokenizer still works
        log.warning("the tokenizer of %s could not be exported (%s); it stays transformers'", folder, error)
        return None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return read_export(copy, folder)


def _describe(reference: HuggingFaceTokens, folder: Path) -> dict[str, Any] | None:
    """The export's description for ``reference`` (its ``kind`` among them), None for a tokenizer whose ways the
    native ones do not follow (then it is not exported)."""
    tokenizer = reference.tokenizer
    name = type(tokenizer).__name__
    description: dict[str, Any] = {
        "format": _FORMAT,
        "key": _export_key(folder),
        "eos_token": reference.eos_token,
        "model_max_length": reference.model_max_length,
        "language_codes": reference.supported_language_codes,
        "special_tokens": sorted(str(token) for token in tokenizer.all_special_tokens),
        "unk_token": str(tokenizer.unk_token),
    }
    if getattr(tokenizer, "clean_up_tokenization_spaces", False) and name not in ("RobertaTokenizer", "BartTokenizer"):
        return None  # a clean-up the native ones do not do (transformers skips it for BPE)
    if name == "MarianTokenizer":
        if getattr(tokenizer, "separate_vocabs", False) or getattr(tokenizer, "split_special_tokens", False):
            return None
        added = getattr(tokenizer, "_added_tokens_decoder", {})
        if any(getattr(token, flag, False) for token in added.values() for flag in ("lstrip", "rstrip", "single_word")):
            return None
        description["added_tokens"] = sorted(str(token) for token in getattr(tokenizer, "_added_tokens_encoder", {}))
        description["kind"] = "marian"
        return description
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None or type(backend.model).__name__ != "BPE":
        return None
    description["unk_id"] = tokenizer.unk_token_id
    description["kind"] = "bpe"
    return description


def _first_mismatch(native: EngineTokens, reference: HuggingFaceTokens, window: int) -> str | None:
    """What the two tokenizers first disagree on over :data:`PROBE_TEXTS`; None when nothing."""
    texts = list(PROBE_TEXTS)
    long_text = " ".join(PROBE_TEXTS[:4]) * 4
    for max_length in (window, 12):
        for text in [*texts, long_text]:
            if native.source_tokens([text], max_length) != reference.source_tokens([text], max_length):
                return f"source tokens of {text[:30]!r} at {max_length}"
            if native.target_tokens([text], max_length) != reference.target_tokens([text], max_length):
                return f"target tokens of {text[:30]!r} at {max_length}"
    for text in texts:
        if native.count(text) != reference.count(text):
            return f"count of {text[:30]!r}"
        tokens = reference.target_tokens([text], window)[0]
        if native.text(tokens) != reference.text(tokens):
            return f"text of {text[:30]!r}"
    if native.eos_token != reference.eos_token or native.model_max_length != reference.model_max_length:
        return "special tokens or length limit"
    return None


def _export_key(folder: Path) -> str:
    """What an export was made from: the tokenizer's files (names, sizes, times) in ``folder``
    and the transformers version whose tokenizer it copies."""
    try:
        version = metadata.version("transformers")
    except metadata.PackageNotFoundError:
        version = "none"
    parts = [f"format {_FORMAT}", f"transformers {version}"]
    try:
        files = sorted(path for path in folder.iterdir() if path.is_file())
    except OSError:
        files = []
    for path in files:
        if path.name in _NOT_TOKENIZER or path.name.endswith(_WEIGHTS_SUFFIXES):
            continue
        stat = path.stat()
        parts.append(f"{path.name}|{stat.st_size}|{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
