"""The verification report: its data model (``model``, ``build``) and its renderers
(``html``, ``markdown``, ``csv_report``, ``json_report``; the W3C and ClaimReview
exports live in :mod:`factcheck.core.interchange`). :mod:`.formats` names them all.
The PDF is drawn by Qt, in ``factcheck.render.pdf``."""
