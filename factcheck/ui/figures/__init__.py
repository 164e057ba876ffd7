"""The figures board: facts across articles and the figures that disagree."""
