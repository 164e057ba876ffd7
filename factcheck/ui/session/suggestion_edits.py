"""The session's suggested claims (a part of :class:`~factcheck.ui.session.session.Session`):
scoring in the background, the open suggestions of an article, accepting one as a claim
with its claimant, rejecting one for good, and a claim's twins in other articles; edits
are undoable commands (:mod:`factcheck.ui.session.suggestion_commands`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from factcheck.ui.session.session_part import SessionPart

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject, SignalInstance

    from factcheck.core.model import Article, Claim
    from factcheck.core.suggest import Suggestion
    from factcheck.store.suggestions import Twin
    from factcheck.ui.session.suggestions import SuggestionScorer


class SuggestionEdits(SessionPart):
    if TYPE_CHECKING:  # the Session's
        suggestionsReady: SignalInstance
        _scorer: SuggestionScorer | None

        def claim(self, claim_id: int) -> Claim | None: ...
        def figures_pending(self) -> int: ...
        def figures_pending_size(self) -> int: ...
        def update_figures(self, article_ids: list[int] | None = None,
                           progress: Callable[[int, int], None] | None = None) -> None: ...
        def mark(self, article_id: int, start: int, end: int, text_hash: str | None = None,
                 *, claimant: str = "") -> int | None: ...  # fmt: skip

    @property
    def scorer(self) -> SuggestionScorer:
        """Scores articles in the background; ``suggestionsReady(article_id)`` follows."""
        if self._scorer is None:
            from factcheck.ui.session.suggestions import SuggestionScorer

            self._scorer = SuggestionScorer(cast("QObject", self))  # the Session
            self._scorer.ready.connect(lambda aid, _h, _s: self.suggestionsReady.emit(aid))
        return self._scorer

    def request_suggestions(self, article: Article) -> None:
        """Score the article in the background (``suggestionsReady`` when done)."""
        language = str(getattr(article, "language", "") or "") or None
        self.scorer.request(article.id, article.content_hash, article.text, language,
                            article.published)  # fmt: skip

    def suggestions(self, article: Article) -> list[Suggestion] | None:
        """The article's suggestions, best first, less rejected and marked sentences;
        None while its text is still being scored."""
        found = self.scorer.cached(article.content_hash)
        if found is None:
            return None
        from factcheck.store.suggestions import still_open

        return still_open(self.db, article.id, article.text, found)

    def accept_suggestion(self, article: Article, suggestion: Suggestion) -> int | None:
        """Mark a suggested sentence as a claim with its claimant (undoable)."""
        return self.mark(article.id, suggestion.start, suggestion.end, article.content_hash,
                         claimant=suggestion.claimant)  # fmt: skip

    def reject_suggestion(self, article: Article, suggestion: Suggestion) -> None:
        from factcheck.ui.session.suggestion_commands import RejectSuggestion

        sentence = article.text[suggestion.start : suggestion.end]
        self.run(RejectSuggestion(self, article.id, sentence))

    def set_claimant(self, claim_id: int, name: str) -> None:
        from factcheck.ui.session.suggestion_commands import SetClaimant

        claim = self.claim(claim_id)
        name = " ".join(name.split())
        if claim is not None and claim.claimant != name:
            self.run(SetClaimant(self, claim_id, claim.claimant, name))

    def found_elsewhere(self, claim_id: int, *, catch_up_limit: tuple[int, int] | None = None,
                        ) -> list[Twin]:  # fmt: skip
        """The claim's twins in other articles. Figures of the same fact count among
        them, so queued articles have their figures found first; ``catch_up_limit``
        (articles, characters): only when at most that many articles, and that much text,
        are queued (an offer after each mark must stay cheap: one long article costs
        as much as hundreds of short ones)."""
        from factcheck.store.suggestions import found_elsewhere

        if catch_up_limit is None or (
            0 < self.figures_pending() <= catch_up_limit[0]
            and self.figures_pending_size() <= catch_up_limit[1]
        ):
            self.update_figures()
        return found_elsewhere(self.db, claim_id)

    def mark_everywhere(self, claim_id: int) -> int:
        """Mark the claim's twins in other articles, linked same-as (undoable); how many."""
        from factcheck.ui.session.suggestion_commands import MarkEverywhere

        twins = self.found_elsewhere(claim_id)
        if twins and self.run(MarkEverywhere(self, claim_id, twins)) is not None:
            return len(twins)
        return 0
