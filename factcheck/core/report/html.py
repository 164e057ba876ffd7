"""The HTML report: one self-contained file rendered with Jinja2, autoescaped.

Every value from the project (titles, quotes, notes, tags, URLs) is hostile input: the
environment escapes it all, and URLs become links only when their scheme is http(s) or
mailto (:func:`safe_url`), so ``javascript:`` can never be clicked. Two pieces of
markup are not written by the template: the chart (:func:`chart_svg`) and, for speed,
the claims (:mod:`factcheck.core.report.html_claims`), each with the same escaping.

Rendering streams (``Template.generate``) into the output, so memory stays flat and
100,000 claims render in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TextIO, TypeVar

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from factcheck.core.colors import STATUS_GRAPHIC_COLORS
from factcheck.core.report.chart import chart_svg
from factcheck.core.report.html_claims import claims_html, ctx, qt_claims_html, safe_url, when
from factcheck.core.report.model import STATUS_ORDER, Report
from factcheck.core.report.template_cache import use_bytecode_cache

HTML_TEMPLATE = "report.html.j2"
Progress = Callable[[int, int], None]  # (articles done, articles in all)
T = TypeVar("T")


def template_dir() -> Path:
    """The report templates ship inside this package (the core reads no app paths)."""
    return Path(__file__).resolve().parent / "templates"


def figure(x: float | None, as_percent: bool = False) -> str:
    """An agreement figure: alpha to three places, agreement as a percentage, "–" when
    it is undefined (too few reviewers or values)."""
    if x is None:
        return "–"
    return f"{x * 100:.1f}%" if as_percent else f"{x:.3f}"


def percent(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "–"


@lru_cache(maxsize=4)
def environment(folder: str) -> Environment:
    """The HTML environment for templates in ``folder`` (compiled templates cached, in
    the process and between runs: :mod:`factcheck.core.report.template_cache`)."""
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(url=safe_url, when=when, ctx=ctx, percent=percent, figure=figure)
    env.globals.update(claims_html=claims_html, qt_claims_html=qt_claims_html)
    return use_bytecode_cache(env)


def get_template(name: str = HTML_TEMPLATE) -> Template:
    return environment(str(template_dir())).get_template(name)


def with_progress(items: Iterable[T], total: int, progress: Progress | None) -> Iterator[T]:
    """Yield ``items``, reporting each one done (renderers loop over articles)."""
    for done, item in enumerate(items, start=1):
        yield item
        if progress is not None:
            progress(done, total)


def render_html(
    report: Report,
    out: TextIO,
    *,
    progress: Progress | None = None,
    template: str = HTML_TEMPLATE,
    extra: dict[str, object] | None = None,
) -> None:
    """Write the report as HTML to ``out``. ``template`` and ``extra`` let the Qt layer
    render its print variant with the same data and filters."""
    context: dict[str, object] = {
        "report": report,
        "articles": with_progress(report.articles, len(report.articles), progress),
        "statuses": STATUS_ORDER,
        "colors": {s.value: c for s, c in STATUS_GRAPHIC_COLORS.items()},
        "chart": chart_svg(report.summary),
    }
    compiled = get_template(template)
    # The template's render function itself (what ``generate`` wraps), its hundreds of
    # thousands of small pieces written in batches rather than one write each.
    chunks = compiled.root_render_func(compiled.new_context(context | (extra or {})))
    while batch := list(islice(chunks, 4096)):
        out.write("".join(batch))


def html_string(report: Report, **kwargs: object) -> str:
    """The HTML report as one string (previews, tests)."""
    import io

    buf = io.StringIO()
    render_html(report, buf, **kwargs)  # type: ignore[arg-type]
    return buf.getvalue()
