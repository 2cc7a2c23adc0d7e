"""Real-size stand-ins for the catalogue's models: the real architectures and sizes, random
weights (fixed seed), and small tokenizers padded to the real vocabulary size.

    python bench/build_models.py OUTDIR [--only NAME ...]

OUTDIR gets ``quality/`` (summarize, translate-ru, translate-ar, and the into-English
translate-from-ru and translate-from-ar: the default profile) and ``fast/`` (the fast
profile's summarize, translate-ru, translate-ar), each usable as ``--models-dir``.

Real weights are not available where the bench runs, so it measures models with the same
shapes: what the CPU does per token depends on the shapes, not on the values. Each model's
end-of-sequence logit is pushed far down so generation always runs to the length it is given
(the bench fixes output lengths; random weights would otherwise stop at random).

The tokenizers are trained on the seed article (plus a little Russian and Arabic) and their
vocabulary files are padded with filler tokens up to the real size, so every id the model can
produce decodes and CTranslate2's converter sees a vocabulary of the model's size. The
vocabulary sizes are chosen so the seed article splits into about as many tokens as the real
tokenizers make of English news (about 1.3 per word).

The shapes come from the public ``config.json`` / ``generation_config.json`` of each model
(Hugging Face, read 2025): written out below, nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED = 1234
#: Logit bias on end-of-sequence: outputs never end early, so lengths are what the bench says.
#: The same bias keeps the filler tokens out of outputs, so a summary decodes to words that
#: split back into about as many tokens (as real text would) when it is translated.
BLOCKED_BIAS = -1.0e4

EXTRA_TEXT = """\
Российский посол заявил о военном сотрудничестве с США в Сирии.
Россия и США работают вместе, чтобы предотвратить конфликты и инциденты.
قال السفير الروسي إن التعاون العسكري مع الولايات المتحدة في سوريا فعال.
تعمل روسيا والولايات المتحدة معا لمنع النزاعات والحوادث بينهما في سوريا.
"""


@dataclass(frozen=True)
class Shape:
    """One model's architecture, as its public config.json has it."""

    name: str
    kind: str  # "bart" or "marian"
    vocab_size: int
    d_model: int
    encoder_layers: int
    decoder_layers: int
    heads: int
    ffn: int
    positions: int
    activation: str
    target_tokens: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


SHAPES: dict[str, Shape] = {
    # sshleifer/distilbart-cnn-12-6: BART-large encoder, 6 decoder layers.
    "distilbart-cnn-12-6": Shape(
        "distilbart-cnn-12-6", "bart", 50264, 1024, 12, 6, 16, 4096, 1024, "gelu",
        extra={"no_repeat_ngram_size": 3, "length_penalty": 2.0, "min_length": 56, "max_length": 142, "num_beams": 4},
    ),
    # Helsinki-NLP/opus-mt-tc-big-en-zle: transformer-big, pad 61576 (last id), relu.
    "opus-mt-tc-big-en-zle": Shape(
        "opus-mt-tc-big-en-zle", "marian", 61577, 1024, 6, 6, 16, 4096, 1024, "relu",
        target_tokens=(">>bel<<", ">>rus<<", ">>ukr<<"),
    ),
    # Helsinki-NLP/opus-mt-tc-big-en-ar: transformer-big, pad 61246 (last id), relu.
    "opus-mt-tc-big-en-ar": Shape(
        "opus-mt-tc-big-en-ar", "marian", 61247, 1024, 6, 6, 16, 4096, 1024, "relu",
        target_tokens=(">>ara<<",),
    ),
    # Helsinki-NLP/opus-mt-en-ru (the fast profile): transformer-base, swish, 512 positions.
    "opus-mt-en-ru": Shape("opus-mt-en-ru", "marian", 62518, 512, 6, 6, 8, 2048, 512, "swish"),
    # Helsinki-NLP/opus-mt-en-ar (the fast profile): transformer-base like en-ru, multi-target
    # (>>ara<<); its vocabulary size is taken as en-ru's (the cost differs by well under 1%).
    "opus-mt-en-ar": Shape("opus-mt-en-ar", "marian", 62518, 512, 6, 6, 8, 2048, 512, "swish", target_tokens=(">>ara<<",)),
    # Helsinki-NLP/opus-mt-tc-big-zle-en (Russian articles, and back-translation): transformer-big,
    # pad 61016 (last id), relu; into English alone, so no target token.
    "opus-mt-tc-big-zle-en": Shape("opus-mt-tc-big-zle-en", "marian", 61017, 1024, 6, 6, 16, 4096, 1024, "relu"),
    # Helsinki-NLP/opus-mt-tc-big-ar-en: the same shape; its vocabulary size (61109) is read from
    # a fine-tuned copy's config.json (SaeedMLK/opus-mt-tc-big-ar-en), which keeps the vocabulary.
    "opus-mt-tc-big-ar-en": Shape("opus-mt-tc-big-ar-en", "marian", 61109, 1024, 6, 6, 16, 4096, 1024, "relu"),
    # sshleifer/distilbart-cnn-6-6 (the fast profile): BART-large width, 6 encoder layers.
    "distilbart-cnn-6-6": Shape(
        "distilbart-cnn-6-6", "bart", 50264, 1024, 6, 6, 16, 4096, 1024, "gelu",
        extra={"no_repeat_ngram_size": 3, "length_penalty": 2.0, "min_length": 56, "max_length": 142, "num_beams": 4},
    ),
}

#: Models folders for ``PipelineConfig(models_dir=...)``, one per catalogue profile: task -> shape.
PROFILE_FOLDERS = {
    "quality": {"summarize": "distilbart-cnn-12-6", "translate-ru": "opus-mt-tc-big-en-zle", "translate-ar": "opus-mt-tc-big-en-ar",
                "translate-from-ru": "opus-mt-tc-big-zle-en", "translate-from-ar": "opus-mt-tc-big-ar-en"},
    "fast": {"summarize": "distilbart-cnn-6-6", "translate-ru": "opus-mt-en-ru", "translate-ar": "opus-mt-en-ar"},
}


def _corpus() -> str:
    seeds = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    return "\n".join(path.read_text(encoding="utf-8") for path in seeds) + "\n" + EXTRA_TEXT


def _marian_tokenizer(out: Path, corpus_file: Path, shape: Shape) -> tuple[dict[str, int], list[int]]:
    import sentencepiece as spm
    from transformers import MarianTokenizer

    with tempfile.TemporaryDirectory() as work:
        prefix = Path(work) / "spm"
        spm.SentencePieceTrainer.train(
            input=str(corpus_file), model_prefix=str(prefix), vocab_size=1000, character_coverage=1.0,
            model_type="bpe", hard_vocab_limit=False, num_threads=1, minloglevel=2,
            unk_id=0, bos_id=-1, eos_id=-1, pad_id=-1,
        )
        model_file = prefix.with_suffix(".model")
        processor = spm.SentencePieceProcessor(model_file=str(model_file))
        vocab: dict[str, int] = {}
        for token in ["</s>", "<unk>", *shape.target_tokens, *(processor.id_to_piece(i) for i in range(processor.get_piece_size()))]:
            vocab.setdefault(token, len(vocab))
        filler = 0
        real = len(vocab)
        while len(vocab) < shape.vocab_size - 1:
            vocab.setdefault(f"\u2581x{filler}", len(vocab))
            filler += 1
        fillers = list(range(real, len(vocab)))
        vocab["<pad>"] = shape.vocab_size - 1
        vocab_file = Path(work) / "vocab.json"
        vocab_file.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(source_spm=str(model_file), target_spm=str(model_file), vocab=str(vocab_file), model_max_length=512)
        tokenizer.save_pretrained(out)
    return vocab, fillers


def _bart_tokenizer(out: Path, corpus_file: Path, shape: Shape) -> tuple[Any, list[int]]:
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartTokenizer

    with tempfile.TemporaryDirectory() as work:
        trainer = ByteLevelBPETokenizer()
        trainer.train(files=[str(corpus_file)], vocab_size=1400, min_frequency=1,
                      special_tokens=["<s>", "<pad>", "</s>", "<unk>"], show_progress=False)
        trainer.save_model(work)
        vocab = json.loads((Path(work) / "vocab.json").read_text(encoding="utf-8"))
        filler = 0
        real = len(vocab)
        while len(vocab) < shape.vocab_size - 1:
            vocab.setdefault(f"\u0120x{filler}", len(vocab))
            filler += 1
        fillers = list(range(real, len(vocab)))
        vocab["<mask>"] = len(vocab)
        (Path(work) / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = BartTokenizer(vocab=str(Path(work) / "vocab.json"), merges=str(Path(work) / "merges.txt"), model_max_length=1024)
        tokenizer.save_pretrained(out)
    return tokenizer, fillers


def build(shape: Shape, out: Path) -> Path:
    """Write ``shape``'s model (random weights, seeded) and tokenizer to ``out``; skip if done."""
    marker = out / "bench-shape.json"
    wanted = json.dumps({**shape.__dict__, "recipe": 2}, sort_keys=True, default=list)
    if marker.is_file() and marker.read_text(encoding="utf-8") == wanted and (out / "model.safetensors").is_file():
        return out
    import torch
    from transformers import BartConfig, BartForConditionalGeneration, GenerationConfig, MarianConfig, MarianMTModel

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        corpus_file = Path(work) / "corpus.txt"
        corpus_file.write_text(_corpus(), encoding="utf-8")
        common = dict(
            vocab_size=shape.vocab_size, d_model=shape.d_model, encoder_layers=shape.encoder_layers,
            decoder_layers=shape.decoder_layers, encoder_attention_heads=shape.heads, decoder_attention_heads=shape.heads,
            encoder_ffn_dim=shape.ffn, decoder_ffn_dim=shape.ffn, max_position_embeddings=shape.positions,
            activation_function=shape.activation,
        )
        if shape.kind == "marian":
            vocab, fillers = _marian_tokenizer(out, corpus_file, shape)
            pad, eos = vocab["<pad>"], vocab["</s>"]
            config = MarianConfig(**common, decoder_vocab_size=shape.vocab_size, pad_token_id=pad, eos_token_id=eos,
                                  decoder_start_token_id=pad, forced_eos_token_id=eos, bos_token_id=0,
                                  share_encoder_decoder_embeddings=True, scale_embedding=True)
            generation = GenerationConfig(bad_words_ids=[[pad]], bos_token_id=0, decoder_start_token_id=pad, eos_token_id=eos,
                                          forced_eos_token_id=eos, max_length=512, num_beams=4, pad_token_id=pad,
                                          renormalize_logits=True)
            model_class = MarianMTModel
        else:
            tokenizer, fillers = _bart_tokenizer(out, corpus_file, shape)
            config = BartConfig(**common, pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
                                eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.eos_token_id,
                                forced_bos_token_id=tokenizer.bos_token_id, forced_eos_token_id=tokenizer.eos_token_id,
                                scale_embedding=False)
            generation = GenerationConfig(bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, forced_bos_token_id=0,
                                          forced_eos_token_id=2, pad_token_id=1, early_stopping=True, **shape.extra)
            model_class = BartForConditionalGeneration
    torch.manual_seed(SEED)
    model = model_class(config)
    with torch.no_grad():
        model.final_logits_bias[0, [config.eos_token_id, *fillers]] = BLOCKED_BIAS
    model.generation_config = generation
    model.save_pretrained(out)
    marker.write_text(wanted, encoding="utf-8")
    del model
    return out


def build_all(root: Path, names: list[str] | None = None) -> Path:
    """``root/quality`` and ``root/fast``: models folders laid out as the engine looks for them
    (``<folder>/<task>``), holding the shapes named (all when ``names`` is None)."""
    for profile, tasks in PROFILE_FOLDERS.items():
        for task, name in tasks.items():
            if names is None or name in names:
                print(f"{name} -> {build(SHAPES[name], root / profile / task)}", flush=True)
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", nargs="*", choices=sorted(SHAPES), help="build only these")
    args = parser.parse_args(argv)
    build_all(args.out, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
