"""The "Publisher" box of the export dialog: who a ClaimReview is published by.

Shown when a ClaimReview format is chosen and the organisation or its site is not yet
configured (the first ClaimReview export): it says what is missing and asks for both.
What is typed is kept in the user's settings (``config.json``, the same file the CLI
reads), not in the project, so it is asked once per user rather than once per project.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from factcheck import config
from factcheck.core.interchange.claimreview import missing_settings
from factcheck.core.report.model import ReportMeta


def _is_web(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://")) and " " not in url.strip()


class PublisherBox(QGroupBox):
    """Organisation name and site for ClaimReview exports."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Publisher (ClaimReview)", parent)
        self.setObjectName("publisher")
        self.missing = QLabel("")
        self.missing.setObjectName("publisher-missing")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        cfg = config.load()
        self.organisation = QLineEdit(cfg.organisation)
        self.organisation.setObjectName("organisation")
        self.organisation.setPlaceholderText("e.g. Coastal Fact Desk")
        self.site = QLineEdit(cfg.organisation_url)
        self.site.setObjectName("organisation-url")
        self.site.setPlaceholderText("https://factdesk.example/checks/")
        form = QFormLayout(self)
        form.addRow(self.missing)
        form.addRow("&Organisation:", self.organisation)
        form.addRow("&Site:", self.site)
        self.organisation.textChanged.connect(self.changed)
        self.site.textChanged.connect(self.changed)

    def show_for(self, meta: ReportMeta | None, claimreview: bool) -> None:
        """Visible for a ClaimReview format while something is missing from ``meta``."""
        gaps = missing_settings(meta) if meta is not None else []
        self.missing.setText("Not yet publishable: " + "; ".join(gaps) + "." if gaps else "")
        self.setVisible(claimreview and bool(gaps))

    def problem(self) -> str:
        """Why the typed values cannot be saved, or ""."""
        site = self.site.text().strip()
        if site and not _is_web(site):
            return f"The site must be a web address (http:// or https://), not {site!r}."
        return ""

    def save(self) -> bool:
        """Keep what was typed in the user's settings; True when anything changed."""
        cfg = config.load()
        name, site = self.organisation.text().strip(), self.site.text().strip()
        if (name, site) == (cfg.organisation, cfg.organisation_url):
            return False
        cfg.organisation, cfg.organisation_url = name, site
        config.save(cfg)
        return True
