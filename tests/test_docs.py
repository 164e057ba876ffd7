"""The README documents every command the CLI has (a command nobody can find is a bug)."""

from __future__ import annotations

import argparse
from pathlib import Path

from factcheck.cli.main import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def test_every_command_is_in_the_readme() -> None:
    missing = [c for c in _commands() if f"`factcheck {c}" not in README]
    assert missing == []


def test_readme_gives_the_two_setup_commands() -> None:
    assert "make run" in README and "make test" in README
