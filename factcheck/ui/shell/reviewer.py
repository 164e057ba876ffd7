"""The reviewer's name: recorded on every claim and in the history of each edit."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from factcheck import config


def ask_reviewer(parent: QWidget | None, current: str = "") -> str:
    """Ask for the reviewer's name and save it in the preferences; "" when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    name, ok = QInputDialog.getText(
        parent, "Your name",
        "The name recorded on every claim and in the history of your edits:",
        text=current or config.load().reviewer_or_login(),
    )  # fmt: skip
    name = name.strip()
    if not ok or not name:
        return ""
    prefs = config.load()
    prefs.reviewer = name
    config.save(prefs)
    return name


def resolve_reviewer(given: str | None) -> str:
    """The name given on the command line, else the saved one, else asked once (the
    login name if the question is dismissed)."""
    if given and given.strip():
        return given.strip()
    saved = config.load().reviewer.strip()
    if saved:
        return saved
    return ask_reviewer(None) or config.load().reviewer_or_login()
