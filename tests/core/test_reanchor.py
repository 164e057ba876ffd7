"""Re-anchoring claims on edited revisions of a news article (factcheck.core.anchoring)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from factcheck.core.anchoring import Anchor, Placement, PositionMap, reanchor

PARAGRAPHS = [
    "RIVERTON \u2014 The city council voted 7-2 on Tuesday night to approve a $48 million "
    "budget for the coming fiscal year, ending weeks of public debate over library hours "
    "and road repairs. Mayor Elena Ruiz called the vote \u201ca fair compromise for every "
    "neighbourhood.\u201d",
    "The budget raises property taxes by 2.5 percent, the first increase since 2019. "
    "Council member David Okafor, who voted against the plan, said the increase would hit "
    "retirees on fixed incomes hardest. According to the city's finance office, the avergae "
    "homeowner will pay about $96 more per year.",
    "Library hours, which were cut during the pandemic, will return to six days a week "
    "starting in March. The library director said the change would require hiring four "
    "additional staff members. Road repairs will receive $6.2 million, nearly double last "
    "year's allocation, with work on Main Street scheduled to begin in April.",
    "Not everyone was satisfied. A group of residents from the east side packed the chamber "
    "to protest the closure of the Eastgate swimming pool, which the budget does not fund. "
    "\u201cWe were promised that pool would reopen,\u201d said Maria Chen, a parent of two. "
    "City officials said repairs to the pool would cost at least $3 million.",
    "The council also approved a pilot program for electric buses. Two buses will run on the "
    "downtown loop beginning next summer, funded largely by a state grant of $1.8 million. "
    "Transit director Sam Patel said ridership on the loop has grown 14 percent since last "
    "year.",
    "The budget takes effect on July 1. A public hearing on the tax increase is scheduled for "
    "May 12 at City Hall. Residents can also submit comments online until the end of April, "
    "the city clerk said.",
    "In other business, the council delayed a vote on a proposal to rename Lincoln Park after "
    "a local civil rights leader. Several speakers supported the change, but others asked for "
    "more time to gather public input. The item will return to the agenda in June.",
    "Ruiz, who is in her second term, has said she will not seek re-election next year. Her "
    "term ends in January. At least three candidates have already filed paperwork to run for "
    "the seat, according to the county elections office.",
    "Okafor said he expects the tax increase to dominate the campaign. \u201cPeople feel it in "
    "their wallets every month,\u201d he said. The finance office will publish a detailed "
    "breakdown of the budget on the city website next week.",
]
OLD = "\n\n".join(PARAGRAPHS)

# name -> quote in OLD (each occurs exactly once).
CLAIMS = {
    "after_inserted_paragraph": "voted 7-2 on Tuesday night to approve a $48 million budget",
    "after_insertion_in_its_paragraph": "the first increase since 2019",
    "insertion_inside": "the increase would hit retirees on fixed incomes hardest",
    "typo_fixed_inside": "the avergae homeowner will pay about $96 more per year",
    "sentence_deleted": "The library director said the change would require hiring four "
    "additional staff members.",
    "edit_across_end_boundary": "nearly double last year's allocation",
    "paragraph_moved": "\u201cWe were promised that pool would reopen,\u201d said Maria Chen",
    "untouched": "Two buses will run on the downtown loop beginning next summer",
    "deletion_inside": "A public hearing on the tax increase is scheduled for May 12 at City Hall.",
    "untouched_near_end": "At least three candidates have already filed paperwork to run for "
    "the seat",
}


def make_anchor(text: str, quote: str, occurrence: int = 1, width: int = 32) -> Anchor:
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    return Anchor(start, end, quote, text[max(0, start - width) : start], text[end : end + width])


ANCHORS = [make_anchor(OLD, quote) for quote in CLAIMS.values()]

Paragraphs = list[str]


def insert_paragraph_at_top(p: Paragraphs) -> None:
    p.insert(0, "Editor's note: This story was updated on Wednesday with comments from residents.")


def insert_before_claim(p: Paragraphs) -> None:
    p[1] = p[1].replace(
        "The budget raises", "The budget, approved after a four-hour meeting, raises"
    )


def insert_inside_claim(p: Paragraphs) -> None:
    p[1] = p[1].replace("would hit retirees", "would hit many retirees")


def fix_typo(p: Paragraphs) -> None:
    p[1] = p[1].replace("avergae", "average")


def delete_sentence(p: Paragraphs) -> None:
    p[2] = p[2].replace(
        " The library director said the change would require hiring four additional staff members.",
        "",
    )


def edit_across_boundary(p: Paragraphs) -> None:
    p[2] = p[2].replace("allocation, with work on", "allotment. Work on")


def move_paragraph(p: Paragraphs) -> None:
    p.insert(5, p.pop(3))  # the pool paragraph now follows the hearing paragraph


def delete_inside_claim(p: Paragraphs) -> None:
    p[5] = p[5].replace("May 12 at City Hall.", "May 12.")


# In application order: later edits index paragraphs as the earlier ones left them, so
# the paragraph insertion comes last.
EDITS: dict[str, Callable[[Paragraphs], None]] = {
    "insertion_inside": insert_inside_claim,
    "after_insertion_in_its_paragraph": insert_before_claim,
    "typo_fixed_inside": fix_typo,
    "sentence_deleted": delete_sentence,
    "edit_across_end_boundary": edit_across_boundary,
    "deletion_inside": delete_inside_claim,
    "paragraph_moved": move_paragraph,
    "after_inserted_paragraph": insert_paragraph_at_top,
}

# name -> (kind, text of the new span); None text for orphaned.
EXPECTED: dict[str, tuple[str, str | None]] = {
    "after_inserted_paragraph": ("exact", CLAIMS["after_inserted_paragraph"]),
    "after_insertion_in_its_paragraph": ("exact", "the first increase since 2019"),
    "insertion_inside": ("fuzzy", "the increase would hit many retirees on fixed incomes hardest"),
    "typo_fixed_inside": ("fuzzy", "the average homeowner will pay about $96 more per year"),
    "sentence_deleted": ("orphaned", None),
    "edit_across_end_boundary": ("fuzzy", "nearly double last year's allotment"),
    "paragraph_moved": ("moved", CLAIMS["paragraph_moved"]),
    "untouched": ("exact", CLAIMS["untouched"]),
    "deletion_inside": (
        "fuzzy",
        "A public hearing on the tax increase is scheduled for May 12.",
    ),
    "untouched_near_end": ("exact", CLAIMS["untouched_near_end"]),
}


def edited(*names: str) -> str:
    paragraphs = list(PARAGRAPHS)
    for name, edit in EDITS.items():
        if name in names:
            edit(paragraphs)
    return "\n\n".join(paragraphs)


ALL_EDITS = edited(*EDITS)
ALL_PLACEMENTS = dict(zip(CLAIMS, reanchor(OLD, ALL_EDITS, ANCHORS), strict=True))


def assert_placed(new: str, placement: Placement, kind: str, text: str | None) -> None:
    assert placement.kind == kind, placement
    assert placement.quote == new[placement.start : placement.end]
    if text is None:
        assert placement.start == placement.end
        assert placement.score == 0.0
        return
    assert new[placement.start : placement.end] == text
    assert 0.0 < placement.score <= 1.0
    if kind == "exact":
        assert placement.score == 1.0


@pytest.mark.parametrize("name", list(CLAIMS))
def test_all_edits_at_once(name: str) -> None:
    kind, text = EXPECTED[name]
    assert_placed(ALL_EDITS, ALL_PLACEMENTS[name], kind, text)


@pytest.mark.parametrize("edit", list(EDITS))
def test_each_edit_alone(edit: str) -> None:
    """One edit at a time: its claim lands as expected, every other claim stays exact."""
    new = edited(edit)
    for (name, quote), placement in zip(CLAIMS.items(), reanchor(OLD, new, ANCHORS), strict=True):
        if name == edit:
            kind, text = EXPECTED[name]
            assert_placed(new, placement, kind, text)
        else:
            assert_placed(new, placement, "exact", quote)


def test_fuzzy_scores_rank_the_damage() -> None:
    typo = ALL_PLACEMENTS["typo_fixed_inside"].score
    inserted = ALL_PLACEMENTS["insertion_inside"].score
    assert 0.65 <= inserted < typo < 1.0


def test_identical_text_is_all_exact_in_place() -> None:
    placements = reanchor(OLD, OLD, ANCHORS)
    assert [(p.kind, p.start, p.end, p.score) for p in placements] == [
        ("exact", a.start, a.end, 1.0) for a in ANCHORS
    ]


def test_empty_new_text_orphans_everything() -> None:
    placements = reanchor(OLD, "", ANCHORS)
    assert all(p == Placement(0, 0, "orphaned", 0.0, "") for p in placements)


def test_empty_quote_is_orphaned() -> None:
    placements = reanchor(OLD, ALL_EDITS, [Anchor(10, 10, "", "", "")])
    assert placements[0].kind == "orphaned"


def test_no_anchors() -> None:
    assert reanchor(OLD, ALL_EDITS, []) == []


# ---------------------------------------------------------------------------------------
# Quotes that occur several times

REPEATED = [
    "Shortly after noon, the mayor said the plan was approved by the board.",
    "Residents in the north end were skeptical of the decision.",
    "At the evening briefing, the mayor said the plan was approved by the board, "
    "but gave no details on the cost.",
    "Critics said the figures did not add up.",
    "In a radio interview on Friday, the mayor said the plan was approved by the board.",
]
REPEATED_OLD = "\n\n".join(REPEATED)
QUOTE = "the mayor said the plan was approved by the board"


def test_repeated_quote_exact_in_place_picks_its_own_occurrence() -> None:
    anchors = [make_anchor(REPEATED_OLD, QUOTE, occurrence=n) for n in (1, 2, 3)]
    new = "Updated at 6 p.m.\n\n" + REPEATED_OLD
    placements = reanchor(REPEATED_OLD, new, anchors)
    shift = len("Updated at 6 p.m.\n\n")
    assert [(p.kind, p.start) for p in placements] == [("exact", a.start + shift) for a in anchors]


def test_repeated_quote_moved_paragraph_chosen_by_context() -> None:
    anchor = make_anchor(REPEATED_OLD, QUOTE, occurrence=2)  # the evening briefing
    paragraphs = list(REPEATED)
    paragraphs.append(paragraphs.pop(2))  # the briefing paragraph moves to the end
    new = "\n\n".join(paragraphs)
    (placement,) = reanchor(REPEATED_OLD, new, [anchor])
    briefing = new.index("At the evening briefing, ") + len("At the evening briefing, ")
    assert (placement.kind, placement.start) == ("moved", briefing)
    assert new[placement.start : placement.end] == QUOTE


def test_repeated_quote_without_context_chosen_by_position() -> None:
    # A claim stored without context whose offset is stale: the nearest occurrence wins.
    third = make_anchor(REPEATED_OLD, QUOTE, occurrence=3)
    anchor = Anchor(third.start - 40, third.end - 40, QUOTE, "", "")
    (placement,) = reanchor(REPEATED_OLD, REPEATED_OLD, [anchor])
    assert (placement.kind, placement.start) == ("moved", third.start)


def test_moved_and_edited_claim_is_found_far_away() -> None:
    # The paragraph moves to the end of a long text and the claim's typo is fixed: the
    # window around the old position has nothing, the whole-text search finds it.
    filler = [
        f"Paragraph {i} of routine council minutes, item {i * 7}, no action." for i in range(60)
    ]
    target = "The treasurer confirmed that the reserve fund now holds $12.4 milion in cash."
    old = "\n\n".join(["Opening remarks.", target, *filler])
    new = "\n\n".join(["Opening remarks.", *filler, target.replace("milion", "million")])
    anchor = make_anchor(old, "the reserve fund now holds $12.4 milion in cash")
    (placement,) = reanchor(old, new, [anchor])
    assert placement.kind == "fuzzy"
    assert (
        new[placement.start : placement.end] == "the reserve fund now holds $12.4 million in cash"
    )
    assert placement.start > len(new) // 2


SENTENCES = [m.group() for m in re.finditer(r"[A-Z\u201c][^.!?\n]*[.!?]\u201d?", OLD)]


def test_calibration_every_deleted_sentence_is_orphaned() -> None:
    """No sentence of the article, once deleted, is re-anchored onto its neighbours."""
    assert len(SENTENCES) > 25
    for sentence in SENTENCES:
        anchor = make_anchor(OLD, sentence)
        new = OLD[: anchor.start] + OLD[anchor.end :]
        (placement,) = reanchor(OLD, new, [anchor])
        assert placement.kind == "orphaned", sentence


def with_typo(sentence: str) -> str:
    """Swap two different adjacent letters near the middle."""
    i = len(sentence) // 2
    while not (
        sentence[i].isalpha() and sentence[i + 1].isalpha() and sentence[i] != sentence[i + 1]
    ):
        i += 1
    return sentence[:i] + sentence[i + 1] + sentence[i] + sentence[i + 2 :]


@pytest.mark.parametrize(
    "rewrite_context", [False, True], ids=["context_kept", "context_rewritten"]
)
def test_calibration_every_sentence_with_a_typo_is_fuzzy(rewrite_context: bool) -> None:
    """A typo in any sentence is still found, even when the text around it was rewritten."""
    for sentence in SENTENCES:
        anchor = make_anchor(OLD, sentence)
        typo = with_typo(sentence)
        before, after = OLD[: anchor.start], OLD[anchor.end :]
        if rewrite_context:  # the 32 characters either side become unrelated text
            before = before[:-32] + "Officials declined to comment on it. "[-32:]
            after = " The statement was issued late on a Friday night."[:32] + after[32:]
        new = before + typo + after
        (placement,) = reanchor(OLD, new, [anchor])
        assert placement.kind == "fuzzy", sentence
        assert new[placement.start : placement.end] == typo


def test_similar_sentence_far_away_does_not_adopt_a_deleted_claim() -> None:
    # The claim's sentence is deleted; a sentence from the same template, with another
    # figure and other context, sits far away.  Far from home the stricter thresholds
    # (FAR_FUZZY_*) apply, so the claim is orphaned rather than moved onto it.
    filler = [
        f"Paragraph {i} of routine council minutes, item {i * 7}, no action." for i in range(60)
    ]
    claim = "The measure would cost about $418.9 million over 3 years."
    other = "Separately, officials said the measure would cost about $301.9 million over 5 years."
    old = "\n\n".join(["Opening remarks. " + claim + " Debate followed.", *filler, other])
    new = old.replace(" " + claim, "")
    (placement,) = reanchor(old, new, [make_anchor(old, claim)])
    assert placement.kind == "orphaned"


def test_out_of_range_offsets_are_only_hints() -> None:
    quote = CLAIMS["untouched"]
    for start in (-50, 10**9):
        anchor = Anchor(start, start + len(quote), quote, "", "")
        (placement,) = reanchor(OLD, OLD, [anchor])
        assert (placement.kind, placement.start) == ("moved", OLD.index(quote))


# ---------------------------------------------------------------------------------------
# Astral characters (offsets are code points)


def test_claims_after_astral_characters() -> None:
    old = (
        "\U0001f5de\ufe0f Daily brief \U0001f4f0\n\n"
        "Fans \U0001f389\U0001f389 celebrated as the team won the title in overtime. "
        "Police said the parade route would close at 9 a.m.\n\n"
        "Tickets \U0001f3ab sold out within an hour, organisers said."
    )
    anchors = [
        make_anchor(old, "the team won the title in overtime"),
        make_anchor(old, "the parade route would close at 9 a.m."),
        make_anchor(old, "sold out within an hour"),
    ]
    new = old.replace("Daily brief", "Daily brief \U0001f680\U0001f680\U0001f680 updated").replace(
        "9 a.m.", "10 a.m."
    )
    placements = reanchor(old, new, anchors)
    assert [p.kind for p in placements] == ["exact", "fuzzy", "exact"]
    assert new[placements[0].start : placements[0].end] == "the team won the title in overtime"
    assert placements[0].start == anchors[0].start + len(" \U0001f680\U0001f680\U0001f680 updated")
    assert new[placements[1].start : placements[1].end] == "the parade route would close at 10 a.m."
    assert new[placements[2].start : placements[2].end] == "sold out within an hour"


# ---------------------------------------------------------------------------------------
# The position map


def test_position_map_insertion_bias() -> None:
    pmap = PositionMap("abc def", "abc XX def")
    assert pmap.map(4, "right") == 7  # a span starting at "def" moves with it
    assert pmap.map(4, "left") == 4  # a span ending before "def" stays before the insertion
    assert pmap.map(0) == 0
    assert pmap.map(7) == 10


def test_position_map_deletion_and_replacement() -> None:
    deleted = PositionMap("abc XX def", "abc def")
    assert [deleted.map(i) for i in range(11)] == [0, 1, 2, 3, 4, 4, 4, 4, 5, 6, 7]
    replaced = PositionMap("one two three", "one 2 three")
    assert replaced.map(5) == 5  # one character into the replaced word, clamped to it
    assert replaced.map(6) == 5
    assert replaced.map(8) == 6


def test_position_map_identity_and_clamping() -> None:
    pmap = PositionMap(OLD, OLD)
    assert pmap.equal_blocks == [(0, 0, len(OLD))]
    assert [pmap.map(i) for i in (0, 17, len(OLD))] == [0, 17, len(OLD)]
    assert pmap.map(-5) == 0
    assert pmap.map(len(OLD) + 5) == len(OLD)
    assert PositionMap("", "abc").map(0) == 0
    assert PositionMap("abc", "").map(2) == 0


def test_position_map_blocks_are_equal_text_in_order() -> None:
    rng = random.Random(99)
    words = OLD.split(" ")
    for _ in range(200):
        new_words = list(words)
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(new_words))
            op = rng.choice(["del", "ins", "sub", "para"])
            if op == "del":
                del new_words[i]
            elif op == "ins":
                new_words.insert(i, rng.choice(words))
            elif op == "sub":
                new_words[i] = new_words[i][::-1]
            else:
                new_words.insert(i, "\n\nNew paragraph here.\n\n")
        new = " ".join(new_words)
        pmap = PositionMap(OLD, new)
        last_old = last_new = 0
        for o, n, size in pmap.equal_blocks:
            assert o >= last_old and n >= last_new and size > 0
            assert OLD[o : o + size] == new[n : n + size]
            last_old, last_new = o + size, n + size
        # Every claim whose text survived is found exact, in its place.
        for anchor, placement in zip(ANCHORS, reanchor(OLD, new, ANCHORS), strict=True):
            if new.count(anchor.quote) == 1:
                assert placement.kind == "exact"
                assert placement.start == new.index(anchor.quote)


def test_large_text_one_paragraph_edit_is_local() -> None:
    """The diff of a one-paragraph edit stays local (speed: bench/bench_reanchor.py)."""
    # 120 copies of the article, ~300 KB; paragraph 496 is the 56th copy of PARAGRAPHS[1].
    paragraphs = [f"{p} (Section {i}.)" for i in range(120) for p in PARAGRAPHS]
    old = "\n\n".join(paragraphs)
    edited_paragraphs = list(paragraphs)
    edited_paragraphs[496] = edited_paragraphs[496].replace("avergae", "average")
    edited_paragraphs.insert(20, "A new paragraph near the top.")
    new = "\n\n".join(edited_paragraphs)
    anchors = [make_anchor(old, f"(Section {i}.)") for i in range(120)]
    anchors += [make_anchor(old, CLAIMS["typo_fixed_inside"], occurrence=n) for n in (1, 56, 57)]

    pmap = PositionMap(old, new)
    placements = reanchor(old, new, anchors, position_map=pmap)

    assert len(pmap.equal_blocks) <= 4  # the diff is local: before, between, after
    assert [p.kind for p in placements[:120]] == ["exact"] * 120
    # The edited copy's old text still occurs verbatim in the other copies, and a verbatim
    # occurrence anywhere beats an approximate one in place ("moved" before "fuzzy").
    assert [p.kind for p in placements[120:]] == ["exact", "moved", "exact"]
    assert placements[121].quote == CLAIMS["typo_fixed_inside"]
