"""factcheck: review news articles claim by claim."""

__version__ = "0.1.0"
