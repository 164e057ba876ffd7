"""Bytes to text: BOMs, UTF-8, detected legacy encodings, refusal of binary data."""

from __future__ import annotations

import codecs

import pytest

from factcheck.core.decoding import decode_text, looks_binary, normalise_newlines
from factcheck.errors import ImportRefused

SAMPLE = "Raed al Saleh – “the White Helmets” – 2,700-strong\nNext line é ü\n"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_mark_decides_and_is_dropped(bom: bytes, encoding: str) -> None:
    assert decode_text(bom + SAMPLE.encode(encoding), "a.txt") == SAMPLE


def test_plain_utf8() -> None:
    assert decode_text(SAMPLE.encode("utf-8"), "a.txt") == SAMPLE


def test_legacy_encoding_is_detected() -> None:
    text = (
        "Les Casques blancs sont des secouristes bénévoles. Ils interviennent après les "
        "frappes aériennes, déblaient les décombres et évacuent les blessés vers les hôpitaux. "
    ) * 4
    assert decode_text(text.encode("cp1252"), "fr.txt") == text


def test_line_endings_are_normalised_and_nothing_else_changes() -> None:
    assert normalise_newlines("a\r\nb\rc\n\td  ") == "a\nb\nc\n\td  "
    assert decode_text(b"one\r\ntwo\r\n", "w.txt") == "one\ntwo\n"


def test_binary_is_refused_naming_the_file() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert looks_binary(png)
    with pytest.raises(ImportRefused, match=r"^photo\.txt: looks like a binary file"):
        decode_text(png, "photo.txt")


def test_bad_bom_payload_is_refused() -> None:
    with pytest.raises(ImportRefused, match="byte-order mark"):
        decode_text(codecs.BOM_UTF8 + b"\xff\xfe\xfa", "x.txt")
