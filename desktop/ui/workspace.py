"""The main window's central widget: the options row, the message banner, the progress row, and
the article and its digest side by side.

:class:`Workspace` lays these out and shows what it is given; the window keeps the state
(which article, which digest) and connects the parts' signals.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.ui.option_bar import OptionBar
from desktop.ui.panes import GeneratedPane, MessageBanner, OriginalPane, digest_info
from desktop.ui.progress_row import ProgressRow
from models.common.types import LANGUAGE_NAMES, Article, Digest


class Workspace(QWidget):
    """Options row, banner and progress row on top; below, a splitter with the original
    article (left) and the generated texts with a line about the digest (right).

    Signals:
        files_dropped(list): files dropped on any of the text views.
    """

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option_bar = OptionBar()
        self.banner = MessageBanner()
        self.progress_row = ProgressRow()
        self.original_pane = OriginalPane()
        self.original_pane.files_dropped.connect(self.files_dropped)
        self.generated_pane = GeneratedPane(tuple(LANGUAGE_NAMES))
        self.generated_pane.files_dropped.connect(self.files_dropped)
        self.digest_info_label = QLabel("")
        self.digest_info_label.setObjectName("digestInfo")
        self.digest_info_label.setWordWrap(True)
        self.digest_info_label.setEnabled(False)  # greyed: secondary information
        self.digest_info_label.hide()
        generated_side = QWidget()
        generated_layout = QVBoxLayout(generated_side)
        generated_layout.setContentsMargins(0, 0, 0, 0)
        generated_layout.addWidget(self.generated_pane, 1)
        generated_layout.addWidget(self.digest_info_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.original_pane)
        self.splitter.addWidget(generated_side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.option_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.splitter, 1)

    def show_article(self, article: Article) -> None:
        """Show ``article`` on the left and empty the generated side (back on its first tab)."""
        self.original_pane.show_article(article)
        self.generated_pane.show_digest(None)
        self.generated_pane.setCurrentIndex(0)
        self.digest_info_label.hide()

    def show_digest(self, digest: Digest, *, with_article: bool) -> None:
        """Show ``digest``'s texts and the line about it; its article on the left too if ``with_article``."""
        if with_article:
            self.original_pane.show_article(digest.article)
        self.generated_pane.show_digest(digest)
        self.digest_info_label.setText(digest_info(digest))
        self.digest_info_label.show()
