"""The main window's actions in one table, and the menus and toolbar that offer them."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _privacy(window: MainWindow, name: str) -> Callable[[], object]:
    """Return a slot calling privacy_screens.<name>(window), imported only when used."""

    def run() -> object:
        try:
            privacy_screens = importlib.import_module("workbench.ui.privacy_screens")
        except ModuleNotFoundError as exc:  # the rest of the window works without that screen
            if exc.name != "workbench.ui.privacy_screens":
                raise
            from workbench.domain.errors import WorkbenchError
            from workbench.ui.errors import show_error

            show_error(window, _tr("Privacy"), WorkbenchError(_tr("not available in this build")))
            return None
        function = "erase_selected" if name == "erase" else name
        return getattr(privacy_screens, function)(window)

    return run


def _table(window: MainWindow) -> list[tuple[str, str, Any, Callable[[], object], bool]]:
    """Return (attribute, text, shortcut, slot, on toolbar) for every action."""
    removals, transfers, screens = window.removals, window.transfers, window.certification_screens
    profiles, pipeline, agency = window.profile_screens, window.pipeline, window.agency_screens
    backups = window.backup_screens
    return [
        (
            "new_action",
            _tr("&New candidate"),
            QKeySequence.StandardKey.New,
            window.new_candidate,
            True,
        ),
        ("save_action", _tr("&Save"), QKeySequence.StandardKey.Save, window.editor.save, True),
        (
            "delete_action",
            _tr("&Delete"),
            QKeySequence.StandardKey.Delete,
            removals.delete_selected,
            True,
        ),
        ("restore_action", _tr("&Restore"), "Ctrl+Shift+R", removals.restore_selected, True),
        ("find_action", _tr("&Find…"), QKeySequence.StandardKey.Find, window.focus_search, True),
        ("board_action", _tr("Pipeline &board"), "Ctrl+B", pipeline.toggle_board, True),
        ("move_action", _tr("&Move to stage…"), "Ctrl+M", pipeline.move_selected, False),
        (
            "import_action",
            _tr("&Import spreadsheet…"),
            "Ctrl+I",
            transfers.import_spreadsheet,
            True,
        ),
        ("export_action", _tr("&Export list…"), "Ctrl+E", transfers.export_list, False),
        ("sample_action", _tr("Load &sample data"), None, transfers.load_sample_data, False),
        ("purge_action", _tr("&Purge deleted candidates…"), None, removals.purge_deleted, False),
        ("preview_action", _tr("&Preview profile…"), "Ctrl+P", profiles.preview_profile, False),
        ("profiles_action", _tr("E&xport profiles…"), None, profiles.export_selected, False),
        ("expiring_action", _tr("&Expiring…"), "Ctrl+Shift+E", screens.show_expiring, False),
        # Ctrl+, is the usual place for settings (Cmd+, on a Mac, where Qt maps Ctrl to Cmd).
        ("settings_action", _tr("Se&ttings…"), "Ctrl+,", screens.show_settings, False),
        ("catalogue_action", _tr("Certification &catalogue…"), None, screens.show_settings, False),
        (
            "clients_action",
            _tr("&Clients and job orders…"),
            "Ctrl+Shift+J",
            agency.show_clients,
            False,
        ),
        ("submittals_action", _tr("&Submittals…"), None, agency.show_submittals, False),
        ("dashboard_action", _tr("&Dashboard"), "Ctrl+Shift+D", agency.show_dashboard, False),
        ("backup_action", _tr("&Back up now"), None, backups.back_up_now, False),
        (
            "restore_backup_action",
            _tr("&Restore from backup…"),
            None,
            backups.restore_backup,
            False,
        ),
        ("erase_action", _tr("Erase &personal data…"), None, _privacy(window, "erase"), False),
        (
            "subject_access_action",
            _tr("Export subject &access…"),
            None,
            _privacy(window, "export_subject_access"),
            False,
        ),
        (
            "retention_action",
            _tr("Retention &review…"),
            None,
            _privacy(window, "show_retention_review"),
            False,
        ),
        ("quit_action", _tr("&Quit"), QKeySequence.StandardKey.Quit, window.close, False),
    ]


def create_actions(window: MainWindow) -> None:
    """Create the window's actions as attributes, then its toolbar and menus."""
    toolbar = window.addToolBar(_tr("Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for attribute, text, shortcut, slot, on_toolbar in _table(window):
        action = QAction(text, window)
        action.setObjectName(attribute)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_, s=slot: s())
        setattr(window, attribute, action)
        if on_toolbar:
            toolbar.addAction(action)
    # Delete acts on the list only, so the key still deletes text in the editor's fields.
    window.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.table.addAction(window.delete_action)
    window.save_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    # Checked while the board fills the window; Ctrl+B again goes back to the list.
    window.board_action.setCheckable(True)

    # Each menu's actions by attribute name; "|" is a separator.
    menus = (
        (
            _tr("&File"),
            "import_action export_action sample_action | backup_action restore_backup_action"
            " | settings_action | quit_action",
        ),
        (
            _tr("&Candidate"),
            "new_action save_action delete_action restore_action | move_action"
            " | preview_action profiles_action | purge_action | erase_action subject_access_action"
            " retention_action",
        ),
        (_tr("&View"), "find_action | board_action dashboard_action"),
        (_tr("Ce&rtifications"), "expiring_action catalogue_action"),
        (_tr("C&lients"), "clients_action submittals_action"),
    )
    for title, names in menus:
        menu = window.menuBar().addMenu(title)
        for name in names.split():
            if name == "|":
                menu.addSeparator()
            else:
                menu.addAction(getattr(window, name))
