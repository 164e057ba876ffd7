"""How a cell of the claim list is painted (see :mod:`factcheck.ui.common.cell_delegate`):
the verdict column with its colour swatch, every cell's text from the model's rows."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView

from factcheck.ui.claims.claim_model import COLUMNS, ClaimListModel
from factcheck.ui.common.cell_delegate import CellDelegate, Index
from factcheck.ui.common.theme import status_color

_STATUS_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.key == "status")


class ClaimDelegate(CellDelegate):
    """Paints the cells of a view over ``model``."""

    def __init__(self, model: ClaimListModel, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._model = model
        self._swatches: dict[str, QColor] = {}

    def cell(self, index: Index) -> tuple[str, QColor | None] | None:
        row = self._model.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        swatch = None
        if column == _STATUS_COLUMN:
            swatch = self._swatches.get(row.status)
            if swatch is None:
                swatch = self._swatches[row.status] = status_color(row.status)
        return COLUMNS[column].value(row), swatch
