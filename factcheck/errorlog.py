"""The one place internal errors are written down: the log file in the platform's log
folder. The CLI and the window both call it, then show the user one line naming it."""

from __future__ import annotations

from pathlib import Path

from factcheck import __version__, paths


def log_exception(exc: BaseException, where: str = "") -> Path | None:
    """Append ``exc``'s traceback to ``factcheck.log``; the log's path, or None when the
    log itself cannot be written (the error is then only reported, never raised)."""
    import traceback  # imported here: the window's start-up does not pay for them
    from datetime import datetime

    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "factcheck.log"
        label = f" ({where})" if where else ""
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"\n--- {datetime.now().isoformat()} factcheck {__version__}{label}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return log
    except OSError:
        return None
