"""The window's agency screens: clients and job orders, matching, submittals and the dashboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from workbench.services.pipeline import stages
from workbench.ui.dashboard_view import DashboardWindow

if TYPE_CHECKING:
    from workbench.ui.clients_view import ClientsWindow
    from workbench.ui.main_window import MainWindow
    from workbench.ui.match_view import MatchWindow
    from workbench.ui.submittals_view import SubmittalsWindow


def _bring_up(widget: QWidget) -> None:
    """Show a window in front of the others."""
    widget.show()
    widget.raise_()
    widget.activateWindow()


class AgencyScreens(QObject):
    """Open one window each for clients, matching, submittals and the dashboard; link them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # Each made on first use, then kept (and reused) until the main window closes.
        self.dashboard: DashboardWindow | None = None
        self.clients_window: ClientsWindow | None = None
        self.match_window: MatchWindow | None = None
        self.submittals_window: SubmittalsWindow | None = None
        # A stage move or a claim saved in the editor changes the dashboard's figures too.
        window.editor.vettingChanged.connect(lambda _id: self.reload_dashboard())
        window.editor.certificationsChanged.connect(lambda _id: self.reload_dashboard())

    # --- opening --------------------------------------------------------------------------

    def show_dashboard(self) -> None:
        """Show the dashboard, reading its figures afresh."""
        if self.dashboard is None:
            window = self.window
            self.dashboard = DashboardWindow(window.database, window, window.settings)
            self.dashboard.stageRequested.connect(self.show_stage)
            self.dashboard.expiringRequested.connect(self.show_expiring)
            self.dashboard.clientsRequested.connect(self.show_clients)
            self.dashboard.submittalsRequested.connect(self.show_submittals)
        _bring_up(self.dashboard)
        self.dashboard.reload()

    def show_clients(self) -> None:
        """Show the clients and job orders window, read afresh."""
        if self.clients_window is None:
            # Imported here: the window pulls in its own models only when first asked for.
            from workbench.ui.clients_view import ClientsWindow

            window = self.window
            self.clients_window = ClientsWindow(window.database, window, window.settings)
            self.clients_window.matchRequested.connect(self.show_match)
            self.clients_window.submittalsRequested.connect(self.show_job_submittals)
            # Only the figures: a full data_changed would reload this window in turn.
            self.clients_window.changed.connect(self.reload_dashboard)
        _bring_up(self.clients_window)
        self.clients_window.reload()

    def show_match(self, job_id: int) -> None:
        """Show the candidates matching a job order, in the one match window."""
        if self.match_window is None:
            from workbench.ui.match_view import MatchWindow

            window = self.window
            self.match_window = MatchWindow(window.database, window, window.settings)
            self.match_window.candidateRequested.connect(self.open_candidate)
            # Submitting moves candidates to Presented: the list, board and figures follow.
            self.match_window.submitted.connect(lambda _result: window.data_changed())
        _bring_up(self.match_window)
        self.match_window.show_job(job_id)

    def _submittals(self) -> SubmittalsWindow:
        """Return the one submittals window, made on first use."""
        if self.submittals_window is None:
            from workbench.ui.submittals_view import SubmittalsWindow

            window = self.window
            self.submittals_window = SubmittalsWindow(window.database, window, window.settings)
            self.submittals_window.view.candidateRequested.connect(self.open_candidate)
            # A placement moves the candidate and fills an opening: everything else follows.
            self.submittals_window.view.changed.connect(lambda _row: window.data_changed())
        return self.submittals_window

    def show_submittals(self) -> None:
        """Show every submittal."""
        submittals = self._submittals()
        _bring_up(submittals)
        submittals.show_all()  # the window's own call also puts back its title

    def show_job_submittals(self, job_id: int) -> None:
        """Show the submittals of one job order."""
        submittals = self._submittals()
        _bring_up(submittals)
        submittals.show_job(job_id)

    def show_expiring(self, days: int) -> None:
        """Show the Expiring window over the next `days` days."""
        screens = self.window.certification_screens
        screens.show_expiring()
        view = screens.expiring_view
        if view is not None and view.days.value() != days:
            view.days.setValue(days)
            view.reload()  # now, not after the spin box's typing delay; the older load is dropped

    # --- into the main window ---------------------------------------------------------------

    def open_candidate(self, candidate_id: int) -> None:
        """Show a candidate in the main window's list and editor."""
        window = self.window
        window.pages.setCurrentWidget(window.splitter)
        window.open_candidate(candidate_id)
        _bring_up(window)

    def show_stage(self, stage_id: int) -> None:
        """List the live candidates in one stage, every other filter and the search cleared."""
        window = self.window
        bar = window.search_bar
        combo = bar.stage_filter
        if combo.findData(stage_id) < 0:
            # The filter is filled off the GUI thread; a stage added since is read here.
            bar.set_stages(stages(window.database))
        index = combo.findData(stage_id)
        if index < 0:
            return  # the stage was removed since the dashboard was read
        # The dashboard counted every live candidate in the stage: the list must match it.
        bar.search_box.setText("")
        for other in (
            bar.role_filter,
            bar.level_filter,
            bar.availability_filter,
            bar.country_filter,
            bar.visibility_filter,
            bar.certification_filter,
            bar.certification_status_filter,
        ):
            other.blockSignals(True)  # one search at the end, not one per filter
            other.setCurrentIndex(0)
            other.blockSignals(False)
        combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        window.pages.setCurrentWidget(window.splitter)
        window.run_search()
        _bring_up(window)

    # --- keeping current ----------------------------------------------------------------------

    def reload_dashboard(self) -> None:
        """Read the dashboard again if it is open."""
        if self.dashboard is not None and self.dashboard.isVisible():
            self.dashboard.reload()

    def data_changed(self) -> None:
        """Read the dashboard and the clients window again if they are open."""
        self.reload_dashboard()
        if self.clients_window is not None and self.clients_window.isVisible():
            self.clients_window.reload()

    def close_windows(self) -> bool:
        """Close the agency windows; False if one of them refuses (unsaved edits)."""
        for widget in (
            self.clients_window,
            self.match_window,
            self.submittals_window,
            self.dashboard,
        ):
            if widget is not None and widget.isVisible() and not widget.close():
                return False
        return True
