"""Where claims lie in the reader, and how stacked claims are drawn: plain Python.

Positions here are Qt document positions (see :mod:`factcheck.ui.common.positions`). Claims may
nest or overlap; a stretch of text covered by several claims is drawn in the colour of
the *innermost* one (the shortest; the later-starting, then the newer, at a tie) and
more strongly the more claims cover it, so every claim stays visible. Clicking cycles
through a stack innermost-first.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from operator import attrgetter, lt, sub
from typing import NamedTuple


class Span(NamedTuple):
    """One claim's extent in the document, and what colours it (immutable: a changed
    claim is a new span)."""

    claim_id: int
    start: int
    end: int
    status: str
    # Set by factcheck.ui.common.placement_style.span_for: a lost claim's span is a marker, not
    # its quote, so it is not coloured (but still found by stack_at, so clickable).
    drawn: bool = True
    placement: str = "exact"

    def sort_key(self) -> tuple[int, int, int]:
        """Text order: by start, longer first at a tie, then by id."""
        return (self.start, -self.end, self.claim_id)

    def depth_key(self) -> tuple[int, int, int]:
        """Innermost first: shorter, then later-starting, then newer."""
        return (self.end - self.start, -self.start, -self.claim_id)


# Span((...)) without the NamedTuple's Python-level __new__, for building thousands.
new_span = partial(tuple.__new__, Span)


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text over which the same claims are stacked."""

    start: int
    end: int
    top: Span  # the innermost claim covering the stretch
    depth: int  # how many claims cover it (>= 1)


class SpanIndex:
    """The claims of the open article, sorted by start, with the queries the reader needs.

    Built from thousands of spans without Python code per span (the starts, the id
    lookup and the longest span are taken in C): opening a long article costs about
    what laying out its text does. Adding, removing or recolouring one claim is O(n)
    list work at worst and never touches the other spans, which is what keeps marking
    a claim within one frame.
    """

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        items = list(spans)
        starts = list(map(_start, items))
        # Usually given in text order with distinct starts: two cheap checks, no sort.
        if not (all(map(lt, starts, starts[1:])) or _in_order(items)):
            items.sort(key=Span.sort_key)
            starts = list(map(_start, items))
        self._spans = items
        self._starts = starts
        self._by_id: dict[int, Span] = dict(zip(map(_claim_id, items), items, strict=True))
        self._max_len = max(map(sub, map(_end, items), starts), default=0)

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self._spans)

    def get(self, claim_id: int) -> Span | None:
        return self._by_id.get(claim_id)

    def add(self, span: Span) -> None:
        if span.claim_id in self._by_id:
            self.remove(span.claim_id)
        key = span.sort_key()
        i = bisect_left(self._starts, span.start)
        while i < len(self._spans) and self._spans[i].start == span.start \
                and self._spans[i].sort_key() < key:  # fmt: skip
            i += 1
        self._starts.insert(i, span.start)
        self._spans.insert(i, span)
        self._by_id[span.claim_id] = span
        self._max_len = max(self._max_len, span.end - span.start)

    def remove(self, claim_id: int) -> Span | None:
        span = self._by_id.pop(claim_id, None)
        if span is not None:
            i = bisect_left(self._starts, span.start)
            while self._spans[i].claim_id != claim_id:  # among the spans sharing its start
                i += 1
            del self._starts[i], self._spans[i]
        return span

    def overlapping(self, lo: int, hi: int) -> list[Span]:
        """Spans sharing at least one position with ``[lo, hi)``, in text order."""
        first = bisect_left(self._starts, lo - self._max_len)
        last = bisect_left(self._starts, hi)
        return [s for s in self._spans[first:last] if s.end > lo]

    def stack_at(self, pos: int) -> list[Span]:
        """The spans covering the character at ``pos``, innermost first."""
        return sorted(self.overlapping(pos, pos + 1), key=Span.depth_key)

    def segments(self, lo: int, hi: int) -> list[Segment]:
        """The highlighted stretches of ``[lo, hi)``, in order (unclaimed text omitted).

        A sweep over span edges with a heap of the active spans: O(k log k) for k spans
        in the range, so one paragraph holding thousands of claims is still fine.
        """
        spans = [s for s in self.overlapping(lo, hi) if s.drawn]
        if not spans:
            return []
        edges: dict[int, list[tuple[bool, Span]]] = {}
        for s in spans:
            edges.setdefault(max(s.start, lo), []).append((True, s))
            edges.setdefault(min(s.end, hi), []).append((False, s))
        points = sorted(edges)
        active: set[int] = set()
        heap: list[tuple[tuple[int, int, int], Span]] = []
        out: list[Segment] = []
        for here, after in pairwise(points):
            for opening, s in edges[here]:
                if opening:
                    active.add(s.claim_id)
                    heapq.heappush(heap, (s.depth_key(), s))
                else:
                    active.discard(s.claim_id)
            while heap and heap[0][1].claim_id not in active:
                heapq.heappop(heap)
            if heap:
                out.append(Segment(here, after, heap[0][1], len(active)))
        return out


_start, _end, _claim_id = attrgetter("start"), attrgetter("end"), attrgetter("claim_id")


def _in_order(items: list[Span]) -> bool:
    """Whether ``items`` are in text order (starts may repeat)."""
    keys = list(map(Span.sort_key, items))
    return all(map(lt, keys, keys[1:]))


def next_in_stack(stack: list[Span], current: int | None) -> Span | None:
    """The claim a click on this stack selects: the innermost, or — when the current
    claim is in the stack — the next one outward (wrapping round)."""
    if not stack:
        return None
    ids = [s.claim_id for s in stack]
    if current in ids:
        return stack[(ids.index(current) + 1) % len(stack)]
    return stack[0]
