"""The queries package loads its modules on first use; every name it lists stays the
function, whichever module was imported first and however."""

from __future__ import annotations

import subprocess
import sys


def test_every_listed_query_is_a_function_after_its_modules_are_imported_directly() -> None:
    code = (
        "import pkgutil, importlib\n"
        "import factcheck.store.queries as q\n"
        "for m in pkgutil.iter_modules(q.__path__):\n"
        "    importlib.import_module('factcheck.store.queries.' + m.name)\n"
        "print([n for n in q.__all__ if not callable(getattr(q, n))], len(q.__all__))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()  # fmt: skip
    assert out[0] == "[]" and int(out[1]) > 40


def test_a_query_used_first_loads_its_module_only() -> None:
    code = (
        "import sys\n"
        "from factcheck.store import queries\n"
        "def loaded():\n"
        "    return {m for m in sys.modules if m.startswith('factcheck.store.queries.')}\n"
        "before = loaded()\n"
        "queries.list_articles\n"
        "print(sorted(before), sorted(loaded() - before), 'sqlite_utils' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    # the package alone loads no query module; the first query loads its own module and
    # the SQL helpers, and none of them sqlite-utils (a read command goes without it)
    assert out.strip() == (
        "[] ['factcheck.store.queries._sql', 'factcheck.store.queries.articles'] False"
    )
