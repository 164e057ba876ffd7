"""Errors a user may see.

Anything raised as a :class:`FactcheckError` carries a message written for the person at
the keyboard: it names the file or thing and the problem, in one line. The CLI prints it
on stderr and the GUI shows it in a message box; neither shows a traceback.
"""


class FactcheckError(Exception):
    """A problem the user can act on; ``str(err)`` is the one-line message."""


class ProjectError(FactcheckError):
    """The project file cannot be opened, read or written."""


class ImportRefused(FactcheckError):
    """A file was refused by the importer (binary, empty, too large, undecodable...)."""


class NotFound(FactcheckError):
    """An article, claim, tag or link named by the user does not exist."""


class InvalidInput(FactcheckError):
    """A value given by the user is not acceptable (bad status, empty quote...)."""
