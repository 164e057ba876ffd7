"""The article list and everything that brings articles in: import, paste, edit text."""
