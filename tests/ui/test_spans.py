"""How stacked claims are drawn and clicked (plain Python, no Qt)."""

from __future__ import annotations

from factcheck.ui.common.spans import Segment, Span, SpanIndex, next_in_stack


def _index() -> SpanIndex:
    return SpanIndex([
        Span(1, 0, 20, "unverified"),      # outer
        Span(2, 5, 10, "contradicted"),    # nested in 1
        Span(3, 8, 30, "corroborated"),    # overlaps 1 and 2
        Span(4, 40, 45, "inconclusive"),   # alone
    ])  # fmt: skip


def test_segments_colour_by_innermost_and_deepen_with_overlap() -> None:
    segs = _index().segments(0, 50)
    got = [(s.start, s.end, s.top.claim_id, s.depth) for s in segs]
    assert got == [(0, 5, 1, 1), (5, 8, 2, 2), (8, 10, 2, 3), (10, 20, 1, 2),
                   (20, 30, 3, 1), (40, 45, 4, 1)]  # fmt: skip
    assert all(isinstance(s, Segment) for s in segs)


def test_segments_are_clipped_to_the_range() -> None:
    got = [(s.start, s.end, s.top.claim_id) for s in _index().segments(6, 12)]
    assert got == [(6, 8, 2), (8, 10, 2), (10, 12, 1)]


def test_stack_and_click_cycling() -> None:
    index = _index()
    stack = index.stack_at(9)
    assert [s.claim_id for s in stack] == [2, 1, 3]  # shortest first
    first = next_in_stack(stack, None)
    assert first is not None and first.claim_id == 2
    ids = []
    current = first.claim_id
    for _ in range(3):
        nxt = next_in_stack(stack, current)
        assert nxt is not None
        current = nxt.claim_id
        ids.append(current)
    assert ids == [1, 3, 2]
    assert next_in_stack([], None) is None
    assert index.stack_at(35) == []


def test_add_remove_keep_order() -> None:
    index = _index()
    index.add(Span(5, 6, 7, "unverified"))
    assert [s.claim_id for s in index.stack_at(6)] == [5, 2, 1]
    assert index.remove(2) is not None
    assert [s.claim_id for s in index.stack_at(6)] == [5, 1]
    index.add(Span(1, 0, 20, "corroborated"))  # replacing keeps one entry
    assert len(index) == 4 and index.get(1).status == "corroborated"  # type: ignore[union-attr]
    assert [s.claim_id for s in index] == [1, 5, 3, 4]


def test_many_claims_in_one_paragraph_stay_fast_enough_to_compute() -> None:
    spans = [Span(i, i * 3, i * 3 + 50, "unverified") for i in range(3000)]
    segs = SpanIndex(spans).segments(0, 10_000)
    assert segs[0].depth == 1 and max(s.depth for s in segs) == 17
