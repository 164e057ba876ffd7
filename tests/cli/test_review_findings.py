"""Bad input an independent review found getting through: a garbage accessed date, a
reversed span, a mistyped shared folder; and a tag removal that left no history."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.core.model import ArticleDraft
from factcheck.store import ops, queries
from factcheck.store.project import connect

REPO = Path(__file__).resolve().parent.parent.parent


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "t.db")
    assert _run(capsys, "import", "--db", db, str(REPO / "seeds"))[0] == 0
    assert _run(capsys, "mark", "1", "--db", db, "--quote", "99,000")[0] == 0
    return db


def test_a_garbage_accessed_date_is_refused(project: str, capsys: pytest.CaptureFixture[str],
                                            ) -> None:  # fmt: skip
    code, _, err = _run(capsys, "source", "1", "https://example.org/x", "--db", project,
                        "--accessed", "garbage")  # fmt: skip
    assert code == 1 and "YYYY-MM-DD" in err and "Traceback" not in err
    assert queries.evidence_for_claim(connect(project), 1) == []
    assert _run(capsys, "source", "1", "https://example.org/x", "--db", project,
                "--accessed", "2018-07-23")[0] == 0  # fmt: skip


def test_a_reversed_span_says_so(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "reattach", "1", "--db", project, "--start", "10", "--end", "5")
    assert code == 1 and "the start must come before the end" in err


def test_a_mistyped_shared_folder_is_refused(
    project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    code, _, err = _run(capsys, "sync", "export", "--db", project, "--to", str(missing))
    assert code == 1 and "no such folder" in err and not missing.exists()
    code, _, err = _run(capsys, "sync", "pull", "--db", project, "--from", str(missing))
    assert code == 1 and "no such folder" in err


def test_removing_a_tag_is_in_the_history(db: object) -> None:
    (res,), _ = ops.import_articles(db, [ArticleDraft("A", "Words to tag here.")], "t")  # type: ignore[arg-type]
    claim = ops.mark_claim(db, res.article_id, 0, 5, "t", tags=["x"]).created_id  # type: ignore[arg-type]
    assert claim is not None
    ops.remove_tag(db, claim, "x", "ana")  # type: ignore[arg-type]
    rows = [(h.action, h.reviewer, h.old) for h in queries.history_for_claim(db, claim)]  # type: ignore[arg-type]
    assert ("remove tag", "ana", "x") in rows
