"""The claim pane: the claim list, its filters and the claim editor."""
