"""sqlite-utils' ``Database``, imported with numpy and pandas hidden.

sqlite-utils imports numpy and pandas when they are installed, only to map their
number types for ``insert()``; factcheck never inserts such values, and numpy is
installed (py3langid needs it), so every command that opened a project paid a tenth of
a second for it. Every module of the store imports ``Database`` from here, so that
whichever comes first imports sqlite-utils with those two hidden; they import normally
afterwards for whoever needs them.

A command that only reads a project does not import this module at all (see
:mod:`factcheck.store.reading`).
"""

import sys


def _import_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" fails
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_import_sqlite_utils()

from sqlite_utils import Database as Database  # noqa: E402  (after the import above)
from sqlite_utils.migrations import Migrations as Migrations  # noqa: E402
