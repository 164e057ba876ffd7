"""Reading article files into :class:`ArticleDraft` objects, or refusing them.

One reader per file type, chosen by suffix. Every refusal is an :class:`ImportRefused`
whose message names the file; nothing here touches a project.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from factcheck.core.article_text import read_metadata
from factcheck.core.decoding import decode_text
from factcheck.core.formats import FORMAT_READERS, FORMAT_SIZE_LIMITS
from factcheck.core.model import ArticleDraft
from factcheck.core.safe_text import display_path, has_surrogate, without_surrogates
from factcheck.errors import ImportRefused

# White space, controls and the invisible format characters (zero-width space and
# joiners, word joiner, invisible operators, soft hyphen, BOM, Mongolian vowel separator).
_INVISIBLE = r"\s\x00-\x1f\x7f-\x9f\xad\u034f\u180e\u200b-\u200f\u2060-\u2064\ufeff"
_VISIBLE = re.compile(f"[^{_INVISIBLE}]")


def has_visible_text(text: str) -> bool:
    """True when ``text`` holds at least one character that shows."""
    return _VISIBLE.search(text) is not None


MAX_TEXT_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; 20 MiB is surely not one

Reader = Callable[[Path, bytes], ArticleDraft]


def read_plain_text(path: Path, data: bytes) -> ArticleDraft:
    """A .txt or .md article: the decoded text kept as is, metadata read from it."""
    text = decode_text(data, path.name)
    if not text.strip():
        raise ImportRefused(f"{path.name}: contains only white space")
    if not has_visible_text(text):
        raise ImportRefused(f"{path.name}: contains no visible text (only invisible "
                            "characters such as zero-width spaces)")  # fmt: skip
    meta = read_metadata(text, fallback_title=path.stem)
    return ArticleDraft(
        title=meta.title,
        text=text,
        outlet=meta.outlet,
        url=meta.url,
        author=meta.author,
        published=meta.published,
        source_path=str(path),
    )


READERS: dict[str, Reader] = {".txt": read_plain_text, ".md": read_plain_text, **FORMAT_READERS}
# Per-suffix overrides of MAX_TEXT_BYTES, checked on the file's size before it is read.
SIZE_LIMITS: dict[str, int] = dict(FORMAT_SIZE_LIMITS)


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


def read_article_file(path: Path) -> ArticleDraft:
    """Read one file, or raise :class:`ImportRefused` saying why not."""
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        kinds = ", ".join(supported_suffixes())
        raise ImportRefused(f"{path.name}: unsupported file type (factcheck imports {kinds})")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportRefused(f"{path}: no such file") from None
    except OSError as exc:
        raise ImportRefused(f"{path}: cannot be read ({exc.strerror})") from None
    limit = SIZE_LIMITS.get(suffix, MAX_TEXT_BYTES)
    if size == 0:
        raise ImportRefused(f"{path.name}: the file is empty")
    if size > limit:
        raise ImportRefused(
            f"{path.name}: {size / 1048576:.1f} MiB is over the {limit // 1048576} MiB limit "
            "for an article"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(f"{path}: cannot be read ({exc.strerror})") from None
    draft = reader(path, data)
    if suffix in FORMAT_READERS:
        draft = nfc_draft(draft)
    # A file name that is not UTF-8 (PEP 383 surrogates) reaches the title (from the
    # name) and the source path; neither could be stored as it is.
    fields = {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft)}
    bad = {k: without_surrogates(v) for k, v in fields.items()
           if isinstance(v, str) and has_surrogate(v)}  # fmt: skip
    if bad:
        bad["source_path"] = display_path(path)
        draft = dataclasses.replace(draft, **bad)
    return draft


def nfc_draft(draft: ArticleDraft) -> ArticleDraft:
    """The draft with its text and metadata in Unicode NFC. Pages, PDFs and Word files
    sometimes carry decomposed accents (NFD: "u" + combining diaeresis), which a quote
    typed on a keyboard ("geprüft") does not match byte for byte; their text is
    extracted, not kept byte for byte, so it is normalised. Plain text files are not:
    they stay exactly as written (quotes are matched normalisation-insensitively)."""
    changed = {f.name: unicodedata.normalize("NFC", v) for f in dataclasses.fields(draft)
               if isinstance(v := getattr(draft, f.name), str)
               and not unicodedata.is_normalized("NFC", v)}  # fmt: skip
    return dataclasses.replace(draft, **changed) if changed else draft


def expand_paths(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """Files to import, in a stable order: each named file, and the supported files of
    each named folder (recursively, sorted). The flag says whether the user named the file
    directly; a folder's files of other types are skipped rather than refused."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in READERS and not child.name.startswith("."):
                    yield child, False
        else:
            yield path, True
