"""Text the core writes for people (a digest's steps, the reasons of its flags) in English, in a
form a window can say in its user's language.

A :class:`Wording` is the English text (it is a ``str``: the CLI prints it, exports write it,
tests compare it) that also keeps, for each of its sentences, the template and the values it
was made from. A window looks each template up in its translations and fills the values in
itself. Values are said alike on both sides:

* ``language`` is a language code of the language table (:mod:`models.common.languages`; its
  name is shown); ``languages``, or a key ending in ``_languages``, a list of them (their
  names are shown, joined);
* ``language_name`` is the English name of any language ("French"): shown as it is, and a
  window says it through its own list of language names;
* a value that is itself a :class:`Wording` (alone or in a list) is a part of the sentence
  with words of its own (a name "“Putin” (in “Vladimir Putin”)"): its English is shown, and a
  window says it as it says the sentence;
* any other list is joined ("900, 1,200 and 3"); anything else is shown as it is.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from models.common.languages import name as language_name

Sentence = tuple[str, Mapping[str, Any]]


def listed(items: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def is_language_list(key: str) -> bool:
    """Whether a value under ``key`` is a list of language codes (``languages``, ``…_languages``)."""
    return key == "languages" or key.endswith("_languages")


def english(template: str, values: Mapping[str, Any]) -> str:
    """One sentence's English text."""
    shown = {}
    for key, value in values.items():
        if key == "language":
            shown[key] = language_name(value)
        elif is_language_list(key) and isinstance(value, (list, tuple)):
            shown[key] = listed([language_name(code) for code in value])
        elif isinstance(value, (list, tuple)):
            shown[key] = listed([str(item) for item in value])
        else:
            shown[key] = str(value) if isinstance(value, Wording) else value
    return template.format(**shown)


class Wording(str):
    """English text made from templates, with its ``sentences`` ((template, values) pairs)."""

    sentences: tuple[Sentence, ...]

    def __new__(cls, template: str, **values: Any) -> Wording:
        return cls.from_sentences([(template, values)])

    @classmethod
    def from_sentences(cls, sentences: Iterable[Sentence]) -> Wording:
        kept = tuple((template, dict(values)) for template, values in sentences)
        wording = super().__new__(cls, " ".join(english(template, values) for template, values in kept))
        wording.sentences = kept
        return wording

    @classmethod
    def join(cls, wordings: Iterable[Wording]) -> Wording:
        """Several wordings as one text, sentence after sentence."""
        return cls.from_sentences(sentence for wording in wordings for sentence in wording.sentences)

    @property
    def template(self) -> str:
        """The first sentence's template (a step has one sentence)."""
        return self.sentences[0][0]

    @property
    def values(self) -> Mapping[str, Any]:
        """The first sentence's values."""
        return self.sentences[0][1]

    def to_json(self) -> list[dict[str, Any]]:
        """The sentences as JSON data; a value that is a wording itself becomes
        ``{"wording": [...]}``."""
        return [
            {"template": template, "values": {key: _value_to_json(value) for key, value in values.items()}}
            for template, values in self.sentences
        ]

    @classmethod
    def from_json(cls, data: Any) -> Wording | None:
        """The wording saved by :meth:`to_json`, or None when ``data`` is not one."""
        try:
            return cls.from_sentences(
                (str(item["template"]), {str(key): _value_from_json(value) for key, value in dict(item["values"]).items()})
                for item in data
            )
        except (TypeError, KeyError, ValueError, IndexError, AttributeError):
            return None

    def __reduce__(self) -> tuple[Any, ...]:
        # Wordings cross the engine's process boundary: rebuilt from their sentences.
        return (_rebuild, (self.sentences,))


def _rebuild(sentences: tuple[Sentence, ...]) -> Wording:
    return Wording.from_sentences(sentences)


def _value_to_json(value: Any) -> Any:
    if isinstance(value, Wording):
        return {"wording": value.to_json()}
    if isinstance(value, (list, tuple)):
        return type(value)(_value_to_json(item) for item in value)
    return value


def _value_from_json(value: Any) -> Any:
    if isinstance(value, dict):
        nested = Wording.from_json(value["wording"]) if set(value) == {"wording"} else None
        if nested is None:
            raise ValueError("not a wording")
        return nested
    if isinstance(value, (list, tuple)):
        return type(value)(_value_from_json(item) for item in value)
    return value
