"""The middle pane: the open article's metadata, the verdict legend, the bar saying which
claims wait for review after the text changed, and the reader."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from factcheck.core.model import Article, Status
from factcheck.ui.common.fitted_label import FittedLabel
from factcheck.ui.common.flow_layout import FlowLayout
from factcheck.ui.common.theme import HighlightColors
from factcheck.ui.reader.placement_paint import set_cues_present
from factcheck.ui.reader.reader import ReaderView
from factcheck.ui.reader.review_banner import ReviewBanner
from factcheck.ui.session.open_article import OpenArticle

LEGEND_ORDER = (Status.UNVERIFIED, Status.CORROBORATED, Status.CONTRADICTED,
                Status.INCONCLUSIVE)  # fmt: skip


_SAMPLE = 50_000


def _estimate_words(text: str) -> int:
    """About how many words a long text has (shown with a "~"): its spaces counted in
    a sample from its start, middle and end, scaled to its length. Counting them all
    read a megabyte on every open of a long article."""
    step = len(text) // 3
    spaces = sum(text.count(" ", i * step, i * step + _SAMPLE) for i in range(3))
    sampled = sum(min(_SAMPLE, len(text) - i * step) for i in range(3))
    return round(spaces * len(text) / max(1, sampled))


class Legend(QWidget):
    """Colour chips naming each verdict, with how many claims of the article have it.

    Each chip keeps a fixed size fitted to its text (:class:`FittedLabel`, the size a
    plain label would take): a mark changes one count, and a label free to follow its
    text made every layout from the legend up to the window's own run again in that
    mark's frame, though a count of as many digits moves nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Verdict colours")
        layout = FlowLayout(self, spacing=6)  # wraps in a narrow pane
        self.chips: dict[str, FittedLabel] = {}
        for status in LEGEND_ORDER:
            chip = FittedLabel()  # as wide as its text, as a plain label is
            chip.setObjectName(f"legend_{status.value}")
            chip.setAccessibleName(f"{status.label} colour")
            self.chips[status.value] = chip
            layout.addWidget(chip)
        self.hint = QLabel("deeper colour = overlapping claims")
        self.hint.setObjectName("legendHint")
        layout.addWidget(self.hint)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._colors: HighlightColors | None = None
        self._counts: dict[str, int] = {}

    def set_colors(self, colors: HighlightColors) -> None:
        self._colors = colors
        text = colors.text.name()
        for status in LEGEND_ORDER:  # a style sheet re-polishes: only when colours change
            bg = colors.chip(status.value).name()
            self.chips[status.value].setStyleSheet(
                f"QLabel {{ background: {bg}; color: {text}; "
                "border-radius: 4px; padding: 2px 8px; }")  # fmt: skip
        self._render()

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        self._render()

    def _render(self) -> None:
        if self._colors is None:
            return
        for status in LEGEND_ORDER:
            text = f"{status.label} {self._counts.get(status.value, 0)}"
            self.chips[status.value].set_text(text)  # marking one claim changes one chip


class ReaderPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Article")
        self.title = QLabel()
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName("Article title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setWordWrap(True)
        self.meta.setOpenExternalLinks(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.meta.setAccessibleName("Article details")
        self.legend = Legend()
        self.banner = ReviewBanner()
        self.reader = ReaderView()
        header = QVBoxLayout()
        header.setContentsMargins(12, 8, 12, 4)
        header.setSpacing(4)
        header.addWidget(self.banner)
        header.addWidget(self.title)
        header.addWidget(self.meta)
        header.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.reader, 1)
        self.show_metadata(None)

    def observe(self, model: OpenArticle) -> None:
        """Follow the open article's model: its details over the text, the legend's
        verdict counts and the review bar's placement counts (and whether the reader has
        cues to paint), as the reader follows its text and claims."""
        self.reader.observe(model)

        def counts() -> None:
            placements = model.placement_counts()
            self.legend.set_counts(model.counts())
            self.banner.set_counts(model.article_id, placements)
            set_cues_present(self.reader, placements["fuzzy"] + placements["orphaned"] > 0)

        model.loaded.connect(lambda: self.show_metadata(model.article))
        model.detailsChanged.connect(lambda: self.show_metadata(model.article))
        model.loaded.connect(counts)
        model.claimsChanged.connect(lambda _pairs: counts())
        model.completed.connect(lambda changed: counts() if changed else None)
        counts()

    def show_metadata(self, article: Article | None, message: str = "") -> None:
        if article is None:
            self.title.setText(message or "No article open")
            self.meta.setText("")
            return
        self.title.setText(article.title)
        parts = [html.escape(p) for p in (article.outlet, article.author,
                                          article.published[:10]) if p]  # fmt: skip
        # A tab stop only when there is a link to follow.
        self.meta.setFocusPolicy(Qt.FocusPolicy.TabFocus if article.url else Qt.FocusPolicy.NoFocus)
        if article.url:
            url = html.escape(article.url, quote=True)
            parts.append(f"<a href='{url}'>{html.escape(article.url)}</a>")
        text = article.text
        words = f"{len(text.split()):,}" if len(text) < 100_000 else f"~{_estimate_words(text):,}"
        parts.append(f"{words} words · article #{article.id}")
        self.meta.setText(" · ".join(parts))
