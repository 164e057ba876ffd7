"""How well article extraction keeps a page's main text: bag-of-words F1 per page.

The pages in ``tests/data/extraction/`` were written for this project: real-looking news
pages in varied layouts (bodies split across containers, related-link and newsletter
boxes inside the text, live-blog posts, comment threads, bylines with dates, job titles
and UI words, a promotional ``<title>``), each with the main text a reader would expect
(``<slug>.txt``) and its metadata (``expected.json``).

Run ``python -m tests.extraction_quality`` for the table of F1 per trafilatura mode
(precision, default, recall) and for the importer, which is what the README reports.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "data" / "extraction"
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def f1(found: str, expected: str) -> float:
    """Bag-of-words F1 of ``found`` against ``expected`` (1.0 = the same words)."""
    got, want = words(found), words(expected)
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def pages() -> list[tuple[str, bytes, str]]:
    """(slug, page bytes, expected main text) for every page of the set, in name order."""
    return [
        (p.stem, p.read_bytes(), p.with_suffix(".txt").read_text(encoding="utf-8"))
        for p in sorted(PAGES.glob("*.html"))
    ]


def expected_metadata() -> dict[str, dict[str, str]]:
    return json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def mode_extractor(mode: str) -> Callable[[bytes], str]:
    """Plain trafilatura text in one of its modes, as the importer would call it."""
    import trafilatura

    flags = {"precision": {"favor_precision": True}, "recall": {"favor_recall": True},
             "default": {}}[mode]  # fmt: skip

    def run(data: bytes) -> str:
        doc = trafilatura.bare_extraction(
            data, with_metadata=False, include_comments=False, include_tables=True,
            include_images=False, include_links=False, **flags,
        )  # fmt: skip
        return str(getattr(doc, "text", "") or "") if doc is not None else ""

    return run


def importer_text(data: bytes) -> str:
    from factcheck.core.formats.html_reader import read_html

    try:
        return read_html(Path("page.html"), data).text
    except Exception:
        return ""


def table() -> dict[str, dict[str, float]]:
    """F1 per page per extractor, plus the mean ("mean")."""
    extractors: dict[str, Callable[[bytes], str]] = {
        m: mode_extractor(m) for m in ("precision", "default", "recall")
    }
    extractors["importer"] = importer_text
    out: dict[str, dict[str, float]] = {}
    for slug, data, want in pages():
        out[slug] = {name: f1(fn(data), want) for name, fn in extractors.items()}
    names = list(extractors)
    out["mean"] = {n: sum(row[n] for row in out.values()) / len(out) for n in names}
    return out


def main() -> int:
    rows = table()
    names = list(rows["mean"])
    print("| page | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for slug, row in rows.items():
        print(f"| {slug} | " + " | ".join(f"{row[n]:.3f}" for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
