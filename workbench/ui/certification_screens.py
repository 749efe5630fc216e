"""The window's certification screens: the Expiring list, Settings, and keeping both current."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workbench.services.catalogue import certification_rules
from workbench.ui.expiring_view import ExpiringView
from workbench.ui.settings_dialog import SettingsDialog
from workbench.ui.tasks import run_in_background

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


class CertificationScreens(QObject):
    """Open the one Expiring window and the one Settings dialog; refresh after changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.expiring_view: ExpiringView | None = None  # made on first use, then kept
        self.settings_dialog: SettingsDialog | None = None

    def refresh_filter(self) -> None:
        """Offer the catalogue's codes in the search bar's certification filter."""
        # A handful of rows, read off the GUI thread like the countries; failure keeps the old.
        run_in_background(
            lambda: certification_rules(self.window.database),
            self.window.search_bar.set_certifications,
            lambda _error: None,
            context=self,
        )

    def show_expiring(self) -> None:
        """Show the Expiring window, loading it afresh."""
        if self.expiring_view is None:
            window = self.window
            self.expiring_view = ExpiringView(window.database, window, window.settings)
            self.expiring_view.candidateRequested.connect(self._open_candidate)
        self.expiring_view.show()
        self.expiring_view.raise_()
        self.expiring_view.activateWindow()
        self.expiring_view.reload()

    def _open_candidate(self, candidate_id: int) -> None:
        window = self.window
        window.pages.setCurrentWidget(window.splitter)
        window.open_candidate(candidate_id)
        window.raise_()
        window.activateWindow()

    def show_settings(self) -> None:
        """Show Settings: the consultant's name and the certification catalogue."""
        if self.settings_dialog is None:
            self.settings_dialog = SettingsDialog(self.window.database, self.window)
            self.settings_dialog.catalogueChanged.connect(self._catalogue_changed)
            # Renamed or reordered stages: the list, its filter, the board and the editor.
            self.settings_dialog.stagesChanged.connect(self.window.data_changed)
        self.settings_dialog.show()
        self.settings_dialog.raise_()
        self.settings_dialog.activateWindow()

    def _catalogue_changed(self) -> None:
        # A rule change moves claims' dates: badges, the filter and the Expiring list follow.
        self.refresh_filter()
        self.window.data_changed()

    def claims_changed(self, _candidate_id: int) -> None:
        """Show a candidate's new badges after the editor saved a claim or a check."""
        window = self.window
        criteria = window.criteria()
        if criteria.certification or criteria.certification_status is not None:
            window.run_search()  # the candidate may have joined or left the filtered list
        else:
            window.candidate_model.refresh_rows()  # re-reads only the rows on screen
        self.reload_expiring()

    def close_windows(self) -> bool:
        """Close Settings and the Expiring window; False if Settings keeps unsaved edits."""
        dialog, view = self.settings_dialog, self.expiring_view
        if dialog is not None and dialog.isVisible() and not dialog.close():
            return False
        if view is not None and view.isVisible():
            view.close()  # remembers its size and window of days
        return True

    def reload_expiring(self) -> None:
        """Load the Expiring window again if it is open."""
        if self.expiring_view is not None and self.expiring_view.isVisible():
            self.expiring_view.reload()
