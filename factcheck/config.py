"""User preferences that the CLI and the GUI share: who the reviewer is, and the
organisation named in exports. Kept as a small JSON file in the platform's config dir
(``FACTCHECK_CONFIG_DIR`` overrides it); Qt's QSettings holds only window state.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from factcheck.paths import APP_NAME


def config_path() -> Path:
    override = os.environ.get("FACTCHECK_CONFIG_DIR")
    if override:
        return Path(override) / "config.json"
    import platformdirs  # only when the user has not said where (see factcheck.paths)

    base = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return base / "config.json"


@dataclass(slots=True)
class Config:
    reviewer: str = ""
    organisation: str = ""
    organisation_url: str = ""

    def reviewer_or_login(self) -> str:
        """The configured reviewer name, else the system user's (never empty)."""
        return self.reviewer.strip() or system_user_name()


def system_user_name() -> str:
    """The name to record before the reviewer has given one: the full name of the
    system account (its GECOS field, on Unix), else the login name, else "reviewer".
    The window and the command line both use it, so they agree."""
    try:
        import pwd

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",", 1)[0].strip()
    except (ImportError, KeyError, OSError, AttributeError):
        full = ""
    if full:
        return full
    import getpass  # (and termios): not on every start of the window

    try:
        return getpass.getuser() or "reviewer"
    except (KeyError, OSError):
        return "reviewer"


def load() -> Config:
    """The saved preferences; defaults when the file is missing or unreadable."""
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Config()
    if not isinstance(data, dict):
        return Config()
    known = Config.__dataclass_fields__
    return Config(**{k: str(v) for k, v in data.items() if k in known})


def save(config: Config) -> None:
    """Write atomically, so a crash mid-write never leaves a truncated file."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(asdict(config), indent=2), encoding="utf-8")
    os.replace(tmp, path)
