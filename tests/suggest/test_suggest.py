"""Suggested claims: the sample corpus's known figure claims rank high, the labelled
corpus of our own scores as the README says, and the command line accepts, rejects,
records claimants and finds a claim again in other articles."""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.core.suggest import sentences, suggest

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO / "bench"))
import suggest_quality  # noqa: E402

# The figure claims a reviewer of the samples must check, by a piece of each sentence.
KNOWN = {
    "000": ["saved more than 99,000 lives", "more than 3,000 volunteer"],
    "001": ["saved over 60,000 people", "emerged in 2013", "nearly 3,000 members"],
    "002": ["saved over 115,000 lives", "more than 3,000 members"],
    "003": ["rescued some 60,000 people", "at least three of the group", "two of the four civil"],
    "004": ["more than 100,000 people", "2,700-strong"],
}


@pytest.mark.parametrize("prefix", sorted(KNOWN))
def test_known_figure_claims_rank_in_the_top_fifth(prefix: str) -> None:
    (path,) = (REPO / "seeds").glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    top = math.ceil(len(sentences(text)) * 0.2)
    ranked = [text[s.start : s.end] for s in suggest(text)]
    for needle in KNOWN[prefix]:
        rank = next(i for i, s in enumerate(ranked, 1) if needle in s)
        assert rank <= top, f"{needle!r} ranked {rank}, top fifth is {top}"


def test_questions_opinion_and_boilerplate_rank_below_facts() -> None:
    text = ("The council spent £4 million on the bridge in 2021, officials said.\n\n"
            "Is the bridge worth it?\n\n"
            "“It is a wonderful bridge and we are proud of it,” said the mayor.\n\n"
            "Read more: the best bridges to visit this summer.\n")  # fmt: skip
    ranked = [text[s.start : s.end] for s in suggest(text)]
    assert ranked[0].startswith("The council spent £4 million")
    assert "Is the bridge worth it?" not in ranked
    assert not any(s.startswith("Read more") for s in ranked)


def test_the_claimant_comes_from_the_attribution() -> None:
    text = ("The White Helmets are a rescue group in Syria. The White Helmets work in "
            "rebel-held areas.\n\nThe group says it has saved more than 99,000 lives.\n\n"
            "According to the United Nations, 300,000 people have fled.\n")  # fmt: skip
    by_sentence = {text[s.start : s.end]: s for s in suggest(text)}
    saved = by_sentence["The group says it has saved more than 99,000 lives."]
    assert saved.claimant == "White Helmets"
    assert "attributed to the group" in saved.reason
    fled = by_sentence["According to the United Nations, 300,000 people have fled."]
    assert fled.claimant == "The United Nations"


def test_labelled_corpus_quality_is_what_the_readme_reports() -> None:
    results = [suggest_quality.measure(p) for p in sorted(suggest_quality.CORPUS.glob("*.txt"))]
    assert sum(q.sentences for q in results) >= 60
    for q in results:
        assert q.precision_at_10 >= 0.8, q
        assert q.recall_at_20 >= 0.8 * q.ceiling_20, q


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "t.db")
    assert _run(capsys, "import", "--db", db, str(REPO / "seeds"))[0] == 0
    return db


def test_suggest_accept_reject_and_claimant(project: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "suggest", "1", "--db", project, "--json", "--limit", "3")
    assert code == 0
    rows = json.loads(out)
    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert rows[0]["sentence"] == "The group says it has saved more than 99,000 lives."
    assert rows[0]["claimant"] == "White Helmets"
    code, out, _ = _run(capsys, "suggest", "1", "--db", project, "--accept", "1")
    claim_id = out.strip()
    code, out, _ = _run(capsys, "claims", "1", "--db", project, "--json")
    (claim,) = json.loads(out)
    assert (str(claim["id"]), claim["claimant"]) == (claim_id, "White Helmets")
    # the accepted sentence is no longer suggested; reject the next one for good
    code, out, _ = _run(capsys, "suggest", "1", "--db", project, "--json")
    after = json.loads(out)
    assert after[0]["sentence"] == rows[1]["sentence"]
    assert _run(capsys, "suggest", "1", "--db", project, "--reject", "1")[0] == 0
    code, out, _ = _run(capsys, "suggest", "1", "--db", project, "--json")
    assert rows[1]["sentence"] not in [r["sentence"] for r in json.loads(out)]
    # the claimant is editable, and shown in the reports
    assert _run(capsys, "claimant", claim_id, "Syria Civil Defence", "--db", project,
                "--date", "2018-07-23")[0] == 0  # fmt: skip
    code, out, _ = _run(capsys, "claims", "1", "--db", project, "--json")
    assert json.loads(out)[0]["claimant"] == "Syria Civil Defence"
    report = Path(project).with_suffix(".md")
    assert _run(capsys, "report", "--db", project, "--format", "md", "-o", str(report))[0] == 0
    assert "**Claimed by:** Syria Civil Defence" in report.read_text(encoding="utf-8")


def test_bad_suggestion_arguments_are_one_line(project: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "suggest", "--db", project, "--accept", "1")
    assert code == 1 and "need an ARTICLE_ID" in err and "Traceback" not in err
    code, _, err = _run(capsys, "suggest", "1", "--db", project, "--accept", "999")
    assert code == 1 and "not 999" in err
    code, _, err = _run(capsys, "claimant", "1", "x", "--db", project)
    assert code == 1 and "no claim with id 1" in err


def test_a_claim_marked_once_is_found_in_the_other_articles(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "mark", "2", "--db", project, "--quote", "over 60,000 people",
                        "--tag", "lives-saved")  # fmt: skip
    claim_id = out.strip()
    code, out, _ = _run(capsys, "elsewhere", claim_id, "--db", project, "--json")
    twins = json.loads(out)
    figures = sorted(t["quote"] for t in twins)
    assert figures == ["more than 100,000", "more than 99,000", "over 115,000", "some 60,000"]
    assert all(t["how"].startswith("the same fact:") for t in twins)
    code, out, _ = _run(capsys, "elsewhere", claim_id, "--db", project, "--mark")
    assert code == 0 and "marked 4 claims" in out
    code, out, _ = _run(capsys, "claims", "--db", project, "--json")
    assert code == 0
    claims = json.loads(out)
    assert len(claims) == 5 and all(c["tags"] == ["lives-saved"] for c in claims)


def test_signal_word_gates_cover_every_match() -> None:
    """The scorer skips a signal's pattern when none of its first words is in the
    sentence; every match the pattern finds (in the samples, the labelled corpus and
    benchmark-style articles) must start with a word of its gate, or scores would change."""
    import bench_suggest

    from factcheck.core import suggest as s

    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    texts += [suggest_quality.load(p)[0] for p in sorted(suggest_quality.CORPUS.glob("*.txt"))]
    texts += bench_suggest.articles(seed=3, n=20)
    gates = [(s._SAYING, s._SAYING_FIRST), (s._COMPARISON, s._COMPARISON_FIRST),
             (s._FACTUAL, s._FACTUAL_FIRST), (s._TIME, s._TIME_FIRST),
             (s._BOILERPLATE, s._BOILERPLATE_FIRST | {"©"})]  # fmt: skip
    seen = 0
    for text in texts:
        for pattern, first in gates:
            for m in pattern.finditer(text):
                seen += 1
                words = re.findall(r"\w+|©", m.group(0))
                assert words[0].casefold() in first, m.group(0)
    assert seen > 500


def test_accept_and_reject_together_are_refused_and_nothing_is_marked(
        project: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["suggest", "1", "--db", project, "--accept", "1", "--reject", "2"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    code, out, _ = _run(capsys, "claims", "1", "--db", project, "--json")
    assert (code, json.loads(out)) == (0, [])
