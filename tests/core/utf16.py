"""The conformance tables count JavaScript UTF-16 code units; our offsets count code
points. One converter for every test that reads those tables."""

from __future__ import annotations


def utf16_to_code_point(text: str, offset: int) -> int:
    """The code-point index in ``text`` of the UTF-16 code-unit offset ``offset``."""
    units = 0
    index = 0
    while units < offset:
        if index >= len(text):
            raise ValueError(f"UTF-16 offset {offset} is past the end of {text!r}")
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    if units != offset:
        raise ValueError(f"UTF-16 offset {offset} splits a surrogate pair in {text!r}")
    return index
