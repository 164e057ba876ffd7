"""Rendering with Qt outside the window: the PDF report.

Not user interface: the CLI writes PDFs from a terminal without a display, so this
package imports Qt's GUI module but never ``factcheck.ui``.
"""
