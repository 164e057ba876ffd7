"""Turning a file's bytes into text, or refusing it with a reason a person understands.

Order: a byte-order mark decides; else UTF-16 without a mark when the zero bytes say so
(every other byte zero, as Windows tools write mostly-Latin text); else strict UTF-8;
else the encoding charset-normalizer detects with reasonable confidence. Binary data is
refused before any guessing, because a detector will happily "decode" a JPEG as some
legacy code page.

Decoded text holding a NUL character anywhere (not only in the first 8 KiB the binary
test looks at) is refused, not cleaned: a NUL in an article is a sign of a damaged or
binary file, and claims are anchored in the text as stored.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from factcheck.errors import ImportRefused

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never appear in text (tab, LF, FF, CR and ESC excepted).
_CONTROL = bytes(
    sorted(set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x1B)) | set(range(0x1C, 0x20)))
)


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold a NUL byte or more than 10% control bytes."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls / len(head) > 0.10


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``data`` looks like BOM-less UTF-16 text (at least
    40% of the high bytes zero and almost none of the low ones), else None."""
    head = data[:8192]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd >= 0.4 and zero_even <= 0.02:
        return "utf-16-le"
    if zero_even >= 0.4 and zero_odd <= 0.02:
        return "utf-16-be"
    return None


def _refuse_nul(text: str, name: str) -> str:
    at = text.find("\x00")
    if at >= 0:
        line = text.count("\n", 0, at) + 1
        raise ImportRefused(f"{name}: holds a NUL character (line {line}), so it is binary "
                            "or damaged, not text")  # fmt: skip
    return text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else in the text changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, name: str) -> str:
    """Decode ``data`` (the content of file ``name``) to text with LF line endings.

    Raises :class:`ImportRefused` naming ``name`` when the bytes are binary or cannot be
    decoded with confidence.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _refuse_nul(normalise_newlines(data[len(bom) :].decode(encoding)), name)
            except UnicodeDecodeError as exc:
                raise ImportRefused(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start})"
                ) from None
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        try:
            return _refuse_nul(normalise_newlines(data.decode(utf16)), name)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: the binary test decides
    if looks_binary(data):
        raise ImportRefused(f"{name}: looks like a binary file, not text")
    try:
        return _refuse_nul(normalise_newlines(data.decode("utf-8")), name)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ImportRefused(f"{name}: cannot tell which text encoding it uses")
    return _refuse_nul(normalise_newlines(str(best)), name)
