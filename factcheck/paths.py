"""Where factcheck keeps its files: the one place that asks platformdirs.

``FACTCHECK_DATA_DIR`` overrides the data directory (tests and portable installs use it);
nothing else in the code base builds a user path by hand. platformdirs is imported when
a path is first asked for (it pulls in tempfile, shutil and random: a command that is
given ``--db`` never needs it).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "factcheck"
PROJECT_FILENAME = "factcheck.db"
_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The per-user data directory (created on demand by callers that write)."""
    override = os.environ.get("FACTCHECK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where internal-error details are written (never shown raw to the user)."""
    override = os.environ.get("FACTCHECK_DATA_DIR")
    if override:
        return Path(override) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Files derived from installed packages, rebuilt whenever missing (the language
    model decompressed): ``FACTCHECK_CACHE_DIR``, else a ``cache`` folder in the data
    directory ``FACTCHECK_DATA_DIR`` names, else the platform's user cache folder."""
    override = os.environ.get("FACTCHECK_CACHE_DIR")
    if override:
        return Path(override)
    data = os.environ.get("FACTCHECK_DATA_DIR")
    if data:
        return Path(data) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_project() -> Path:
    """The project opened when the user names none."""
    return data_dir() / PROJECT_FILENAME


def _bundled(name: str) -> Path:
    # A wheel carries the folders under factcheck/_bundled; a source checkout (and
    # the editable install `make` uses) has them at the repository top.
    packaged = _PACKAGE_DIR / "_bundled" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


def seeds_dir() -> Path:
    """The sample articles imported into a new, empty project."""
    return _bundled("seeds")


def resources_dir() -> Path:
    """Icons, stylesheets and templates shipped with the app."""
    return _bundled("resources")
