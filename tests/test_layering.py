"""The layering contract: core and store never import Qt, checked two ways — by
import-linter's static contracts, and by running the core and store tests in a Python
where PySide6 cannot be imported at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_import_linter_contracts_hold() -> None:
    proc = subprocess.run([str(BIN / "lint-imports")], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Contracts: 6 kept, 0 broken." in proc.stdout


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


def _lint_copy(tmp_path: Path, module: str, source: str) -> subprocess.CompletedProcess[str]:
    """Run import-linter with this project's contracts over a copy of the package with
    one extra module ``module`` (dotted, under factcheck) holding ``source``."""
    shutil.copytree(REPO / "factcheck", tmp_path / "factcheck",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path.joinpath(*module.split(".")).with_suffix(".py")
    target.write_text(source, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    return subprocess.run([str(BIN / "lint-imports")], cwd=tmp_path, capture_output=True,
                          text=True, env=env)  # fmt: skip


def test_a_widget_that_writes_to_the_project_breaks_the_contract(tmp_path: Path) -> None:
    proc = _lint_copy(tmp_path, "factcheck.ui.reader.probe",
                      "from factcheck.store import ops\n")  # fmt: skip
    assert proc.returncode != 0
    assert "only the session and its undo commands write to the project BROKEN" in proc.stdout
    assert "factcheck.ui.reader.probe -> factcheck.store.ops" in proc.stdout


def test_the_core_reading_app_paths_breaks_the_contract(tmp_path: Path) -> None:
    proc = _lint_copy(tmp_path, "factcheck.core.probe", "from factcheck import paths\n")
    assert proc.returncode != 0
    assert "the core reads no app paths or settings and knows no command line BROKEN" in (
        proc.stdout
    )


def test_no_import_cycles_in_the_package() -> None:
    """No module imports itself through others (type-only imports included)."""
    import grimp

    graph = grimp.build_graph("factcheck")
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain is not None:
                cycles.append(" -> ".join((module, *chain)))
    assert cycles == []


_TIMER_LEAK = """
from PySide6.QtCore import QTimer

def test_leaves_a_timer_running(qtbot):
    timer = QTimer()
    timer.setInterval(60_000)
    timer.start()
    test_leaves_a_timer_running.keep = timer  # alive after the test
"""


def test_a_test_that_leaves_a_timer_running_fails(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        "from tests.ui.conftest import _no_timer_left_running  # noqa: F401\n")
    (tmp_path / "test_leak.py").write_text(_TIMER_LEAK)
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         str(tmp_path / "test_leak.py")],
        cwd=tmp_path, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert proc.returncode != 0, proc.stdout
    assert "QTimer left running after the test" in proc.stdout
