"""Languages found for many texts together are the ones found one text at a time: the
batched walk over py3langid's model gives py3langid's own answers on every corpus we
keep (news in Arabic, Persian, Hebrew, Chinese, Japanese, French, English, mixed), whole
and paragraph by paragraph."""

from __future__ import annotations

from pathlib import Path

import py3langid
import pytest

from factcheck.core.language import _sample, detect, detect_languages, detect_many
from factcheck.core.language_model import BATCH_MIN, classify_many

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / "seeds", *(p for p in (ROOT / "tests" / "data").rglob("*") if p.is_dir())]


def _texts() -> list[str]:
    """Every article of the corpora, then each of its paragraphs (short texts too)."""
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in CORPORA for p in sorted(folder.glob("*"))
             if p.suffix in (".txt", ".html", ".md")]  # fmt: skip
    return texts + [para for t in texts for para in t.split("\n\n") if para.strip()]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_the_batch_gives_py3langid_s_answers(texts: list[str]) -> None:
    samples = [_sample(t) for t in texts]
    expected = [str(py3langid.classify(s)[0]) for s in samples]
    assert len(samples) > 50 * BATCH_MIN
    assert {"ar", "fa", "he", "zh", "ja", "fr", "en"} <= set(expected)  # not all English
    assert classify_many(samples) == expected
    # in batches of every size around the one where the batch takes over
    for size in (1, BATCH_MIN - 1, BATCH_MIN, BATCH_MIN + 1, 200):
        chunk = samples[:size]
        assert classify_many(chunk) == expected[:size]


def test_texts_without_a_feature_the_model_knows() -> None:
    odd = ["", " ", "\n\n", "\x00\x01", "!!!!", "١٢٣", "𝔸𝔹ℂ", "\ud800 lone surrogate"]
    batch = odd * BATCH_MIN
    assert classify_many(batch) == [str(py3langid.classify(t)[0]) for t in batch]


def test_detect_many_is_detect_one_text_at_a_time(texts: list[str]) -> None:
    assert detect_many(texts) == [detect(t) for t in texts]
    assert detect_languages(texts[:3]) == [detect(t)[0] for t in texts[:3]]
    assert detect_many([]) == []


def test_loaded_once_whoever_asks_first(texts: list[str]) -> None:
    """The background load an import starts and the threads that classify meanwhile
    share one model and give the same answers."""
    import threading

    from factcheck.core import language_model

    samples = [_sample(t) for t in texts[:40]]
    expected = [str(py3langid.classify(s)[0]) for s in samples]
    language_model.warm_up()
    got: list[list[str]] = []
    workers = [threading.Thread(target=lambda: got.append(classify_many(samples)))
               for _ in range(3)]  # fmt: skip
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert got == [expected] * 3
    assert len(language_model._LOADED) == 1


def test_another_model_layout_falls_back_to_py3langid(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were py3langid to hold its model otherwise, each text goes through its own
    classify: the same answers, only slower."""
    from py3langid import langid

    from factcheck.core import language_model

    real = langid._get_identifier()

    class Other:  # classifies, but has none of the automaton's arrays
        def classify(self, text: str) -> tuple[str, float]:
            return real.classify(text)  # type: ignore[no-any-return]

    monkeypatch.setattr(language_model, "_LOADED", [])
    monkeypatch.setattr(language_model, "_FOLDER", [])  # no copy: py3langid's own load
    monkeypatch.setattr(langid, "_get_identifier", Other)
    samples = [_sample(t) for t in texts[: 3 * BATCH_MIN]]
    expected = [str(py3langid.classify(s)[0]) for s in samples]
    assert language_model._model()[1] is None
    assert classify_many(samples) == expected


def test_labels_written_in_two_scripts() -> None:
    """Serbian and Uzbek are each two columns of the model (Cyrillic and Latin): the
    batch keeps the better of the two, as py3langid does, in every row of the batch."""
    texts = [
        "Влада Србије је данас саопштила да ће нови закон ступити на снагу следеће године.",
        "Vlada Srbije je danas saopštila da će novi zakon stupiti na snagu sledeće godine.",
        "Oʻzbekiston hukumati bugun yangi qonun kelasi yildan kuchga kirishini maʼlum qildi.",
        "Ўзбекистон ҳукумати бугун янги қонун келаси йилдан кучга киришини маълум қилди.",
        "The government said today that the new law will take effect next year.",
    ]
    batch = texts * BATCH_MIN
    expected = [str(py3langid.classify(t)[0]) for t in batch]
    assert {"sr", "uz"} <= set(expected)
    assert classify_many(batch) == expected
