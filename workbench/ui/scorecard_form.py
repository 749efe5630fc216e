"""The vetting scorecard as a form: a score and comment per criterion, what was confirmed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.vetting import (
    METHODOLOGIES,
    SCORE_LABELS,
    TOOLS,
    Criterion,
    Rating,
    Scorecard,
    ScorecardDraft,
)
from workbench.ui.editor_sections import (
    error_label,
    field_row,
    show_error,
    show_field_errors,
    shown_error,
)

CHECK_COLUMNS = 3


class ScorecardForm(QGroupBox):
    """Edit a candidate's scorecard; the tab around it saves it."""

    changed = Signal()
    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build an empty scorecard form."""
        super().__init__(parent)
        self.setTitle(self.tr("Scorecard"))
        self._errors: dict[str, QLabel] = {}
        self.scores: dict[Criterion, QComboBox] = {}
        self.comments: dict[Criterion, QLineEdit] = {}
        self.methodologies: dict[str, QCheckBox] = {}
        self.tools: dict[str, QCheckBox] = {}
        self._dirty = False
        self._loading = False
        # The version the edits started from: saving is checked against it, not the latest.
        self.base_version: int | None = None
        self._build()

    def _build(self) -> None:
        """Lay out one row per criterion, the confirmed lists and the Save button."""
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for criterion in Criterion:
            score = QComboBox()
            score.setObjectName(f"score_{criterion.value}")
            score.addItem(self.tr("not rated"), None)
            for value, label in SCORE_LABELS.items():
                score.addItem(f"{value} {self.tr(label)}", value)
            score.currentIndexChanged.connect(self._edited)
            comment = QLineEdit()
            comment.setObjectName(f"comment_{criterion.value}")
            comment.setPlaceholderText(self.tr("comment"))
            comment.textChanged.connect(self._edited)
            self.scores[criterion], self.comments[criterion] = score, comment
            field_row(form, self.tr(criterion.label), self._errors, criterion.value, score, comment)
        layout.addLayout(form)
        confirmed = QHBoxLayout()
        confirmed.addWidget(self._checks(self.tr("Methodologies confirmed"), METHODOLOGIES, True))
        confirmed.addWidget(self._checks(self.tr("Tools confirmed"), TOOLS, False))
        layout.addLayout(confirmed)
        self.general_error = error_label()
        self.general_error.setObjectName("scorecardError")
        layout.addWidget(self.general_error)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("scorecardStatus")
        self.status.setStyleSheet("color: #555;")
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.save_button = QPushButton(self.tr("Save scorecard"))
        self.save_button.clicked.connect(self.saveRequested)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def _checks(self, title: str, names: tuple[str, ...], methods: bool) -> QGroupBox:
        """Return a box of tick boxes, two to a row."""
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        target = self.methodologies if methods else self.tools
        for index, name in enumerate(names):
            check = QCheckBox(name.replace("&", "&&"))
            check.toggled.connect(self._edited)
            target[name] = check
            grid.addWidget(check, index // 2, index % 2)
        return box

    @property
    def is_dirty(self) -> bool:
        """Return True when the form holds edits not yet saved."""
        return self._dirty

    def _edited(self, *_: object) -> None:
        """Mark the form as holding unsaved edits."""
        if self._loading:
            return
        self._dirty = True
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Unsaved changes to the scorecard."))
        self.changed.emit()

    def set_scorecard(self, scorecard: Scorecard | None) -> None:
        """Show a stored scorecard (None: nothing rated yet) and forget any edits."""
        self._loading = True
        try:
            draft = scorecard.draft if scorecard else ScorecardDraft()
            for criterion in Criterion:
                rating = draft.rating(criterion)
                combo = self.scores[criterion]
                combo.setCurrentIndex(max(combo.findData(rating.score), 0))
                self.comments[criterion].setText(rating.comment)
            chosen = {m.casefold() for m in draft.methodologies}
            for name, check in self.methodologies.items():
                check.setChecked(name.casefold() in chosen)
            chosen = {t.casefold() for t in draft.tools}
            for name, check in self.tools.items():
                check.setChecked(name.casefold() in chosen)
        finally:
            self._loading = False
        self._dirty = False
        self.base_version = scorecard.version if scorecard else None
        self.save_button.setEnabled(False)
        self.show_errors({})
        if scorecard is None or scorecard.updated_at is None:
            self.status.setText(self.tr("Not scored yet."))
        else:
            average = draft.average
            self.status.setText(
                self.tr("Saved {when} UTC by {who}{average}.").format(
                    when=f"{scorecard.updated_at:%Y-%m-%d %H:%M}",
                    who=scorecard.updated_by,
                    average=self.tr(" · average {avg:.1f}").format(avg=average)
                    if average is not None
                    else "",
                )
            )

    def draft(self) -> ScorecardDraft:
        """Return the scorecard as edited."""
        ratings = {
            criterion: Rating(self.scores[criterion].currentData(), self.comments[criterion].text())
            for criterion in Criterion
        }
        return ScorecardDraft(
            ratings=ratings,
            methodologies=tuple(n for n, c in self.methodologies.items() if c.isChecked()),
            tools=tuple(n for n, c in self.tools.items() if c.isChecked()),
        )

    def set_score(self, criterion: Criterion, score: int | None, comment: str = "") -> None:
        """Choose a criterion's score and comment, as a consultant would."""
        combo = self.scores[criterion]
        combo.setCurrentIndex(max(combo.findData(score), 0))
        self.comments[criterion].setText(comment)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message under the criterion it is about; clear the rest."""
        for label in (*self._errors.values(), self.general_error):
            show_error(label, None)
        show_field_errors(self._errors, self.general_error, errors)

    def error_text(self, name: str) -> str:
        """Return the error shown under a criterion ('' when none)."""
        return shown_error(self._errors, self.general_error, name, self)


__all__ = ["ScorecardForm"]
