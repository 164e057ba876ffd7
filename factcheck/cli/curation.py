"""Keeping a project tidy from the command line: article details and deletion
(``edit-article``, ``delete-article``), and the tag list with its codebook (``tags``,
``tag-edit``, ``tag-merge``, ``tag-delete``, ``codebook export|import``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from factcheck.cli.argtypes import row_id
from factcheck.cli.context import add_db_option, open_db, reviewer
from factcheck.cli.output import print_json, print_table
from factcheck.core.codebook import read_codebook, read_codebook_text, save_codebook
from factcheck.errors import InvalidInput
from factcheck.store import ops
from factcheck.store.ops import article_removal
from factcheck.store.ops import tags as tag_ops
from factcheck.store.queries.tags import tag_summaries

_FIELDS = (("title", "title"), ("outlet", "outlet"), ("author", "author"),
           ("date", "published"), ("url", "url"))  # fmt: skip


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("edit-article", help="change an article's title, outlet, author, "
                                            "date or URL")  # fmt: skip
    p.add_argument("article_id", type=row_id, metavar="ARTICLE_ID")
    for option, _field in _FIELDS:
        p.add_argument(f"--{option}", default=None,
                       help="ISO date, e.g. 2017-10-24" if option == "date" else None)  # fmt: skip
    add_db_option(p)
    p.set_defaults(func=cmd_edit_article)

    p = sub.add_parser("delete-article", help="delete an article with its claims")
    p.add_argument("article_id", type=row_id, metavar="ARTICLE_ID")
    add_db_option(p)
    p.set_defaults(func=cmd_delete_article)

    p = sub.add_parser("tags", help="list the tags with their colour, description and use")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_tags)

    p = sub.add_parser("tag-edit", help="rename, recolour or describe a tag")
    p.add_argument("name", metavar="TAG")
    p.add_argument("--rename", metavar="NEW", default=None)
    p.add_argument("--color", metavar="#RRGGBB", default=None)
    p.add_argument("--description", default=None)
    add_db_option(p)
    p.set_defaults(func=cmd_tag_edit)

    p = sub.add_parser("tag-merge", help="give TAG's claims the tag INTO instead; TAG goes")
    p.add_argument("name", metavar="TAG")
    p.add_argument("into", metavar="INTO")
    add_db_option(p)
    p.set_defaults(func=cmd_tag_merge)

    p = sub.add_parser("tag-delete", help="delete a tag from the project and its claims")
    p.add_argument("name", metavar="TAG")
    add_db_option(p)
    p.set_defaults(func=cmd_tag_delete)

    p = sub.add_parser("codebook", help="export or import the tags as a CSV codebook")
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("file", type=Path, metavar="FILE")
    add_db_option(p)
    p.set_defaults(func=cmd_codebook)


def cmd_edit_article(args: argparse.Namespace) -> int:
    values = {field: getattr(args, option) for option, field in _FIELDS
              if getattr(args, option) is not None}  # fmt: skip
    if not values:
        raise InvalidInput("edit-article: give at least one of --title, --outlet, --author, "
                           "--date, --url")  # fmt: skip
    db = open_db(args)
    ops.update_article_metadata(db, args.article_id, reviewer(args), **values)
    return 0


def cmd_delete_article(args: argparse.Namespace) -> int:
    db = open_db(args)
    snap, _change = article_removal.delete_article(db, args.article_id, reviewer(args))
    n = len(snap.claim_ids)
    print(f"deleted article {args.article_id} ({snap.title}) with {n} claim"
          f"{'s' if n != 1 else ''}")  # fmt: skip
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    tags = tag_summaries(open_db(args))
    if args.json:
        print_json([{"name": t.name, "color": t.color, "description": t.description,
                     "claims": t.count} for t in tags])  # fmt: skip
        return 0
    print_table(["TAG", "COLOR", "CLAIMS", "DESCRIPTION"],
                [[t.name, t.color, t.count, t.description] for t in tags],
                [30, None, None, 60])  # fmt: skip
    return 0


def cmd_tag_edit(args: argparse.Namespace) -> int:
    if args.rename is None and args.color is None and args.description is None:
        raise InvalidInput("tag-edit: give --rename, --color or --description")
    db = open_db(args)
    who = reviewer(args)
    name = args.name
    with db.atomic():  # all or nothing
        if args.color is not None:
            tag_ops.set_tag_color(db, name, args.color, who)
        if args.description is not None:
            tag_ops.set_tag_description(db, name, args.description, who)
        if args.rename is not None:
            tag_ops.rename_tag(db, name, args.rename, who)
    return 0


def cmd_tag_merge(args: argparse.Namespace) -> int:
    snap, _ = tag_ops.merge_tags(open_db(args), args.name, args.into, reviewer(args))
    print(f"merged {snap.row['name']!r} into {snap.target!r} ({len(snap.claim_ids)} claims)")
    return 0


def cmd_tag_delete(args: argparse.Namespace) -> int:
    snap, _ = tag_ops.delete_tag(open_db(args), args.name, reviewer(args))
    print(f"deleted tag {snap.row['name']!r} from {len(snap.claim_ids)} claims")
    return 0


def cmd_codebook(args: argparse.Namespace) -> int:
    path: Path = args.file
    if args.action == "export":
        n = save_codebook(path, tag_summaries(open_db(args)))
        print(f"wrote {n} tags to {path}")
        return 0
    entries = read_codebook(read_codebook_text(path), str(path))
    done, _ = tag_ops.import_codebook(open_db(args), entries, reviewer(args))
    print(f"{path}: {len(done.created)} new tags, {len(done.updated)} changed, "
          f"{len(entries) - len(done.created) - len(done.updated)} unchanged")
    return 0


