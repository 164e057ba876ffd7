"""The reader in right-to-left, mixed-direction and CJK text: every claim's highlight
covers exactly its characters' glyphs (one logical span can be several visual pieces on
a line of mixed direction), on screen too; marking by mouse and by keyboard stores the
right quote; hovering finds the claim under the pointer.

Articles are in tests/data/languages/. Nothing here depends on the fonts a machine has:
what is compared is geometry that Qt computes for whatever font it picks (the expected
pieces are rebuilt independently, one character at a time)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QTextBlock, QTextLine
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcheck.core.model import ArticleDraft
from factcheck.store import ops, queries
from factcheck.ui.reader.highlight_paint import range_rects, scroll_offset
from factcheck.ui.reader.reader import ReaderView
from factcheck.ui.session.session import Session
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# Claims of each article, by quote: words, phrases across a direction change, numbers
# inside right-to-left text, a Persian word with a zero-width non-joiner inside it.
CLAIMS = {
    "ar": ["الخوذ البيضاء", "أكثر من 3,000 متطوع", "White Helmets هو الاسم",
           "السَّلَامُ", "فرق الإنقاذ انتشلت عشرات الأشخاص من تحت الأنقاض خلال الليلة"],
    "he": ["הקסדות הלבנות", "יותר מ-3,000 מתנדבים", "המערבית White Helmets, הוקם"],
    "fa": ["کلاه‌سفیدها معروف", "بیش از ۳۰۰۰ داوطلب", "می‌کنند"],
    "zh": ["白头盔", "三千多名志愿者", "成立于2013年"],
    "mixed": ["known in Arabic as الدفاع", "السوري, said more", "أي طرف\" when he",
              "called הקסדות הלבנות, and in Persian کلاه‌سفیدها;", "白头盔"],
}  # fmt: skip


def _text(name: str) -> str:
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


def _project(path: Path, names: list[str], *, claims: bool = True) -> dict[str, int]:
    session = Session.open(path, "t", seed=False)
    drafts = [ArticleDraft(n, _text(n)) for n in names]
    imported, _ = ops.import_articles(session.db, drafts, "t")
    ids = {n: imp.article_id for n, imp in zip(names, imported, strict=True)}
    if claims:
        for name in names:
            text = _text(name)
            for quote in CLAIMS[name]:
                start = text.index(quote)
                ops.mark_claim(session.db, ids[name], start, start + len(quote), "t")
    session.close()
    return ids


def _open(window: MainWindow, qtbot: QtBot, article_id: int) -> None:
    articles = window.navigator.articles
    row = articles.row_of(article_id)
    assert row is not None
    rect = window.navigator.list.visualRect(articles.index(row, 0))
    qtbot.mouseClick(window.navigator.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())  # fmt: skip
    assert window.article is not None and window.article.id == article_id
    window.reader.document().documentLayout().blockBoundingRect(
        window.reader.document().lastBlock())  # lay everything out
    QApplication.processEvents()


Pieces = dict[float, list[tuple[float, float]]]  # line top -> [(x1, x2)] left to right


def _union(rects: list[tuple[float, float, float]]) -> Pieces:
    """Per line top, the x intervals covered by ``(top, x1, x2)``, touching ones joined."""
    out: Pieces = {}
    for top, x1, x2 in sorted(rects):
        if x2 <= x1:
            continue
        line = out.setdefault(top, [])
        if line and x1 <= line[-1][1] + 0.5:
            line[-1] = (line[-1][0], max(line[-1][1], x2))
        else:
            line.append((x1, x2))
    return out


def _glyph_count(line: QTextLine, rel: int, length: int) -> int:
    return sum(len(run.glyphIndexes()) for run in line.glyphRuns(rel, length))


def _glyph_union(reader: ReaderView, start: int, end: int) -> Pieces:
    """What a claim on ``[start, end)`` (Qt positions, within one paragraph) should
    cover: each character's own glyphs, asked of Qt one character at a time. A letter
    with its marks (one cursor step), and characters drawn as one glyph (the Arabic
    lam-alef ligature), are asked for together: Qt splits a ligature's width among its
    characters in the wrong order in right-to-left text, and places marks by their
    base."""
    offset = scroll_offset(reader)
    block: QTextBlock = reader.document().findBlock(start)
    layout = block.layout()
    origin = layout.position() + offset
    found: list[tuple[float, float, float]] = []
    clusters = []  # [start, end) of each letter with its marks
    pos = start
    while pos < end:
        rel = pos - block.position()
        step = max(1, min(end - block.position(), layout.nextCursorPosition(rel)) - rel)
        clusters.append((rel, rel + step))
        pos += step
    merged: list[tuple[int, int]] = []
    for a, b in clusters:  # join the clusters one glyph is drawn for
        if merged:
            pa, pb = merged[-1]
            line = layout.lineForTextPosition(pa)
            if (line.lineNumber() == layout.lineForTextPosition(a).lineNumber()
                    and _glyph_count(line, pa, b - pa)
                    < _glyph_count(line, pa, pb - pa) + _glyph_count(line, a, b - a)):  # fmt: skip
                merged[-1] = (pa, b)
                continue
        merged.append((a, b))
    for a, b in merged:
        line = layout.lineForTextPosition(a)
        assert line.isValid()
        for run in line.glyphRuns(a, b - a):
            box = run.boundingRect().translated(origin)
            found.append((round(line.y() + origin.y(), 2), box.left(), box.right()))
    return _union(found)


def _painted(reader: ReaderView, start: int, end: int) -> Pieces:
    block = reader.document().findBlock(start)
    rects = list(range_rects(block, start, end, scroll_offset(reader)))
    return _union([(round(r.top(), 2), r.left(), r.right()) for r in rects])


def _same(a: Pieces, b: Pieces) -> bool:
    if sorted(a) != sorted(b):
        return False
    for top, pieces in a.items():
        other = b[top]
        if len(pieces) != len(other):
            return False
        if any(abs(p[0] - q[0]) > 0.5 or abs(p[1] - q[1]) > 0.5
               for p, q in zip(pieces, other, strict=True)):  # fmt: skip
            return False
    return True


@pytest.mark.parametrize("name", list(CLAIMS))
def test_every_claim_is_painted_over_exactly_its_glyphs(
    name: str, make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    ids = _project(project_path, [name])
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids[name])
    reader = window.reader
    text = _text(name)
    pieces_seen = 0
    for quote in CLAIMS[name]:
        start = text.index(quote)
        qs, qe = reader._map.to_qt(start), reader._map.to_qt(start + len(quote))
        expected = _glyph_union(reader, qs, qe)
        painted = _painted(reader, qs, qe)
        assert expected, quote
        assert _same(painted, expected), (quote, painted, expected)
        pieces_seen += sum(len(p) for p in expected.values())
    assert pieces_seen >= len(CLAIMS[name])


def test_a_span_across_a_direction_change_is_two_pieces_not_one_box(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    """In an English line quoting Arabic, "السوري, said more" starts at the Arabic
    phrase's visual left end and goes on to the right of the phrase: the Arabic words
    before it, which sit between those pieces, are not covered."""
    ids = _project(project_path, ["mixed"])
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids["mixed"])
    reader, text = window.reader, _text("mixed")
    start = text.index("السوري, said more")
    painted = _painted(reader, reader._map.to_qt(start), reader._map.to_qt(start + 16))
    lines = [p for p in painted.values() if len(p) >= 2]
    assert lines, painted  # a line where the claim is split around other text
    before = text.index("المدني السوري")  # the word before, outside the claim
    gap = _glyph_union(reader, reader._map.to_qt(before), reader._map.to_qt(before + 6))
    for top, gaps in gap.items():
        for g1, g2 in gaps:
            for p1, p2 in painted.get(top, []):
                assert g2 <= p1 + 0.5 or g1 >= p2 - 0.5  # no overlap with the claim


def _pixels(window: MainWindow, box: QRect) -> list[int]:
    QApplication.processEvents()
    window.reader.viewport().repaint()
    origin = window.reader.viewport().mapTo(window, box.topLeft())
    shot = QGuiApplication.primaryScreen().grabWindow(window.winId()).toImage()
    image = shot.copy(QRect(origin, box.size()))
    return [image.pixel(x, y) for x in range(image.width()) for y in range(image.height())]


@pytest.mark.parametrize("name", ["ar", "mixed"])
def test_highlights_are_on_screen_where_the_glyphs_are(
    name: str, make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    """On the window's pixels: inside every expected piece the claim's colour shows;
    between the pieces of a split claim, on the same line, it does not."""
    ids = _project(project_path, [name])
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids[name])
    reader, text = window.reader, _text(name)
    color = reader._colors.background("unverified", 1).rgb()
    checked_gaps = 0
    boxes = {}
    for quote in CLAIMS[name]:
        qs = reader._map.to_qt(text.index(quote))
        block = reader.document().findBlock(qs)
        rects = range_rects(block, qs, qs + len(quote), scroll_offset(reader))
        boxes[quote] = [r.toAlignedRect() for r in rects]
    others = {q: [r for o, rs in boxes.items() if o != q for r in rs] for q in boxes}
    for quote in CLAIMS[name]:
        start = text.index(quote)
        qs, qe = reader._map.to_qt(start), reader._map.to_qt(start + len(quote))
        block = reader.document().findBlock(qs)
        height = block.layout().lineAt(0).height()
        for top, pieces in _glyph_union(reader, qs, qe).items():
            for x1, x2 in pieces:
                inside = QRectF(x1 + 2, top + 2, x2 - x1 - 4, height - 4).toAlignedRect()
                if inside.width() > 2 and reader.viewport().rect().contains(inside):
                    share = _pixels(window, inside).count(color) / max(1, inside.width()
                                                                       * inside.height())
                    assert share > 0.3, (quote, x1, x2)
            for (_, a2), (b1, _) in pairwise(pieces):
                gap = QRectF(a2 + 2, top + 2, b1 - a2 - 4, height - 4).toAlignedRect()
                if gap.width() > 2 and not any(gap.intersects(o) for o in others[quote]):
                    assert color not in _pixels(window, gap), quote
                    checked_gaps += 1
    if name == "mixed":
        assert checked_gaps >= 1


def _glyph_box(reader: ReaderView, cp: int) -> tuple[float, float, float, bool]:
    """(x1, x2, y centre, right-to-left) of the character at code point ``cp``."""
    pos = reader._map.to_qt(cp)
    block = reader.document().findBlock(pos)
    layout = block.layout()
    rel = pos - block.position()
    line = layout.lineForTextPosition(rel)
    origin = layout.position() + scroll_offset(reader)
    (run, *_rest) = line.glyphRuns(rel, 1)
    box = run.boundingRect().translated(origin)
    return box.left(), box.right(), origin.y() + line.y() + line.height() / 2, run.isRightToLeft()


def _drag(reader: ReaderView, start: int, end: int) -> None:
    """Press inside the first character on its reading-start side, drag, release inside
    the last character on its reading-end side (right to left: start on the right)."""
    reader.scroll_to_cp(start)
    x1, x2, y, rtl = _glyph_box(reader, start)
    a = QPoint(round(x2 - 1 if rtl else x1 + 1), round(y))
    x1, x2, y, rtl = _glyph_box(reader, end - 1)
    b = QPoint(round(x1 + 1 if rtl else x2 - 1), round(y))
    viewport = reader.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for step in range(1, 6):
        QTest.mouseMove(viewport, a + (b - a) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


MOUSE = {"ar": "الخوذ البيضاء", "he": "הקסדות הלבנות", "fa": "کلاه‌سفیدها معروف",
         "zh": "三千多名志愿者", "mixed": "نحن لا ننتمي"}  # fmt: skip


@pytest.mark.parametrize("name", list(MOUSE))
def test_marking_by_mouse_stores_the_quote(
    name: str, make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    ids = _project(project_path, [name], claims=False)
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids[name])
    text, quote = _text(name), MOUSE[name]
    start = text.index(quote)
    _drag(window.reader, start, start + len(quote))
    assert window.reader.selection_cp() == (start, start + len(quote))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    assert window.session is not None
    (claim,) = queries.claims_for_article(window.session.db, ids[name])
    assert claim.quote == quote and claim.start == start


@pytest.mark.parametrize("name", list(MOUSE))
def test_marking_by_keyboard_stores_the_quote(
    name: str, make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    """The caret before the quote, then Shift+arrow in the reading direction (Left in a
    right-to-left paragraph) once per character, then Ctrl+M."""
    ids = _project(project_path, [name], claims=False)
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids[name])
    reader = window.reader
    text, quote = _text(name), MOUSE[name]
    start = text.index(quote)
    x1, x2, y, rtl = _glyph_box(reader, start)
    QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier,
                     QPoint(round(x2 - 1 if rtl else x1 + 1), round(y)))  # fmt: skip
    block = reader.document().findBlock(reader._map.to_qt(start))
    forward = Qt.Key.Key_Left if block.textDirection() == Qt.LayoutDirection.RightToLeft \
        else Qt.Key.Key_Right  # fmt: skip
    cursor = reader.textCursor()
    assert reader._map.to_cp(cursor.position()) == start
    for _ in range(len(quote)):
        qtbot.keyClick(reader, forward, SHIFT)
    qtbot.keyClick(reader, Qt.Key.Key_M, CTRL)
    assert window.session is not None
    (claim,) = queries.claims_for_article(window.session.db, ids[name])
    assert claim.quote == quote


@pytest.mark.parametrize("name", ["ar", "mixed", "fa"])
def test_hovering_a_claim_finds_it(
    name: str, make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    """The character under the pointer is the one whose glyph is there, in right-to-left
    runs too: every character of every claim, pointed at in its glyph's middle, names
    that claim; the character just outside does not."""
    ids = _project(project_path, [name])
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids[name])
    reader, text = window.reader, _text(name)
    assert window.session is not None
    claims = {c.quote: c.id for c in queries.claims_for_article(window.session.db, ids[name])}
    for quote in CLAIMS[name]:
        start = text.index(quote)
        for cp in range(start, start + len(quote)):
            if text[cp].isspace() or text[cp] == "\u200c":
                continue
            x1, x2, y, _rtl = _glyph_box(reader, cp)
            if x2 - x1 < 2:
                continue
            point = QPoint(round((x1 + x2) / 2), round(y))
            assert claims[quote] in reader.claims_at(point), (quote, cp, text[cp])


def test_double_click_selects_the_word_under_the_pointer(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    ids = _project(project_path, ["ar"], claims=False)
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids["ar"])
    text = _text("ar")
    for word in ("البيضاء", "المتطوعين", "المنظمة"):
        start = text.index(word)
        x1, x2, y, _rtl = _glyph_box(window.reader, start + 2)
        QTest.mouseDClick(window.reader.viewport(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, QPoint(round((x1 + x2) / 2), round(y)))
        assert window.reader.selection_cp() == (start, start + len(word)), word
