"""``factcheck agreement``: how far the reviewers agree, per article and overall."""

from __future__ import annotations

import argparse

from factcheck.cli.argtypes import row_id
from factcheck.cli.context import add_db_option, open_db
from factcheck.cli.output import print_json, print_table
from factcheck.core.agreement import Figures


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("agreement", help="agreement between reviewers on verdicts and spans")
    p.add_argument("--article", type=row_id, action="append", metavar="ID",
                   help="only these articles (repeatable)")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_agreement)


def _fmt(x: float | None, percent: bool = False) -> str:
    if x is None:
        return "–"
    return f"{x * 100:.1f}%" if percent else f"{x:.3f}"


def _row(label: str, f: Figures) -> list[str | int]:
    return [label, f.claims, f.judged, _fmt(f.verdict_alpha), _fmt(f.percent, True),
            _fmt(f.span_alpha)]  # fmt: skip


def cmd_agreement(args: argparse.Namespace) -> int:
    from factcheck.store.agreement_data import project_agreement

    result = project_agreement(open_db(args), args.article)
    if args.json:
        print_json({
            "reviewers": list(result.reviewers), "markers": list(result.markers),
            "project": result.project.as_dict(),
            "articles": [{"article_id": a.article_id, "title": a.title, **a.figures.as_dict()}
                         for a in result.articles],
        })  # fmt: skip
        return 0
    print(f"reviewers with verdicts: {', '.join(result.reviewers) or 'none'}; "
          f"who marked claims: {', '.join(result.markers) or 'none'}")  # fmt: skip
    print_table(
        ["ARTICLE", "CLAIMS", "JUDGED BY 2+", "VERDICT ALPHA", "AGREEMENT", "SPAN ALPHA"],
        [*(_row(f"{a.article_id} {a.title}", a.figures) for a in result.articles),
         _row("project", result.project)],
        [50, None, None, None, None, None],
    )  # fmt: skip
    return 0
