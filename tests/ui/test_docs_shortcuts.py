"""The README's shortcut table is the app's own action table (no drift)."""

from __future__ import annotations

from pathlib import Path

from factcheck.ui.common.actions import shortcut_table

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_shortcut_as_the_app_defines_it() -> None:
    for menu, command, keys in shortcut_table():
        assert f"| {menu} | {command} | {keys} |" in README
