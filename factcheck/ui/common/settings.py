"""Window and dialog state kept between runs: declared once here, stored with QSettings.

Only window state lives in QSettings (geometry, dock/toolbar state, splitter positions,
the last article open in each project, the light/dark choice); the reviewer's name and
other preferences are in :mod:`factcheck.config`. Tests redirect the INI file with
``QSettings.setPath`` so no run touches the user's real settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings
from PySide6.QtWidgets import QWidget

from factcheck.paths import APP_NAME

SCHEMES = ("system", "light", "dark")
RECENT_KEPT = 12


def _store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def _project_key(project: Path | str) -> str:
    import hashlib  # loads OpenSSL: not before the window's first frame

    resolved = str(Path(project).expanduser().resolve()) if str(project) != ":memory:" else ""
    return hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:16]


class WindowSettings:
    """Typed accessors over the settings file; every read has a default."""

    def __init__(self) -> None:
        self._s = _store()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @state.setter
    def state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"splitters/{name}", value)

    def last_article(self, project: Path | str) -> int | None:
        value = self._s.value(f"last_article/{_project_key(project)}")
        try:
            return int(str(value)) if value is not None else None
        except ValueError:
            return None

    def set_last_article(self, project: Path | str, article_id: int | None) -> None:
        key = f"last_article/{_project_key(project)}"
        if article_id is None:
            self._s.remove(key)
        else:
            self._s.setValue(key, article_id)

    def sync_folder(self, project: Path | str) -> str:
        """The shared folder last used to sync this project ("" before the first)."""
        return str(self._s.value(f"sync_folder/{_project_key(project)}", "") or "")

    def set_sync_folder(self, project: Path | str, folder: str) -> None:
        self._s.setValue(f"sync_folder/{_project_key(project)}", folder)

    @property
    def scheme(self) -> str:
        value = str(self._s.value("view/scheme", "system"))
        return value if value in SCHEMES else "system"

    @scheme.setter
    def scheme(self, value: str) -> None:
        self._s.setValue("view/scheme", value if value in SCHEMES else "system")

    def recent_projects(self) -> list[Path]:
        """Projects opened before, the latest first (File ▸ Open Recent)."""
        value = self._s.value("projects/recent", [])
        items = value if isinstance(value, list) else [value] if value else []
        return [Path(str(v)) for v in items if str(v)]

    def set_recent_projects(self, paths: list[Path]) -> None:
        self._s.setValue("projects/recent", [str(p) for p in paths[:RECENT_KEPT]])

    def add_recent_project(self, path: Path) -> None:
        resolved = Path(path).expanduser().resolve()
        rest = [p for p in self.recent_projects() if p != resolved]
        self.set_recent_projects([resolved, *rest])

    @property
    def underline_figures(self) -> bool:
        return str(self._s.value("view/underline_figures", "false")).lower() == "true"

    @underline_figures.setter
    def underline_figures(self, value: bool) -> None:
        self._s.setValue("view/underline_figures", "true" if value else "false")

    @property
    def show_suggestions(self) -> bool:
        return str(self._s.value("view/show_suggestions", "false")).lower() == "true"

    @show_suggestions.setter
    def show_suggestions(self, value: bool) -> None:
        self._s.setValue("view/show_suggestions", "true" if value else "false")

    def dialog_geometry(self, name: str) -> QByteArray | None:
        return self._bytes(f"dialogs/{name}")

    def set_dialog_geometry(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"dialogs/{name}", value)

    def sync(self) -> None:
        self._s.sync()


class _GeometryKeeper(QObject):
    """Saves a dialog's geometry each time it is hidden (closed, accepted, rejected)."""

    def __init__(self, dialog: QWidget, name: str) -> None:
        super().__init__(dialog)
        self._name = name

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget):
            WindowSettings().set_dialog_geometry(self._name, watched.saveGeometry())
        return False


def remember_geometry(dialog: QWidget, name: str) -> None:
    """Give ``dialog`` the size and place it had when it was last closed (the size set
    before this call is the first-run default) and keep it for next time."""
    if (saved := WindowSettings().dialog_geometry(name)) is not None:
        dialog.restoreGeometry(saved)
    dialog.installEventFilter(_GeometryKeeper(dialog, name))
