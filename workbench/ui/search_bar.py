"""The search box and filter menus above the candidate list, and the criteria they express."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from workbench.domain.certifications import CertificationRule, ClaimStatus
from workbench.domain.claims import STATUS_LABELS
from workbench.domain.roles import Level, Specialisation
from workbench.domain.search import SearchCriteria, SortKey, Visibility
from workbench.domain.vetting import Stage


class SearchBar(QWidget):
    """Full-text box plus role, level, availability, stage, country, certification, deleted."""

    textChanged = Signal(str)
    filtersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(
            self.tr("Search names, email, summary, skills, work history…  (Ctrl+F)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.textChanged)

        self.role_filter = self._combo(
            "roleFilter", [(self.tr("Any role"), None)] + [(r.label, r) for r in Specialisation]
        )
        self.level_filter = self._combo(
            "levelFilter", [(self.tr("Any level"), None)] + [(lv.label, lv) for lv in Level]
        )
        self.availability_filter = self._combo(
            "availabilityFilter",
            [
                (self.tr("Available any time"), None),
                (self.tr("Available now"), 0),
                (self.tr("Available within 30 days"), 30),
                (self.tr("Available within 90 days"), 90),
            ],
        )
        self.country_filter = self._combo("countryFilter", [(self.tr("Any country"), "")])
        self.stage_filter = self._combo("stageFilter", [(self.tr("Any stage"), None)])
        self.visibility_filter = self._combo(
            "visibilityFilter",
            [
                (self.tr("Active candidates"), Visibility.ACTIVE),
                (self.tr("Deleted (restorable)"), Visibility.DELETED),
            ],
        )
        self.certification_filter = self._combo(
            "certificationFilter", [(self.tr("Any certification"), "")]
        )
        self.certification_status_filter = self._combo(
            "certificationStatusFilter",
            [(self.tr("Any status"), None)]
            + [(self.tr(label), status) for status, label in STATUS_LABELS.items()],
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        # Two rows: eight menus side by side would squeeze each to a few letters.
        for combos in (
            (self.role_filter, self.level_filter, self.availability_filter, self.stage_filter),
            (
                self.country_filter,
                self.certification_filter,
                self.certification_status_filter,
                self.visibility_filter,
            ),
        ):
            row = QHBoxLayout()
            for combo in combos:
                row.addWidget(combo, 1)
            layout.addLayout(row)

    def _combo(self, name: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        # Long role names must not force the window wider than a small laptop screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self.filtersChanged)
        return combo

    def criteria(self, sort: SortKey | None, descending: bool) -> SearchCriteria:
        """Return what the box and the filters ask for, with the list's sort."""
        role = self.role_filter.currentData()
        level = self.level_filter.currentData()
        days = self.availability_filter.currentData()
        status = self.certification_status_filter.currentData()
        stage = self.stage_filter.currentData()
        return SearchCriteria(
            text=self.search_box.text(),
            roles=(role,) if role else (),
            levels=(level,) if level else (),
            available_by=None if days is None else date.today() + timedelta(days=days),
            country=self.country_filter.currentData() or "",
            visibility=self.visibility_filter.currentData(),
            certification=self.certification_filter.currentData() or "",
            certification_status=status if isinstance(status, ClaimStatus) else None,
            stage_ids=(stage,) if isinstance(stage, int) else (),
            sort=sort,
            descending=descending,
        )

    def set_countries(self, countries: list[str]) -> None:
        """Offer the given countries, keeping the current choice when it is still there."""
        current = self.country_filter.currentData()
        self.country_filter.blockSignals(True)
        self.country_filter.clear()
        self.country_filter.addItem(self.tr("Any country"), "")
        for country in countries:
            self.country_filter.addItem(country, country)
        self.country_filter.setCurrentIndex(max(self.country_filter.findData(current), 0))
        self.country_filter.blockSignals(False)

    def set_stages(self, stages: list[Stage]) -> None:
        """Offer the pipeline's stages in order, keeping the current choice when still there."""
        combo = self.stage_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Any stage"), None)
        for stage in stages:
            # Exits are set apart in the board; here a mark tells them from the main line.
            text = stage.name + (self.tr(" (exit)") if stage.closed else "")
            combo.addItem(text, stage.id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        if combo.currentData() != current:
            self.filtersChanged.emit()  # the chosen stage was removed: list every stage

    def set_certifications(self, rules: list[CertificationRule]) -> None:
        """Offer the catalogue's codes, keeping the current choice when it is still there."""
        combo = self.certification_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Any certification"), "")
        for rule in rules:
            text = rule.code + (self.tr(" (retired)") if rule.retired else "")
            combo.addItem(text, rule.code)
            combo.setItemData(combo.count() - 1, rule.name, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        if combo.currentData() != current:
            self.filtersChanged.emit()  # the chosen code left the catalogue: list them all

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected."""
        self.search_box.setFocus()
        self.search_box.selectAll()
