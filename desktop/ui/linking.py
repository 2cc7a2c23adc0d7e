"""Linked reading: the sentences of a generated text and the sentences of the original they
come from, highlighted together; and the sentences flagged to check.

A digest's :attr:`~models.common.types.Digest.alignments` say, for each generated text (the
summary, its translations, the full translations), which source sentences each of its
sentences is linked to (``[start, end)`` ranges of Python string offsets) and which of its
sentences are flagged. The views show exactly those texts, so a range is a stretch of a
view's document once its offsets are counted in UTF-16 code units (:func:`utf16_offset`,
:class:`TextPositions`).

:class:`DigestLinks` answers, without Qt, "which sentence is at this offset and what is it
linked to" for the pairs the window shows side by side: the summary or a full translation
against the article, and a summary translation against the article through the English
summary (its links composed with the summary's). :class:`SentenceLinker` watches the views
(hover, click, the text cursor), paints the answer as extra selections, shows the tooltips
and steps through the flags.

Each extra selection's format carries its kind (:data:`QUIET`, :data:`LINKED`,
:data:`ACTIVE`, :data:`FLAG`) in the :data:`KIND_PROPERTY` user property;
:meth:`SentenceLinker.highlights` reads them back as Python ranges.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Signal, Slot
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTabWidget, QTextEdit, QToolTip

from desktop.ui.language import TranslationContext, flag_line, language_name
from desktop.ui.panes import is_dark
from models.common.languages import output_languages
from models.common.types import Digest, SentenceFlag, TextRange

if TYPE_CHECKING:
    from desktop.ui.panes import FileDropTextView
    from models.digest.revise import SentenceView

#: The kinds of highlight, kept in each extra selection's format under :data:`KIND_PROPERTY`.
QUIET = "quiet"  #: an article sentence the summary drew on (Summary tab only)
LINKED = "linked"  #: a sentence linked to the one under the pointer (in the other pane)
ACTIVE = "active"  #: the sentence under the pointer, clicked or holding the text cursor
FLAG = "flag"  #: a generated sentence flagged to check (wavy underline)
KIND_PROPERTY = int(QTextFormat.Property.UserProperty.value) + 1
#: The views' highlight layer of the linked sentences and flags (the Find bar has its own).
LINKS_LAYER = "links"

Linking = TranslationContext("Linking")

#: Tooltip lines are wrapped at this many characters (a tooltip label would wrap them narrower).
_TOOLTIP_COLUMNS = 64

#: Background alpha (0..255) of each kind over the palette's highlight colour: light, dark base.
_ALPHAS: dict[str, tuple[int, int]] = {QUIET: (30, 46), LINKED: (64, 92), ACTIVE: (120, 150)}
#: The flags' wavy underline: amber, darker on a light base, lighter on a dark one.
_FLAG_COLOURS = ("#d35400", "#ffa726")


def utf16_offset(text: str, index: int) -> int:
    """The QTextDocument position of the Python offset ``index`` in ``text``: documents count
    UTF-16 code units, so every astral character (an emoji, say) before it counts twice."""
    index = max(0, min(index, len(text)))
    return index + sum(1 for char in text[:index] if ord(char) > 0xFFFF)


class TextPositions:
    """Python offsets of one text to the positions of a document showing it, and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]
        self._astral = astral
        #: The document position of each astral character (each takes two).
        self._astral_positions = [index + count for count, index in enumerate(astral)]

    def position(self, index: int) -> int:
        """The document position of Python offset ``index`` (clamped to the text)."""
        index = max(0, min(index, len(self.text)))
        return index + bisect_left(self._astral, index)

    def index(self, position: int) -> int:
        """The Python offset of document ``position`` (one inside a surrogate pair: after it)."""
        before = bisect_left(self._astral_positions, position - 1)
        return max(0, min(position - before, len(self.text)))

    def span(self, text_range: TextRange) -> tuple[int, int]:
        """A Python range as document positions."""
        return self.position(text_range[0]), self.position(text_range[1])


def _overlaps(first: TextRange, second: TextRange) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def sentence_at(ranges: Iterable[TextRange], index: int) -> TextRange | None:
    """The range holding offset ``index``: one with ``start <= index < end``, else one that ends
    at ``index`` (a cursor just after a sentence's full stop), else ``None``."""
    candidates = [item for item in ranges if item[0] < item[1]]
    inside = [item for item in candidates if item[0] <= index < item[1]]
    if not inside:
        inside = [item for item in candidates if item[0] < index <= item[1]]
    if not inside:
        return None
    return min(inside, key=lambda item: item[1] - item[0])


def _unique(ranges: Iterable[TextRange]) -> tuple[TextRange, ...]:
    return tuple(sorted(set(ranges)))


def generated_keys(digest: Digest) -> list[str]:
    """The digest's generated texts in the window's order: summary, summary translations,
    full translations (languages in the language table's order), then any other aligned text."""
    order = ["summary", *(f"summary:{code}" for code in output_languages()), *(f"article:{code}" for code in output_languages())]
    keys = [key for key in order if key == "summary" or digest.generated_text(key)]
    return keys + sorted(key for key in digest.alignments if key not in keys)


def place_name(key: str) -> str:
    """Where a generated text is, in words: "Summary", "Arabic summary", "Russian full text"."""
    kind, _, code = key.partition(":")
    if not code:
        return Linking.tr("Summary")
    name = language_name(code)
    if kind == "summary":
        return Linking.tr("{language} summary").format(language=name)
    return Linking.tr("{language} full text").format(language=name)


def flag_count_text(count: int) -> str:
    """"1 sentence to check", "3 sentences to check" (empty for none)."""
    if count <= 0:
        return ""
    return Linking.tr("%n sentences to check", "", count)


def tooltip_html(text: str) -> str:
    """A tooltip's plain lines ("Label: text") as rich text: labels in bold, each line wrapped
    at a readable width, left to right even over a right-to-left view."""
    import textwrap

    paragraphs = []
    for line in text.split("\n"):
        label, separator, rest = line.partition(": ")
        if not separator:
            label, rest = "", line
        indent = " " * (len(label) + 2) if label else ""  # the bold label takes the first line's start
        body = html.escape("\n".join(textwrap.wrap(rest, _TOOLTIP_COLUMNS, initial_indent=indent)).lstrip())
        head = f"<b>{html.escape(label)}:</b> " if label else ""
        paragraphs.append(f"<p style='white-space: pre; margin: 2px 0'>{head}{body}</p>")
    return f"<div dir='ltr'>{''.join(paragraphs)}</div>"


@dataclass(frozen=True)
class Hit:
    """What is under a point: the sentence (a range of the pointed text), the ranges linked to
    it in the other pane, and for a summary translation its English source sentences and the
    flags on the sentence."""

    sentence: TextRange | None = None
    linked: tuple[TextRange, ...] = ()
    english: tuple[TextRange, ...] = ()
    flags: tuple[SentenceFlag, ...] = ()


@dataclass(frozen=True)
class FlagStop:
    """One flagged sentence, as Next Flag / Previous Flag visit it."""

    key: str
    target: TextRange
    flags: tuple[SentenceFlag, ...]


class DigestLinks:
    """A digest's alignments, asked from either pane (no Qt).

    ``key`` names the generated text shown on the right (an :func:`alignment_key`); the left
    pane always shows the article. A summary translation (``summary:xx``) is aligned against
    the English summary, which is not on screen beside it: its sentences are linked to the
    article through the summary's own links.
    """

    def __init__(self, digest: Digest) -> None:
        self.digest = digest
        self._sentences: dict[str, list[TextRange]] = {}
        self._views: dict[str, dict[TextRange, SentenceView]] = {}

    # -- texts ------------------------------------------------------------------------------------
    def text(self, key: str | None) -> str:
        """The generated text ``key``, or the article for ``None``."""
        return self.digest.article.text if key is None else self.digest.generated_text(key)

    def _fallback_sentences(self, key: str | None) -> list[TextRange]:
        """The text's own sentences (for a sentence no alignment names)."""
        cache_key = key or ""
        if cache_key not in self._sentences:
            from models.common.text import sentence_ranges

            self._sentences[cache_key] = sentence_ranges(self.text(key))
        return self._sentences[cache_key]

    def _links(self, key: str) -> tuple:
        alignment = self.digest.alignments.get(key)
        return alignment.links if alignment is not None else ()

    def _flags(self, key: str) -> tuple[SentenceFlag, ...]:
        alignment = self.digest.alignments.get(key)
        return alignment.flags if alignment is not None else ()

    # -- from the generated side ------------------------------------------------------------------
    def generated_hit(self, key: str, index: int) -> Hit:
        """The sentence of generated text ``key`` at ``index`` and the article sentences it is linked to."""
        targets = [link.target for link in self._links(key)] + [flag.target for flag in self._flags(key)]
        sentence = sentence_at(targets, index) or sentence_at(self._fallback_sentences(key), index)
        if sentence is None:
            return Hit()
        sources = _unique(source for link in self._links(key) if _overlaps(link.target, sentence) for source in link.sources)
        flags = tuple(flag for flag in self._flags(key) if _overlaps(flag.target, sentence))
        alignment = self.digest.alignments.get(key)
        if alignment is not None and alignment.source == "summary":
            article = _unique(
                source for link in self._links("summary")
                if any(_overlaps(link.target, english) for english in sources) for source in link.sources
            )
            return Hit(sentence, article, sources, flags)
        return Hit(sentence, sources, (), flags)

    # -- from the article -------------------------------------------------------------------------
    def article_hit(self, key: str | None, index: int) -> Hit:
        """The article sentence at ``index`` and the sentences of generated text ``key`` that
        derive from it (none when no generated text is shown)."""
        alignment = self.digest.alignments.get(key) if key else None
        via_summary = alignment is not None and alignment.source == "summary"
        article_links = self._links("summary") if via_summary else (self._links(key) if key else ())
        sources = [source for link in article_links for source in link.sources]
        sentence = sentence_at(sources, index) or sentence_at(self._fallback_sentences(None), index)
        if sentence is None or key is None:
            return Hit(sentence)
        targets = _unique(link.target for link in article_links if any(_overlaps(source, sentence) for source in link.sources))
        if via_summary:
            targets = _unique(
                link.target for link in self._links(key)
                if any(_overlaps(source, english) for source in link.sources for english in targets)
            )
        return Hit(sentence, targets)

    def quiet_ranges(self, key: str | None) -> tuple[TextRange, ...]:
        """The article sentences the summary drew on, while the Summary tab is shown (else none)."""
        if key != "summary":
            return ()
        return _unique(source for link in self._links("summary") for source in link.sources)

    # -- flags ----------------------------------------------------------------------------------
    def flag_ranges(self, key: str) -> tuple[TextRange, ...]:
        """The flagged sentences of generated text ``key``."""
        return _unique(flag.target for flag in self._flags(key))

    def flag_stops(self, keys: Sequence[str]) -> list[FlagStop]:
        """Every flagged sentence of the texts ``keys``, text by text and by position in each."""
        stops: list[FlagStop] = []
        for key in keys:
            for target in self.flag_ranges(key):
                stops.append(FlagStop(key, target, tuple(flag for flag in self._flags(key) if flag.target == target)))
        return stops

    def sentence(self, key: str, target: TextRange) -> SentenceView | None:
        """The sentence at ``target`` of generated text ``key`` as the digest keeps it: its
        English, origin, machine text and back-translation (:func:`models.digest.revise.sentences`)."""
        if key not in self.digest.alignments:
            return None
        if key not in self._views:
            from models.digest.revise import sentences

            self._views[key] = {view.target: view for view in sentences(self.digest, key)}
        return self._views[key].get(target)

    def tooltip_lines(self, key: str | None, hit: Hit, *, linking: bool) -> list[str]:
        """The tooltip of a hit in ``key``'s view: its flags, (when linking) the English
        sentences a summary translation's sentence comes from, its translation back into
        English beside them (with the English of a full translation's sentence), and where
        it came from when a person edited or chose it."""
        from desktop.ui.revision_marks import origin_line

        lines = [flag_line(flag) for flag in hit.flags]
        if linking and hit.english and key is not None:
            summary = self.digest.summary
            english = " ".join(summary[start:end].strip() for start, end in hit.english)
            lines.append(Linking.tr("English summary: {sentences}").format(sentences=english))
        found = self.sentence(key, hit.sentence) if key is not None and hit.sentence is not None else None
        if found is not None and found.back_translation:
            if found.english and not (linking and hit.english):
                lines.append(Linking.tr("English: {sentence}").format(sentence=found.english))
            lines.append(Linking.tr("Back-translation: {sentence}").format(sentence=" ".join(found.back_translation.split())))
        if found is not None and origin_line(found.origin, found.machine, found.source_changed):
            lines.append(origin_line(found.origin, found.machine, found.source_changed))
        return lines


def highlight_format(kind: str, palette: QPalette) -> QTextCharFormat:
    """The format of a highlight of ``kind`` in a view with ``palette``: the palette's highlight
    colour, more or less transparent; for flags, an amber wavy underline."""
    text_format = QTextCharFormat()
    text_format.setProperty(KIND_PROPERTY, kind)
    dark = is_dark(palette)
    if kind == FLAG:
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        text_format.setUnderlineColor(QColor(_FLAG_COLOURS[dark]))
        return text_format
    colour = QColor(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight))
    colour.setAlpha(_ALPHAS[kind][dark])
    text_format.setBackground(colour)
    return text_format


class SentenceLinker(QObject):
    """Highlights linked sentences across the original view and the generated view on show.

    Hovering a view's text, clicking it or moving its text cursor picks a sentence: it is
    highlighted (:data:`ACTIVE`), and so are the sentences linked to it in the other pane
    (:data:`LINKED`), scrolled into view when off screen (the other view's text cursor is
    left alone). The hovered sentence wins while the pointer is over it; a clicked or cursor
    sentence stays until another is picked. While the Summary tab is shown the original
    marks every sentence the summary drew on (:data:`QUIET`). Flagged generated sentences
    are underlined (:data:`FLAG`) whether linking is on or not; their tooltip gives the reasons.

    Signals:
        highlights_changed(): the views' highlights were set anew.
    """

    highlights_changed = Signal()

    def __init__(self, original_view: QTextEdit, tabs: QTabWidget, generated_views: dict[str, QTextEdit],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.original_view = original_view
        self.tabs = tabs
        #: The generated views by alignment key (``summary``, ``summary:ru``, ``article:ar``…).
        self.generated_views = dict(generated_views)
        self._keys = {view: key for key, view in self.generated_views.items()}
        self._viewports: dict[QObject, QTextEdit] = {}
        for view in self.views():
            view.viewport().setMouseTracking(True)
            view.viewport().installEventFilter(self)
            self._viewports[view.viewport()] = view
            view.cursorPositionChanged.connect(self._on_view_cursor_position_changed)
        tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.enabled = True
        self.links: DigestLinks | None = None
        self._positions: dict[QTextEdit, TextPositions] = {}
        self._hover: tuple[QTextEdit, int] | None = None
        self._hover_sentence: TextRange | None = None
        self._pin: tuple[QTextEdit, int] | None = None
        self._flag_index = -1
        #: The tooltip text (plain, one line per item) last worked out for a point.
        self.tooltip = ""

    def views(self) -> list[QTextEdit]:
        """Every view watched: the original first, then the generated ones."""
        return [self.original_view, *self.generated_views.values()]

    # -- state ----------------------------------------------------------------------------------
    def set_digest(self, digest: Digest | None) -> None:
        """Link the views for ``digest`` (already shown in them), or unlink them for ``None``;
        every highlight and the flag position start afresh."""
        self.links = DigestLinks(digest) if digest is not None else None
        self._positions = {}
        if digest is not None:
            self._positions[self.original_view] = TextPositions(digest.article.text)
            for key, view in self.generated_views.items():
                self._positions[view] = TextPositions(digest.generated_text(key))
        self._hover = self._pin = None
        self._hover_sentence = None
        self._flag_index = -1
        self.tooltip = ""
        self._refresh()

    def set_enabled(self, enabled: bool) -> None:
        """Turn linking on or off (off: flags only, no sentence highlighting or quiet marks)."""
        self.enabled = bool(enabled)
        self._hover = self._pin = None
        self._hover_sentence = None
        self._refresh()

    def current_key(self) -> str | None:
        """The alignment key of the generated view on show (``None``: no generated view)."""
        widget = self.tabs.currentWidget()
        return self._keys.get(widget) if isinstance(widget, QTextEdit) else None

    def _key_of(self, view: QTextEdit) -> str | None:
        return self._keys.get(view)

    def _is_live(self, view: QTextEdit) -> bool:
        """Whether ``view`` is one of the two on show: the original or the current tab's."""
        return view is self.original_view or view is self.tabs.currentWidget()

    # -- hit testing ------------------------------------------------------------------------------
    def index_at(self, view: QTextEdit, point: QPoint) -> int | None:
        """The Python offset of the text at viewport ``point`` (``None`` off the text's lines)."""
        positions = self._positions.get(view)
        if positions is None:
            return None
        cursor = view.cursorForPosition(point)
        rect = view.cursorRect(cursor)
        slack = max(2, rect.height() // 2)
        if not rect.top() - slack <= point.y() <= rect.bottom() + slack:
            return None  # below the last line, say
        return positions.index(cursor.position())

    def hit(self, view: QTextEdit, index: int) -> Hit:
        """What offset ``index`` of ``view``'s text is linked to, against the tab on show."""
        if self.links is None:
            return Hit()
        key = self._key_of(view)
        if key is None:
            return self.links.article_hit(self.current_key(), index)
        return self.links.generated_hit(key, index)

    def tooltip_at(self, view: QTextEdit, point: QPoint) -> str:
        """The tooltip for viewport ``point`` of ``view``: flag reasons, English sources; or ``""``."""
        index = self.index_at(view, point)
        if self.links is None or index is None or view is self.original_view:
            return ""
        key = self._key_of(view)
        return "\n".join(self.links.tooltip_lines(key, self.hit(view, index), linking=self.enabled))

    # -- painting ---------------------------------------------------------------------------------
    def _refresh(self, reveal: bool = False) -> None:
        """Set every view's highlights from the state; with ``reveal``, scroll the linked
        sentences into view in the pane opposite the one picked."""
        chosen: dict[QTextEdit, list[tuple[str, TextRange]]] = {view: [] for view in self.views()}
        links = self.links
        if links is not None:
            key = self.current_key()
            current = self.generated_views.get(key) if key else None
            if self.enabled:
                chosen[self.original_view] += [(QUIET, item) for item in links.quiet_ranges(key)]
                state = self._hover or self._pin
                if state is not None and self._is_live(state[0]):
                    view, index = state
                    hit = self.hit(view, index)
                    other = current if view is self.original_view else self.original_view
                    if hit.sentence is not None:
                        chosen[view].append((ACTIVE, hit.sentence))
                        if other is not None and hit.linked:
                            chosen[other] += [(LINKED, item) for item in hit.linked]
                            if reveal:
                                self._reveal(other, hit.linked)
            for flag_key, view in self.generated_views.items():
                chosen[view] += [(FLAG, item) for item in links.flag_ranges(flag_key)]
        for view, items in chosen.items():
            self._paint(view, items)
        self.highlights_changed.emit()

    def _paint(self, view: FileDropTextView, items: list[tuple[str, TextRange]]) -> None:
        positions = self._positions.get(view)
        if positions is None or not items:
            view.set_highlights(LINKS_LAYER, [])
            return
        formats = {kind: highlight_format(kind, view.palette()) for kind in (QUIET, LINKED, ACTIVE, FLAG)}
        order = {QUIET: 0, LINKED: 1, ACTIVE: 2, FLAG: 3}
        selections = []
        last = view.document().characterCount() - 1  # the text may be being typed in: shorter than the digest's
        for kind, text_range in sorted(items, key=lambda item: order[item[0]]):
            start, end = (min(position, last) for position in positions.span(text_range))
            if start >= end:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = formats[kind]
            selections.append(selection)
        view.set_highlights(LINKS_LAYER, selections)

    def _reveal(self, view: QTextEdit, ranges: Sequence[TextRange]) -> None:
        """Scroll ``view`` (its scroll bar, not its text cursor) so the first of ``ranges`` shows."""
        positions = self._positions.get(view)
        if positions is None or not ranges:
            return
        last = view.document().characterCount() - 1
        start, end = (min(position, last) for position in positions.span(min(ranges)))
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        top = view.cursorRect(cursor)
        cursor.setPosition(end)
        bottom = view.cursorRect(cursor)
        height = view.viewport().height()
        if top.top() >= 0 and bottom.bottom() <= height:
            return
        bar = view.verticalScrollBar()
        margin = height // 4 if bottom.bottom() - top.top() < height // 2 else top.height()
        bar.setValue(bar.value() + top.top() - margin)
        first_line = view.cursorRect(view.cursorForPosition(QPoint(view.viewport().width() // 2, 0)))
        if first_line.top() < 0:  # no line cut in half at the top
            bar.setValue(bar.value() + first_line.top())

    def highlights(self, view: FileDropTextView, kind: str) -> list[TextRange]:
        """The Python ranges of ``view``'s text highlighted as ``kind`` now (for tests and readers)."""
        positions = self._positions.get(view)
        found: list[TextRange] = []
        for selection in view.highlights_of(LINKS_LAYER):
            if selection.format.property(KIND_PROPERTY) == kind:
                start, end = selection.cursor.selectionStart(), selection.cursor.selectionEnd()
                found.append((positions.index(start), positions.index(end)) if positions else (start, end))
        return sorted(found)

    # -- the pointer and the text cursor ------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        view = self._viewports.get(watched)
        if view is None:
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            self._on_view_hovered(view, event.position().toPoint())
        elif kind == QEvent.Type.Leave:
            self._on_view_left(view)
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._pick(view, self.index_at(view, event.position().toPoint()))
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self.tooltip = self.tooltip_at(view, event.pos())
            if self.tooltip:
                QToolTip.showText(event.globalPos(), tooltip_html(self.tooltip), watched)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return False

    def _on_view_hovered(self, view: QTextEdit, point: QPoint) -> None:
        if self.links is None or not self.enabled or not self._is_live(view):
            return
        index = self.index_at(view, point)
        hit = self.hit(view, index) if index is not None else Hit()
        if hit.sentence is None:
            if self._hover is not None:
                self._clear_hover()
            return
        if self._hover is not None and self._hover[0] is view and self._hover_sentence == hit.sentence:
            return
        if QToolTip.isVisible():
            QToolTip.hideText()  # it was about another sentence
        self._hover, self._hover_sentence = (view, index), hit.sentence
        self._refresh(reveal=True)

    def _on_view_left(self, view: QTextEdit) -> None:
        if self._hover is not None and self._hover[0] is view:
            self._clear_hover()

    def _clear_hover(self) -> None:
        self._hover, self._hover_sentence = None, None
        self._refresh()

    def _pick(self, view: QTextEdit, index: int | None) -> None:
        """Keep the sentence at ``index`` of ``view`` highlighted (clicked, or the text cursor's)."""
        if self.links is None or not self.enabled or not self._is_live(view):
            return
        pin = (view, index) if index is not None else None
        if pin == self._pin:
            return
        self._pin = pin
        self._refresh(reveal=True)

    @Slot()
    def _on_view_cursor_position_changed(self) -> None:
        view = self.sender()
        if not isinstance(view, QTextEdit) or self.links is None:
            return
        positions = self._positions.get(view)
        if positions is None:
            return
        cursor = view.textCursor()
        position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        self._pick(view, positions.index(position))

    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        if self._pin is not None and not self._is_live(self._pin[0]):
            self._pin = None
        if self._hover is not None and not self._is_live(self._hover[0]):
            self._hover, self._hover_sentence = None, None
        self._refresh()

    # -- flags ----------------------------------------------------------------------------------
    def flag_stops(self) -> list[FlagStop]:
        """The flagged sentences Next Flag visits, in its order."""
        if self.links is None:
            return []
        keys = [key for key in generated_keys(self.links.digest) if key in self.generated_views]
        return self.links.flag_stops(keys)

    def step_flag(self, step: int) -> str:
        """Go to the next (``step`` 1) or previous (-1) flagged sentence, round the ends: show
        its tab, select it and scroll to it. Returns what to say in the status bar."""
        if self.links is None:
            return Linking.tr("No digest to check: open an article and digest it first.")
        stops = self.flag_stops()
        if not stops:
            return Linking.tr("No sentences to check in this digest: none was flagged.")
        if self._flag_index < 0:
            self._flag_index = 0 if step > 0 else len(stops) - 1
        else:
            self._flag_index = (self._flag_index + step) % len(stops)
        stop = stops[self._flag_index]
        view = self.generated_views[stop.key]
        self.tabs.setCurrentWidget(view)
        start, end = self._positions[view].span(stop.target)
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        self._pick(view, stop.target[0])  # its sources light up on the left (the cursor may not have moved)
        self._reveal(view, [stop.target])
        view.setFocus()
        reasons = " · ".join(flag_line(flag) for flag in stop.flags)
        return Linking.tr("Flag {number} of {count}, {place}: {reasons}").format(
            number=self._flag_index + 1, count=len(stops), place=place_name(stop.key), reasons=reasons)

