"""The Markdown report, and escaping that keeps hostile text from becoming markup.

Markdown has no autoescape, so the template environment supplies one: every ``{{ }}``
value is passed through :func:`md_inline` by Jinja's ``finalize`` hook unless it is
already :class:`MdSafe` (made only by the filters here). Escaping rules:

* ``&``, ``<`` and ``>`` become HTML entities: no raw HTML, no autolinks, no entity
  tricks, in every Markdown flavour (entities are understood by all of them);
* `` \\ ` * _ { } [ ] ( ) # | ! ~ `` get a backslash: no emphasis, code, links, images,
  headings, table cells or strike-through;
* at the start of a line, ``-``, ``+``, ``=`` and ``1.``/``1)`` are escaped too (no
  lists or setext headings), and leading spaces are dropped (no indented code);
* inline values (titles, table cells, list items) are folded onto one line; multi-line
  text (notes) goes into a blockquote line by line (:func:`md_blockquote`).

Bare ``www.``/``http://`` text is left as text; renderers that autolink it (GFM) show a
link whose visible text is the URL itself.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, TextIO

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from factcheck.core.report.html import Progress, figure, percent, template_dir
from factcheck.core.report.html import with_progress as _with_progress
from factcheck.core.report.html_claims import safe_url, when
from factcheck.core.report.model import STATUS_ORDER, Report, Summary
from factcheck.core.report.template_cache import use_bytecode_cache

MD_TEMPLATE = "report.md.j2"

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]()#|!~])")
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")
_SPACE = re.compile(r"\s+")


class MdSafe(str):
    """Markdown that is already escaped (made only by the filters in this module)."""

    __slots__ = ()


def _escape_line(line: str) -> str:
    line = _BACKSLASHED.sub(r"\\\1", line.lstrip().translate(_ENTITIES))
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line, count=1)


def md_inline(value: Any) -> MdSafe:
    """``value`` as inline Markdown text: one line, nothing in it is markup."""
    if isinstance(value, MdSafe):
        return value
    text = value if isinstance(value, str) else str(value)
    return MdSafe(_escape_line(_SPACE.sub(" ", text).strip()))


_FRAGMENT_START = re.compile(r"^(\s?)([-+=])|^(\s?)(\d+)([.)])")


def md_fragment(value: str) -> MdSafe:
    """A piece of a line (context, quote): folded to one line, escaped, its own edge
    spaces kept. Markers that would open a block at the start of a line are escaped
    too, in case the piece starts one."""
    text = _BACKSLASHED.sub(r"\\\1", _SPACE.sub(" ", value).translate(_ENTITIES))
    return MdSafe(_FRAGMENT_START.sub(
        lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[3]}{m[4]}\\{m[5]}", text, count=1
    ))  # fmt: skip


def md_blockquote(value: str, indent: str = "") -> MdSafe:
    """Multi-line text as a blockquote, each line escaped, line breaks kept."""
    lines = [_escape_line(line) for line in value.splitlines()] or [""]
    out = []
    for i, line in enumerate(lines):
        if not line:
            out.append(f"{indent}>")  # a paragraph break inside the quote
            continue
        followed = i + 1 < len(lines) and lines[i + 1]
        out.append(f"{indent}> {line}" + ("  " if followed else ""))  # "  ": hard break
    return MdSafe("\n".join(out))


def md_link(text: str, url: str) -> MdSafe:
    """An autolink ``<url>`` when the URL is safe to link, else the escaped text."""
    link = safe_url(url)
    if link and not any(c in link for c in "<>"):
        label = md_inline(text) if text and text != url else ""
        return MdSafe(f"{label} <{link}>" if label else f"<{link}>")
    return md_inline(text or url)


def bars(summary: Summary, width: int = 30) -> MdSafe:
    """A text bar chart of the verdicts (for a fenced code block: labels are fixed)."""
    biggest = max(summary.by_status.values(), default=0) or 1
    rows = []
    for status in STATUS_ORDER:
        n = summary.by_status.get(status.value, 0)
        rows.append(f"{status.label:<13} {'█' * round(width * n / biggest):<{width}} {n}")
    return MdSafe("\n".join(rows))


def _finalize(value: Any) -> Any:
    return value if isinstance(value, MdSafe) else md_inline(value)


@lru_cache(maxsize=4)
def environment(folder: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=False,  # Markdown, not HTML: escaping is _finalize's job
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        when=when, ctx=md_fragment, percent=percent, blockquote=md_blockquote, link=md_link,
        figure=figure,
    )
    return use_bytecode_cache(env)


def render_markdown(report: Report, out: TextIO, *, progress: Progress | None = None) -> None:
    template = environment(str(template_dir())).get_template(MD_TEMPLATE)
    out.writelines(template.generate(
        report=report,
        articles=_with_progress(report.articles, len(report.articles), progress),
        statuses=STATUS_ORDER,
        chart=bars(report.summary),
        md=MdSafe,
    ))  # fmt: skip
