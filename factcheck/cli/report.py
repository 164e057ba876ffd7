"""``factcheck report`` (the verification report and the interchange exports) and
``factcheck import-annotations`` (merging another reviewer's W3C annotations)."""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path

from factcheck.cli.argtypes import row_id
from factcheck.cli.context import add_db_option, figures_ready, open_db, reviewer
from factcheck.cli.output import print_json, say
from factcheck.core.interchange.claimreview import missing_settings
from factcheck.core.interchange.w3c import write_w3c
from factcheck.core.report.atomic import write_text_atomic
from factcheck.core.report.formats import FORMAT_NAMES, FORMATS, export_folder, export_text
from factcheck.core.report.model import Report
from factcheck.core.safe_text import display_path
from factcheck.errors import FactcheckError, InvalidInput
from factcheck.store import queries
from factcheck.store.annotation_import import import_annotation_data, read_annotation_file
from factcheck.store.report_data import gather_report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="write the verification report (html, pdf, md, csv, json) or an export "
        "for other tools (w3c annotations, schema.org claimreview)",
        description="Write the verification report of the project, or of the articles "
        "named with --article. The file is written completely or not at all.",
    )
    p.add_argument("--format", "-f", required=True, choices=FORMAT_NAMES, dest="format")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                   help="the file to write (a folder for claimreview-html)")  # fmt: skip
    p.add_argument("--article", type=row_id, action="append", metavar="ID", dest="articles",
                   help="report on this article only (repeatable); default: all")  # fmt: skip
    p.add_argument("--title", default="Verification report")
    p.add_argument("--embed-text", action="store_true", dest="embed_text",
                   help="w3c only: carry each article's text in the file, so annotations on "
                   "articles without a URL can be imported anywhere")  # fmt: skip
    add_db_option(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "import-annotations",
        help="import a W3C Web Annotation collection (e.g. another reviewer's export)",
        description="Place each annotation on its article (matched by URL or by text) "
        "and merge it with the claims already there. Exit status 0 when every annotation "
        "was placed, 1 when any could not be (the others are still imported).",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_import_annotations)


def write_report(report: Report, fmt: str, output: Path) -> None:
    """Write ``report`` as ``fmt`` to ``output`` atomically (the PDF through Qt)."""
    if FORMATS[fmt].folder:
        export_folder(report, fmt, output)
        return
    if FORMATS[fmt].writer is not None:
        export_text(report, fmt, output)
        return
    try:
        from factcheck.render.pdf import write_pdf
    except ImportError as exc:
        raise FactcheckError(f"{output}: a PDF needs Qt, which is not available ({exc})") from None
    write_pdf(report, output)


def cmd_report(args: argparse.Namespace) -> int:
    if args.embed_text and args.format != "w3c":
        raise InvalidInput("--embed-text: only the w3c format carries article text")
    db = open_db(args)
    _refuse_the_project_itself(args.output, getattr(db, "path", ""))
    # The figures of newly imported articles are found for the report's "Figures that
    # disagree"; if the report cannot be written, that is rolled back with it, so a
    # refused report leaves the project exactly as it was.
    read_only = getattr(db, "read_only", False)  # nothing to find or roll back then
    with contextlib.nullcontext() if read_only else db.atomic():
        figures_ready(db)
        report = gather_report(db, args.articles, reviewer=reviewer(args), title=args.title)
        if args.embed_text:
            texts = {a.id: a.text for a in queries.get_articles(db, [x.info.id for x in
                                                                     report.articles])}  # fmt: skip
            write_text_atomic(args.output, lambda out: write_w3c(report, out, texts=texts))
        else:
            write_report(report, args.format, args.output)
    if args.format.startswith("claimreview"):
        for gap in missing_settings(report.meta):
            say(f"note: {gap}", err=True)
    n, a = report.summary.total, len(report.articles)
    say(f"wrote {args.output} ({args.format}): {n} claim{'s' if n != 1 else ''} "
          f"from {a} article{'s' if a != 1 else ''}")  # fmt: skip
    return 0


def _refuse_the_project_itself(output: Path, project: str) -> None:
    """``-o`` naming the project file (or its -wal/-shm) would replace the project
    with the report."""
    if not project or project == ":memory:":
        return
    for suffix in ("", "-wal", "-shm"):
        other = Path(project + suffix)
        with contextlib.suppress(OSError):
            if output.exists() and os.path.samefile(output, other):
                raise InvalidInput(f"{display_path(output)}: is the project file itself; "
                                   "choose another file for the report")  # fmt: skip


def cmd_import_annotations(args: argparse.Namespace) -> int:
    data = read_annotation_file(args.file)  # a file that is no annotation file changes nothing
    db = open_db(args, create=True)
    result = import_annotation_data(db, data, args.file, reviewer(args))
    if args.json:
        print_json({
            "created": result.created, "merged": result.merged,
            "unplaced": [{"annotation": u.annotation_id, "reason": u.reason}
                         for u in result.unplaced],
            "notes": list(result.notes), "links_added": result.links_added,
            "sources_added": result.sources_added, "ok": result.ok,
        })  # fmt: skip
    else:
        _print_some([f"not placed: {u.line()}" for u in result.unplaced], "not placed",
                     err=True)  # fmt: skip
        _print_some([f"note: {note}" for note in result.notes], "notes")
        say(f"{display_path(args.file)}: {result.summary()}")
    return 0 if result.ok else 1


SHOWN_LINES = 20  # per kind; a file of 300,000 bad annotations is summarised
LINE_CHARS = 200


def _print_some(lines: list[str], kind: str, *, err: bool = False) -> None:
    """The first :data:`SHOWN_LINES` of ``lines`` (each cut to one short line), then
    how many more there are: the terminal gets a summary, --json gets everything."""
    for line in lines[:SHOWN_LINES]:
        say(line if len(line) <= LINE_CHARS else line[: LINE_CHARS - 1] + "…", err=err)
    if len(lines) > SHOWN_LINES:
        say(f"… and {len(lines) - SHOWN_LINES} more {kind} (--json lists them all)", err=err)
