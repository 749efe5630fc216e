"""The Clients window: client companies, their contacts, and the job orders they place."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.clients import Client, JobOrder, JobStatus
from workbench.domain.errors import WorkbenchError
from workbench.services import clients as client_service
from workbench.services import jobs as job_service
from workbench.store.engine import Database
from workbench.ui.client_dialog import ClientDialog
from workbench.ui.client_tables import ClientListModel, JobTableModel
from workbench.ui.errors import show_error
from workbench.ui.job_editor import JobEditor
from workbench.ui.row_table import row_table_view

# The status filter's entries: what is shown, and the statuses it asks the store for.
STATUS_FILTERS: tuple[tuple[str, tuple[JobStatus, ...]], ...] = (
    ("Open", (JobStatus.OPEN,)),
    ("On hold", (JobStatus.ON_HOLD,)),
    ("Filled", (JobStatus.FILLED,)),
    ("Cancelled", (JobStatus.CANCELLED,)),
    ("All", ()),
)


class ClientsWindow(QWidget):
    """A window over the clients: pick one to see its contacts and job orders."""

    matchRequested = Signal(int)  # a job order's id: find candidates for it
    submittalsRequested = Signal(int)  # a job order's id: show who was sent to the client
    changed = Signal()  # a client or job order was saved or removed here

    def __init__(
        self, database: Database, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        """Build the window over a database; settings remember its layout."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("clientsWindow")
        self.setWindowTitle(self.tr("Clients and job orders"))
        self._database = database
        self._settings = settings
        self.resize(1360, 680)
        self._build()
        self._restore_layout()
        self._update_buttons()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        """Lay out the client list beside the selected client's details."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_list())
        self.splitter.addWidget(self._build_details())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([360, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _build_list(self) -> QWidget:
        """Lay out the left side: the filter, the client list and its buttons."""
        self.filter = QLineEdit()
        self.filter.setObjectName("clientFilter")
        self.filter.setPlaceholderText(self.tr("Filter by name, industry or contact"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.client_model = ClientListModel(self)
        self.client_table = row_table_view("clientTable")
        self.client_table.setModel(self.client_model)
        header = self.client_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.client_table.setColumnWidth(1, 120)
        self.client_table.setColumnWidth(2, 75)
        # Selection, not the current row: the current row moves before the selection follows.
        self.client_table.selectionModel().selectionChanged.connect(self._client_changed)
        self.client_table.doubleClicked.connect(self.edit_client)
        self.new_client_button = QPushButton(self.tr("New client…"))
        self.edit_client_button = QPushButton(self.tr("Edit…"))
        self.remove_client_button = QPushButton(self.tr("Remove"))
        self.new_client_button.clicked.connect(self.new_client)
        self.edit_client_button.clicked.connect(self.edit_client)
        self.remove_client_button.clicked.connect(self.remove_client)
        buttons = QHBoxLayout()
        for button in (
            self.new_client_button,
            self.edit_client_button,
            self.remove_client_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.client_table, 1)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        return side

    def _build_details(self) -> QWidget:
        """Lay out the right side: the client's details and contacts over its job orders."""
        self.heading = QLabel()
        self.heading.setObjectName("clientHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setStyleSheet("color: #555;")
        self.client_notes = QLabel()
        self.client_notes.setWordWrap(True)
        self.client_notes.setTextFormat(Qt.TextFormat.PlainText)
        self.contacts = QTableWidget(0, 4)
        self.contacts.setObjectName("clientContacts")
        self.contacts.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Job title"), self.tr("Email"), self.tr("Phone")]
        )
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.verticalHeader().hide()
        self.contacts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.contacts.setMaximumHeight(130)
        contacts_box = QGroupBox(self.tr("Contacts"))
        QVBoxLayout(contacts_box).addWidget(self.contacts)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("jobStatusFilter")
        for label, statuses in STATUS_FILTERS:
            self.status_filter.addItem(self.tr(label), statuses)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._load_jobs())
        self.job_model = JobTableModel(self)
        self.job_table = row_table_view("jobTable")
        self.job_table.setModel(self.job_model)
        header = self.job_table.horizontalHeader()
        header.setStretchLastSection(False)
        # The title takes what is left; the others are as wide as their usual contents.
        for column, width in enumerate((75, 0, 190, 80, 75, 75, 88, 88, 70)):
            if width:
                self.job_table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.job_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.job_table.doubleClicked.connect(self.edit_job)
        self.new_job_button = QPushButton(self.tr("New job order…"))
        self.edit_job_button = QPushButton(self.tr("Edit…"))
        self.match_button = QPushButton(self.tr("Match candidates…"))
        self.match_button.setObjectName("matchButton")
        self.submittals_button = QPushButton(self.tr("Submittals…"))
        self.new_job_button.clicked.connect(self.new_job)
        self.edit_job_button.clicked.connect(self.edit_job)
        self.match_button.clicked.connect(self._ask_match)
        self.submittals_button.clicked.connect(self._ask_submittals)
        top = QHBoxLayout()
        show = QLabel(self.tr("Show"))
        show.setBuddy(self.status_filter)
        top.addWidget(show)
        top.addWidget(self.status_filter)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button in (
            self.new_job_button,
            self.edit_job_button,
            self.match_button,
            self.submittals_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        jobs_box = QGroupBox(self.tr("Job orders"))
        jobs_layout = QVBoxLayout(jobs_box)
        jobs_layout.addLayout(top)
        jobs_layout.addWidget(self.job_table, 1)
        jobs_layout.addLayout(buttons)

        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.client_notes)
        layout.addWidget(contacts_box)
        layout.addWidget(jobs_box, 1)
        return side

    # --- layout memory --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        """Put the window and its divider back where they were left."""
        if self._settings is None:
            return
        geometry = self._settings.value("clients/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self._settings.value("clients/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember where the window was and how it was divided."""
        if self._settings is not None:
            self._settings.setValue("clients/geometry", self.saveGeometry())
            self._settings.setValue("clients/splitter", self.splitter.saveState())
        super().closeEvent(event)

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the clients again (a few hundred at most), keeping the one selected."""
        keep = self.current_client()
        try:
            clients = client_service.clients(self._database)
        except WorkbenchError as exc:
            show_error(self, self.tr("Clients"), exc)
            return
        self.client_model.set_clients(clients)
        self._count_shown()
        self.select_client(keep.id if keep else None)

    def select_client(self, client_id: int | None) -> None:
        """Select a client by id (the first shown when it is not shown) and show it."""
        row = self.client_model.row_of(client_id) if client_id is not None else -1
        if row < 0 and self.client_model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.client_table.selectRow(row)
        self._show_client(self.current_client())

    def current_client(self) -> Client | None:
        """Return the client selected in the list."""
        rows = self.client_table.selectionModel().selectedRows()
        return self.client_model.client(rows[0].row()) if rows else None

    def current_job(self) -> JobOrder | None:
        """Return the job order selected in the table."""
        rows = self.job_table.selectionModel().selectedRows()
        return self.job_model.job(rows[0].row()) if rows else None

    def _filter_changed(self, text: str) -> None:
        """Narrow the list to the clients the filter text finds."""
        keep = self.current_client()
        self.client_model.set_filter(text)
        self._count_shown()
        self.select_client(keep.id if keep else None)

    def _count_shown(self) -> None:
        """Say how many clients are listed, and of how many."""
        shown, total = self.client_model.rowCount(), self.client_model.total
        if shown == total:
            self.count.setText(self.tr("{n} clients").format(n=f"{total:,}"))
        else:
            self.count.setText(
                self.tr("{shown} of {n} clients").format(shown=f"{shown:,}", n=f"{total:,}")
            )

    def _client_changed(self, *_args: object) -> None:
        """Show the client just selected."""
        self._show_client(self.current_client())

    def _show_client(self, client: Client | None) -> None:
        """Show a client's details, contacts and job orders (or say none is chosen)."""
        if client is None:
            self.heading.setText(self.tr("No client selected"))
            self.facts.setText(self.tr("Add a client with New client…, or pick one on the left."))
            self.client_notes.clear()
            self.contacts.setRowCount(0)
        else:
            self.heading.setText(client.name)
            facts = [
                self.tr(f) for f in (client.draft.industry, client.draft.work_environment) if f
            ]
            facts.append(self.tr("{n} open job orders").format(n=client.open_jobs))
            self.facts.setText(" · ".join(facts))
            self.client_notes.setText(client.draft.notes)
            self.client_notes.setVisible(bool(client.draft.notes))
            self.contacts.setRowCount(len(client.contacts))
            for row, contact in enumerate(client.contacts):
                d = contact.draft
                for column, text in enumerate((d.name, d.title, d.email, d.phone)):
                    self.contacts.setItem(row, column, QTableWidgetItem(text))
        self._load_jobs()

    def _load_jobs(self, select_id: int | None = None) -> None:
        """Read the selected client's job orders in the chosen statuses."""
        client = self.current_client()
        if select_id is None and (job := self.current_job()) is not None:
            select_id = job.id
        rows: list[JobOrder] = []
        if client is not None:
            try:
                rows = job_service.jobs(
                    self._database, client.id, self.status_filter.currentData() or ()
                )
            except WorkbenchError as exc:
                show_error(self, self.tr("Job orders"), exc)
        self.job_model.set_jobs(rows)
        row = self.job_model.row_of(select_id) if select_id is not None else -1
        if row >= 0:
            self.job_table.selectRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Enable only the buttons that have something to act on."""
        has_client = self.current_client() is not None
        has_job = self.current_job() is not None
        self.edit_client_button.setEnabled(has_client)
        self.remove_client_button.setEnabled(has_client)
        self.new_job_button.setEnabled(has_client)
        for button in (self.edit_job_button, self.match_button, self.submittals_button):
            button.setEnabled(has_job)

    # --- actions --------------------------------------------------------------------------

    def new_client(self) -> None:
        """Add a client through the client dialog."""
        self._edit_client_in(ClientDialog(self._database, None, self))

    def edit_client(self) -> None:
        """Edit the selected client and its contacts."""
        client = self.current_client()
        if client is not None:
            self._edit_client_in(ClientDialog(self._database, client, self))

    def _edit_client_in(self, dialog: ClientDialog) -> None:
        """Run a client dialog and show the client it saved."""
        dialog.exec()
        saved = dialog.saved_client
        if saved is not None:
            self.filter.clear()  # a filter could hide the client just saved
            self.reload()
            self.select_client(saved.id)
            self.changed.emit()

    def remove_client(self) -> None:
        """Remove the selected client after asking; one with job orders is refused."""
        client = self.current_client()
        if client is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove client"),
            self.tr("Remove {name} and its contacts? This cannot be undone.").format(
                name=client.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            client_service.remove_client(self._database, client.id)
        except Exception as exc:  # the refusal (job orders on record) says what to do instead
            show_error(self, self.tr("Remove client"), exc)
            return
        self.reload()
        self.changed.emit()

    def new_job(self) -> None:
        """Add a job order for the selected client."""
        client = self.current_client()
        if client is not None:
            self._edit_job_in(client, None)

    def edit_job(self) -> None:
        """Edit the selected job order."""
        client, job = self.current_client(), self.current_job()
        if job is not None:
            self._edit_job_in(client, job)

    def _edit_job_in(self, client: Client | None, job: JobOrder | None) -> None:
        """Run the job order editor and show the job order it saved."""
        try:
            dialog = JobEditor(self._database, client, job, self)
        except WorkbenchError as exc:  # the job order or its client went meanwhile
            show_error(self, self.tr("Job order"), exc)
            return
        dialog.exec()
        saved = dialog.saved_job
        if saved is None:
            return
        self.reload()  # the open-job count beside the client changes too
        # A job saved in a status the filter hides would seem to vanish: show every status.
        statuses = self.status_filter.currentData() or ()
        if statuses and saved.draft.status not in statuses:
            self.status_filter.setCurrentIndex(len(STATUS_FILTERS) - 1)
        self._load_jobs(saved.id)
        self.changed.emit()

    def _ask_match(self) -> None:
        """Ask for candidates matching the selected job order."""
        job = self.current_job()
        if job is not None:
            self.matchRequested.emit(job.id)

    def _ask_submittals(self) -> None:
        """Ask for the selected job order's submittals."""
        job = self.current_job()
        if job is not None:
            self.submittalsRequested.emit(job.id)


__all__ = ["STATUS_FILTERS", "ClientsWindow"]
