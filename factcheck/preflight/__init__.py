"""Checks made before Qt is loaded, so that a machine that cannot show the window gets
one clear message (what to install, and how) instead of Qt's abort.

Pure Python: nothing here imports Qt.
"""

from factcheck.preflight.check import Problem, diagnose, window_problem

__all__ = ["Problem", "diagnose", "window_problem"]
