"""Settings: the consultant's name, agency branding, the certification catalogue, the pipeline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.certifications import CertificationRule, validate_rule
from workbench.domain.errors import DuplicateError, ValidationError, WorkbenchError
from workbench.services import branding as branding_service
from workbench.services import catalogue
from workbench.services import pipeline as pipeline_service
from workbench.services.rule_history import RuleChange, last_changes
from workbench.store.engine import Database
from workbench.ui.backup_screens import BackupSettingsTab
from workbench.ui.branding_form import BrandingForm
from workbench.ui.catalogue_editor import RuleForm
from workbench.ui.errors import show_error
from workbench.ui.history_tab import HistoryTab
from workbench.ui.retention_view import RetentionSettingsTab
from workbench.ui.stages_editor import StagesEditor


class SettingsDialog(QDialog):
    """Set the name checks are recorded under, the agency's branding, catalogue and pipeline."""

    catalogueChanged = Signal()  # a rule was added or changed: statuses may differ now
    stagesChanged = Signal()  # the pipeline was renamed, reordered, added to or cut
    saved = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._database = database
        self._rules: dict[str, CertificationRule] = {}
        self._changes: dict[str, RuleChange] = {}
        self._saved_name = catalogue.preference(database, catalogue.CONSULTANT_NAME).strip()
        self.resize(1000, 760)
        self._build()
        self.name.setText(catalogue.consultant_name(database))
        self.branding_form.set_branding(
            branding_service.load_branding(database), branding_service.load_page_size(database)
        )
        self._reload_rules(select=None)
        self._reload_stages()
        self.settings_history.show_app_history()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("consultantName")
        self.name.setPlaceholderText(self.tr("e.g. Zoe Adams"))
        self.name.setMaxLength(200)
        name_hint = QLabel(self.tr("Recorded on every certification check you make."))
        name_hint.setStyleSheet("color: #555;")
        you = QGroupBox(self.tr("You"))
        you_form = QFormLayout(you)
        you_form.addRow(self.tr("Your name"), self.name)
        you_form.addRow("", name_hint)
        self.branding_form = BrandingForm()

        self.rule_list = QListWidget()
        self.rule_list.setObjectName("ruleList")
        self.rule_list.setFixedWidth(250)
        # Code above name, wrapped: long names stay readable without a sideways scroll.
        self.rule_list.setWordWrap(True)
        self.rule_list.setSpacing(2)
        self.rule_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rule_list.currentItemChanged.connect(self._rule_chosen)
        self.add_button = QPushButton(self.tr("Add certification…"))
        self.add_button.setObjectName("addCertification")
        self.add_button.clicked.connect(self.add_certification)
        left = QVBoxLayout()
        left.addWidget(self.rule_list, 1)
        left.addWidget(self.add_button)

        self.form = RuleForm()
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(self.form)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)

        note = QLabel(
            self.tr(
                "A change applies to every claim's status from now on. Checks already "
                "recorded keep the rule they were made under."
            )
        )
        note.setObjectName("ruleNote")
        note.setWordWrap(True)
        note.setStyleSheet(
            "background: #eef4fb; border: 1px solid #b9cde5; padding: 6px; border-radius: 4px;"
        )
        right = QVBoxLayout()
        right.addWidget(scroller, 1)
        right.addWidget(note)

        catalogue_box = QGroupBox(self.tr("Certification catalogue"))
        columns = QHBoxLayout(catalogue_box)
        columns.addLayout(left, 0)
        columns.addLayout(right, 1)

        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)

        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(you)
        general_layout.addWidget(self.branding_form)
        general_layout.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(general, self.tr("You and your agency"))
        self.tabs.addTab(catalogue_box, self.tr("Certification catalogue"))
        self.stages_editor = StagesEditor()
        self.pipeline_tab_index = self.tabs.addTab(self.stages_editor, self.tr("Pipeline"))
        self.settings_history = HistoryTab(self._database)
        self.settings_history.setObjectName("settingsHistory")
        self.tabs.addTab(BackupSettingsTab(self._database), self.tr("Backups"))
        self.retention_tab = RetentionSettingsTab(self._database)
        self.tabs.addTab(self.retention_tab, self.tr("Data protection"))
        self.tabs.addTab(self.settings_history, self.tr("Settings history"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    # --- the catalogue list ---------------------------------------------------------------

    def _reload_rules(self, select: str | None) -> None:
        rules = catalogue.certification_rules(self._database)
        self._changes = last_changes(self._database)
        self._rules = {rule.code: rule for rule in rules}
        self.rule_list.blockSignals(True)
        self.rule_list.clear()
        for rule in rules:
            code = rule.code + (self.tr(" (retired)") if rule.retired else "")
            item = QListWidgetItem(f"{code}\n{rule.name}")
            item.setData(Qt.ItemDataRole.UserRole, rule.code)
            item.setToolTip(rule.name)
            if rule.retired:
                item.setForeground(QBrush(QColor("#888888")))
            self.rule_list.addItem(item)
        self.rule_list.blockSignals(False)
        wanted = select or (rules[0].code if rules else None)
        self._select(wanted)

    def _highlight(self, code: str | None) -> None:
        """Mark a rule's row in the list (none for a new one) without asking anything."""
        self.rule_list.blockSignals(True)
        self.rule_list.setCurrentRow(-1)
        for row in range(self.rule_list.count()):
            if self.rule_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.rule_list.setCurrentRow(row)
        self.rule_list.blockSignals(False)

    def _select(self, code: str | None) -> None:
        """Show one rule (None: a new one) without asking about unsaved edits."""
        self._highlight(code)
        rule = self._rules.get(code) if code else None
        self.form.set_rule(rule, self._changes.get(code) if code else None)

    def _rule_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        code = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if code == self.form.code_shown and not self.form.is_new:
            return
        if not self._may_leave_form():
            self._highlight(self.form.code_shown or None)  # stay on the rule being edited
            return
        self._select(code)

    def add_certification(self) -> None:
        """Start a blank form for a certification the catalogue lacks."""
        if self._may_leave_form():
            self._select(None)
            self.form.code.setFocus()

    def _may_leave_form(self) -> bool:
        return not self.form.is_dirty or self._ask_to_save(
            self.tr("Save your changes to this certification first?")
        )

    def _ask_to_save(self, question: str) -> bool:
        """Ask Save / Discard / Cancel; return True when it is fine to go on."""
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            question,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- the pipeline ---------------------------------------------------------------------

    def _reload_stages(self) -> None:
        """Show the stored pipeline with today's counts."""
        self.stages_editor.set_stages(
            pipeline_service.stages(self._database), pipeline_service.stage_counts(self._database)
        )

    def _save_stages(self) -> bool:
        """Store the edited pipeline in one go; on a refusal show why in the Pipeline tab."""
        try:
            by = self.name.text().strip() or catalogue.consultant_name(self._database)
            saved = pipeline_service.save_stages(
                self._database,
                self.stages_editor.drafts(),
                by,
                expected=self.stages_editor.loaded_stages,
            )
        except ValidationError as exc:
            self.stages_editor.show_errors(exc.errors)
        except WorkbenchError as exc:  # a stage still holding candidates, or edited meanwhile
            self.stages_editor.show_errors(str(exc))
        else:
            self.stages_editor.set_stages(saved, pipeline_service.stage_counts(self._database))
            self.settings_history.refresh()
            self.stagesChanged.emit()
            return True
        self._stages_not_saved()
        return False

    def _stages_not_saved(self) -> None:
        """Turn to the Pipeline tab and say nothing was saved."""
        self.tabs.setCurrentIndex(self.pipeline_tab_index)
        self.status.setText(self.tr("Not saved: see the Pipeline tab."))

    # --- saving ---------------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        """Return True when the name, the branding or the rule shown has unsaved edits."""
        return (
            self.form.is_dirty
            or self.branding_form.is_dirty
            or self.stages_editor.is_dirty
            or self.name.text().strip() != self._shown_name
        )

    @property
    def _shown_name(self) -> str:
        return self._saved_name or catalogue.consultant_name(self._database)

    def save(self) -> bool:
        """Save the name, branding, rule shown and pipeline; on a problem show it, save nothing."""
        rule: CertificationRule | None = None
        if self.form.is_dirty or self.form.is_new:
            try:
                rule = validate_rule(self.form.rule())
            except ValidationError as exc:
                self.form.show_errors(exc.errors)
                self.tabs.setCurrentIndex(1)
                self.status.setText(self.tr("Not saved: see the fields marked in red."))
                return False
        typed, page_size = self.branding_form.branding()
        branding_changed = self.branding_form.is_dirty
        if branding_changed:
            try:
                branding_service.validate_branding(typed, page_size)
            except ValidationError as exc:
                self.branding_form.show_errors(exc.errors)
                self.tabs.setCurrentIndex(0)
                self.status.setText(self.tr("Not saved: see the fields marked in red."))
                return False
        stages_changed = self.stages_editor.is_dirty
        if stages_changed and not self.stages_editor.validate():
            self._stages_not_saved()
            return False
        # The pipeline goes first: it is the part the database may still refuse (a stage
        # holding candidates, a colleague's edit), and then nothing else is saved either.
        if stages_changed and not self._save_stages():
            return False
        name = self.name.text().strip()
        try:
            if name != self._shown_name:
                catalogue.set_preference(self._database, catalogue.CONSULTANT_NAME, name)
                self._saved_name = name
            if branding_changed:
                saved_branding = branding_service.save_branding(self._database, typed, page_size)
                self.branding_form.set_branding(saved_branding, page_size)
            if rule is not None:
                saved = self._save_rule(rule, name or catalogue.consultant_name(self._database))
                if saved is None:
                    return False
                self._reload_rules(select=saved.code)
                self.status.setText(
                    self.tr("Saved {code} (revision {n}).").format(
                        code=saved.code, n=saved.revision
                    )
                )
                self.catalogueChanged.emit()
            else:
                self.status.setText(self.tr("Saved."))
        except WorkbenchError as exc:
            show_error(self, self.tr("Settings not saved"), exc)
            return False
        self.saved.emit()
        return True

    def _save_rule(self, rule: CertificationRule, by: str) -> CertificationRule | None:
        try:
            if self.form.is_new:
                return catalogue.add_certification(self._database, rule, by)
            return catalogue.change_certification(self._database, self.form.code_shown, rule, by)
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
        except DuplicateError as exc:
            self.form.show_errors({"code": str(exc)})
        self.status.setText(self.tr("Not saved: see the fields marked in red."))
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        """Offer to save edits before closing."""
        if self.is_dirty and not self._ask_to_save(self.tr("Save your changes first?")):
            event.ignore()
            return
        event.accept()

    def reject(self) -> None:
        """Escape closes like the Close button, asking about unsaved edits first."""
        self.close()
