"""Screenshots of the review window on an Arabic and a mixed-direction article with
claims, light and dark (docs/screenshots/languages-*.png).

Run under a real X server so fonts and shaping are those a desktop has, e.g.:

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/shoot_languages.py

It works on a throw-away project and settings in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "languages"
OUT = Path(__file__).resolve().parent

CLAIMS = {  # article -> (quote, verdict, note)
    "ar": [("أكثر من 3,000 متطوع", "contradicted", "Other reports say nearly 3,000."),
           ("White Helmets هو الاسم", "corroborated", ""),
           ("تأسست عام 2013", "inconclusive", ""),
           ("السَّلَامُ هو ما يريده السوريون", "unverified", "")],
    "mixed": [("known in Arabic as الدفاع المدني السوري", "corroborated", ""),
              ("more than 3,000 volunteers", "contradicted", ""),
              ("نحن لا ننتمي إلى أي طرف", "unverified", "The spokesman's words, in Arabic."),
              ("called הקסדות הלבנות", "inconclusive", "")],
}  # fmt: skip


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-shots-"))
    os.environ["FACTCHECK_DATA_DIR"] = str(tmp / "data")
    os.environ["FACTCHECK_CONFIG_DIR"] = str(tmp / "config")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from factcheck import config
    from factcheck.core.model import ArticleDraft, Status
    from factcheck.store import ops
    from factcheck.store.project import connect
    from factcheck.ui.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qs"))
    config.save(config.Config(reviewer="Rana Haddad"))
    path = tmp / "languages.db"
    db = connect(path)
    titles = {"ar": "", "mixed": "Rescue workers in Aleppo"}
    ids = {}
    for name in CLAIMS:
        text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
        draft = ArticleDraft(titles[name] or text.split("\n")[0], text, outlet="Sample")
        (imp,), _ = ops.import_articles(db, [draft], "Rana")
        ids[name] = imp.article_id
        for quote, status, note in CLAIMS[name]:
            ops.mark_quote(db, imp.article_id, quote, "Rana Haddad", status=Status(status),
                           note=note)  # fmt: skip
    db.close()
    for scheme in ("light", "dark"):
        window = MainWindow("Rana Haddad")
        window.resize(1400, 820)
        window.load_project(path, seed=False)
        window.apply_scheme(scheme)
        window.show()
        for name in CLAIMS:
            window.open_article(ids[name])
            claim = window.reader.claim_ids()[0]
            window.select_claim(claim)
            for _ in range(20):
                app.processEvents()
            suffix = "" if scheme == "light" else "-dark"
            shot = OUT / f"languages-{name}{suffix}.png"
            window.grab().save(str(shot))
            print("wrote", shot)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
