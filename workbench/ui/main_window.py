"""The main window: the candidate list with search and filters beside the candidate editor."""

from __future__ import annotations

import time

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.domain.search import SearchCriteria, SortKey, Visibility
from workbench.services import candidates as candidate_service
from workbench.services.search import (
    SearchResult,
    count_candidates,
    known_countries,
    search_candidates,
)
from workbench.store.engine import Database, Interruption
from workbench.ui.actions import create_actions
from workbench.ui.agency_screens import AgencyScreens
from workbench.ui.backup_screens import BackupScreens
from workbench.ui.badges import BadgeDelegate
from workbench.ui.candidate_editor import CandidateEditor
from workbench.ui.candidate_model import CERTIFICATIONS_COLUMN, COLUMNS, CandidateTableModel
from workbench.ui.certification_screens import CertificationScreens
from workbench.ui.draft_keeper import DraftKeeper
from workbench.ui.errors import show_error
from workbench.ui.pipeline_screens import PipelineScreens
from workbench.ui.profile_export import ProfileScreens
from workbench.ui.removals import Removals
from workbench.ui.search_bar import SearchBar
from workbench.ui.tasks import run_in_background
from workbench.ui.transfers import Transfers
from workbench.ui.welcome import WelcomePanel

SEARCH_DELAY_MS = 180


class MainWindow(QMainWindow):
    """Find, browse and edit candidates; import, export and load sample data."""

    searchFinished = Signal(object)  # SearchResult, once the list shows it

    new_action: QAction
    save_action: QAction
    delete_action: QAction
    restore_action: QAction
    find_action: QAction
    import_action: QAction
    export_action: QAction
    sample_action: QAction
    purge_action: QAction
    preview_action: QAction
    profiles_action: QAction
    expiring_action: QAction
    settings_action: QAction
    catalogue_action: QAction
    board_action: QAction
    move_action: QAction
    clients_action: QAction
    submittals_action: QAction
    dashboard_action: QAction
    backup_action: QAction
    restore_backup_action: QAction
    erase_action: QAction
    subject_access_action: QAction
    retention_action: QAction
    quit_action: QAction

    def __init__(self, database: Database, settings: QSettings | None = None) -> None:
        super().__init__()
        self.database = database
        self.settings = settings or QSettings()
        self._generation = 0
        self._sort: tuple[SortKey, bool] | None = None
        self._last_text = ""
        self._last_result: SearchResult | None = None
        self._search_started = 0.0
        self._ready = False  # Qt asks the model to sort while the header is being set up
        self._total: int | None = None  # live candidates; None until counted after a change
        self._running_search: Interruption | None = None
        self.setWindowTitle(self.tr("Workbench — IT Project Manager candidates"))
        self.resize(1400, 850)
        self._build_widgets()
        self.transfers = Transfers(self)
        self.removals = Removals(self)
        self.certification_screens = CertificationScreens(self)
        self.profile_screens = ProfileScreens(self)
        self.pipeline = PipelineScreens(self)
        self.agency_screens = AgencyScreens(self)
        self.backup_screens = BackupScreens(self)
        self.editor.certificationsChanged.connect(self.certification_screens.claims_changed)
        self.editor.vettingChanged.connect(self.pipeline.vetting_changed)
        create_actions(self)
        self._update_actions()
        self._restore_layout()
        self._refresh_countries()
        self.certification_screens.refresh_filter()
        self.pipeline.refresh_stages()
        self._ready = True
        self.run_search()
        if self.keeper is not None and self.keeper.load() is not None:
            QTimer.singleShot(0, self._offer_kept_draft)

    # --- building -------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search_bar = SearchBar()
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.search_bar.textChanged.connect(self._text_changed)
        self.search_bar.filtersChanged.connect(self.run_search)

        self.candidate_model = CandidateTableModel(self.database, self)
        self.candidate_model.sortRequested.connect(self._sort_requested)
        self.table = QTableView()
        self.table.setObjectName("candidateTable")
        self.table.setModel(self.candidate_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        for column, width in enumerate(
            (200, 230, 80, 110, 260, 60, 120, 120, 90, 120, 240, 150, 90)
        ):
            self.table.setColumnWidth(column, width)
        self.table.setItemDelegateForColumn(CERTIFICATIONS_COLUMN, BadgeDelegate(self.table))
        # After the view's own handler, so a click on an unsortable column can be undone.
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

        self.keeper = DraftKeeper.beside(self.database.path) if self.database.path else None
        self.editor = CandidateEditor(self.database, keeper=self.keeper)
        self.editor.setObjectName("candidateEditor")
        self.editor.saved.connect(self._candidate_saved)
        self.editor.dirtyChanged.connect(self._update_actions)
        self.editor.openRequested.connect(self.open_candidate)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_bar)
        left_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 580])

        self.welcome = WelcomePanel()
        self.welcome.addRequested.connect(self._welcome_add)
        self.welcome.importRequested.connect(lambda: self.transfers.import_spreadsheet())
        self.welcome.sampleRequested.connect(lambda: self.transfers.load_sample_data())
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.splitter)
        self.pages.setCurrentWidget(self.splitter)
        self.setCentralWidget(self.pages)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.statusBar().addWidget(self.count_label, 1)
        path = str(self.database.path) if self.database.path else ""
        self.statusBar().addPermanentWidget(QLabel(path))

    # --- layout memory --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("main/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = self.settings.value("main/header")
        # Widths saved for another set of columns would land on the wrong ones.
        if header is not None and self.settings.value("main/columns") == self._column_names():
            self.table.horizontalHeader().restoreState(header)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.pipeline.restore_page()

    def _save_layout(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/state", self.saveState())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        self.settings.setValue("main/header", self.table.horizontalHeader().saveState())
        self.settings.setValue("main/columns", self._column_names())
        self.pipeline.save_page()
        self.settings.sync()

    @staticmethod
    def _column_names() -> str:
        return ",".join(title for _key, title in COLUMNS)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Offer to save unsaved edits, then remember the layout."""
        if (
            not self.may_leave_editor()
            or not self.certification_screens.close_windows()
            or not self.agency_screens.close_windows()
        ):
            event.ignore()
            return
        self._save_layout()
        self.backup_screens.back_up_on_exit()
        event.accept()

    # --- searching ------------------------------------------------------------------------

    def criteria(self) -> SearchCriteria:
        """Return what the search bar currently asks for, with the list's sort."""
        sort, descending = self._sort if self._sort else (None, False)
        return self.search_bar.criteria(sort, descending)

    def _text_changed(self, text: str) -> None:
        if bool(text.strip()) != bool(self._last_text.strip()):
            # A new query ranks by relevance until a column is clicked.
            self._sort = None
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._last_text = text
        self.search_timer.start()

    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        if 0 <= column < len(COLUMNS) and COLUMNS[column][0] is None:
            # Nothing to sort by: the arrow goes back to the column the list is sorted by.
            header = self.table.horizontalHeader()
            sort, descending = self._sort if self._sort else (None, False)
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.blockSignals(True)
            header.setSortIndicator(CandidateTableModel.column_of(sort) if sort else -1, order)
            header.blockSignals(False)

    def _sort_requested(self, key: SortKey, descending: bool) -> None:
        if not self._ready:
            return
        self._sort = (key, descending)
        self.run_search()

    def run_search(self) -> None:
        """Search in the background; only the newest search's result is shown."""
        self.search_timer.stop()
        self._generation += 1
        generation = self._generation
        criteria = self.criteria()
        self._search_started = time.perf_counter()
        self.count_label.setText(self.tr("Searching…"))
        count_all = self._total is None
        # A search made stale by typing stops at once instead of holding a core for nothing.
        if self._running_search is not None:
            self._running_search.stop()
        interruption = self._running_search = Interruption()
        run_in_background(
            lambda: search_candidates(
                self.database, criteria, count_all=count_all, interruption=interruption
            ),
            lambda result: self._show_result(generation, result),
            lambda error: self._search_failed(generation, error),
            context=self,
        )

    def _show_result(self, generation: int, result: SearchResult) -> None:
        if generation != self._generation:
            return
        elapsed_ms = (time.perf_counter() - self._search_started) * 1000
        current = self.editor.candidate.id if self.editor.candidate else None
        self._last_result = result
        if result.total_active is not None:
            self._total = result.total_active
        total = self._total or 0
        self.candidate_model.set_ids(result.ids)
        if current is not None:
            self._select_id(current, load=False)
        shown = len(result.ids)
        if result.criteria == SearchCriteria(
            sort=result.criteria.sort, descending=result.criteria.descending
        ):
            text = self.tr("{n} candidates").format(n=f"{shown:,}")
        else:
            text = self.tr("{n} of {total} candidates match").format(
                n=f"{shown:,}", total=f"{total:,}"
            )
        if result.too_broad_to_rank:
            text += self.tr(" · too many to rank, sorted by name: add a word to narrow")
        elif result.sort is SortKey.RELEVANCE:
            text += self.tr(" · best matches first")
        self.count_label.setText(f"{text} · {elapsed_ms:.0f} ms")
        empty_store = (
            total == 0
            and result.criteria.visibility is Visibility.ACTIVE
            # Deleted candidates are still there to restore: no welcome over them.
            and count_candidates(self.database, Visibility.ALL) == 0
        )
        showing_welcome = self.pages.currentWidget() is self.welcome
        if empty_store and not self.editor.is_dirty and not result.criteria.terms:
            self.pages.setCurrentWidget(self.welcome)
        elif showing_welcome:
            self.pages.setCurrentWidget(self.splitter)
        self._update_actions()
        self.searchFinished.emit(result)

    def _search_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.count_label.setText(self.tr("Search failed"))
            show_error(self, self.tr("Search failed"), error)

    def _refresh_countries(self) -> None:
        # Off the GUI thread: a cold GROUP BY over 100,000 rows would delay the first page.
        # On failure the filter keeps its old list; the search itself reports real faults.
        run_in_background(
            lambda: known_countries(self.database),
            self.search_bar.set_countries,
            lambda _error: None,
            context=self,
        )

    def focus_search(self) -> None:
        """Put the cursor in the search box (the board's filter on the board), text selected."""
        if self.pipeline.focus_board_filter():
            return
        self.pages.setCurrentWidget(self.splitter)
        self.search_bar.focus_search()

    # --- selection and editing ------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Return the ids of the selected rows, in list order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = (self.candidate_model.candidate_id(r) for r in rows)
        return [i for i in ids if i is not None]

    def may_leave_editor(self) -> bool:
        """Return True once unsaved edits are saved or dropped; False if the user stays."""
        if not self.editor.has_unsaved_work:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save your changes to this candidate first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save_all()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.discard_all()
            return True
        return False

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        candidate_id = (
            self.candidate_model.candidate_id(current.row()) if current.isValid() else None
        )
        if candidate_id is None or (
            self.editor.candidate is not None and self.editor.candidate.id == candidate_id
        ):
            return
        if not self.may_leave_editor():
            # Put the selection back on the candidate still being edited.
            QTimer.singleShot(
                0,
                lambda: (
                    self._select_id(self.editor.candidate.id, load=False)
                    if self.editor.candidate
                    else None
                ),
            )
            return
        self._load_into_editor(candidate_id)

    def _load_into_editor(self, candidate_id: int) -> None:
        try:
            self.editor.load(candidate_service.get_candidate(self.database, candidate_id))
        except WorkbenchError as exc:
            show_error(self, self.tr("Cannot open candidate"), exc)

    def _select_id(self, candidate_id: int, *, load: bool = True) -> None:
        row = self.candidate_model.row_of(candidate_id)
        if row is None:
            return
        index = self.candidate_model.index(row, 0)
        selection = self.table.selectionModel()
        selection.blockSignals(not load)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.scrollTo(index)
        self._update_actions()

    def open_candidate(self, candidate_id: int) -> None:
        """Show a candidate in the editor (and in the list if it is part of the result)."""
        if not self.may_leave_editor():
            return
        self._load_into_editor(candidate_id)
        self._select_id(candidate_id, load=False)

    def new_candidate(self) -> None:
        """Clear the editor for a new candidate."""
        if not self.may_leave_editor():
            return
        self.pages.setCurrentWidget(self.splitter)
        self.table.clearSelection()
        self.editor.start_new()
        self.editor.tabs.setCurrentIndex(0)

    def _welcome_add(self) -> None:
        self.pages.setCurrentWidget(self.splitter)
        self.new_candidate()

    def _candidate_saved(self, _candidate: object) -> None:
        self.candidate_model.refresh_rows()
        self.data_changed()

    def _update_actions(self, *_: object) -> None:
        ids = self.selected_ids()
        rows = [
            self.candidate_model.row_data(self.candidate_model.row_of(i) or 0) for i in ids[:50]
        ]
        self.save_action.setEnabled(self.editor.is_dirty)
        self.delete_action.setEnabled(any(r is not None and not r.deleted for r in rows))
        self.restore_action.setEnabled(any(r is not None and r.deleted for r in rows))
        live = [r is not None and not r.deleted for r in rows]
        self.preview_action.setEnabled(
            all(live) and self.profile_screens.previewable_id() is not None
        )
        self.profiles_action.setEnabled(bool(ids) and all(live))
        self.move_action.setEnabled(self.pipeline.can_move())

    def _offer_kept_draft(self) -> None:
        kept = self.keeper.load() if self.keeper else None
        if kept is None or self.keeper is None:
            return
        name = kept.draft.full_name or self.tr("a new candidate")
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr(
                "Workbench closed while you were editing {name}. Bring back your unsaved changes?"
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.keeper.forget()
            return
        stored = None
        if kept.candidate_id is not None:
            try:
                stored = candidate_service.get_candidate(self.database, kept.candidate_id)
            except WorkbenchError:
                stored = None  # purged meanwhile: the edits come back as a new candidate
        self.pages.setCurrentWidget(self.splitter)
        self.editor.restore_kept(kept, stored)

    # --- after long work ----------------------------------------------------------------

    def data_changed(self, *, leave_welcome: bool = False) -> None:
        """Count, list and offer countries again after the store changed; refresh the rest."""
        self._total = None
        self._refresh_countries()
        if leave_welcome:
            self.pages.setCurrentWidget(self.splitter)
        self.run_search()
        self.certification_screens.reload_expiring()
        self.pipeline.data_changed()
        self.agency_screens.data_changed()
