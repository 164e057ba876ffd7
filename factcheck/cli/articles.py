"""``factcheck import`` and ``factcheck articles``."""

from __future__ import annotations

import argparse
from pathlib import Path

from factcheck.cli.argtypes import row_id
from factcheck.cli.context import add_db_option, open_db, open_to_read, reviewer
from factcheck.cli.output import print_json, print_table, say
from factcheck.core.language import DIRECTIONS
from factcheck.core.model import Status
from factcheck.core.safe_text import display_path
from factcheck.errors import InvalidInput
from factcheck.store import queries


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import article files (.txt, .md, .html, .pdf, .docx) or folders of them",
        description="Import article files or folders. A file whose URL is an existing "
        "article's URL but whose text is new becomes a new revision of that article; "
        "--update ARTICLE_ID FILE makes FILE a new revision of the given article. Exit "
        "status 0 when every file was imported, updated or already in the project, 1 when "
        "any file was refused (the others are still imported).",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--update", type=row_id, metavar="ARTICLE_ID",
                   help="make the one FILE given a new revision of this article")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print one JSON object per file")
    add_db_option(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("articles", help="list the project's articles with claim counts")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser(
        "article-lang",
        help="show or correct an article's language and paragraph direction",
        description="Without options, print the article's language and base direction "
        "(as detected on import or set before). --lang sets the language (a BCP 47 tag "
        "such as ar, fa, zh-Hant; '' for unknown), --dir the direction its paragraphs are "
        "laid out in: rtl, ltr, or auto (each paragraph by its first letter).",
    )
    p.add_argument("article_id", type=row_id, metavar="ARTICLE_ID")
    p.add_argument("--lang", metavar="TAG", help="language tag, e.g. ar, he, fa, zh, en")
    p.add_argument("--dir", dest="direction", choices=DIRECTIONS,
                   help="base direction of the article's paragraphs")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_article_lang)


def cmd_import(args: argparse.Namespace) -> int:
    # The importer and its file readers load here, not with the module: ``factcheck
    # articles`` (same module) must not pay for them.
    from factcheck.store import importer
    from factcheck.store.importer import Outcome

    if args.update is not None:
        return cmd_update(args)
    db = open_db(args, create=True)
    report = importer.import_paths(db, args.paths, reviewer(args))
    if args.json:
        print_json([
            {"path": r.path, "outcome": r.outcome.value, "article_id": r.article_id,
             "title": r.title, "message": r.message, "revision": r.revision,
             "placements": r.placements}
            for r in report.results
        ])  # fmt: skip
    else:
        for r in report.results:
            refused = r.outcome is Outcome.REFUSED
            say(("refused: " if refused else "") + r.message, err=refused)
        say(report.summary())
    return 0 if report.ok else 1


def cmd_update(args: argparse.Namespace) -> int:
    """``import --update ARTICLE_ID FILE``: the file's text as the article's new revision."""
    from factcheck.core.ingest import read_article_file
    from factcheck.store import ops

    if len(args.paths) != 1:
        raise InvalidInput("--update takes exactly one file")
    path = args.paths[0]
    db = open_db(args)
    queries.get_article_title(db, args.update)  # refuse an unknown article before reading
    draft = read_article_file(path)
    try:
        result = ops.create_revision(
            db, args.update, draft.text, reviewer(args),
            source="update-import", source_path=draft.source_path,
        )  # fmt: skip
    except ops.UnchangedText:
        message = f"{path.name}: same text as article {args.update} already has; nothing to do"
        outcome, number, counts = "unchanged", queries.current_revision_number(db, args.update), {}
    else:
        message = (f"{path.name}: updated article {args.update} (revision {result.number}): "
                   f"{result.summary()}")  # fmt: skip
        outcome, number, counts = "updated", result.number, result.counts
    if args.json:
        print_json([{"path": display_path(path), "outcome": outcome, "article_id": args.update,
                     "revision": number, "placements": counts, "message": message}])  # fmt: skip
    else:
        say(message)
    return 0


def cmd_article_lang(args: argparse.Namespace) -> int:
    from factcheck.store import ops

    db = open_db(args)
    if args.lang is not None or args.direction is not None:
        ops.set_article_language(db, args.article_id, reviewer(args), language=args.lang,
                                 direction=args.direction)  # fmt: skip
    language, direction = queries.article_language(db, args.article_id)
    if args.json:
        print_json({"id": args.article_id, "language": language, "direction": direction})
    else:
        print(f"article {args.article_id}: language {language or 'unknown'}, "
              f"direction {direction}")  # fmt: skip
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    db = open_to_read(args)
    articles = queries.list_articles(db)
    if args.json:
        print_json([
            {"id": a.id, "title": a.title, "outlet": a.outlet, "author": a.author,
             "published": a.published, "url": a.url, "language": a.language,
             "claims": a.counts,
             "claim_count": a.claim_count}
            for a in articles
        ])  # fmt: skip
        return 0
    statuses = list(Status)
    print_table(
        ["ID", "TITLE", "OUTLET", "DATE", "LANG", *(s.value.upper()[:5] for s in statuses)],
        [[a.id, a.title, a.outlet, a.published, a.language,
          *(a.counts[s] for s in statuses)] for a in articles],
        [None, 60, 20, None, None, None, None, None, None],
    )  # fmt: skip
    return 0
