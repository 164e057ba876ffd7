"""Light and dark palettes, and the highlight colours derived from them.

The window follows the system (``QStyleHints.colorScheme``) unless the user picked light
or dark in the View menu. Where the platform reports dark but supplies no dark palette
(bare X11, offscreen), we set one ourselves. Highlight colours are the verdict colours of
:mod:`factcheck.core.colors` blended into the text background, more strongly for text
covered by more claims, so black-on-light and white-on-dark text both stay legible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Qt's namespace and the domain model are imported where they are used: the window's
# first frame applies a light or dark choice from here without them (see
# factcheck.ui.shell.main_window).
if TYPE_CHECKING:
    from factcheck.core.model import Status

_LIGHT_DEPTHS = (0.42, 0.62, 0.80)
_DARK_DEPTHS = (0.38, 0.52, 0.66)


def system_is_dark() -> bool:
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette in the spirit of Fusion's own."""
    p = QPalette()
    window, base, text = QColor("#2b2d31"), QColor("#1e1f22"), QColor("#e6e6e6")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282c"),
        QPalette.ColorRole.ToolTipBase: QColor("#3a3d42"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8b8e94"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#34363b"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Light: QColor("#45484e"),
        QPalette.ColorRole.Midlight: QColor("#3a3d42"),
        QPalette.ColorRole.Mid: QColor("#2f3136"),
        QPalette.ColorRole.Dark: QColor("#17181a"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
        QPalette.ColorRole.Highlight: QColor("#3d6fd1"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#7aa7ff"),
        QPalette.ColorRole.LinkVisited: QColor("#b99cff"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7c7f85"))
    return p


def apply_scheme(choice: str) -> bool:
    """Make the application light or dark per ``choice`` ("system", "light", "dark").
    Returns True when the result is dark."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    want_dark = choice == "dark" or (choice == "system" and system_is_dark())
    own = bool(app.property("factcheck_own_palette"))
    if want_dark and not palette_is_dark(app.palette()):
        app.setPalette(dark_palette())
        app.setProperty("factcheck_own_palette", True)
    elif not want_dark and (own or palette_is_dark(app.palette())):
        app.setPalette(app.style().standardPalette())
        app.setProperty("factcheck_own_palette", False)
    return want_dark


def blend(under: QColor, over: QColor, amount: float) -> QColor:
    """``over`` laid on ``under`` at ``amount`` opacity, as an opaque colour."""
    a = max(0.0, min(1.0, amount))
    return QColor.fromRgbF(
        under.redF() * (1 - a) + over.redF() * a,
        under.greenF() * (1 - a) + over.greenF() * a,
        under.blueF() * (1 - a) + over.blueF() * a,
    )


_STATUS_QCOLORS: dict[str, QColor] = {}


def status_color(status: Status | str) -> QColor:
    """The verdict's colour: a new QColor (the caller may change it), copied from one
    parsed once, since item views ask for it for every visible row on each paint."""
    color = _STATUS_QCOLORS.get(status)
    if color is None:
        from factcheck.core.colors import STATUS_COLORS
        from factcheck.core.model import Status

        color = _STATUS_QCOLORS[Status(status).value] = QColor(STATUS_COLORS[Status(status)])
    return QColor(color)


class HighlightColors:
    """Background colours by (status, depth) for one palette; depth 1 is a lone claim."""

    def __init__(self, palette: QPalette) -> None:
        from factcheck.core.model import Status

        base = palette.color(QPalette.ColorRole.Base)
        self.dark = palette_is_dark(palette)
        depths = _DARK_DEPTHS if self.dark else _LIGHT_DEPTHS
        self._colors = {
            (s.value, i + 1): blend(base, status_color(s), amount)
            for s in Status
            for i, amount in enumerate(depths)
        }
        self.outline = palette.color(QPalette.ColorRole.Highlight)
        self.text = palette.color(QPalette.ColorRole.Text)

    def background(self, status: str, depth: int) -> QColor:
        return self._colors[(status, min(max(depth, 1), len(_LIGHT_DEPTHS)))]

    def chip(self, status: str) -> QColor:
        """The colour a legend chip shows for a status (a lone claim's)."""
        return self.background(status, 1)
