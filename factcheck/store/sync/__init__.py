"""Sharing a project between reviewers through changeset files (see service.py)."""
