"""Turning a file's bytes into text, or refusing it with a reason a person understands.

Order: a byte-order mark decides; else strict UTF-8; else the encoding charset-normalizer
detects with reasonable confidence. Binary data is refused before any guessing, because
a detector will happily "decode" a JPEG as some legacy code page.
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
                return normalise_newlines(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as exc:
                raise ImportRefused(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start})"
                ) from None
    if looks_binary(data):
        raise ImportRefused(f"{name}: looks like a binary file, not text")
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ImportRefused(f"{name}: cannot tell which text encoding it uses")
    return normalise_newlines(str(best))
