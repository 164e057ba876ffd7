"""Pieces every view shares: the action table, theme, icons, messages,
layout and plain claim rows."""
