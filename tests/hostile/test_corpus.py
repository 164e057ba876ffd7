"""A generated corpus of hostile inputs, each fed to the command a user would type.

Four families: article files for ``import``, files for ``import-annotations``, command
line arguments, and ``report -o`` targets. Every case asserts an exit status of 0, 1 or
2 (never 3, an internal error), no traceback, and, for a refusal, exactly one line that
names the file or argument, with the project unchanged (a dump of every table before
and after). Cases that should succeed say so and are checked to have succeeded.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from factcheck.cli.output import safe
from factcheck.store import importer, ops
from factcheck.store.project import connect
from tests.conftest import REPO
from tests.core.format_files import make_pdf, write_docx, write_zip
from tests.hostile.conftest import Run, dump, one_line_naming

ARTICLE = (
    "A title for an article\n\nThe White Helmets said on Tuesday that volunteers pulled "
    "people from the rubble of a building in the city.\n"
)


@dataclass(frozen=True)
class Case:
    """``build(folder)`` makes the input and returns (arguments, the name a message
    must show); ``refused`` says whether the command must refuse it."""

    id: str
    build: Callable[[Path], tuple[list[str | Path], str]]
    refused: bool = True
    status: int | None = None  # the exact exit status, when it matters (2: argparse)


CASES: list[Case] = []


def case(id: str, *, refused: bool = True, status: int | None = None):  # type: ignore[no-untyped-def]
    def register(build: Callable[[Path], tuple[list[str | Path], str]]) -> Callable[..., object]:
        CASES.append(Case(id, build, refused, status))
        return build

    return register


# --- article files for `import` -------------------------------------------------------


def _import_file(name: str | bytes, data: bytes) -> Callable[[Path], tuple[list[str | Path], str]]:
    def build(folder: Path) -> tuple[list[str | Path], str]:
        raw = name if isinstance(name, bytes) else name.encode()
        path = os.fsencode(folder) + b"/" + raw
        with open(path, "wb") as fh:
            fh.write(data)
        return ["import", os.fsdecode(path)], safe(os.fsdecode(raw))

    return build


_rng = random.Random(13)
IMPORT_REFUSALS: dict[str, tuple[str | bytes, bytes]] = {
    "empty": ("empty.txt", b""),
    "spaces": ("spaces.txt", b"   \n\t\n  \r\n"),
    "zero-width": ("ghost.md", "\u200b\u200c\u200d\ufeff\u2060".encode() * 20),
    "nul-late": ("late.txt", ARTICLE.encode() * 150 + b"\x00x"),
    "png": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    "random-bytes": ("noise.md", _rng.randbytes(4096)),
    "bad-utf16-bom": ("odd.txt", b"\xff\xfe" + b"a\x00b"),
    "bad-utf32-bom": ("odd32.txt", b"\xff\xfe\x00\x00" + b"\xff\xff\xff\xff"),
    "control-bytes": ("ctl.txt", bytes(range(1, 9)) * 200),
    "exe": ("program.exe", b"MZ\x90\x00"),
    "no-suffix": ("README", b"hello"),
    "fake-pdf": ("fake.pdf", b"<html>not a pdf</html>"),
    "truncated-pdf": ("cut.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog"),
    "pdf-password": ("locked.pdf", make_pdf([[["Secret words " * 8]]], password="pw")),
    "pdf-no-text": ("scan.pdf", make_pdf([[["x"]]], drawing_only=True)),
    "docx-not-zip": ("word.docx", b"PK but not really a zip archive"),
    "html-empty": ("page.html", b"<html><head><title>t</title></head><body></body></html>"),
    "html-scripts": ("app.html", b"<html><body><script>" + b"x=1;" * 500 + b"</script></html>"),
    "bad-name-binary": (b"bad\xff\xfe.txt", b"\x00\x01\x02" * 100),
    "escape-name": ("x\x1b[2Jy.txt", b"\x00" * 10),
    "bidi-name": ("evil\u202etxt.md".encode(), b""),
}
for _id, (_name, _data) in IMPORT_REFUSALS.items():
    case(f"import-{_id}")(_import_file(_name, _data))


@case("import-docx-no-document")
def _docx_no_doc(folder: Path) -> tuple[list[str | Path], str]:
    path = write_zip(folder / "empty.docx", {"[Content_Types].xml": b"<Types/>"})
    return ["import", path], "empty.docx"


@case("import-docx-bad-xml")
def _docx_bad_xml(folder: Path) -> tuple[list[str | Path], str]:
    path = write_zip(folder / "broken.docx", {"[Content_Types].xml": b"<Types",
                                              "word/document.xml": b"<w:document"})  # fmt: skip
    return ["import", path], "broken.docx"


@case("import-docx-bomb")
def _docx_bomb(folder: Path) -> tuple[list[str | Path], str]:
    real = write_docx(folder / "real.docx.tmp", ["text"])
    path = folder / "bomb.docx"
    body = b"<w:body>" + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 200_000 + b"</w:body>"
    with zipfile.ZipFile(real) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(data[data.index(b"<w:body>"):data.index(b"</w:body>") + 9],
                                    body)  # fmt: skip
            zout.writestr(info.filename, data)
    real.unlink()
    return ["import", path], "bomb.docx"


@case("import-sparse-21mib")
def _huge(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    return ["import", path], "huge.txt"


@case("import-missing")
def _missing(folder: Path) -> tuple[list[str | Path], str]:
    return ["import", folder / "nowhere.txt"], "nowhere.txt"


@case("import-fifo")
def _fifo(folder: Path) -> tuple[list[str | Path], str]:
    os.mkfifo(folder / "pipe.txt")
    return ["import", folder / "pipe.txt"], "pipe.txt"


@case("import-link-loop")
def _loop(folder: Path) -> tuple[list[str | Path], str]:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return ["import", folder / "loop.txt"], "loop.txt"


@case("import-dev-null")
def _dev_null(folder: Path) -> tuple[list[str | Path], str]:
    return ["import", "/dev/null"], "null"


IMPORT_ACCEPTED: dict[str, tuple[str | bytes, bytes]] = {
    "utf16-le-no-bom": ("win.txt", ARTICLE.encode("utf-16-le")),
    "utf16-be-no-bom": ("mac.txt", ARTICLE.encode("utf-16-be")),
    "non-utf8-name": (b"caf\xe9.txt", ARTICLE.encode()),
    "escape-in-title": ("esc.txt", ("\x1b]0;owned\x07" + ARTICLE).encode()),
    "cp1252": ("legacy.txt", ("Les Casques blancs sont bénévoles. " * 8).encode("cp1252")),
}
for _id, (_name, _data) in IMPORT_ACCEPTED.items():
    case(f"import-ok-{_id}", refused=False)(_import_file(_name, _data))


# --- files for `import-annotations` ---------------------------------------------------


def _annotation_file(name: str, data: bytes) -> Callable[[Path], tuple[list[str | Path], str]]:
    def build(folder: Path) -> tuple[list[str | Path], str]:
        path = folder / name
        path.write_bytes(data)
        return ["import-annotations", path], name

    return build


def _anno(**selector: object) -> dict[str, object]:
    return {"type": "Annotation", "id": "urn:test:a", "motivation": "assessing",
            "target": {"source": "urn:nowhere", "selector": [
                {"type": "TextPositionSelector", **selector}]}}  # fmt: skip


LONE = {"bodyValue": "\ud800"}
ANNOTATION_REFUSALS: dict[str, tuple[str, bytes]] = {
    "not-json": ("a.json", b"{this is not json"),
    "empty": ("empty.json", b""),
    "deep-arrays": ("deep.json", b"[" * 100_000 + b"]" * 100_000),
    "deep-objects": ("deepobj.json", b'{"a":' * 5_000 + b"1" + b"}" * 5_000),
    "latin1": ("latin.json", '{"type": "Annotation", "x": "café"}'.encode("latin-1")),
    "utf16": ("wide.json", '{"type": "Annotation"}'.encode("utf-16")),
    "number": ("n.json", b"42"),
    "string": ("s.json", b'"an annotation"'),
    "no-type": ("o.json", b'{"items": []}'),
    "nan": ("nan.json", b"NaN"),
    "trailing-garbage": ("t.json", b"[] []"),
    "lone-surrogate": ("sur.json", json.dumps([_anno(start=1, end=4) | LONE]).encode()),
    "odd-digits": ("digits.json", json.dumps([_anno(start="²", end="³")]).encode()),
    "huge-number": ("big.json", json.dumps([_anno(start=1, end=2)]).replace(
        '"end": 2', '"end": ' + "9" * 5000).encode()),
    "unknown-article": ("far.json", json.dumps([_anno(start=1, end=4)]).encode()),
    "no-selector": ("nosel.json", b'[{"type": "Annotation", "target": "urn:x"}]'),
    "not-an-object": ("list.json", b"[1, 2, 3]"),
}
for _id, (_name, _data) in ANNOTATION_REFUSALS.items():
    case(f"annotations-{_id}")(_annotation_file(_name, _data))


@case("annotations-sparse-huge")
def _huge_json(folder: Path) -> tuple[list[str | Path], str]:
    from factcheck.store.annotation_import import MAX_FILE_BYTES

    path = folder / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    return ["import-annotations", path], "huge.json"


@case("annotations-folder")
def _folder(folder: Path) -> tuple[list[str | Path], str]:
    (folder / "sub.json").mkdir()
    return ["import-annotations", folder / "sub.json"], "sub.json"


@case("annotations-device")
def _device(folder: Path) -> tuple[list[str | Path], str]:
    return ["import-annotations", "/dev/zero"], "/dev/zero"


@case("annotations-missing")
def _missing_json(folder: Path) -> tuple[list[str | Path], str]:
    return ["import-annotations", folder / "gone.json"], "gone.json"


case("annotations-ok-empty-list", refused=False)(_annotation_file("none.json", b"[]"))


# --- command line arguments -----------------------------------------------------------

HUGE = "9" * 20


def _args(*argv: str, name: str) -> Callable[[Path], tuple[list[str | Path], str]]:
    return lambda folder: (list(argv), name)


ARG_CASES: dict[str, tuple[tuple[str, ...], str, int]] = {
    "verdict-huge-id": (("verdict", HUGE, "corroborated"), "CLAIM_ID", 2),
    "claims-huge-id": (("claims", HUGE), "ARTICLE_ID", 2),
    "delete-huge-id": (("delete-claim", HUGE), "CLAIM_ID", 2),
    "review-huge-id": (("review", HUGE), "ARTICLE_ID", 2),
    "revisions-show-huge": (("revisions", "1", "--show", HUGE), "--show", 2),
    "search-limit-huge": (("search", "x", "--limit", HUGE), "--limit", 2),
    "mark-huge-id": (("mark", HUGE, "--quote", "x"), "ARTICLE_ID", 2),
    "verdict-superscript": (("verdict", "²", "corroborated"), "CLAIM_ID", 2),
    "verdict-5000-digits": (("verdict", "1" * 5000, "corroborated"), "CLAIM_ID", 2),
    "verdict-negative": (("verdict", "-5", "corroborated"), "CLAIM_ID", 2),
    "verdict-bad-status": (("verdict", "1", "maybe"), "maybe", 2),
    "link-bad-relation": (("link", "1", "2", "--relation", "likes"), "likes", 2),
    "unknown-command": (("frobnicate",), "frobnicate", 2),
    "verdict-unknown-claim": (("verdict", "999", "corroborated"), "999", 1),
    "mark-empty-quote": (("mark", "2", "--quote", "   "), "quote", 1),
    "mark-quote-not-found": (("mark", "2", "--quote", "no such words"), "no such words", 1),
    "link-to-itself": (("link", "1", "1", "--relation", "same-as"), "itself", 1),
    "source-javascript": (("source", "1", "javascript:alert(1)"), "javascript:alert(1)", 1),
    "source-file-url": (("source", "1", "file:///etc/passwd"), "file:///etc/passwd", 1),
    "reattach-no-span": (("reattach", "1"), "reattach", 1),
    "revisions-unknown": (("revisions", "1", "--show", "99"), "99", 1),
    "tag-escape": (("tag", "77", "\x1b[31mred"), "77", 1),
}
for _id, (_argv, _name, _status) in ARG_CASES.items():
    case(f"args-{_id}", status=_status)(_args(*_argv, name=_name))


@case("args-db-is-a-folder")
def _db_folder(folder: Path) -> tuple[list[str | Path], str]:
    return ["articles", "--db", folder], str(folder)


@case("args-db-is-text")
def _db_text(folder: Path) -> tuple[list[str | Path], str]:
    (folder / "notes.db").write_text("not a database " * 100, encoding="utf-8")
    return ["articles", "--db", folder / "notes.db"], "notes.db"


@case("args-db-foreign-sqlite")
def _db_foreign(folder: Path) -> tuple[list[str | Path], str]:
    conn = sqlite3.connect(folder / "other.db")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return ["articles", "--db", folder / "other.db"], "other.db"


@case("args-db-missing-folder")
def _db_missing(folder: Path) -> tuple[list[str | Path], str]:
    return ["import", "--db", folder / "typo" / "p.db", REPO / "seeds"], "typo"


# --- report -o targets ----------------------------------------------------------------


def _report_to(make: Callable[[Path], Path], name: str | None = None):  # type: ignore[no-untyped-def]
    def build(folder: Path) -> tuple[list[str | Path], str]:
        target = make(folder)
        return ["report", "-f", "csv", "-o", target], name or str(target)

    return build


def _fifo_target(folder: Path) -> Path:
    os.mkfifo(folder / "out.csv")
    return folder / "out.csv"


def _link_to_device(folder: Path) -> Path:
    (folder / "null.csv").symlink_to("/dev/null")
    return folder / "null.csv"


def _under_a_file(folder: Path) -> Path:
    (folder / "file").write_text("x", encoding="utf-8")
    return folder / "file" / "r.csv"


OUTPUT_REFUSALS: dict[str, Callable[[Path], Path]] = {
    "dev-null": lambda folder: Path("/dev/null"),
    "dev-zero": lambda folder: Path("/dev/zero"),
    "fifo": _fifo_target,
    "link-to-device": _link_to_device,
    "folder": lambda folder: folder,
    "missing-folder": lambda folder: folder / "no" / "r.csv",
    "under-a-file": _under_a_file,
    "name-300": lambda folder: folder / ("r" * 300 + ".csv"),
    "name-256-bytes-utf8": lambda folder: folder / ("é" * 128),
}
for _id, _make in OUTPUT_REFUSALS.items():
    name = ("rrrr" if _id == "name-300" else "éééé" if _id.startswith("name-256") else None)
    case(f"output-{_id}")(_report_to(_make, name))

@case("output-the-project-itself")
def _the_project(folder: Path) -> tuple[list[str | Path], str]:
    return ["report", "-f", "csv", "-o", folder.parent / "project" / "p.db"], "p.db"


case("output-ok-name-255", refused=False)(_report_to(lambda folder: folder / ("r" * 251 + ".csv")))
case("output-ok-escape-name", refused=False)(
    _report_to(lambda folder: folder / "r\x1b[2J.csv", "r\\x1b[2J.csv"))  # fmt: skip


# --- the test -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "p.db"
    db = connect(path)
    importer.import_paths(db, [REPO / "seeds"], "tester")
    ops.mark_quote(db, 2, "nearly 3,000 members", "tester")
    ops.mark_quote(db, 3, "the", "tester", occurrence=2)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def test_the_corpus_is_large_enough() -> None:
    kinds = {c.id.split("-")[0] for c in CASES}
    assert kinds == {"import", "annotations", "args", "output"}
    assert len(CASES) >= 60


@pytest.mark.parametrize("c", CASES, ids=lambda c: c.id)
def test_hostile_input(c: Case, template: Path, tmp_path: Path, run: Run) -> None:
    project = tmp_path / "project" / "p.db"
    project.parent.mkdir()
    shutil.copy(template, project)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    argv, name = c.build(inputs)
    if "--db" not in argv:
        argv = [*argv, "--db", project]
    before = dump(project)
    code, out, err = run(*argv)
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err
    assert not any(ch in out + err for ch in "\x1b\x07\u202e"), "raw control characters"
    if c.status is not None:
        assert code == c.status, err
    if not c.refused:
        assert code == 0, err
        assert name in out, out
        return
    assert code in (1, 2), out
    if c.id.startswith("annotations-") and code == 1 and not err.startswith("factcheck:"):
        # Read, but no annotation in it could be used: each is named, then the summary
        # names the file.
        assert all(ln.startswith("not placed: ") for ln in err.splitlines()), err
        assert name in out and "0 claims added, 0 merged" in out, out
    else:
        assert one_line_naming(err, name), err
    assert dump(project) == before
