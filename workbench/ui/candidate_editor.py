"""The candidate editor pane: profile, skills, history, education, vetting, submittals."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.candidate import Candidate, CandidateDraft, DuplicateHint
from workbench.domain.errors import ConflictError, ValidationError, WorkbenchError
from workbench.services import candidates as candidate_service
from workbench.store.engine import Database
from workbench.ui.certifications_tab import CertificationsTab
from workbench.ui.consent_tab import ConsentTab
from workbench.ui.draft_keeper import DraftKeeper, KeptDraft
from workbench.ui.editor_sections import (
    EducationSection,
    HistorySection,
    SkillsSection,
    show_error,
)
from workbench.ui.errors import ask_to_reload
from workbench.ui.errors import show_error as show_error_box
from workbench.ui.history_tab import HistoryTab
from workbench.ui.profile_form import ProfileForm
from workbench.ui.submittals_view import SubmittalsView
from workbench.ui.vetting_tab import VettingTab

KEEP_DELAY_MS = 1500


class CandidateEditor(QWidget):
    """Edit one candidate (or a new one) and save it through the candidate use cases."""

    saved = Signal(object)  # Candidate
    dirtyChanged = Signal(bool)
    openRequested = Signal(int)  # a possible duplicate the user wants to look at
    certificationsChanged = Signal(int)  # candidate id: a claim or check was saved or removed
    vettingChanged = Signal(int)  # candidate id: scorecard, interview, reference or stage changed

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        keeper: DraftKeeper | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._keeper = keeper
        # Unsaved edits reach the disk a moment after typing pauses, so a crash loses nothing.
        self._keep_timer = QTimer(self, singleShot=True, interval=KEEP_DELAY_MS)
        self._keep_timer.timeout.connect(self._keep_now)
        self._candidate: Candidate | None = None
        self._dirty = False
        self._loading = False
        self._attempted_save = False
        self._touched: set[str] = set()
        self._duplicate_timer = QTimer(self, singleShot=True, interval=400)
        self._duplicate_timer.timeout.connect(self._check_duplicates)
        self._build()
        self.start_new()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        self.duplicate_banner = QLabel()
        self.duplicate_banner.setObjectName("duplicateBanner")
        self.duplicate_banner.setWordWrap(True)
        self.duplicate_banner.setTextFormat(Qt.TextFormat.RichText)
        self.duplicate_banner.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 6px; border-radius: 4px;"
        )
        self.duplicate_banner.linkActivated.connect(lambda link: self.openRequested.emit(int(link)))
        self.duplicate_banner.hide()
        layout.addWidget(self.duplicate_banner)

        self.tabs = QTabWidget()
        self.profile = ProfileForm()
        self.profile.changed.connect(self._mark_dirty)
        self.profile.fieldFinished.connect(self._field_finished)
        self.tabs.addTab(self._scrolling(self.profile), self.tr("Profile"))
        # The fields callers type into stay reachable here, where they were before ProfileForm.
        profile = self.profile
        self.first_name, self.last_name = profile.first_name, profile.last_name
        self.email, self.phone, self.city = profile.email, profile.phone, profile.city
        self.years_experience = profile.years_experience
        self.skills = SkillsSection()
        self.skills.changed.connect(self._mark_dirty)
        self.tabs.addTab(self._scrolling(self.skills), self.tr("Skills"))
        self.history = HistorySection()
        self.history.changed.connect(self._mark_dirty)
        self.tabs.addTab(self.history, self.tr("Work history"))
        self.education = EducationSection()
        self.education.changed.connect(self._mark_dirty)
        self.tabs.addTab(self.education, self.tr("Education"))
        self.certifications = CertificationsTab(self._database)
        self.certifications.changed.connect(self.certificationsChanged)
        self.tabs.addTab(self.certifications, self.tr("Certifications"))
        self.vetting = VettingTab(self._database)
        self.tabs.addTab(self.vetting, self.tr("Vetting"))
        self.submittals = SubmittalsView(self._database)
        self.tabs.addTab(self.submittals, self.tr("Submittals"))
        self.consent = ConsentTab(self._database)
        self.tabs.addTab(self.consent, self.tr("Data protection"))
        self.history_tab = HistoryTab(self._database)
        self.tabs.addTab(self.history_tab, self.tr("History"))
        self.consent.changed.connect(self.history_tab.refresh)
        # A waiver or a check changes the gate; any recorded change belongs in the history.
        self.certifications.changed.connect(self.refresh_vetting)
        self.vetting.vettingChanged.connect(lambda _: self.history_tab.refresh())
        self.vetting.vettingChanged.connect(self.vettingChanged)
        # Placing moves the candidate to Placed: the stage and the trail change with it.
        self.submittals.changed.connect(self.refresh_vetting)
        self.submittals.changed.connect(lambda s: self.vettingChanged.emit(s.candidate_id))
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        buttons.addWidget(self.status, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.cancel_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    @staticmethod
    def _scrolling(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    # --- state ----------------------------------------------------------------------------

    @property
    def candidate(self) -> Candidate | None:
        """Return the stored candidate being edited, None for a new one."""
        return self._candidate

    @property
    def is_dirty(self) -> bool:
        """Return True when the form holds changes not yet saved."""
        return self._dirty

    @property
    def has_unsaved_work(self) -> bool:
        """Return True when the form or the Vetting tab's scorecard holds unsaved changes."""
        return self._dirty or self.vetting.scorecard.is_dirty

    def save_all(self) -> bool:
        """Save the form and the scorecard; False when either is refused."""
        if self._dirty and not self.save():
            return False
        return not self.vetting.scorecard.is_dirty or self.vetting.save_scorecard()

    def discard_all(self) -> None:
        """Drop unsaved changes in the form and the scorecard."""
        if self._dirty:
            self.revert()
        if self.vetting.scorecard.is_dirty:
            self.vetting.refresh(keep_edits=False)

    def _set_dirty(self, dirty: bool) -> None:
        if self._keeper is not None:
            if dirty:
                self._keep_timer.start()
            elif self._dirty:
                # Saved or dropped. (A fresh editor must not forget a crashed session's edits.)
                self._keep_timer.stop()
                self._keeper.forget()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
        self.save_button.setEnabled(dirty)
        self.cancel_button.setEnabled(dirty or self._candidate is None)

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _keep_now(self) -> None:
        if self._keeper is not None and self._dirty:
            draft, _ = self._collect()
            candidate = self._candidate
            self._keeper.keep(
                candidate.id if candidate else None, candidate.version if candidate else None, draft
            )

    def restore_kept(self, kept: KeptDraft, stored: Candidate | None) -> None:
        """Show unsaved edits kept from a session that ended without saving them."""
        # Saving must still be checked against the version the edits started from.
        base = replace(stored, version=kept.version) if stored and kept.version else stored
        self._show(base, kept.draft)
        self._set_dirty(True)
        self.status.setText(self.tr("Unsaved changes brought back; Save or Cancel them."))

    def start_new(self) -> None:
        """Clear the form for a new candidate."""
        self._show(None, CandidateDraft(first_name="", last_name="", email=""))
        self.first_name.setFocus()

    def load(self, candidate: Candidate) -> None:
        """Show a stored candidate."""
        self._show(candidate, candidate.draft)

    def _show(self, candidate: Candidate | None, d: CandidateDraft) -> None:
        self._loading = True
        try:
            self._candidate = candidate
            self._touched.clear()
            self._attempted_save = False
            self.profile.set_draft(d)
            self.skills.set_values(d.skills, d.work_environments, d.industries)
            self.history.set_entries(d.work_history)
            self.education.set_entries(d.education)
            self.certifications.set_candidate(candidate.id if candidate else None)
            self.vetting.show_candidate(candidate.id if candidate else None)
            self.history_tab.show_candidate(candidate.id if candidate else None)
            self.submittals.show_candidate(candidate.id if candidate else None)
            self.consent.show_candidate(candidate.id if candidate else None, d.source)
            show_error(self.history.error, None)
            show_error(self.education.error, None)
            self.duplicate_banner.hide()
            self._update_heading()
        finally:
            self._loading = False
        self._set_dirty(False)

    def refresh_vetting(self, *_: object) -> None:
        """Show the gate and the history again after a change made on another tab."""
        self.vetting.refresh()
        self.history_tab.refresh()

    def _update_heading(self) -> None:
        c = self._candidate
        if c is None:
            self.heading.setText(self.tr("New candidate"))
            self.status.setText(self.tr("Fields marked * are required."))
            return
        deleted = self.tr(" (deleted)") if c.deleted_at else ""
        self.heading.setText(f"{c.draft.full_name}{deleted}")
        self.status.setText(
            self.tr("#{id} · version {v} · updated {when} UTC").format(
                id=c.id, v=c.version, when=f"{c.updated_at:%Y-%m-%d %H:%M}"
            )
        )

    # --- reading and validating the form --------------------------------------------------

    def _collect(self) -> tuple[CandidateDraft, dict[str, str]]:
        draft, problems = self.profile.draft()
        history, history_problem = self.history.entries()
        education, education_problem = self.education.entries()
        if history_problem:
            problems["work_history"] = history_problem
        if education_problem:
            problems["education"] = education_problem
        draft = replace(
            draft,
            work_environments=self.skills.environments(),
            industries=self.skills.industries(),
            skills=self.skills.skills(),
            work_history=tuple(history),
            education=tuple(education),
        )
        return draft, problems

    def _validate(self) -> tuple[CandidateDraft, dict[str, str]]:
        draft, problems = self._collect()
        try:
            from workbench.domain.candidate import validate_candidate

            validate_candidate(draft)
        except ValidationError as exc:
            for key, message in exc.errors.items():
                problems.setdefault(key, message)
        return draft, problems

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.profile.show_problems(
            problems, lambda name: self._attempted_save or name in self._touched
        )
        history = [m for k, m in problems.items() if k.startswith("work_history")]
        education = [m for k, m in problems.items() if k.startswith("education")]
        show_error(self.history.error, "; ".join(history) if self._attempted_save else None)
        show_error(self.education.error, "; ".join(education) if self._attempted_save else None)

    def _field_finished(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        _, problems = self._validate()
        self._show_problems(problems)
        if name in ("email", "phone", "first_name", "last_name", "city"):
            self._duplicate_timer.start()

    def _check_duplicates(self) -> None:
        draft, _ = self._collect()
        exclude = self._candidate.id if self._candidate else None
        try:
            hints = candidate_service.possible_duplicates(self._database, draft, exclude)
        except WorkbenchError:
            hints = []
        self._show_duplicates(hints)

    def _show_duplicates(self, hints: list[DuplicateHint]) -> None:
        if not hints:
            self.duplicate_banner.hide()
            return
        from html import escape

        lines = [
            f'<a href="{h.candidate_id}">{escape(h.full_name)} (#{h.candidate_id})</a>'
            f" — {escape(h.reason)}"
            for h in hints
        ]
        self.duplicate_banner.setText(self.tr("<b>Possible duplicate:</b> ") + "<br>".join(lines))
        self.duplicate_banner.show()

    # --- actions --------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save; show what is wrong next to each field. Return True if saved."""
        self._attempted_save = True
        draft, problems = self._validate()
        if problems:
            self._show_problems(problems)
            self._focus_first_problem(problems)
            self.status.setText(self.tr("Not saved: correct the fields marked in red."))
            return False
        try:
            if self._candidate is None:
                saved = candidate_service.add_candidate(self._database, draft)
            else:
                saved = candidate_service.update_candidate(
                    self._database, self._candidate.id, self._candidate.version, draft
                )
        except ConflictError as exc:
            self._offer_reload(str(exc))
            return False
        except ValidationError as exc:
            self._show_problems(exc.errors)
            return False
        except WorkbenchError as exc:
            show_error_box(self, self.tr("Not saved"), exc)
            return False
        self.load(saved)
        self.status.setText(self.tr("Saved #{id}.").format(id=saved.id))
        self.saved.emit(saved)
        return True

    def _focus_first_problem(self, problems: dict[str, str]) -> None:
        field = self.profile.first_problem(problems)
        if field is not None:
            self.tabs.setCurrentIndex(0)
            field.setFocus()
            return
        if any(k.startswith("work_history") for k in problems):
            self.tabs.setCurrentWidget(self.history)
        elif any(k.startswith("education") for k in problems):
            self.tabs.setCurrentWidget(self.education)

    def _offer_reload(self, message: str) -> None:
        if ask_to_reload(self, message, self.tr("their version")):
            self.reload()

    def reload(self) -> None:
        """Read the candidate again from the store, dropping unsaved edits."""
        if self._candidate is None:
            self.start_new()
            return
        try:
            self.load(candidate_service.get_candidate(self._database, self._candidate.id))
        except WorkbenchError as exc:
            show_error_box(self, self.tr("Cannot reload"), exc)
            self.start_new()

    def revert(self) -> None:
        """Drop unsaved changes."""
        if self._candidate is None:
            self.start_new()
        else:
            self.load(self._candidate)
