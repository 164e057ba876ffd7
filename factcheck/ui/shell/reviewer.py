"""The reviewer's name: recorded on every claim and in the history of each edit.

It is never asked for before the window exists: the first start uses the system
account's name (:func:`factcheck.config.system_user_name`) and says where to change it
(the name in the status bar, or Edit ▸ Reviewer Name…). A name the reviewer gives is
saved in the preferences, which the command line reads too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from factcheck import config


def resolve_reviewer(given: str | None) -> tuple[str, bool]:
    """(the name to record, whether it was chosen): the name given on the command
    line, else the saved one; else the system user's name, not yet chosen."""
    if given and given.strip():
        return given.strip(), True
    saved = config.load().reviewer.strip()
    if saved:
        return saved, True
    return config.system_user_name(), False


def save_reviewer(name: str) -> None:
    prefs = config.load()
    prefs.reviewer = name
    config.save(prefs)


def ask_reviewer(parent: QWidget | None, current: str = "") -> str:
    """Ask for the reviewer's name in a dialog; "" when cancelled or left empty."""
    from PySide6.QtWidgets import QInputDialog

    name, ok = QInputDialog.getText(
        parent, "Your name",
        "The name recorded on every claim and in the history of your edits:",
        text=current or config.load().reviewer_or_login(),
    )  # fmt: skip
    return name.strip() if ok else ""
