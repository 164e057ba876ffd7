"""Test setup shared by every test: Qt offscreen, and no test touches the real user's
data, config or settings (all redirected into the test's tmp_path)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole run (the decompressed language model is 68 MB:
    written once, not once per test that starts a process)."""
    return tmp_path_factory.mktemp("user-cache")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _session_cache: Path
) -> None:
    monkeypatch.setenv("FACTCHECK_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(_session_cache))
    monkeypatch.setenv("FACTCHECK_CONFIG_DIR", str(tmp_path / "user-config"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "")


@pytest.fixture
def seeds_dir() -> Path:
    return REPO / "seeds"


@pytest.fixture
def db() -> Iterator[object]:
    """A fresh in-memory project with the real migrations applied."""
    from factcheck.store.project import connect

    database = connect(":memory:")
    yield database
    database.close()


@pytest.fixture
def seeded_db(db: object, seeds_dir: Path) -> object:
    """A project holding the five sample articles (ids 1-5 in file order)."""
    from factcheck.store import importer

    importer.import_paths(db, [seeds_dir], "tester")  # type: ignore[arg-type]
    return db
