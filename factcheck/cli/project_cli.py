"""``factcheck settings`` (who the project's exports are by) and ``factcheck
datasette-config`` (browsing the project file in Datasette)."""

from __future__ import annotations

import argparse

from factcheck import paths
from factcheck.cli.context import add_db_option, open_db
from factcheck.cli.output import print_json, say
from factcheck.core.interchange.ids import is_iri
from factcheck.errors import InvalidInput
from factcheck.store import ops, queries
from factcheck.store.datasette import datasette_config

SETTINGS = ("organisation", "organisation_url")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "settings",
        help="show or set the organisation named in exports (project settings)",
        description="With no option, print the project's settings. --organisation and "
        "--organisation-url set who the ClaimReview and W3C exports are by; an empty "
        "value clears one.",
    )
    p.add_argument("--organisation", metavar="NAME")
    p.add_argument("--organisation-url", metavar="URL", dest="organisation_url",
                   help="the organisation's site (http or https)")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser(
        "datasette-config",
        help="print a Datasette configuration for the project file (label columns, "
        "descriptions, facets)",
        description="Print JSON for `datasette PROJECT -c FILE` (or -m with Datasette 0.x).",
    )
    add_db_option(p)
    p.set_defaults(func=cmd_datasette_config)


def cmd_settings(args: argparse.Namespace) -> int:
    db = open_db(args)
    url = args.organisation_url
    if url is not None and url.strip() and not (
        is_iri(url.strip()) and url.strip().lower().startswith(("http://", "https://"))
    ):
        raise InvalidInput(f"--organisation-url: {url!r} is not an http(s) address")
    for key in SETTINGS:
        value = getattr(args, key)
        if value is not None:
            ops.set_setting(db, key, value.strip())
    values = {key: queries.get_setting(db, key) for key in SETTINGS}
    if args.json:
        print_json(values)
    else:
        for key, value in values.items():
            say(f"{key}: {value}")
    return 0


def cmd_datasette_config(args: argparse.Namespace) -> int:
    db = open_db(args)
    path = args.db if args.db is not None else paths.default_project()
    print_json(datasette_config(db, path))
    return 0
