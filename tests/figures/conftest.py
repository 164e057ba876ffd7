"""The sample corpus with its figures found (imports only queue them)."""

from __future__ import annotations

import pytest

from factcheck.store import ops


@pytest.fixture
def seeded_db(seeded_db: object) -> object:
    ops.update_figures(seeded_db)  # type: ignore[arg-type]
    return seeded_db
