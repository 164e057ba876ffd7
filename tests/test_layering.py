"""The layering contract: core and store never import Qt, checked two ways — by
import-linter's static contracts, and by running the core and store tests in a Python
where PySide6 cannot be imported at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_import_linter_contracts_hold() -> None:
    proc = subprocess.run([str(BIN / "lint-imports")], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Contracts: 5 kept, 0 broken." in proc.stdout


_BLOCK_QT = """
import sys, importlib.abc
class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in the headless run: ' + name)
        return None
sys.meta_path.insert(0, BlockQt())
import pytest
sys.exit(pytest.main(['-q', '-p', 'no:pytest-qt', '-p', 'no:cacheprovider',
                      'tests/core', 'tests/store']))
"""


def test_core_and_store_tests_pass_without_qt() -> None:
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-c", _BLOCK_QT], cwd=REPO, capture_output=True, text=True, env=env
    )
    tail = proc.stdout[-2000:] + proc.stderr[-2000:]
    assert proc.returncode == 0, tail
    assert " passed" in proc.stdout and "PySide6" not in proc.stdout
