"""Icons and style sheets shipped under ``resources/``, looked up by name.

A missing resource is a packaging mistake, so it raises :class:`ResourceMissing` naming
the file instead of quietly showing a blank button.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from factcheck.errors import FactcheckError
from factcheck.paths import resources_dir


class ResourceMissing(FactcheckError):
    """A file the window needs is not where the installation should have put it."""


def resource_path(kind: str, name: str) -> Path:
    path = resources_dir() / kind / name
    if not path.is_file():
        raise ResourceMissing(f"{path}: missing from the installation (reinstall factcheck)")
    return path


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (scales cleanly at any device ratio)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def stylesheet(name: str) -> str:
    return resource_path("qss", f"{name}.qss").read_text(encoding="utf-8")
