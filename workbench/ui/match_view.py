"""The Match window: the best candidates for a job order, why, the shortlist, and submitting."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.clients import JobOrder
from workbench.domain.errors import WorkbenchError
from workbench.services import jobs as job_service
from workbench.services.matching import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    Eligibility,
    MatchResult,
    eligibility,
    match_job,
)
from workbench.store.engine import Database
from workbench.ui.errors import show_error
from workbench.ui.match_model import BREAKDOWN_COLUMN, BreakdownDelegate, MatchModel, describe_job
from workbench.ui.row_table import row_table_view
from workbench.ui.submit_dialog import SubmitDialog
from workbench.ui.submittals_view import SubmittalsWindow
from workbench.ui.tasks import run_in_background

RELOAD_DELAY_MS = 300  # typing "200" into the limit asks once, not for 2, 20 and 200


class MatchWindow(QWidget):
    """Rank candidates for one job order, shortlist the best, and submit them to the client."""

    candidateRequested = Signal(int)
    loaded = Signal(int)  # how many matches are shown, after each load
    shortlistChanged = Signal(int)  # job id
    submitted = Signal(object)  # SubmitResult

    def __init__(
        self, database: Database, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("matchWindow")
        self.setWindowTitle(self.tr("Match candidates"))
        self._database = database
        self._settings = settings
        self._job_id: int | None = None
        self.job: JobOrder | None = None
        self.result: MatchResult | None = None
        self._generation = 0
        self._loading = False
        self.submit_dialog: SubmitDialog | None = None
        self.submittals_window: SubmittalsWindow | None = None
        self.resize(1280, 760)
        self._build()
        if settings is not None and settings.value("match/geometry") is not None:
            self.restoreGeometry(settings.value("match/geometry"))

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self.tr("No job order chosen"))
        self.heading.setObjectName("matchHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.requirements = QLabel()
        self.requirements.setObjectName("matchRequirements")
        self.requirements.setTextFormat(Qt.TextFormat.PlainText)
        self.requirements.setWordWrap(True)
        self.eligible = QLabel()
        self.eligible.setObjectName("matchEligible")
        self.eligible.setWordWrap(True)

        self.limit = QSpinBox()
        self.limit.setObjectName("matchLimit")
        self.limit.setRange(1, MAX_LIMIT)
        self.limit.setValue(DEFAULT_LIMIT)
        self.limit.setAccelerated(True)
        self.reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self.reload_timer.timeout.connect(self.reload)
        self.limit.valueChanged.connect(lambda _value: self.reload_timer.start())
        self.add_button = QPushButton(self.tr("Add to shortlist"))
        self.add_button.setObjectName("matchAddToShortlist")
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_selected_to_shortlist)
        controls = QHBoxLayout()
        show_label = QLabel(self.tr("Show the best"))
        show_label.setBuddy(self.limit)
        controls.addWidget(show_label)
        controls.addWidget(self.limit)
        controls.addWidget(QLabel(self.tr("matches")))
        controls.addSpacing(16)
        controls.addWidget(self.eligible, 1)
        controls.addWidget(self.add_button)

        self.model = MatchModel(self)
        self.table = row_table_view(
            "matchTable", self.model, widths=(36, 50, 170, 100, 52, 150), many=True
        )
        self.table.setItemDelegateForColumn(BREAKDOWN_COLUMN, BreakdownDelegate(self.table))
        self.table.doubleClicked.connect(self._match_activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

        self.detail = QTextBrowser()
        self.detail.setObjectName("matchBreakdown")
        self.detail.setOpenLinks(False)
        ranked = QSplitter(Qt.Orientation.Vertical)
        ranked.addWidget(self.table)
        ranked.addWidget(self.detail)
        ranked.setStretchFactor(0, 3)
        ranked.setStretchFactor(1, 1)
        ranked.setSizes([480, 200])

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(ranked)
        split.addWidget(self._build_shortlist())
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([960, 300])

        hint = QLabel(
            self.tr(
                "Double-click a candidate to open them. Select several and Add to shortlist; "
                "Submit to client sends the shortlist (or the shortlisted names selected)."
            )
        )
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.requirements)
        layout.addLayout(controls)
        layout.addWidget(split, 1)
        layout.addWidget(hint)

    def _build_shortlist(self) -> QWidget:
        box = QGroupBox(self.tr("Shortlist"))
        self.shortlist = QListWidget()
        self.shortlist.setObjectName("matchShortlist")
        self.shortlist.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.shortlist.itemDoubleClicked.connect(
            lambda item: self.candidateRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.shortlist.itemSelectionChanged.connect(self._update_buttons)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("matchRemoveFromShortlist")
        self.remove_button.clicked.connect(self.remove_selected_from_shortlist)
        self.submit_button = QPushButton(self.tr("Submit to client…"))
        self.submit_button.setObjectName("matchSubmit")
        self.submit_button.clicked.connect(self.submit_to_client)
        self.log_button = QPushButton(self.tr("Submittals…"))
        self.log_button.setObjectName("matchSubmittals")
        self.log_button.clicked.connect(self.show_submittals)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.shortlist, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignRight)
        box.setMinimumWidth(260)
        self._update_buttons()
        return box

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember where the window was."""
        if self._settings is not None:
            self._settings.setValue("match/geometry", self.saveGeometry())
        super().closeEvent(event)

    # --- loading --------------------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        """Return True while a ranking is being worked out."""
        return self._loading

    def show_job(self, job_id: int) -> None:
        """Rank the candidates for a job order, off the GUI thread."""
        if job_id != self._job_id:
            self.model.set_matches([])
            self.detail.clear()
        self._job_id = job_id
        self.reload()

    def reload(self) -> None:
        """Rank again with the limit as set, and read the shortlist."""
        self.reload_timer.stop()
        if self._job_id is None:
            return
        self._generation += 1
        generation, job_id, limit = self._generation, self._job_id, self.limit.value()
        database = self._database
        self._loading = True
        self.eligible.setText(self.tr("Ranking candidates…"))

        def work() -> tuple[MatchResult, dict[int, Eligibility]]:
            result = match_job(database, job_id, limit=limit)
            return result, eligibility(database, result.job, list(result.job.shortlist))

        run_in_background(
            work,
            lambda found: self._show(generation, *found),
            lambda error: self._failed(generation, error),
            context=self,
        )

    def _show(
        self, generation: int, result: MatchResult, shortlisted: dict[int, Eligibility]
    ) -> None:
        if generation != self._generation:
            return  # an older limit answered late
        self._loading = False
        self.result = result
        self._show_job(result.job)
        selected = set(self.selected_ids())
        self.model.set_matches(result.matches)
        for row, match in enumerate(result.matches):
            if match.candidate_id in selected:
                self.table.selectRow(row)
        if result.eligible == 1:
            text = self.tr("1 candidate meets the hard requirements")
        else:
            text = self.tr("{n} candidates meet the hard requirements").format(
                n=f"{result.eligible:,}"
            )
        self.eligible.setText(
            text + self.tr(" · showing the best {n}").format(n=len(result.matches))
        )
        self.requirements.setText(
            describe_job(result.job)
            + "\n"
            + self.tr("Certifications must hold until {day}.").format(
                day=result.last_day.isoformat()
            )
        )
        self._fill_shortlist(result.job, shortlisted)
        self._show_selected()
        self.loaded.emit(len(result.matches))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.eligible.setText(self.tr("Could not rank the candidates"))
        show_error(self, self.tr("Match candidates"), error)

    def _show_job(self, job: JobOrder) -> None:
        self.job = job
        self.heading.setText(f"{job.reference} · {job.title} — {job.client_name}")
        self.setWindowTitle(self.tr("Match — {job}").format(job=f"{job.reference} {job.title}"))

    # --- the selected match ---------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Return the candidates selected in the ranked table, in rank order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [m.candidate_id for r in rows if (m := self.model.match_at(r)) is not None]

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        match = self.model.match_at(rows[0].row()) if len(rows) == 1 else None
        self._update_buttons()
        if match is None:
            self.detail.setHtml(
                self.tr(
                    "<p style='color:#555'>Select a candidate to see how the score adds up.</p>"
                )
            )
            return
        lines = "".join(
            f"<tr><td>{escape(part.name.capitalize())}</td>"
            f"<td align='right'>&nbsp;<b>{part.points:g}</b>/{part.out_of}&nbsp;</td>"
            f"<td>{escape(part.why)}"
            + (self.tr(" <i>(not asked)</i>") if not part.asked else "")
            + "</td></tr>"
            for part in match.parts
        )
        missing = "".join(f"<li>{escape(item)}</li>" for item in match.missing)
        missing_html = (
            f"<b>{self.tr('Missing')}</b><ul style='margin-left:-20px'>{missing}</ul>"
            if missing
            else self.tr("Nothing missing.")
        )
        # Side by side, so both the breakdown and what is missing show without scrolling.
        self.detail.setHtml(
            f"<p><b>{escape(match.name)}</b> · {match.score:g}/100 · {escape(match.stage)}</p>"
            f"<table width='100%'><tr><td valign='top'><table cellspacing='1'>{lines}</table></td>"
            f"<td width='24'></td><td valign='top'>{missing_html}</td></tr></table>"
        )

    def _match_activated(self, index: QModelIndex) -> None:
        match = self.model.match_at(index.row())
        if match is not None:
            self.candidateRequested.emit(match.candidate_id)

    # --- the shortlist --------------------------------------------------------------------

    def _fill_shortlist(self, job: JobOrder, shortlisted: dict[int, Eligibility]) -> None:
        self.shortlist.clear()
        for cid in job.shortlist:
            found = shortlisted.get(cid)
            if found is None:
                text = self.tr("#{id} (deleted)").format(id=cid)
            else:
                mark = " ✓" if found.vetted and not found.failures else ""
                text = f"{found.name}{mark}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            if found is not None:
                notes = [self.tr("vetted") if found.vetted else self.tr("not vetted")]
                item.setToolTip("\n".join([found.stage, *notes, *found.failures]))
            self.shortlist.addItem(item)
        self._update_buttons()

    def refresh_shortlist(self) -> None:
        """Read the job's shortlist again (names, vetting, certification problems)."""
        if self._job_id is None:
            return
        try:
            job = job_service.get_job(self._database, self._job_id)
            self._fill_shortlist(job, eligibility(self._database, job, list(job.shortlist)))
            self.job = job
        except WorkbenchError as exc:
            show_error(self, self.tr("Shortlist"), exc)

    def shortlist_ids(self) -> list[int]:
        """Return every candidate on the shortlist, in the order added."""
        return [
            int(self.shortlist.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.shortlist.count())
        ]

    def selected_shortlist_ids(self) -> list[int]:
        """Return the shortlisted candidates selected, in the list's order."""
        rows = sorted(self.shortlist.row(item) for item in self.shortlist.selectedItems())
        return [int(self.shortlist.item(row).data(Qt.ItemDataRole.UserRole)) for row in rows]

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._job_id is not None and bool(self.selected_ids()))
        self.remove_button.setEnabled(bool(self.shortlist.selectedItems()))
        self.submit_button.setEnabled(bool(self.shortlist.count() or self.selected_ids()))
        self.log_button.setEnabled(self._job_id is not None)

    def add_selected_to_shortlist(self) -> int:
        """Put the selected matches on the shortlist; return how many were new."""
        ids = self.selected_ids()
        if self._job_id is None or not ids:
            return 0
        try:
            added = job_service.add_to_shortlist(self._database, self._job_id, ids)
        except WorkbenchError as exc:
            show_error(self, self.tr("Not added to the shortlist"), exc)
            return 0
        self.refresh_shortlist()
        self.shortlistChanged.emit(self._job_id)
        return added

    def remove_selected_from_shortlist(self) -> None:
        """Take the selected names off the shortlist."""
        ids = self.selected_shortlist_ids()
        if self._job_id is None or not ids:
            return
        try:
            job_service.remove_from_shortlist(self._database, self._job_id, ids)
        except WorkbenchError as exc:
            show_error(self, self.tr("Not removed from the shortlist"), exc)
            return
        self.refresh_shortlist()
        self.shortlistChanged.emit(self._job_id)

    # --- submitting -----------------------------------------------------------------------

    def submission_ids(self) -> list[int]:
        """Return who Submit sends: selected shortlisted names, the shortlist, or ranked rows."""
        return self.selected_shortlist_ids() or self.shortlist_ids() or self.selected_ids()

    def submit_to_client(self) -> SubmitDialog | None:
        """Open the Submit dialog for the candidates Submit sends."""
        ids = self.submission_ids()
        if self._job_id is None or not ids:
            return None
        try:
            dialog = SubmitDialog(self._database, self._job_id, ids, self)
        except WorkbenchError as exc:
            show_error(self, self.tr("Submit to client"), exc)
            return None
        dialog.submitted.connect(self._submitted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.submit_dialog = dialog
        dialog.open()
        return dialog

    def _submitted(self, result: object) -> None:
        # Submitted candidates move to Presented: the stage column and the log change.
        self.reload()
        if self.submittals_window is not None:
            self.submittals_window.view.refresh()
        self.submitted.emit(result)

    def show_submittals(self) -> SubmittalsWindow | None:
        """Show the submittal log of this job in its own window."""
        if self._job_id is None:
            return None
        if self.submittals_window is None:
            self.submittals_window = SubmittalsWindow(self._database, self, self._settings)
            self.submittals_window.candidateRequested.connect(self.candidateRequested)
            self.submittals_window.view.changed.connect(lambda _: self.reload())
        title = f"{self.job.reference} {self.job.title}" if self.job else ""
        self.submittals_window.show_job(self._job_id, title)
        self.submittals_window.show()
        self.submittals_window.raise_()
        return self.submittals_window
