"""Reading the project: every query the CLI, the GUI and the exports need.

Read functions return core model objects (or plain tuples where the window needs
thousands of rows fast); they never write. The article list reads no article text, so it
stays cheap in a 10,000-article project. One module per subject; everything is
re-exported here, so callers write ``queries.get_claim(db, 1)``.

The query modules are imported when one of their functions is first used (PEP 562), so
that a command reading the article list does not load the figure finder that the
figures' queries need. No module is named like a function it re-exports: the module,
once imported, would stand in the package's name for the function.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from factcheck.store.queries.articles import (
        article_count,
        article_ids_by_hash,
        article_ids_by_revision_hash,
        article_ids_by_url,
        article_infos,
        article_language,
        article_summaries,
        get_article,
        get_article_title,
        get_articles,
        get_setting,
        list_articles,
    )
    from factcheck.store.queries.claims import (
        all_claims,
        claim_exists,
        claim_outline,
        claim_outline_first,
        claim_tags_for_article,
        claim_tags_for_claims,
        claim_tallies,
        claim_updated_at,
        claimants_for_article,
        claims_by_ids,
        claims_for_article,
        claims_needing_review,
        get_claim,
        list_tags,
        next_claim_with_status,
        placement_counts,
    )
    from factcheck.store.queries.desk import (
        adjudications,
        conflicts,
        disagreements,
        reviewer_verdicts,
        reviewers,
    )
    from factcheck.store.queries.evidence import (
        all_evidence,
        evidence_for_claim,
        get_evidence,
        history,
        history_for_claim,
        last_changes,
    )
    from factcheck.store.queries.figures import (
        all_figures,
        board_articles,
        board_cells,
        board_fact,
        board_titles,
        fact_detail,
        fact_details,
        figure_reasons,
        figure_spans,
        figures_for_article,
        get_fact,
        get_figure,
        list_facts,
        resolve_fact,
    )
    from factcheck.store.queries.full_text import search
    from factcheck.store.queries.revisions import (
        current_revision_number,
        get_revision,
        get_revision_by_number,
        list_revisions,
        revision_numbers_by_hash,
    )

_MODULE_OF: dict[str, str] = {
    "adjudications": "desk",
    "conflicts": "desk",
    "disagreements": "desk",
    "reviewer_verdicts": "desk",
    "reviewers": "desk",
    "search": "full_text",
    "figure_reasons": "figures",
    "board_titles": "figures",
    "board_fact": "figures",
    "board_cells": "figures",
    "board_articles": "figures",
    "all_claims": "claims",
    "all_evidence": "evidence",
    "all_figures": "figures",
    "article_count": "articles",
    "article_ids_by_hash": "articles",
    "article_ids_by_revision_hash": "articles",
    "article_ids_by_url": "articles",
    "article_infos": "articles",
    "article_language": "articles",
    "article_summaries": "articles",
    "claim_exists": "claims",
    "claim_outline": "claims",
    "claim_outline_first": "claims",
    "claim_tags_for_article": "claims",
    "claim_tags_for_claims": "claims",
    "claim_tallies": "claims",
    "claim_updated_at": "claims",
    "claimants_for_article": "claims",
    "claims_by_ids": "claims",
    "claims_for_article": "claims",
    "claims_needing_review": "claims",
    "current_revision_number": "revisions",
    "evidence_for_claim": "evidence",
    "fact_detail": "figures",
    "fact_details": "figures",
    "figure_spans": "figures",
    "figures_for_article": "figures",
    "get_article": "articles",
    "get_article_title": "articles",
    "get_articles": "articles",
    "get_claim": "claims",
    "get_evidence": "evidence",
    "get_fact": "figures",
    "get_figure": "figures",
    "get_revision": "revisions",
    "get_revision_by_number": "revisions",
    "get_setting": "articles",
    "history": "evidence",
    "history_for_claim": "evidence",
    "last_changes": "evidence",
    "list_articles": "articles",
    "list_facts": "figures",
    "list_revisions": "revisions",
    "list_tags": "claims",
    "next_claim_with_status": "claims",
    "placement_counts": "claims",
    "resolve_fact": "figures",
    "revision_numbers_by_hash": "revisions",
}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "adjudications",
    "all_claims",
    "all_evidence",
    "all_figures",
    "article_count",
    "article_ids_by_hash",
    "article_ids_by_revision_hash",
    "article_ids_by_url",
    "article_infos",
    "article_language",
    "article_summaries",
    "board_articles",
    "board_cells",
    "board_fact",
    "board_titles",
    "claim_exists",
    "claim_outline",
    "claim_outline_first",
    "claim_tags_for_article",
    "claim_tags_for_claims",
    "claim_tallies",
    "claim_updated_at",
    "claimants_for_article",
    "claims_by_ids",
    "claims_for_article",
    "claims_needing_review",
    "conflicts",
    "current_revision_number",
    "disagreements",
    "evidence_for_claim",
    "fact_detail",
    "fact_details",
    "figure_reasons",
    "figure_spans",
    "figures_for_article",
    "get_article",
    "get_article_title",
    "get_articles",
    "get_claim",
    "get_evidence",
    "get_fact",
    "get_figure",
    "get_revision",
    "get_revision_by_number",
    "get_setting",
    "history",
    "history_for_claim",
    "last_changes",
    "list_articles",
    "list_facts",
    "list_revisions",
    "list_tags",
    "next_claim_with_status",
    "placement_counts",
    "resolve_fact",
    "reviewer_verdicts",
    "reviewers",
    "revision_numbers_by_hash",
    "search",
]
