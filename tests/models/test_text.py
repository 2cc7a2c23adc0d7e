"""Paragraph and sentence splitting, and token-budgeted chunking."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from models.common.text import chunk_by_tokens, split_paragraphs, split_sentences, split_to_budget, without_cut_sentence


def count_words(text: str) -> int:
    return len(text.split())


def test_paragraphs_split_on_blank_lines_and_collapse_inner_whitespace() -> None:
    text = "First  line\nstill first.\n\n\n  Second.\n \t\nThird."
    assert split_paragraphs(text) == ["First line still first.", "Second.", "Third."]


def test_sentences_keep_abbreviations_initials_and_decimals() -> None:
    paragraph = 'Mr. Smith met U.S. officials at 3.5 p.m. on Friday. "It went well," he said. Did it? Yes!'
    assert split_sentences(paragraph) == [
        "Mr. Smith met U.S. officials at 3.5 p.m. on Friday.",
        '"It went well," he said.',
        "Did it?",
        "Yes!",
    ]


def test_sentence_ending_in_a_quote_splits_after_the_quote() -> None:
    assert split_sentences('He said: "We agree." Then he left.') == ['He said: "We agree."', "Then he left."]


def test_long_sentence_is_split_at_words_without_losing_any() -> None:
    sentence = " ".join(f"w{i}" for i in range(25))
    pieces = split_to_budget(sentence, count_words, 10)
    assert [count_words(piece) for piece in pieces] == [10, 10, 5]
    assert " ".join(pieces) == sentence


def test_overlong_word_is_split_by_characters() -> None:
    url = "https://example.com/" + "a" * 200
    pieces = split_to_budget(url, lambda text: len(text) // 10 + 1, 5)
    assert "".join(pieces) == url
    assert all(len(piece) // 10 + 1 <= 5 for piece in pieces)


def test_chunks_respect_budget_and_prefer_paragraph_breaks() -> None:
    paragraphs = ["One two three. Four five six.", "Seven eight. Nine ten eleven twelve."]
    chunks = chunk_by_tokens(paragraphs, count_words, 8)
    assert chunks == ["One two three. Four five six.", "Seven eight. Nine ten eleven twelve."]


def test_chunks_are_as_even_as_the_sentences_allow() -> None:
    # Nine four-word sentences (5 tokens each with the join) in chunks of at most 40 tokens:
    # greedy packing would make 40 + 5; two chunks of 25 and 20 are read and summarised fairly.
    sentences = [f"Word{index} two three four." for index in range(9)]
    chunks = chunk_by_tokens([" ".join(sentences)], count_words, 40)
    assert [len(split_sentences(chunk)) for chunk in chunks] == [5, 4]
    assert chunk_by_tokens([" ".join(sentences)], count_words, 60) == [" ".join(sentences)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "x" * 30]), min_size=1, max_size=12), min_size=1, max_size=6),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=3, max_value=40),
)
def test_chunking_covers_every_word_in_order_within_budget(paragraph_words: list[list[list[str]]], budget: int) -> None:
    paragraphs = [" ".join(" ".join(sentence) + "." for sentence in sentences) for sentences in paragraph_words]
    chunks = chunk_by_tokens(paragraphs, count_words, budget)
    assert all(count_words(chunk) <= budget for chunk in chunks)
    assert " ".join(" ".join(chunks).split()) == " ".join(" ".join(paragraphs).split())


def test_the_arabic_question_mark_ends_a_sentence() -> None:
    assert split_sentences("هل انتهت المحادثات؟ قال السفير إنها ستستمر.") == ["هل انتهت المحادثات؟", "قال السفير إنها ستستمر."]


def test_a_sentence_cut_off_at_the_end_is_dropped_and_whole_text_is_kept() -> None:
    assert without_cut_sentence("The talks resume next week. Both sides said they would") == "The talks resume next week."
    assert without_cut_sentence("Он сказал это. «Это важно».") == "Он сказал это. «Это важно»."
    assert without_cut_sentence("قال الوزير ذلك. هل هذا مهم؟") == "قال الوزير ذلك. هل هذا مهم؟"
    assert without_cut_sentence("Only a fragment of one") == "Only a fragment of one"  # nothing whole to keep
    assert without_cut_sentence("Mr. Smith met Dr. Jones and") == "Mr. Smith met Dr. Jones and"  # one sentence
    assert without_cut_sentence("") == ""
