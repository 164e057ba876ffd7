"""Which language an article is written in, and which way its paragraphs run.

The language comes from py3langid (langid.py's model, offline, ~5 MB, about a
millisecond per article once loaded), corrected by script where its model is weak:
Han text with kana is Japanese, without it Chinese (the model tells Chinese varieties
apart that a newsroom does not), Hangul is Korean. The base direction does not trust the
language alone: it is right to left when most letters are right-to-left letters, or the
language is written that way. A paragraph of an Arabic article that begins with a Latin
name ("White Helmets …") is then still laid out right to left, as its reader expects,
where Qt alone would take the direction from that first word.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not loaded at run time (the command line's start-up)
    from collections.abc import Sequence
    from typing import Literal, TypeAlias

    Direction: TypeAlias = Literal["auto", "ltr", "rtl"]

DIRECTIONS: tuple[Direction, ...] = ("auto", "ltr", "rtl")

# Languages written right to left (ISO 639-1, or 639-3 where there is no 639-1 code).
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"})

SAMPLE_CHARS = 600  # enough for a confident guess in news prose, ~0.4 ms a guess
MIN_LETTERS = 20  # below this, no guess: a title or a caption says too little

_RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
                          "\U00010800-\U00010fff\U0001e800-\U0001efff]")  # fmt: skip
_LETTERS = re.compile(r"[^\W\d_]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")
_HANGUL = re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")

# Every ASCII byte that is not a letter: in ASCII text _LETTERS matches A-Z and a-z only.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def _ascii_letters(sample: str) -> int:
    """How many letters an ASCII ``sample`` holds (what _LETTERS would count, in C)."""
    return len(sample.encode("ascii").translate(None, _ASCII_NON_LETTERS))


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3  # the opening, the middle and the last quarter: a long
    parts = (0, len(text) // 2, len(text) * 3 // 4)  # preamble or quote misleads less
    return "\n".join(text[p : p + third] for p in parts)


def _classify(sample: str) -> str:
    from factcheck.core.language_model import classify_many  # the model loads on first use

    return classify_many([sample])[0]


def _by_script(sample: str) -> str | None:
    """The language of ``sample`` where its letters settle it: "" when there are too few
    to say, Japanese, Chinese or Korean by their scripts; None when the model must say."""
    if sample.isascii():  # most news: no Han, kana or Hangul to count
        return "" if _ascii_letters(sample) < MIN_LETTERS else None
    letters = len(_LETTERS.findall(sample))
    if letters < MIN_LETTERS:
        return ""
    han, kana = len(_HAN.findall(sample)), len(_KANA.findall(sample))
    if han + kana > letters / 2:
        return "ja" if kana > letters / 20 else "zh"
    if len(_HANGUL.findall(sample)) > letters / 2:
        return "ko"
    return None


def detect_language(text: str) -> str:
    """An ISO 639 code ("ar", "en", "zh"…) for ``text``, or "" when too short to say."""
    sample = _sample(text)
    settled = _by_script(sample)
    return _classify(sample) if settled is None else settled


def detect_languages(texts: Sequence[str]) -> list[str]:
    """:func:`detect_language` of each of ``texts`` (the same answers), the model's
    part done for all of them together (several times faster a text in a batch)."""
    from factcheck.core.language_model import classify_many

    samples = [_sample(t) for t in texts]
    found = [_by_script(s) for s in samples]
    asked = [i for i, lang in enumerate(found) if lang is None]
    for i, lang in zip(asked, classify_many([samples[i] for i in asked]), strict=True):
        found[i] = lang
    return [lang or "" for lang in found]


def base_direction(text: str, language: str = "") -> Direction:
    """"rtl" when the language is written right to left or most letters are
    right-to-left letters; "ltr" when there are letters otherwise; "auto" with none."""
    if language in RTL_LANGUAGES:
        return "rtl"
    sample = _sample(text)
    rtl = 0 if sample.isascii() else len(_RTL_LETTERS.findall(sample))
    if rtl == 0:  # the usual case, answered without counting every letter
        return "ltr" if _LETTERS.search(sample) else "auto"
    return "rtl" if rtl * 2 > len(_LETTERS.findall(sample)) else "ltr"


def detect(text: str) -> tuple[str, Direction]:
    """(language, base direction) of an article's text, as stored on import."""
    language = detect_language(text)
    return language, base_direction(text, language)


def detect_many(texts: Sequence[str]) -> list[tuple[str, Direction]]:
    """:func:`detect` of each of ``texts``, the languages found together."""
    return [(lang, base_direction(text, lang))
            for text, lang in zip(texts, detect_languages(texts), strict=True)]  # fmt: skip


def parse_direction(value: str) -> Direction:
    """``value`` as a direction; raises ValueError naming the choices."""
    lowered = value.strip().lower()
    for d in DIRECTIONS:
        if d == lowered:
            return d
    raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {value!r}")


_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def parse_language(value: str) -> str:
    """A BCP 47 language tag as typed ("ar", "zh-Hant", "fa"), or "" for unknown;
    raises ValueError for anything else."""
    tag = value.strip()
    if tag == "":
        return ""
    head, _, rest = tag.partition("-")
    tag = head.lower() + ("-" + rest if rest else "")
    if not _LANGUAGE_CODE.match(tag):
        raise ValueError(f"not a language tag (like ar, en, zh-Hant): {value!r}")
    return tag
