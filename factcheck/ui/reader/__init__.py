"""The reader: the article text with claims painted over it."""
