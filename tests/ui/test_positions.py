"""Code points (claims) vs Qt positions (UTF-16 units, CR LF as one break)."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from factcheck.ui.common.positions import PositionMap

PIECES = ["a", "b", " ", "\n", "\r\n", "😀", "é", "\U0001f468\u200d\U0001f469", "x", "—"]


def test_plain_text_is_the_identity() -> None:
    m = PositionMap("The White Helmets — 3,000 volunteers.\n\nMore.")
    assert m.identity
    assert [m.to_qt(i) for i in range(5)] == [0, 1, 2, 3, 4]
    assert m.to_cp(17) == 17


def test_emoji_shift_later_positions() -> None:
    text = "a😀b😀c"
    m = PositionMap(text)
    assert not m.identity
    assert [m.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [m.to_cp(q) for q in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]


def test_crlf_is_one_position() -> None:
    m = PositionMap("ab\r\ncd")
    assert [m.to_qt(i) for i in range(7)] == [0, 1, 2, 3, 3, 4, 5]
    assert m.to_cp(3) == 4  # the start of "cd"


@pytest.mark.parametrize("seed", range(8))
def test_matches_what_qt_does(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        m = PositionMap(text)
        doc = QTextDocument()
        doc.setPlainText(text)
        assert doc.characterCount() - 1 == m.qt_length()
        cursor = QTextCursor(doc)
        cuts = [i for i in range(len(text) + 1)
                if not (0 < i < len(text) and text[i - 1] == "\r" and text[i] == "\n")]  # fmt: skip
        for a in cuts:
            assert m.to_cp(m.to_qt(a)) == a
            for b in cuts:
                if b < a:
                    continue
                cursor.setPosition(m.to_qt(a))
                cursor.setPosition(m.to_qt(b), QTextCursor.MoveMode.KeepAnchor)
                want = text[a:b].replace("\r\n", "\u2029").replace("\n", "\u2029")
                assert cursor.selectedText() == want
