"""Build tiny, seeded stand-ins for the catalogue's models, laid out for ``--models-dir``.

    python tests/make_tiny_models.py OUTDIR

OUTDIR gets ``summarize/`` (a 2-layer BART with a byte-level BPE tokenizer, as distilbart
has), ``translate-ru/`` (a 2-layer Marian with sentencepiece vocabularies and the
``>>rus<<``/``>>ukr<<``/``>>bel<<`` target tokens, as opus-mt-tc-big-en-zle has),
``translate-ar/`` (the same with ``>>ara<<``), and ``translate-from-ru/`` and
``translate-from-ar/`` (the same with no target token: models into English alone, such as
opus-mt-tc-big-zle-en and opus-mt-tc-big-ar-en, have none). The tokenizers are trained on the
seed article plus some Russian and Arabic text, so they are real tokenizer classes with real
files. The weights are random: the models write nonsense, which is all the mechanics tests need.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import sentencepiece as spm
import torch
from tokenizers import ByteLevelBPETokenizer
from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer, MarianConfig, MarianMTModel, MarianTokenizer

SEED = 1234
REPO_ROOT = Path(__file__).resolve().parent.parent
#: Small on purpose: a 1,500-word article must need several summary chunks.
SUMMARY_WINDOW = 128
TRANSLATION_WINDOW = 96

EXTRA_TEXT = """\
Российский посол заявил о военном сотрудничестве с США в Сирии.
Россия и США работают вместе, чтобы предотвратить конфликты и инциденты.
Посол сказал, что присутствие американских войск в стране незаконно.
Президент встретился с министрами в понедельник, чтобы обсудить экономику.
قال السفير الروسي إن التعاون العسكري مع الولايات المتحدة في سوريا فعال.
تعمل روسيا والولايات المتحدة معا لمنع النزاعات والحوادث بينهما في سوريا.
وقال السفير إن وجود القوات الأمريكية في البلاد غير قانوني.
التقى الرئيس بالوزراء يوم الاثنين لمناقشة الاقتصاد.
"""


def _corpus() -> str:
    seeds = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    return "\n".join(path.read_text(encoding="utf-8") for path in seeds) + "\n" + EXTRA_TEXT


def _train_sentencepiece(corpus_file: Path, prefix: Path, vocab_size: int) -> Path:
    spm.SentencePieceTrainer.train(
        input=str(corpus_file),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        character_coverage=1.0,
        model_type="unigram",
        seed_sentencepiece_size=10000,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
        # Marian's own vocab.json carries the special tokens; keep sentencepiece's ids out of the way.
        unk_id=0,
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
    )
    return prefix.with_suffix(".model")


def build_marian(out: Path, corpus_file: Path, target_tokens: list[str]) -> None:
    with tempfile.TemporaryDirectory() as work:
        model_file = _train_sentencepiece(corpus_file, Path(work) / "spm", vocab_size=600)
        processor = spm.SentencePieceProcessor(model_file=str(model_file))
        pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
        vocab: dict[str, int] = {}
        for token in ["</s>", "<unk>", *target_tokens, *pieces, "<pad>"]:
            vocab.setdefault(token, len(vocab))
        vocab_file = Path(work) / "vocab.json"
        vocab_file.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(
            source_spm=str(model_file),
            target_spm=str(model_file),
            vocab=str(vocab_file),
            model_max_length=TRANSLATION_WINDOW,
        )
        tokenizer.save_pretrained(out)
    config = MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        d_model=32,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=TRANSLATION_WINDOW * 4,
        pad_token_id=vocab["<pad>"],
        eos_token_id=vocab["</s>"],
        decoder_start_token_id=vocab["<pad>"],
        forced_eos_token_id=vocab["</s>"],
        share_encoder_decoder_embeddings=True,
    )
    torch.manual_seed(SEED)
    _save_with_eos_bias(MarianMTModel(config), out, bias=0.5)


def build_bart(out: Path, corpus_file: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        trainer = ByteLevelBPETokenizer()
        trainer.train(
            files=[str(corpus_file)],
            vocab_size=800,
            min_frequency=1,
            special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
            show_progress=False,
        )
        trainer.save_model(work)
        tokenizer = BartTokenizer(
            vocab=str(Path(work) / "vocab.json"),
            merges=str(Path(work) / "merges.txt"),
            model_max_length=SUMMARY_WINDOW,
        )
        tokenizer.save_pretrained(out)
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=32,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=SUMMARY_WINDOW * 4,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        forced_bos_token_id=tokenizer.bos_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
    )
    torch.manual_seed(SEED)
    _save_with_eos_bias(BartForConditionalGeneration(config), out, bias=2.0)


def _save_with_eos_bias(model: torch.nn.Module, out: Path, bias: float) -> None:
    # Random weights almost never choose end-of-sequence, so every output would run to its
    # length cap. A bias makes outputs end after a few tokens past the minimum length, as real
    # models do, which keeps generation (and the test suite) short.
    with torch.no_grad():
        model.final_logits_bias[0, model.config.eos_token_id] = bias
    model.save_pretrained(out)


#: German, for the test that adds a fourth output language from the language table alone.
GERMAN_TEXT = """\
Der russische Botschafter sprach über die militärische Zusammenarbeit mit den USA in Syrien.
Russland und die USA arbeiten zusammen, um Konflikte und Zwischenfälle zu verhindern.
Der Präsident traf sich am Montag mit den Ministern, um über die Wirtschaft zu sprechen.
"""


def build_german(out: Path) -> None:
    """A tiny en-de translator made like the others (its vocabulary also knows German)."""
    with tempfile.TemporaryDirectory() as work:
        corpus_file = Path(work) / "corpus.txt"
        corpus_file.write_text(_corpus() + GERMAN_TEXT, encoding="utf-8")
        build_marian(out, corpus_file, [])


def build_all(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        corpus_file = Path(work) / "corpus.txt"
        corpus_file.write_text(_corpus(), encoding="utf-8")
        build_bart(out / "summarize", corpus_file)
        build_marian(out / "translate-ru", corpus_file, [">>bel<<", ">>rus<<", ">>ukr<<"])
        build_marian(out / "translate-ar", corpus_file, [">>ara<<"])
        build_marian(out / "translate-from-ru", corpus_file, [])
        build_marian(out / "translate-from-ar", corpus_file, [])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    build_all(Path(sys.argv[1]))
