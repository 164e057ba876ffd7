"""Size limits per file type, checked before a file is read, and the batch going on."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core import ingest
from factcheck.errors import ImportRefused


@pytest.mark.parametrize("name", ["huge.html", "huge.pdf", "huge.docx", "huge.txt"])
def test_200_mb_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = tmp_path / name
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: no disk used

    def never(*_args: object) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(ImportRefused, match=rf"^{name}: 200\.0 MiB is over the \d+ MiB limit"):
        ingest.read_article_file(path)


def test_limits_per_type() -> None:
    assert ingest.SIZE_LIMITS[".pdf"] == ingest.SIZE_LIMITS[".docx"] == 100 * 1024 * 1024
    assert ingest.SIZE_LIMITS[".html"] == ingest.SIZE_LIMITS[".htm"] == 20 * 1024 * 1024
    assert {".html", ".htm", ".pdf", ".docx", ".txt", ".md"} <= set(ingest.supported_suffixes())


def test_pdf_just_over_text_limit_is_not_refused_for_size(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(30 * 1024 * 1024)
    with pytest.raises(ImportRefused) as info:
        ingest.read_article_file(path)
    assert "limit" not in str(info.value) and str(info.value).startswith("big.pdf: ")
