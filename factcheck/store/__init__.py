"""The project file: SQLite through sqlite-utils (no Qt here).

sqlite-utils (and what it imports: click, pluggy, dateutil) costs more to import than a
read command spends on its work, so this package does not import it: the modules that
write import ``Database`` from :mod:`factcheck.store.database`, and ``Database`` here is
looked up from there on first use. :mod:`factcheck.store.reading` opens a project for
reading without it.
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database as Database


def __getattr__(name: str) -> object:
    if name == "Database":
        from factcheck.store.database import Database

        return Database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
