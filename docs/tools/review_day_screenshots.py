"""Screenshots of the screens this branch changed, light and dark."""
import os, sys, tempfile
from pathlib import Path
tmp = Path(tempfile.mkdtemp())
os.environ["FACTCHECK_DATA_DIR"] = str(tmp / "data")
os.environ["FACTCHECK_CONFIG_DIR"] = str(tmp / "config")
from PySide6.QtCore import QSettings, QTimer, Qt
from PySide6.QtWidgets import QApplication
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qs"))
app = QApplication(sys.argv)
QApplication.setStyle("Fusion")
from factcheck import config
config.save(config.Config(reviewer="Tess Tester"))
from factcheck.core.model import Relation, Status
from factcheck.ui.shell.main_window import MainWindow
out = Path(sys.argv[1])

def settle(ms=150):
    end = __import__("time").time() + ms / 1000
    while __import__("time").time() < end:
        app.processEvents()

for scheme in ("light", "dark"):
    w = MainWindow("Tess Tester")
    w.resize(1500, 920)
    w.load_project(tmp / f"{scheme}.db", seed=True)
    w.show(); settle()
    w.apply_scheme(scheme)
    s = w.session
    ids = w.navigator.articles.ids()
    def mark(aid, phrase):
        t = s.article(aid).text; i = t.index(phrase); return s.mark(aid, i, i + len(phrase))
    other = mark(ids[4], "Raed al Saleh")
    b = mark(ids[1], "nearly 3,000 members")
    s.set_status(b, Status.CONTRADICTED); s.add_tag(b, "figures")
    a = mark(ids[0], "more than 3,000 volunteer rescue workers")
    s.add_tag(a, "figures"); s.add_tag(a, "volunteers")
    s.link(a, b, Relation.CONTRADICTS); s.link(a, other, Relation.SAME_AS)
    s.set_status(a, Status.INCONCLUSIVE)
    s.set_note(a, "Syria Civil Defence's own site says 3,000; NPR says nearly 3,000; TIME says 2,700-strong. Which date does each figure belong to?")
    c = mark(ids[0], "Abu Omar")
    w.select_claim(a); settle()
    w.claim_pane.view.setFocus(); settle()
    w.grab().save(str(out / f"review-day-window-{scheme}.png"))
    # the claims of the project
    w.toggle_claims_table(); settle(300)
    w.grab().save(str(out / f"review-day-claims-table-{scheme}.png"))
    w.toggle_claims_table(); settle()
    # filter on
    combo = w.claim_pane.filters["status"]; combo.setCurrentIndex(combo.findData("contradicted")); settle()
    w.claim_pane.grab().save(str(out / f"review-day-filter-on-{scheme}.png"))
    w.claim_pane.clear_filters(); settle()
    # narrow
    w.resize(800, 600); settle(300)
    w.grab().save(str(out / f"review-day-800px-{scheme}.png"))
    w.resize(1500, 920); settle()
    # tag manager and details dialog
    from factcheck.ui.claims.tag_manager import TagManagerDialog
    s.set_tag_description("figures", "Any number, size or amount stated as fact")
    d = TagManagerDialog(s, w); d.show(); settle()
    d.grab().save(str(out / f"review-day-tags-{scheme}.png")); d.close()
    from factcheck.ui.articles.details_dialog import ArticleDetailsDialog
    dd = ArticleDetailsDialog(s.article(ids[0]), w); dd.show(); settle()
    dd.grab().save(str(out / f"review-day-details-{scheme}.png")); dd.close()
    w.close(); settle()
