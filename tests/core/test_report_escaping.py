"""Hostile titles, notes, tags and URLs never become markup, script or formulas."""

from __future__ import annotations

import csv
import io

import lxml.html
import pytest
from sqlite_utils import Database

from factcheck.core.report.csv_report import guard, write_csv
from factcheck.core.report.html import html_string
from factcheck.core.report.markdown import md_blockquote, md_fragment, md_inline, render_markdown
from factcheck.core.report.model import Report
from factcheck.store import ops
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import (
    HOSTILE_NOTE,
    HOSTILE_TAG,
    HOSTILE_TITLE,
    make_hostile,
    review_seed_corpus,
)


@pytest.fixture
def hostile(seeded_db: Database) -> Report:
    corpus = review_seed_corpus(seeded_db)
    make_hostile(seeded_db, corpus)
    return gather_report(seeded_db, reviewer='<b onclick="x()">rev</b>')


def _markdown(report: Report) -> str:
    buf = io.StringIO()
    render_markdown(report, buf)
    return buf.getvalue()


def test_html_shows_hostile_text_as_text(hostile: Report) -> None:
    html = html_string(hostile)
    tree = lxml.html.document_fromstring(html)
    assert tree.xpath("//script | //img | //iframe | //i | //b") == []
    assert len(tree.xpath("//svg | //*[local-name()='svg']")) <= 1  # only the chart
    assert "<svg onload" not in html and "<script>" not in html
    assert all(not attr.lower().startswith("on") for el in tree.iter() for attr in el.attrib)
    assert not [h for h in tree.xpath("//a/@href") if "javascript" in h.lower()]
    assert tree.xpath("//title")[0].text_content() == "Verification report"
    article = tree.get_element_by_id("article-1")
    assert article.xpath("./h2")[0].text_content() == HOSTILE_TITLE
    assert HOSTILE_TITLE in tree.get_element_by_id("summary").text_content()
    note = article.xpath('.//dd[@class="note"]')[0]
    assert note.text_content() == HOSTILE_NOTE
    assert HOSTILE_TAG in article.text_content()
    assert "javascript:alert(5)" in article.text_content()  # the URL, shown as text
    assert '<b onclick="x()">rev</b>' in tree.xpath('//p[@class="byline"]')[0].text_content()


def test_markdown_escapes_hostile_text(hostile: Report) -> None:
    text = _markdown(hostile)
    assert "<script>" not in text and "<img" not in text and "<svg" not in text
    assert "](javascript" not in text and "[click me]" not in text
    assert "&lt;script&gt;" in text


def test_markdown_renders_hostile_text_as_text(hostile: Report) -> None:
    import markdown_it
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(_markdown(hostile))
    tree = lxml.html.document_fromstring(html)
    assert tree.xpath("//script | //img | //svg | //i | //b | //h1[2] | //pre[not(code)]") == []
    assert [h.get("href") for h in tree.xpath("//a")] == [
        "https://www.whitehelmets.org/en/", "https://www.un.org/press/"]
    assert len(tree.xpath("//h1")) == 1
    assert tree.xpath("//blockquote//li | //blockquote//h1 | //blockquote//code") == []
    assert [e.text_content() for e in tree.xpath("//em")] == ["(no tag)"]  # ours only
    page_text = tree.text_content()
    for line in HOSTILE_NOTE.splitlines():
        assert line.strip() in page_text
    assert HOSTILE_TITLE in page_text and HOSTILE_TAG in page_text
    # exactly one code block: the verdict chart
    assert len(tree.xpath("//pre")) == 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
        ("[a](javascript:x)", "\\[a\\]\\(javascript:x\\)"),
        ("![i](http://e/p.png)", "\\!\\[i\\]\\(http://e/p.png\\)"),
        ("# h", "\\# h"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("12. item", "12\\. item"),
        ("3) item", "3\\) item"),
        ("a | b", "a \\| b"),
        ("*em* _em_ `code` ~~s~~", "\\*em\\* \\_em\\_ \\`code\\` \\~\\~s\\~\\~"),
        ("&amp; \\", "&amp;amp; \\\\"),
        ("line\none", "line one"),
        ("    indented", "indented"),
    ],
)
def test_md_inline(raw: str, expected: str) -> None:
    assert md_inline(raw) == expected


def test_md_blockquote_keeps_lines_and_escapes_each() -> None:
    assert md_blockquote("a\n- b\n\n# c") == "> a  \n> \\- b\n>\n> \\# c"


def test_md_fragment_keeps_edge_spaces() -> None:
    assert md_fragment(" a*b\n c ") == " a\\*b c "
    assert md_fragment("- x") == "\\- x"
    assert md_fragment("1. x") == "1\\. x"


def test_csv_guards_cells_that_spreadsheets_would_run(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    ops.set_note(seeded_db, corpus.petition, '=HYPERLINK("http://evil","x")', "a")
    ops.add_tag(seeded_db, corpus.petition, "@SUM(A1)", "a")
    ops.update_article_metadata(seeded_db, 2, "a", title="+1 dangerous", outlet="-2")
    buf = io.StringIO()
    write_csv(gather_report(seeded_db, reviewer="r"), buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    row = next(r for r in rows if int(r["claim_id"]) == corpus.petition)
    assert row["note"] == "'" + '=HYPERLINK("http://evil","x")'
    assert row["tags"] == "'@SUM(A1); petition"
    assert row["article_title"] == "'+1 dangerous" and row["outlet"] == "'-2"
    assert row["start"].isdigit()  # numbers are not prefixed


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_guard_prefixes_formula_starts(cell: str) -> None:
    assert guard(cell) == "'" + cell


def test_guard_leaves_plain_text() -> None:
    assert guard("plain = text") == "plain = text"
    assert guard("") == ""
