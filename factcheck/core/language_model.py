"""py3langid's model, applied to many texts at once with the same answers.

py3langid walks each text's UTF-8 bytes through its n-gram automaton one byte at a time
in Python (about 0.3 ms for the 600 characters :mod:`factcheck.core.language` samples),
which dominated importing. Here the walk steps every text of a batch together, one
NumPy step per byte position, and each text is then scored exactly as py3langid scores
it: the same features counted in the same order, the same arithmetic on the same model
(so the same language, which the tests check against ``py3langid.classify``). A batch
smaller than :data:`BATCH_MIN` goes through py3langid itself, where NumPy's per-step
cost would outweigh the walk it saves, and so does every text if py3langid ever holds
its model otherwise than version 0.4 does.

The model is loaded once per process, on first use, or ahead of it in the background
(:func:`warm_up`: an import starts it before reading its files). py3langid decompresses
it each time (most of a second); where the application names a folder
(:func:`keep_copy_in`), the decompressed arrays are kept there once and read back in a
few tens of milliseconds by later processes (:mod:`factcheck.core.language_cache`, which
checks the copy and falls back to py3langid's own loading whenever it is not sound).
"""

from __future__ import annotations

import itertools
import threading
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from factcheck.core import language_cache

BATCH_MIN = 8  # texts classified together below which py3langid classifies them one by one

_LOCK = threading.Lock()  # one load, and one writer of the float32 rows, at a time
_LOADED: list[Any] = []
_FOLDER: list[Callable[[], Path | None]] = []  # see keep_copy_in
LOADED_FROM: list[str] = []  # how the model was loaded: "copy", "py3langid", ...


def _model() -> Any:
    """py3langid's identifier (the one its own ``classify`` uses), with the automaton
    as NumPy arrays for the batched walk; loaded by the first caller, whom any other
    waits for."""
    with _LOCK:
        if not _LOADED:
            _LOADED.append(_load())
    return _LOADED[0]


def warm_up() -> None:
    """Start loading the model in a background thread unless it is loaded, so that
    work done meanwhile (reading the files to import) hides its load time."""
    if not _LOADED:
        threading.Thread(target=_model, name="language model", daemon=True).start()


def keep_copy_in(folder: Callable[[], Path | None]) -> None:
    """Where a decompressed copy of the model may be kept (:mod:`language_cache`):
    ``folder`` is asked when the model loads (None: keep none). The application
    names its cache folder; the core reads no application paths."""
    _FOLDER[:] = [folder]


def _copy_path() -> Path | None:
    """Where this py3langid's model would be kept decompressed, if anywhere."""
    if not _FOLDER:
        return None
    try:
        import py3langid
        from py3langid import langid

        folder = _FOLDER[0]()
        if folder is None:
            return None
        version = str(getattr(py3langid, "__version__", "unknown"))
        return folder / language_cache.file_name(version, langid.MODEL_DIR / langid.MODEL_FILE)
    except (OSError, AttributeError, TypeError, ValueError):
        return None


def _from_copy(path: Path) -> Any:
    """The model read from its decompressed copy at ``path``, as :func:`_load`
    returns it; None when there is no sound copy there."""
    import numpy as np

    arrays = language_cache.read(path)
    if arrays is None:
        return None
    try:
        ptc, pc, classes = arrays["ptc"], arrays["pc"], arrays["classes"]
        moves, rows, output = arrays["nextmove"], arrays["row"], arrays["output"]
        if ptc.ndim != 2 or ptc.shape[1] != len(pc) or len(pc) != len(classes) \
                or len(rows) != len(output) or int(rows.max()) << 8 >= len(moves) \
                or int(moves.max()) >= len(rows) or int(output.max()) >= len(ptc):  # fmt: skip
            return None  # indexes that would point outside the arrays
        ident = _Identifier(ptc, pc, classes, moves, rows, output)
        pairs = ident.alias_pairs()
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    return _arranged(ident, moves, rows, output.astype(np.int64), pairs)


class _Identifier:
    """py3langid's identifier over the copy's arrays: its table for the batched
    scoring, and its own one-text ``classify``, built the first time it is asked for
    (building it walks every state in Python)."""

    def __init__(self, ptc: Any, pc: Any, classes: list[str], moves: Any, rows: Any,
                 output: Any) -> None:  # fmt: skip
        self.nb_ptc, self.nb_pc, self.nb_classes = ptc, pc, classes
        self._parts = moves, rows, output
        self._built: list[Any] = []

    def _ident(self) -> Any:
        if not self._built:
            from py3langid import langid

            moves, rows, output = self._parts
            self._built.append(langid.LanguageIdentifier(
                self.nb_ptc, self.nb_pc, self.nb_classes, _ints(moves), output.tolist(),
                tk_row=_ints(rows)))  # fmt: skip
        return self._built[0]

    def alias_pairs(self) -> list[tuple[int, int]]:
        """The (first, duplicate) label columns, found by py3langid's own code."""
        from types import SimpleNamespace

        from py3langid import langid

        labels = SimpleNamespace(nb_classes=self.nb_classes)
        langid.LanguageIdentifier._set_alias_pairs(labels)
        return list(labels._alias_pairs)

    def classify(self, text: str) -> tuple[str, float]:
        return self._ident().classify(text)  # type: ignore[no-any-return]


def _ints(array: Any) -> memoryview:
    """``array``'s items as Python ints when indexed (as py3langid's ``array`` gives
    them), without copying it."""
    return memoryview(array).cast("B").cast(array.dtype.char)


def _load() -> Any:
    import numpy as np
    from py3langid import langid

    path = _copy_path()
    if path is not None:
        try:
            model = _from_copy(path)
        except Exception:
            model = None
        if model is not None:
            LOADED_FROM[:] = ["copy"]
            return model
    LOADED_FROM[:] = ["py3langid"]
    ident = langid._get_identifier()
    try:  # the model as py3langid 0.4 holds it: next-state rows shared between states
        moves = np.frombuffer(ident.tk_nextmove, dtype=f"u{ident.tk_nextmove.itemsize}")
        rows = np.frombuffer(ident.tk_row, dtype=f"u{ident.tk_row.itemsize}")
        output = np.asarray(ident.tk_output, dtype=np.int64)  # a state's feature, or -1
        pairs = list(ident._alias_pairs)
        full = ident.nb_ptc is ident._full_model[0]  # not narrowed by set_languages
    except (AttributeError, TypeError, ValueError):  # another layout: py3langid alone
        return ident, None, None, None, None, None, []
    if path is not None and full:
        arrays = {"ptc": np.asarray(ident.nb_ptc), "pc": np.asarray(ident.nb_pc),
                  "nextmove": moves, "row": rows, "output": output.astype(np.int32)}  # fmt: skip
        if language_cache.write(path, arrays, [str(c) for c in ident.nb_classes]):
            LOADED_FROM[:] = ["py3langid, copy written"]
    return _arranged(ident, moves, rows, output, pairs)


def _arranged(ident: Any, moves: Any, rows: Any, output: Any, pairs: list[Any]) -> Any:
    import numpy as np

    rowbase = rows.astype(np.int64) << 8  # a state's row of 256 next states
    # The scores in float32, as py3langid's arithmetic turns its float16 table into
    # before multiplying (converting rows a text needs on each call cost more than the
    # rest of the work); a row is converted the first time a text needs it, so only the
    # features met take memory (all of them: 57 MB).
    table = np.zeros(ident.nb_ptc.shape, dtype=np.float32)
    ready = np.zeros(len(table), dtype=bool)
    return ident, moves, rowbase, output, table, ready, pairs


def _encode(text: str) -> bytes:
    """The bytes py3langid classifies for ``text`` (its ``_encode``)."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")


def classify_many(texts: Sequence[str]) -> list[str]:
    """py3langid's language for each of ``texts`` (the answers of ``py3langid.classify``)."""
    ident, moves, rowbase, output, table, ready, pairs = _model()
    if len(texts) < BATCH_MIN or moves is None:
        return [str(ident.classify(t)[0]) for t in texts]
    import numpy as np

    encoded = [_encode(t) for t in texts]
    lengths = np.array([len(b) for b in encoded])
    width = int(lengths.max())
    data = np.zeros((width, len(encoded)), dtype=np.intp)  # a row per byte position
    for i, b in enumerate(encoded):
        data[: len(b), i] = np.frombuffer(b, dtype=np.uint8)
    # The walk: every text's state advances by its next byte, all texts at once (past a
    # text's end it walks its padding, whose states are then ignored).
    states = np.empty_like(data)
    state = np.zeros(len(encoded), dtype=np.intp)
    for col in range(width):
        state = moves[rowbase[state] + data[col]]
        states[col] = state
    features = output[states.T]  # a row per text
    features[np.arange(width) >= lengths[:, None]] = -1
    # Each text's features once, in the order its walk first met them (as py3langid's
    # Counter holds them: the same order of summation, so the same scores), found for
    # the whole batch at once: a key per (text, feature); a stable sort of the keys
    # puts each key's first place first among its equals, and its count is the length
    # of its run; marking those first places keeps the walk's order, texts in turn.
    found = features >= 0
    texts_of, _ = np.nonzero(found)
    seen = features[found]
    size = len(output)
    keys = texts_of * size + seen
    by_key = np.argsort(keys, kind="stable")
    sorted_keys = keys[by_key]
    starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
    firsts = by_key[starts]  # each key's first place in the walk
    run = np.diff(np.append(starts, len(keys)))
    is_first = np.zeros(len(keys), dtype=bool)
    is_first[firsts] = True
    count_at = np.zeros(len(keys), dtype=np.int64)
    count_at[firsts] = run
    feats = seen[is_first].astype(np.intp)
    counts = count_at[is_first]
    bounds = np.searchsorted(texts_of[is_first], np.arange(len(encoded) + 1))
    with _LOCK:
        needed = np.unique(feats)
        needed = needed[~ready[needed]]
        table[needed] = ident.nb_ptc[needed]
        ready[needed] = True
    prior, labels = ident.nb_pc, ident.nb_classes
    floor = float(np.finfo(np.float32).min)
    scores = np.full((len(encoded), len(labels)), floor, dtype=np.float32)
    weights = np.log1p(counts.astype(np.float32))
    for n, (lo, hi) in enumerate(itertools.pairwise(bounds.tolist())):
        if lo < hi:  # no feature: every class scores the floor; the first wins
            scores[n] = weights[lo:hi] @ table[feats[lo:hi]] + prior
    for i, j in pairs:  # one label written in two scripts: keep the better
        scores[:, i] = np.maximum(scores[:, i], scores[:, j])
        scores[:, j] = floor
    return [str(labels[k]) for k in scores.argmax(axis=1).tolist()]
