"""``python -m factcheck`` is the same as the ``factcheck`` command."""

from factcheck.cli.main import main

raise SystemExit(main())
