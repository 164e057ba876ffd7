"""The claims of the HTML reports, written by plain Python instead of the template.

A report's claims are most of its output (100,000 of them in a large project), and the
template engine spends some 18 escapes, 40 attribute look-ups and a filter call or two
on each; these functions write the same markup, byte for byte, in a fraction of that
(the tests render the template's original loop beside them). The templates call them
once per article (``report.html.j2``) or per part (``report_qt.html.j2``).

The escaping is the template's (``markupsafe``: ``& < > ' "`` as ``&amp; &lt; &gt;
&#39; &#34;``), done only on text that holds one of those characters; the verdict
values and labels are fixed words and are written as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from markupsafe import Markup

from factcheck.core.model import Status
from factcheck.core.report.model import ReportArticle, ReportClaim

_LINKABLE = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_WORDS = {s: (s.value, s.label) for s in Status}  # an enum's .value is a Python call


def esc(text: str) -> str:
    """``text`` escaped for HTML exactly as the templates' autoescape does it."""
    # five scans for one character each, in C: several times quicker than a regular
    # expression's search for a character class, on the quotes and notes of a report
    if not ("'" in text or "&" in text or "<" in text or ">" in text or '"' in text):
        return text
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&#39;").replace('"', "&#34;"))  # fmt: skip


def safe_url(url: str) -> str:
    """``url`` when it may be a link (http, https, mailto), else "" (shown as text)."""
    url = url.strip()
    if _LINKABLE.match(url) and not any(c.isspace() or ord(c) < 32 for c in url):
        return url
    return ""


def when(stamp: str) -> str:
    """"2024-05-01T12:34:56.789Z" -> "2024-05-01 12:34 UTC"; other text unchanged."""
    if len(stamp) >= 16 and stamp[10] == "T":
        zone = " UTC" if stamp.endswith("Z") or stamp.endswith("+00:00") else ""
        return f"{stamp[:10]} {stamp[11:16]}{zone}"
    return stamp


def ctx(text: str) -> str:
    """Context and quotes on one line: runs of white space (newlines too) become one."""
    if text.isprintable() and "  " not in text:
        return text  # every white space but " " is unprintable: nothing to replace
    return _SPACE.sub(" ", text)


# --- report.html.j2 --------------------------------------------------------------------


def claims_html(article: ReportArticle) -> Markup:
    """The article's claims as the HTML report shows them (or the line saying it has
    none), each ending its own line."""
    if not article.claims:
        return Markup('<p class="empty">No claims marked in this article.</p>\n')
    info = article.info
    lang = f' lang="{esc(info.language)}"' if info.language else ""
    quote_open = f'<p class="quote"{lang} dir="{esc(info.dir)}">'
    out: list[str] = []
    for c in article.claims:
        _claim_html(c, quote_open, out)
    return Markup("".join(out))


def _claim_html(c: ReportClaim, quote_open: str, out: list[str]) -> None:
    add = out.append
    value, label = _WORDS[c.status]
    add(f'<div class="claim v-{value}" id="claim-{c.id}">\n'
        f'<div class="claim-head"><span class="badge v-{value}">{label}</span>')  # fmt: skip
    for t in c.tags:
        add(f'<span class="tag">{esc(t)}</span>')
    add(f'<span class="where">claim {c.id} · characters {c.start}–{c.end}</span></div>\n')
    if c.placement != "exact" and (warning := c.placement_warning):
        add(f'<p class="warn">Placement: {esc(warning)}.</p>')
    add(f'{quote_open}{esc(ctx(c.before))}<mark dir="auto">{esc(c.quote)}</mark>'
        f'{esc(ctx(c.after))}</p>\n<dl class="fields">\n')  # fmt: skip
    if c.claimant:
        add(f"<dt>Claimed by</dt><dd>{esc(c.claimant)}</dd>")
    if c.reviewer:
        add(f"<dt>Reviewer</dt><dd>{esc(c.reviewer)}</dd>")
    if c.show_reviewers:
        add('<dt>Reviewers</dt><dd><ul class="evidence">')
        for v in c.verdicts:
            add(f'<li>{esc(v.reviewer)}: <span class="badge v-{v.status.value}">'
                f"{v.status.label}</span>")  # fmt: skip
            if v.note:
                add(f' <span class="note">({esc(v.note)})</span>')
            add("</li>")
        add("</ul></dd>\n")
        if c.adjudicated_by:
            add(f"<dt>Adjudicated</dt><dd>by {esc(c.adjudicated_by)}: "
                f'<span class="badge v-{value}">{label}</span>')  # fmt: skip
            if c.adjudication_note:
                add(f' <span class="note">({esc(c.adjudication_note)})</span>')
            add("</dd>")
        elif c.reviewers_disagree:
            add('<dt>Adjudicated</dt><dd class="warn">not yet: the reviewers disagree</dd>')
    if c.note:
        add(f'<dt>Note</dt><dd class="note">{esc(c.note)}</dd>')
    if c.evidence:
        add('<dt>Evidence</dt><dd><ul class="evidence">\n')
        for e in c.evidence:
            o = e.other
            if o is not None:
                title = f"<bdi>{esc(o.article_title)}</bdi>"
                if o.in_report:
                    title = f'<a href="#claim-{o.claim_id}">{title}</a>'
                add(f'<li>{esc(e.label)} <q dir="auto">{esc(ctx(o.quote))}</q> — {title} '
                    f'<span class="badge v-{o.status.value}">{o.status.label}</span>')  # fmt: skip
                if e.note:
                    add(f' <span class="note">({esc(e.note)})</span>')
                add("</li>\n")
                continue
            add("<li>Source: ")
            link, shown = safe_url(e.url), esc(e.title or e.url)
            add(f'<a href="{esc(link)}">{shown}</a>' if link else shown)
            if e.title:
                add(f' <span class="muted">{esc(e.url)}</span>')
            if e.accessed:
                add(f" (accessed {esc(e.accessed)})")
            if e.quote:
                add(f' <q dir="auto">{esc(e.quote)}</q>')
            if e.note:
                add(f' <span class="note">({esc(e.note)})</span>')
            add("</li>\n")
        add("</ul></dd>")
    add("</dl>\n")
    ch = c.last_change
    if ch is not None:
        by = f" by {esc(ch.reviewer)}" if ch.reviewer else ""
        add(f'<p class="change">Last change: {esc(ch.action)}{by}, {esc(when(ch.at))}</p>')
    add("</div>\n")


# --- report_qt.html.j2 (the PDF and the export preview) --------------------------------


def qt_claims_html(
    claims: Iterable[ReportClaim],
    article: ReportArticle,
    fonts: str,
    colors: Mapping[str, str],
    badge: Mapping[str, str],
) -> Markup:
    """``claims`` of ``article`` as the print template shows them: plain paragraphs,
    the verdict colour a bar glyph before the verdict, the claim's body indented."""
    info = article.info
    quote_open = '<p class="quote body"'
    if info.dir != "auto":
        quote_open += f' dir="{esc(info.dir)}"'
    if fonts:
        quote_open += f" style=\"font-family: {esc(fonts)}, 'DejaVu Serif';\""
    heads = {value: (f'<p style="margin-top: 8px; margin-bottom: 1px;"><span style="color: '
                     f'{esc(colors[value])};">▌</span><span style="background-color: '
                     f'{esc(badge[value])};">&nbsp;<b>')
             for value in badge}  # fmt: skip
    out: list[str] = []
    for c in claims:
        _qt_claim_html(c, quote_open + ">", heads, out)
    return Markup("".join(out))


def _qt_claim_html(c: ReportClaim, quote_open: str, heads: Mapping[str, str],
                   out: list[str]) -> None:  # fmt: skip
    add = out.append
    label = _WORDS[c.status][1]
    add(f"{heads[c.status]}{label}</b>&nbsp;</span>")  # a StrEnum is its value as a key
    for t in c.tags:
        add(f' <span style="background-color: #eef1f5;">&nbsp;{esc(t)}&nbsp;</span>')
    add(f' <span class="small">· claim {c.id} · characters {c.start}–{c.end}</span></p>\n')
    if c.placement != "exact" and (warning := c.placement_warning):
        add(f'<p class="small body"><i>Placement: {esc(warning)}.</i></p>')
    add(f'{quote_open}{esc(ctx(c.before))}<span class="hl">{esc(c.quote)}</span>'
        f"{esc(ctx(c.after))}</p>\n")  # fmt: skip
    if c.claimant:
        add(f'<p class="body"><span class="muted">Claimed by:</span> {esc(c.claimant)}</p>')
    if c.reviewer:
        add(f'<p class="body"><span class="muted">Reviewer:</span> {esc(c.reviewer)}</p>')
    if c.show_reviewers:
        add('<p class="body"><span class="muted">Reviewers:</span> ')
        add("; ".join(f"{esc(v.reviewer)} {v.status.label}" for v in c.verdicts))
        if c.adjudicated_by:
            add(f' · <span class="muted">adjudicated by</span> {esc(c.adjudicated_by)}: {label}')
            if c.adjudication_note:
                add(f" ({esc(c.adjudication_note)})")
        elif c.reviewers_disagree:
            add(' · <span class="muted">not yet adjudicated</span>')
        add("</p>")
    if c.note:
        add(f'<p class="body"><span class="muted">Note:</span> <span class="note">'
            f"{esc(c.note)}</span></p>")  # fmt: skip
    if c.evidence:
        add('<p class="body muted">Evidence:</p>\n')
        for e in c.evidence:
            o = e.other
            note = f": {esc(e.note)}" if e.note else ""
            if o is not None:
                add(f'<p class="ev">• {esc(e.label)} <span class="quote">“{esc(ctx(o.quote))}”'
                    f"</span> — {esc(o.article_title)} ({o.status.label}){note}</p>\n")  # fmt: skip
                continue
            link, shown = safe_url(e.url), esc(e.title or e.url)
            add('<p class="ev">• Source: ')
            add(f'<a href="{esc(link)}">{shown}</a>' if link else shown)
            if e.title:
                add(f' <span class="muted">{esc(e.url)}</span>')
            if e.accessed:
                add(f" (accessed {esc(e.accessed)})")
            if e.quote:
                add(f' <span class="quote">“{esc(e.quote)}”</span>')
            add(f"{note}</p>\n")
    ch = c.last_change
    if ch is not None:
        by = f" by {esc(ch.reviewer)}" if ch.reviewer else ""
        add(f'<p class="small body">Last change: {esc(ch.action)}{by}, {esc(when(ch.at))}</p>')
