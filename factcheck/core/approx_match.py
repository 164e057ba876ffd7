"""Approximate substring search: the bit-parallel algorithm of Myers (1999).

Why this exists: re-anchoring a claim whose text was edited needs "where does this quote
occur with the fewest edits?", and the Hypothesis client answers that question with the
``approx-string-match`` JavaScript library.  To score candidates the same way Hypothesis
does (see :mod:`factcheck.core.anchoring`) we need the same search semantics, so this is
an independent Python implementation of that library's contract:

``search(text, pattern, max_errors)`` returns every match whose edit distance
(Levenshtein: insertions, deletions, substitutions, each cost 1) is the *minimum*
over the whole text, provided that minimum is ``<= max_errors``.  Matches are ordered by
increasing ``end``; each distinct end position appears once.  For each end the start is
found by searching the reversed pattern backwards over a short window ending there, and
when several starts are possible the earliest one (the longest match) wins.

Differences from the JavaScript library, all deliberate:

* Offsets are Python string indices (Unicode code points), not UTF-16 code units.  An
  astral character such as an emoji is therefore one character here and costs one edit,
  where the JS library sees two code units and may count two edits.
* The bit vectors are Python ints of arbitrary width, so the whole pattern is one
  "block": no 32-bit block bookkeeping and no per-block Ukkonen cut-off.  In CPython the
  per-character interpreter overhead dominates, and a single wide int beats a loop over
  64-bit blocks for every pattern length we measured (``bench/bench_reanchor.py
  --myers`` prints the comparison; :func:`_match_ends_blocked` is kept as the reference
  blocked variant and as a test oracle).

Cost: O(len(text)) Python-level steps of ~15 int operations each (about 1 µs per text
character), whatever ``max_errors`` is.  Callers that search large texts should search a
window first (the re-anchoring code does).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Match", "min_errors", "search"]


@dataclass(frozen=True, slots=True)
class Match:
    """``pattern`` matches ``text[start:end]`` with ``errors`` edits."""

    start: int
    end: int
    errors: int


def _pattern_bitmasks(pattern: str) -> dict[str, int]:
    """Per character of ``pattern``, an int with bit ``i`` set where ``pattern[i]`` is it."""
    peq: dict[str, int] = {}
    bit = 1
    for ch in pattern:
        peq[ch] = peq.get(ch, 0) | bit
        bit <<= 1
    return peq


def _match_ends(text: str, pattern: str, max_errors: int) -> tuple[list[int], int]:
    """End offsets of the best matches of ``pattern`` in ``text``, and their error count.

    Scans ``text`` once, keeping the last row of the edit-distance matrix implicitly as
    vertical delta bit vectors (``pv``: +1 deltas, ``mv``: -1 deltas).  The threshold is
    "ratcheted": once a match with ``e`` errors is seen, only matches with ``<= e`` errors
    are kept from then on, and a strictly better one discards the earlier ones.  Returns
    ``([], -1)`` when nothing is within ``max_errors``.
    """
    m = len(pattern)
    if m == 0 or max_errors < 0:
        return [], -1
    k = min(max_errors, m)
    get = _pattern_bitmasks(pattern).get
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv = mask  # column 0 of the matrix is 0, 1, ..., m: every vertical delta is +1
    mv = 0
    score = m  # D[m][j]: edits needed for the whole pattern to end at text offset j
    ends: list[int] = []
    for j, ch in enumerate(text, 1):
        eq = get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | ~(xh | pv)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        # Row 0 is all zeros (a match may start anywhere), so nothing is shifted in.
        ph <<= 1
        mh <<= 1
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
        if score <= k:
            if score < k:
                ends.clear()
                k = score
            ends.append(j)
    if not ends:
        return [], -1
    return ends, k


def _match_ends_blocked(
    text: str, pattern: str, max_errors: int, word: int = 64
) -> tuple[list[int], int]:
    """Same contract as :func:`_match_ends`, computed with fixed-width blocks.

    This is the classic formulation for machine words (the JS library uses 32-bit
    blocks): the pattern is cut into blocks of ``word`` rows, a block passes its
    horizontal delta at the bottom row to the next block as a carry, and only the
    blocks that can still hold a value ``<= max_errors`` are computed (Ukkonen's
    cut-off).  Kept for measurement (it is slower in CPython than one wide int) and as
    an independent oracle in the tests.
    """
    m = len(pattern)
    if m == 0 or max_errors < 0:
        return [], -1
    k = min(max_errors, m)
    nblocks = (m + word - 1) // word
    full = (1 << word) - 1
    # Per character, its bitmask within each block.
    peq: dict[str, list[int]] = {}
    for i, ch in enumerate(pattern):
        masks = peq.setdefault(ch, [0] * nblocks)
        masks[i // word] |= 1 << (i % word)
    empty = [0] * nblocks
    block_rows = [word] * nblocks
    block_rows[-1] = m - word * (nblocks - 1)
    block_mask = [(1 << r) - 1 for r in block_rows]
    block_high = [1 << (r - 1) for r in block_rows]
    pv = [full & mask for mask in block_mask]
    mv = [0] * nblocks
    # score[b]: D value at the bottom row of block b for the current column.
    score = [word * (b + 1) for b in range(nblocks)]
    score[-1] = m
    last = max(0, -(-k // word) - 1)  # index of the last active block
    ends: list[int] = []

    def advance(b: int, eqs: list[int], carry: int) -> int:
        """Advance block ``b`` by one text character; return its bottom horizontal delta."""
        eq = eqs[b]
        p = pv[b]
        n = mv[b]
        mask = block_mask[b]
        if carry < 0:
            eq |= 1
        xv = eq | n
        xh = (((eq & p) + p) ^ p) | eq
        ph = (n | ~(xh | p)) & mask
        mh = p & xh & mask
        high = block_high[b]
        out = 1 if ph & high else (-1 if mh & high else 0)
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        if carry > 0:
            ph |= 1
        elif carry < 0:
            mh |= 1
        pv[b] = (mh | ~(xv | ph)) & mask
        mv[b] = ph & xv
        return out

    for j, ch in enumerate(text, 1):
        eqs = peq.get(ch, empty)
        carry = 0
        for b in range(last + 1):
            carry = advance(b, eqs, carry)
            score[b] += carry
        if last < nblocks - 1 and score[last] - carry <= k and (eqs[last + 1] & 1 or carry < 0):
            # The next block may now hold values <= k: start it from the "all +1"
            # state its values would have if they were all above the threshold.
            last += 1
            pv[last] = block_mask[last]
            mv[last] = 0
            score[last] = score[last - 1] + block_rows[last] - carry
            score[last] += advance(last, eqs, carry)
        else:
            while last > 0 and score[last] >= k + word:
                last -= 1
        if last == nblocks - 1 and score[last] <= k:
            if score[last] < k:
                ends.clear()
                k = score[last]
            ends.append(j)
    if not ends:
        return [], -1
    return ends, k


def search(text: str, pattern: str, max_errors: int) -> list[Match]:
    """All best approximate matches of ``pattern`` in ``text``.

    Contract (that of ``approx-string-match``, in code points): every match has the
    minimum edit distance found anywhere in ``text``, which is at most ``max_errors``
    (clamped to ``len(pattern)``); matches come in increasing ``end`` order, one per
    end.  The start of each match is the earliest start that reaches that error count
    within the window ``[end - len(pattern) - errors, end)``.  An empty pattern or text,
    or a negative ``max_errors``, gives ``[]``.
    """
    ends, errors = _match_ends(text, pattern, max_errors)
    if not ends:
        return []
    m = len(pattern)
    if errors == 0:
        return [Match(end - m, end, 0) for end in ends]
    reversed_pattern = pattern[::-1]
    matches: list[Match] = []
    for end in ends:
        window_start = max(0, end - m - errors)
        rev_ends, _ = _match_ends(text[window_start:end][::-1], reversed_pattern, errors)
        # A reverse match ending at r means a forward match starting at end - r; the
        # largest r is the longest match.
        start = end - max(rev_ends) if rev_ends else end
        matches.append(Match(start, end, errors))
    return matches


def min_errors(text: str, pattern: str) -> int | None:
    """The smallest edit distance of ``pattern`` to any substring of ``text``.

    Equal to ``search(text, pattern, len(pattern))[0].errors`` but cheaper (no start
    search, and an exact occurrence is found with ``str.find``).  None when either
    string is empty, because then ``search`` finds nothing.
    """
    if not pattern or not text:
        return None
    if pattern in text:
        return 0
    _, errors = _match_ends(text, pattern, len(pattern))
    return errors
