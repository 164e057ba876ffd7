"""Compiled report templates kept between runs: used when present, never stale, and
never in the way of a report when the cache cannot be used."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader
from sqlite_utils import Database

from factcheck.core.report import markdown
from factcheck.core.report.formats import export_text
from factcheck.core.report.html import HTML_TEMPLATE, environment, template_dir
from factcheck.core.report.template_cache import use_bytecode_cache
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import make_hostile, review_seed_corpus

SOURCE = "{% for x in items %}\n  <b>{{ x }}</b>\n{% endfor %}\n"


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's temporary folder, where the cache lives, inside this test's folder."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    monkeypatch.delenv("FACTCHECK_NO_TEMPLATE_CACHE", raising=False)
    return root


def _env(folder: Path, **options: bool) -> Environment:
    return use_bytecode_cache(Environment(loader=FileSystemLoader(folder), autoescape=True,
                                          **options))  # fmt: skip


def _cache_files(root: Path) -> list[Path]:
    return sorted(root.glob("_jinja2-cache-*/*.cache"))


def _refuse_compiling(env: Environment) -> None:
    def compile_(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled although the cache holds the template")

    env.compile = compile_  # type: ignore[method-assign,assignment]


def test_a_second_run_loads_the_compiled_template(temp_root: Path, tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text(SOURCE, encoding="utf-8")
    first = _env(tmp_path, trim_blocks=True).get_template("t.j2").render(items=["<a>", "b"])
    assert len(_cache_files(temp_root)) == 1
    again = _env(tmp_path, trim_blocks=True)
    _refuse_compiling(again)
    assert again.get_template("t.j2").render(items=["<a>", "b"]) == first
    assert "&lt;a&gt;" in first


def test_an_edited_template_or_other_options_are_compiled_afresh(
    temp_root: Path, tmp_path: Path
) -> None:
    template = tmp_path / "t.j2"
    template.write_text(SOURCE, encoding="utf-8")
    trimmed = _env(tmp_path, trim_blocks=True).get_template("t.j2").render(items=["x"])
    untrimmed = _env(tmp_path).get_template("t.j2").render(items=["x"])
    assert trimmed != untrimmed  # not the code compiled with trim_blocks
    assert untrimmed == Environment(autoescape=True).from_string(SOURCE).render(items=["x"])
    assert len(_cache_files(temp_root)) == 2
    template.write_text(SOURCE.replace("<b>", "<i>").replace("</b>", "</i>"), encoding="utf-8")
    edited = _env(tmp_path, trim_blocks=True).get_template("t.j2").render(items=["x"])
    assert "<i>x</i>" in edited and "<b>" not in edited


def test_a_damaged_cache_file_is_compiled_again(temp_root: Path, tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text(SOURCE, encoding="utf-8")
    expected = _env(tmp_path).get_template("t.j2").render(items=["x"])
    (cached,) = _cache_files(temp_root)
    cached.write_bytes(cached.read_bytes()[:40])
    assert _env(tmp_path).get_template("t.j2").render(items=["x"]) == expected
    cached.write_bytes(b"not a cache file")
    assert _env(tmp_path).get_template("t.j2").render(items=["x"]) == expected


def test_no_usable_folder_or_switched_off_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "t.j2").write_text(SOURCE, encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing" / "folder"))
    env = _env(tmp_path)
    assert env.bytecode_cache is None
    assert "<b>x</b>" in env.get_template("t.j2").render(items=["x"])
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("FACTCHECK_NO_TEMPLATE_CACHE", "1")
    assert _env(tmp_path).bytecode_cache is None
    assert not list(tmp_path.glob("_jinja2-cache-*"))


def test_a_cache_that_cannot_be_written_is_skipped(temp_root: Path, tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text(SOURCE, encoding="utf-8")
    env = _env(tmp_path)
    assert env.bytecode_cache is not None
    folder = next(temp_root.glob("_jinja2-cache-*"))
    folder.rmdir()  # gone after the cache was set up: writing fails
    assert "<b>x</b>" in env.get_template("t.j2").render(items=["x"])


@pytest.fixture
def fresh_environments() -> Iterator[None]:
    """The report environments made anew, as in a new process (and again afterwards,
    so no other test renders with a cache in this test's folder)."""
    environment.cache_clear()
    markdown.environment.cache_clear()
    yield
    environment.cache_clear()
    markdown.environment.cache_clear()


def test_reports_from_the_cache_are_the_same_bytes(
    seeded_db: Database, temp_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    fresh_environments: None,
) -> None:
    make_hostile(seeded_db, review_seed_corpus(seeded_db))
    report = gather_report(seeded_db, reviewer="alice", generated_at="2024-05-01T12:00:00Z")

    def export(fmt: str) -> bytes:
        environment.cache_clear()
        markdown.environment.cache_clear()
        path = tmp_path / f"report.{fmt}"
        export_text(report, fmt, path)
        return path.read_bytes()

    monkeypatch.setenv("FACTCHECK_NO_TEMPLATE_CACHE", "1")
    expected = {fmt: export(fmt) for fmt in ("html", "md")}
    assert not _cache_files(temp_root)
    monkeypatch.delenv("FACTCHECK_NO_TEMPLATE_CACHE")
    for _run in ("compiles and stores", "loads"):
        assert {fmt: export(fmt) for fmt in ("html", "md")} == expected
    assert len(_cache_files(temp_root)) == 2
    env = environment(str(template_dir()))
    _refuse_compiling(env)
    assert env.get_template(HTML_TEMPLATE).name == HTML_TEMPLATE
