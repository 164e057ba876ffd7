"""The decompressed copy of py3langid's model kept in the cache folder: read back, it
gives py3langid's own answers; missing, stale, damaged or unwritable, the model loads
as py3langid loads it, with the same answers, and a sound copy is written in its place
when the folder allows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import py3langid
import pytest

from factcheck.core import language_cache, language_model
from factcheck.core.language import _sample

ROOT = Path(__file__).resolve().parents[2]


def _samples() -> list[str]:
    folders = [ROOT / "seeds", *(p for p in (ROOT / "tests" / "data").rglob("*") if p.is_dir())]
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in folders for p in sorted(folder.glob("*"))
             if p.suffix in (".txt", ".html", ".md")]  # fmt: skip
    return [_sample(t) for t in texts + [q for t in texts for q in t.split("\n\n") if q.strip()]]


@pytest.fixture(scope="module")
def samples() -> list[str]:
    return _samples()


@pytest.fixture(scope="module")
def expected(samples: list[str]) -> list[str]:
    return [str(py3langid.classify(s)[0]) for s in samples]


@pytest.fixture(scope="module")
def sound_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy written once by a load through py3langid, for tests to start from."""
    folder = tmp_path_factory.mktemp("model-copy")
    _fresh_load(folder)
    assert language_model.LOADED_FROM == ["py3langid, copy written"]
    (path,) = folder.glob("py3langid-*.model")
    return path


@pytest.fixture(autouse=True)
def _restore_model() -> Iterator[None]:
    """Each test loads the model afresh; the process's model is put back after."""
    loaded, folder = list(language_model._LOADED), list(language_model._FOLDER)
    yield
    language_model._LOADED[:] = loaded
    language_model._FOLDER[:] = folder


def _fresh_load(folder: Path | None) -> str:
    language_model._LOADED.clear()
    language_model.keep_copy_in(lambda: folder)
    language_model._model()
    return language_model.LOADED_FROM[0]


def _answers(samples: list[str]) -> list[str]:
    # in batches the NumPy walk scores, and one by one through py3langid's classify
    batched = [lang for i in range(0, len(samples), 50)
               for lang in language_model.classify_many(samples[i : i + 50])]  # fmt: skip
    assert batched[:3] == language_model.classify_many(samples[:3])
    return batched


def test_a_copy_read_back_gives_py3langid_s_answers(
    sound_copy: Path, tmp_path: Path, samples: list[str], expected: list[str]
) -> None:
    shutil.copy(sound_copy, tmp_path / sound_copy.name)
    assert _fresh_load(tmp_path) == "copy"
    assert _answers(samples) == expected


def test_no_copy_loads_through_py3langid_and_writes_one(
    tmp_path: Path, samples: list[str], expected: list[str]
) -> None:
    folder = tmp_path / "not" / "yet"
    assert _fresh_load(folder) == "py3langid, copy written"
    assert _answers(samples) == expected
    assert _fresh_load(folder) == "copy"
    assert _answers(samples) == expected


@pytest.mark.parametrize("damage", ["flipped byte", "truncated", "empty", "not a copy",
                                    "header"])  # fmt: skip
def test_a_damaged_copy_is_not_read_and_is_replaced(
    damage: str, sound_copy: Path, tmp_path: Path, samples: list[str], expected: list[str]
) -> None:
    path = tmp_path / sound_copy.name
    data = bytearray(sound_copy.read_bytes())
    if damage == "flipped byte":  # deep inside the score table
        data[len(data) // 3] ^= 0x10
    elif damage == "truncated":
        del data[len(data) - 4096 :]
    elif damage == "empty":
        data.clear()
    elif damage == "not a copy":
        data[:] = b"PK\x03\x04 something else entirely"
    else:  # the header's description of an array, made to point past the file
        data[:] = data.replace(b'"ptc", "<f2", [', b'"ptc", "<f2", [9', 1)
    path.write_bytes(bytes(data))
    assert language_cache.read(path) is None
    assert _fresh_load(tmp_path) == "py3langid, copy written"
    assert _answers(samples) == expected
    assert _fresh_load(tmp_path) == "copy"


def test_a_copy_of_another_version_or_model_is_never_read(
    sound_copy: Path, tmp_path: Path, samples: list[str], expected: list[str]
) -> None:
    stale = tmp_path / "py3langid-0.3.0-0123456789abcdef0123456789abcdef.model"
    shutil.copy(sound_copy, stale)
    assert _fresh_load(tmp_path) == "py3langid, copy written"
    assert _answers(samples) == expected
    assert [p.name for p in tmp_path.iterdir()] == [sound_copy.name]  # the stale one went
    import os

    interrupted, writing = tmp_path / ".writing-old", tmp_path / ".writing-now"
    interrupted.write_bytes(b"half a copy")
    writing.write_bytes(b"being written")
    os.utime(interrupted, (1_000_000_000, 1_000_000_000))
    (tmp_path / sound_copy.name).unlink()  # so that a copy is written again
    assert _fresh_load(tmp_path) == "py3langid, copy written"
    assert sorted(p.name for p in tmp_path.iterdir()) == [writing.name, sound_copy.name]
    other = tmp_path / "other.xz"
    other.write_bytes(b"another model")
    assert language_cache.file_name("0.4.0", other) != sound_copy.name
    assert language_cache.file_name("9.9", ROOT / "README.md") != sound_copy.name


def test_an_unwritable_folder_loads_through_py3langid(
    tmp_path: Path, samples: list[str], expected: list[str]
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    assert _fresh_load(blocked / "cache") == "py3langid"
    assert _answers(samples) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == [blocked.name]  # nothing left


def test_no_folder_named_keeps_no_copy(tmp_path: Path) -> None:
    assert _fresh_load(None) == "py3langid"
    language_model._LOADED.clear()
    language_model._FOLDER.clear()
    language_model._model()
    assert language_model.LOADED_FROM == ["py3langid"]
