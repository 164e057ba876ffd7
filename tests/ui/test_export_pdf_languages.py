"""The PDF report draws Chinese, Arabic, Hebrew and emoji with real glyphs.

Run in a child process whose fontconfig sees only the test fonts (tests/data/fonts: a
Noto Sans CJK SC and a Noto Color Emoji subset) and DejaVu (which covers Arabic and
Hebrew; .ci/run installs it): what is checked does not depend on the fonts this machine
happens to have."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "tests" / "data" / "fonts"
DATA = ROOT / "tests" / "data" / "languages"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

SCRIPT = r"""
import sys
from pathlib import Path
from PySide6.QtGui import QFontDatabase
from factcheck.render.pdf import ensure_gui_app, write_pdf
from factcheck.core.model import ArticleDraft
from factcheck.store import ops
from factcheck.store.project import connect
from factcheck.store.report_data import gather_report

fonts, data, out = map(Path, sys.argv[1:4])
ensure_gui_app()
for font in sorted(fonts.glob("*.[ot]tf")):
    assert QFontDatabase.addApplicationFont(str(font)) >= 0, font
db = connect(":memory:")
names = ("zh", "ar", "he")
drafts = [ArticleDraft(n, (data / f"{n}.txt").read_text(encoding="utf-8")) for n in names]
imported, _ = ops.import_articles(db, drafts, "t")
zh, ar, he = (i.article_id for i in imported)
ops.mark_quote(db, zh, "三千多名志愿者", "t", note="已核实 😀")
ops.mark_quote(db, ar, "الخوذ البيضاء", "t", note="👍 ✅")
ops.mark_quote(db, he, "הקסדות הלבנות", "t", note="🔥")
write_pdf(gather_report(db), out)
"""


def test_the_pdf_carries_cjk_text_and_draws_emoji(tmp_path: Path) -> None:
    dirs = [FONTS, *([DEJAVU] if DEJAVU.is_dir() else [])]
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        + "".join(f"<dir>{d}</dir>" for d in dirs)
        + f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8")  # fmt: skip
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    out = tmp_path / "report.pdf"
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(FONTS), str(DATA), str(out)],
                         capture_output=True, text=True, env=env, timeout=300)  # fmt: skip
    assert run.returncode == 0, run.stderr
    reader = pypdf.PdfReader(out)
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert "三千多名志愿者" in text and "已核实" in text  # real glyphs with a Unicode map
    fonts: set[str] = set()
    images = 0
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
        images += sum(x.get_object()["/Subtype"] == "/Image"
                      for x in resources.get("/XObject", {}).values())  # not the footers' forms
    assert any("NotoSansCJK" in f for f in fonts), fonts
    # The chart, and each of the four colour emoji drawn as a picture, not an empty box.
    assert images == 1 + 4, images
