"""The old-versus-new preview shown before an article's text is saved as a revision.

The diff is the one re-anchoring uses (:class:`factcheck.core.position_map.PositionMap`:
common prefix and suffix trimmed, the middle diffed by lines, sentences and words), so a
one-paragraph edit of a 1 MB article previews in milliseconds. Changes are shown inline
with some context around each: deletions struck through in red, insertions underlined
in green, line breaks that changed as a visible ``↵``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from factcheck.core.position_map import PositionMap

CONTEXT = 160  # characters of unchanged text shown either side of a change
MAX_SECTIONS = 200  # a wholesale rewrite is summarised after this many sections


@dataclass(frozen=True, slots=True)
class Hunk:
    """``old[old_start:old_end]`` was replaced by ``new[new_start:new_end]``."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


@dataclass(frozen=True, slots=True)
class DiffColors:
    deleted_bg: str
    deleted_fg: str
    inserted_bg: str
    inserted_fg: str
    context_fg: str


LIGHT = DiffColors("#ffd7d5", "#82071e", "#ccf2d4", "#055d20", "#57606a")
DARK = DiffColors("#67060c", "#ffdcd7", "#0b4a23", "#aff5b4", "#9198a1")


def hunks(old: str, new: str) -> list[Hunk]:
    """The changed stretches between the equal blocks of the two texts, in order, each
    widened to whole words ("3,000" -> "3,300" shows as "000" -> "300", not "0" -> "3")."""
    raw: list[Hunk] = []
    o = n = 0
    for bo, bn, size in [*PositionMap(old, new).equal_blocks, (len(old), len(new), 0)]:
        if bo > o or bn > n:
            raw.append(Hunk(o, bo, n, bn))
        o, n = bo + size, bn + size
    out: list[Hunk] = []
    for i, h in enumerate(raw):
        # The text just outside a hunk is equal in both texts, so both sides move together;
        # they move while the hunk's edge on either side is inside a word.
        os_, ns = h.old_start, h.new_start
        floor = out[-1].new_end if out else 0
        while ns > floor and _word_at(new, ns - 1) and (
            _word_at(new, ns) or _word_at(old, os_)
        ):
            os_, ns = os_ - 1, ns - 1
        oe, ne = h.old_end, h.new_end
        ceiling = raw[i + 1].new_start if i + 1 < len(raw) else len(new)
        while ne < ceiling and _word_at(new, ne) and (
            _word_at(new, ne - 1) or _word_at(old, oe - 1)
        ):
            oe, ne = oe + 1, ne + 1
        if out and ns <= out[-1].new_end:  # widened into the previous change: merge
            prev = out.pop()
            os_, ns = prev.old_start, prev.new_start
        out.append(Hunk(os_, oe, ns, ne))
    return out


def _word_at(text: str, i: int) -> bool:
    """Is ``text[i]`` a letter, digit or underscore? (False outside the text.)"""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def summary(changes: list[Hunk]) -> str:
    """One line: how many places changed and how many characters went and came."""
    if not changes:
        return "No changes."
    deleted = sum(h.old_end - h.old_start for h in changes)
    inserted = sum(h.new_end - h.new_start for h in changes)
    places = f"{len(changes)} change{'s' if len(changes) != 1 else ''}"
    return f"{places}: {deleted:,} characters deleted, {inserted:,} inserted."


def _visible(text: str) -> str:
    return html.escape(text).replace("\n", "↵\n")


def _sections(changes: list[Hunk]) -> list[list[Hunk]]:
    """Changes close enough to share their context are shown as one section."""
    groups: list[list[Hunk]] = []
    for h in changes:
        if groups and h.new_start - groups[-1][-1].new_end <= 2 * CONTEXT:
            groups[-1].append(h)
        else:
            groups.append([h])
    return groups


def diff_html(old: str, new: str, colors: DiffColors = LIGHT) -> str:
    """The preview as rich text for a ``QTextBrowser``: one block per section of changes,
    each with up to :data:`CONTEXT` characters of unchanged text around it."""
    changes = hunks(old, new)
    if not changes:
        return "<p>No changes.</p>"
    deleted = (f'<span style="background-color:{colors.deleted_bg}; color:{colors.deleted_fg}; '
               'text-decoration: line-through;">{}</span>')  # fmt: skip
    inserted = (f'<span style="background-color:{colors.inserted_bg}; '
                f'color:{colors.inserted_fg}; '
                'text-decoration: underline;">{}</span>')  # fmt: skip
    context = f'<span style="color:{colors.context_fg};">{{}}</span>'
    parts: list[str] = []
    groups = _sections(changes)
    for number, group in enumerate(groups[:MAX_SECTIONS], 1):
        first, last = group[0], group[-1]
        lo = max(0, first.new_start - CONTEXT)
        hi = min(len(new), last.new_end + CONTEXT)
        # start and end the context at a space rather than inside a word
        if lo > 0 and (space := new.find(" ", lo, first.new_start)) >= 0:
            lo = space + 1
        if hi < len(new) and (space := new.rfind(" ", last.new_end, hi)) >= 0:
            hi = space
        line = new[:first.new_start].count("\n") + 1
        parts.append(f"<p><b>Change {number} of {len(groups)}</b> · line {line}</p>")
        body = ["…" if lo > 0 else "", context.format(html.escape(new[lo : first.new_start]))]
        for i, h in enumerate(group):
            if h.old_end > h.old_start:
                body.append(deleted.format(_visible(old[h.old_start : h.old_end])))
            if h.new_end > h.new_start:
                body.append(inserted.format(_visible(new[h.new_start : h.new_end])))
            upto = group[i + 1].new_start if i + 1 < len(group) else hi
            body.append(context.format(html.escape(new[h.new_end : upto])))
        body.append("…" if hi < len(new) else "")
        parts.append(f'<p style="white-space: pre-wrap;">{"".join(body)}</p>')
    if len(groups) > MAX_SECTIONS:
        parts.append(f"<p>… and {len(groups) - MAX_SECTIONS} more changes.</p>")
    return "".join(parts)
