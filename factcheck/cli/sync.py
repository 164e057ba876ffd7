"""``factcheck sync export|pull``, ``conflicts``, ``resolve-conflict`` and ``adjudicate``:
several reviewers on one corpus through a shared folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from factcheck.cli.argtypes import row_id
from factcheck.cli.context import add_db_option, open_db, reviewer
from factcheck.cli.output import print_json, print_table
from factcheck.core.model import Status, SyncConflict
from factcheck.errors import InvalidInput
from factcheck.store import ops, queries

_STATUSES = [s.value for s in Status]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sync", help="share the project with other reviewers through a folder")
    actions = p.add_subparsers(dest="sync_action", metavar="ACTION", required=True)
    e = actions.add_parser("export", help="write this copy's changes since the last sync")
    e.add_argument("--to", required=True, type=Path, metavar="DIR", help="the shared folder")
    add_db_option(e)
    e.set_defaults(func=cmd_export)
    q = actions.add_parser("pull", help="apply the other reviewers' changes, once each")
    q.add_argument("--from", dest="source", required=True, type=Path, metavar="DIR",
                   help="the shared folder")  # fmt: skip
    q.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(q)
    q.set_defaults(func=cmd_pull)

    p = sub.add_parser("conflicts", help="the adjudication queue: what a sync could not merge")
    p.add_argument("--all", action="store_true", help="resolved ones too")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser("resolve-conflict", help="close a conflict, keeping one side")
    p.add_argument("conflict_id", type=row_id, metavar="CONFLICT_ID")
    p.add_argument("--keep", choices=["local", "incoming"], required=True)
    add_db_option(p)
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser("adjudicate", help="settle a claim's verdict between reviewers")
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    p.add_argument("status", nargs="?", choices=_STATUSES, metavar="STATUS",
                   help=f"the verdict ({', '.join(_STATUSES)})")  # fmt: skip
    p.add_argument("--accept", metavar="REVIEWER", help="take this reviewer's verdict")
    p.add_argument("--note", default="", help="why")
    add_db_option(p)
    p.set_defaults(func=cmd_adjudicate)


def cmd_export(args: argparse.Namespace) -> int:
    from factcheck.store.sync.service import export_to

    folder = Path(args.to)
    if not folder.is_dir() and not folder.parent.is_dir():
        raise InvalidInput(f"{folder}: no such folder, nor its parent {folder.parent} "
                           "(is the shared folder's path mistyped?)")  # fmt: skip
    result = export_to(open_db(args), folder, reviewer(args))
    if result.path is None:
        print("nothing to export: no changes since the last sync")
    else:
        print(f"wrote {result.path} ({result.changes} changes)")
    return 0


def cmd_pull(args: argparse.Namespace) -> int:
    from factcheck.store.sync.service import pull_from

    if not Path(args.source).is_dir():
        raise InvalidInput(f"{args.source}: no such folder (is the shared folder's path "
                           "mistyped?)")  # fmt: skip
    # a new reviewer starts an empty project by pulling into it
    result = pull_from(open_db(args, create=True), args.source, reviewer(args))
    for line in result.refused:
        print(f"factcheck: {line}", file=sys.stderr)
    if args.json:
        print_json({
            "applied": [{"file": f.name, "reviewer": f.reviewer, "changes": f.changes,
                         "conflicts": f.conflicts} for f in result.applied],
            "refused": result.refused, "changes": result.changes,
            "conflicts": result.conflicts,
        })  # fmt: skip
    else:
        for f in result.applied:
            print(f"applied {f.name} from {f.reviewer or 'unknown'}: {f.changes} changes, "
                  f"{f.conflicts} conflicts")  # fmt: skip
        if not result.applied and not result.refused:
            print("nothing to pull: every file in the folder is already applied")
        if result.conflicts:
            print(f"{result.conflicts} new conflicts wait for adjudication: factcheck conflicts")
    return 1 if result.refused else 0


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _short(value: Any) -> str:
    if value is None:
        return "(absent)"
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def conflict_json(c: SyncConflict) -> dict[str, Any]:
    return {
        "id": c.id, "detected_at": c.detected_at, "source": c.source,
        "from_reviewer": c.from_reviewer, "kind": c.kind, "table": c.table,
        "row": c.row_key, "claim_id": c.claim_id, "field": c.field,
        "local": _value(c.local), "incoming": _value(c.incoming), "status": c.status,
        "resolved_by": c.resolved_by, "resolution": c.resolution,
    }  # fmt: skip


def cmd_conflicts(args: argparse.Namespace) -> int:
    found = queries.conflicts(open_db(args), include_resolved=args.all)
    if args.json:
        print_json([conflict_json(c) for c in found])
        return 0
    if not found:
        print("no open conflicts")
        return 0
    print_table(
        ["ID", "KIND", "CLAIM", "WHAT", "HERE", "FROM", "THEIRS", "STATUS"],
        [[c.id, c.kind, c.claim_id or "", f"{c.table} {c.field}", _short(_value(c.local)),
          c.from_reviewer, _short(_value(c.incoming)), c.status] for c in found],
        [None, None, None, 20, 30, 12, 30, None],
    )  # fmt: skip
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    ops.resolve_conflict(open_db(args), args.conflict_id, args.keep, reviewer(args))
    return 0


def cmd_adjudicate(args: argparse.Namespace) -> int:
    db = open_db(args)
    if (args.status is None) == (args.accept is None):
        raise InvalidInput("adjudicate: give a STATUS or --accept REVIEWER (one of them)")
    status = args.status or ops.accepted_status(db, args.claim_id, args.accept)
    ops.adjudicate(db, args.claim_id, status, reviewer(args), args.note)
    print(f"claim {args.claim_id}: {Status(status).value} (adjudicated by {reviewer(args)})")
    return 0
