"""A PDF report of any size holds every claim: laid out a bounded batch at a time, each
batch going on where the previous one ended, read back with pypdf."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck.cli.main import main
from factcheck.core.report import parts
from factcheck.core.report.atomic import OutputError
from factcheck.render import pdf
from factcheck.store import ops
from factcheck.store.project import connect
from factcheck.store.report_data import gather_report

CLAIM_ID = re.compile(r"claim (\d+) · characters")


def _claim_ids(reader: PdfReader) -> list[int]:
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return [int(m) for m in CLAIM_ID.findall(text)]


def _mark(db: Database, count: int, note: str = "") -> None:
    text = db.execute("SELECT text FROM articles WHERE id = 2").fetchone()[0]
    specs = []
    for k in range(count):
        start = (k * 7) % (len(text) - 40)
        while text[start].isspace():
            start += 1
        specs.append(ops.ClaimSpec(2, start, start + 20, note=note or f"note {k}"))
    ops.mark_claims(db, specs, "r")


def test_a_report_laid_out_in_many_batches_holds_every_claim_once(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mark(seeded_db, 300)
    report = gather_report(seeded_db, reviewer="r")
    monkeypatch.setattr(parts, "CLAIMS_PER_PART", 7)  # an article split in parts too
    monkeypatch.setattr(parts, "BATCH_WEIGHT", 60)  # some thirty batches
    steps: list[tuple[int, int]] = []
    out = tmp_path / "many.pdf"
    pdf.write_pdf(report, out, lambda done, total: steps.append((done, total)))
    assert len(steps) > 20 and steps[-1][0] == steps[-1][1]
    reader = PdfReader(out)
    ids = _claim_ids(reader)
    assert sorted(ids) == sorted(c.id for _, c in report.claims())
    pages = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):  # one footer per page, numbered
        text = " ".join(page.extract_text().split())
        assert text.count(f"{n} / {pages}") == 1 and text.count(f" / {pages}") == 1


def test_a_part_too_long_to_lay_out_is_refused_with_a_clear_message(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mark(seeded_db, 1, note="a line of the note\n" * 400)  # several pages, one claim
    monkeypatch.setattr(pdf, "LAYOUT_LIMIT", 2 * 3508.0)  # two pages at 300 dpi
    (tmp_path / "out").mkdir()
    with pytest.raises(OutputError, match=r"too long for Qt to lay out; nothing was written"):
        pdf.write_pdf(gather_report(seeded_db, reviewer="r"), tmp_path / "out" / "r.pdf")
    assert os.listdir(tmp_path / "out") == []


@pytest.mark.slow
def test_a_pdf_past_qts_layout_limit_is_complete(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """More than 2,400 pages: one laid-out document used to be cut there silently
    (Qt's fixed-point coordinates end near 8.4 million pixels, 2,390 A4 pages)."""
    path = tmp_path / "p" / "big.db"
    db = connect(path)
    ops.import_articles(db, [_draft()], "r")
    claims = 2_600
    _mark_each_a_page(db, claims)
    db.close()
    out = tmp_path / "big.pdf"
    assert main(["report", "-f", "pdf", "-o", str(out), "--db", str(path)]) == 0
    assert f"{claims} claims" in capsys.readouterr().out
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert pages > 2_400
    last = " ".join(reader.pages[-1].extract_text().split())
    assert last.endswith(f"{pages} / {pages}")
    tail = " ".join(" ".join(p.extract_text().split()) for p in reader.pages[-3:])
    assert CLAIM_ID.findall(tail)[-1] == str(claims)  # the last claim is there
    middle = " ".join(reader.pages[2_395].extract_text().split())
    assert CLAIM_ID.findall(middle)  # the pages past the old cut hold claims


def _draft() -> object:
    from factcheck.core.model import ArticleDraft

    return ArticleDraft(title="Long", text="word " * 4000, source_path="/in/long.txt")


def _mark_each_a_page(db: Database, count: int) -> None:
    note = "\n".join(f"{i}" for i in range(58))  # about one page of short lines per claim
    ops.mark_claims(db, [ops.ClaimSpec(1, 5 * (k % 3000), 5 * (k % 3000) + 4, note=note)
                         for k in range(count)], "r")  # fmt: skip
