"""``python -m factcheck.preflight [--offer-install]``: the check ``make run`` makes
before starting the window. Exit 0 when the window can open; else the message and
exit 1. With ``--offer-install``, run as root at a terminal, it asks whether to install
the missing packages (the command it prints) and checks again afterwards."""

from __future__ import annotations

import os
import subprocess
import sys

from factcheck.preflight.check import diagnose


def is_root() -> bool:
    return os.geteuid() == 0


def main(argv: list[str]) -> int:
    offer = "--offer-install" in argv
    problem = diagnose()
    if problem is None:
        return 0
    print(f"factcheck: {problem.message}", file=sys.stderr)
    if not (offer and problem.install and is_root() and sys.stdin.isatty()):
        return 1
    command = " ".join(problem.install)
    try:
        answer = input(f"Run `{command}` now? [y/N] ")
    except EOFError:
        return 1
    if answer.strip().lower() not in ("y", "yes"):
        return 1
    if subprocess.run(list(problem.install), check=False).returncode != 0:
        print(f"factcheck: `{command}` failed; see its output above", file=sys.stderr)
        return 1
    again = diagnose()
    if again is not None:
        print(f"factcheck: {again.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
