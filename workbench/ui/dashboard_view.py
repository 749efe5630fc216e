"""The dashboard window: the pipeline, expiring certifications, open jobs and monthly activity."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.vetting import Stage
from workbench.services.dashboard import Dashboard, MonthCount, dashboard
from workbench.store.engine import Database
from workbench.ui.errors import show_error
from workbench.ui.tasks import run_in_background

MAIN_LINE_COLOUR = QColor("#2f6fab")
EXIT_COLOUR = QColor("#a3a9b0")  # exits are off the main line: grey, like the board sets them apart
SUBMITTAL_COLOUR = QColor("#2f6fab")
PLACEMENT_COLOUR = QColor("#3c9a5f")
URGENT_COLOUR = "#b3261e"


def _nice_axis(axis: QValueAxis, largest: int) -> None:
    """Scale a count axis from 0 in whole steps, so no tick reads 2.5 candidates."""
    top = max(largest, 4)
    step = 10 ** int(math.log10(top / 4))
    for factor in (1, 2, 5, 10):
        if top / (step * factor) <= 6:
            step *= factor
            break
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setRange(0, math.ceil(top * 1.08 / step) * step)  # room for the label past the bar
    axis.setLabelFormat("%d")
    axis.setMinorTickCount(0)


class Figure(QFrame):
    """A big number with a caption that acts like a button."""

    clicked = Signal()

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(
            f"#{name} {{ background: white; border: 1px solid #d5d9de; border-radius: 6px; }}"
            f"#{name}:hover, #{name}:focus {{ border-color: #2f6fab; }}"
        )
        self.number = QLabel("–")
        self.number.setObjectName(name + "Number")
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_value(self, value: int, *, urgent: bool = False, detail: str = "") -> None:
        """Show a count, red when it asks for action, with an optional second line."""
        self.number.setText(f"{value:,}")
        self.number.setStyleSheet(f"color: {URGENT_COLOUR};" if urgent and value else "")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Act on a left click released over the figure."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Act on Space or Enter, as a button would."""
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


def _chart(title: str) -> tuple[QChart, QChartView]:
    """Return an empty chart with the dashboard's look, in a view."""
    chart = QChart()
    chart.setTitle(title)
    title_font = QFont(chart.titleFont())
    title_font.setBold(True)
    title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
    chart.setTitleFont(title_font)
    chart.setBackgroundRoundness(4)
    chart.setMargins(QMargins(6, 6, 12, 6))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    # No animation: the figures must be right at once, also when grabbed offscreen.
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(420, 300)
    return chart, view


class DashboardWindow(QWidget):
    """A window of figures over the whole agency; each one opens the list behind it."""

    stageRequested = Signal(int)  # stage id
    expiringRequested = Signal(int)  # days: 30 or 90
    clientsRequested = Signal()
    submittalsRequested = Signal()
    loaded = Signal(object)  # the Dashboard shown, after each load

    def __init__(
        self, database: Database, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dashboardWindow")
        self.setWindowTitle(self.tr("Dashboard"))
        self._database = database
        self._settings = settings
        self._generation = 0
        self._loading = False
        self.data: Dashboard | None = None
        self._stages: tuple[Stage, ...] = ()
        self.resize(1180, 760)
        self._build()
        self._restore_layout()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.expiring_30 = Figure("expiring30", self.tr("certifications lapse in the next 30 days"))
        self.expiring_90 = Figure("expiring90", self.tr("certifications lapse in the next 90 days"))
        self.open_jobs = Figure("openJobs", self.tr("open job orders"))
        self.expiring_30.clicked.connect(lambda: self.expiringRequested.emit(30))
        self.expiring_90.clicked.connect(lambda: self.expiringRequested.emit(90))
        self.open_jobs.clicked.connect(self.clientsRequested)
        self.expiring_30.setToolTip(self.tr("List the certifications lapsing in 30 days"))
        self.expiring_90.setToolTip(self.tr("List the certifications lapsing in 90 days"))
        self.open_jobs.setToolTip(self.tr("Open clients and job orders"))
        figures = QHBoxLayout()
        for figure in (self.expiring_30, self.expiring_90, self.open_jobs):
            figures.addWidget(figure, 1)

        self.stage_chart, self.stage_view = _chart(self.tr("Candidates per stage"))
        self.stage_view.setObjectName("stageChart")
        self.month_chart, self.month_view = _chart(
            self.tr("Submittals and placements, last 12 months")
        )
        self.month_view.setObjectName("monthChart")
        self.month_view.setMinimumWidth(500)
        self._build_stage_chart()
        self._build_month_chart()
        charts = QGridLayout()
        charts.addWidget(self.stage_view, 0, 0)
        charts.addWidget(self.month_view, 0, 1)
        charts.setColumnStretch(0, 1)
        charts.setColumnStretch(1, 1)

        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        self.status.setStyleSheet("color: #555;")
        self.reload_button = QPushButton(self.tr("Refresh"))
        self.reload_button.setObjectName("dashboardRefresh")
        self.reload_button.clicked.connect(self.reload)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.reload_button)

        layout = QVBoxLayout(self)
        layout.addLayout(figures)
        layout.addLayout(charts, 1)
        layout.addLayout(bottom)

    def _build_stage_chart(self) -> None:
        # Two sets stacked: each stage has a bar in one of them only, so exits take another
        # colour and the legend says which is which, without narrowing any bar.
        self.main_set = QBarSet(self.tr("Main line"))
        self.main_set.setColor(MAIN_LINE_COLOUR)
        self.exit_set = QBarSet(self.tr("Exits"))
        self.exit_set.setColor(EXIT_COLOUR)
        self.stage_series = QHorizontalStackedBarSeries()
        self.stage_series.setBarWidth(0.7)
        for bar_set in (self.main_set, self.exit_set):
            self.stage_series.append(bar_set)
            bar_set.clicked.connect(self.request_stage)
            bar_set.hovered.connect(lambda over, _i, v=self.stage_view: self._hover(v, over))
        self.stage_chart.addSeries(self.stage_series)
        self.stage_axis = QBarCategoryAxis()
        self.stage_axis.setReverse(True)  # the first stage on top, read down like the board
        self.stage_axis.setGridLineVisible(False)
        self.stage_count_axis = QValueAxis()
        self.stage_chart.addAxis(self.stage_axis, Qt.AlignmentFlag.AlignLeft)
        self.stage_chart.addAxis(self.stage_count_axis, Qt.AlignmentFlag.AlignBottom)
        self.stage_series.attachAxis(self.stage_axis)
        self.stage_series.attachAxis(self.stage_count_axis)
        _nice_axis(self.stage_count_axis, 0)

    def _build_month_chart(self) -> None:
        self.submittal_set = QBarSet(self.tr("Submittals"))
        self.submittal_set.setColor(SUBMITTAL_COLOUR)
        self.placement_set = QBarSet(self.tr("Placements"))
        self.placement_set.setColor(PLACEMENT_COLOUR)
        self.month_series = QBarSeries()
        self.month_series.setBarWidth(0.8)
        self.month_series.setLabelsVisible(True)
        self.month_series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        for bar_set in (self.submittal_set, self.placement_set):
            self.month_series.append(bar_set)
            bar_set.setLabelColor(QColor("#333"))
            bar_set.clicked.connect(self._month_clicked)
            bar_set.hovered.connect(lambda over, _i, v=self.month_view: self._hover(v, over))
        self.month_chart.addSeries(self.month_series)
        self.month_axis = QBarCategoryAxis()
        self.month_axis.setGridLineVisible(False)
        small = QFont(self.month_axis.labelsFont())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.month_axis.setLabelsFont(small)  # twelve names under a half-width chart
        self.month_count_axis = QValueAxis()
        self.month_chart.addAxis(self.month_axis, Qt.AlignmentFlag.AlignBottom)
        self.month_chart.addAxis(self.month_count_axis, Qt.AlignmentFlag.AlignLeft)
        self.month_series.attachAxis(self.month_axis)
        self.month_series.attachAxis(self.month_count_axis)
        _nice_axis(self.month_count_axis, 0)

    @staticmethod
    def _hover(view: QChartView, over: bool) -> None:
        """Show a pointing hand over a bar: bars open lists."""
        view.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
        )

    # --- layout memory --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        if self._settings is None:
            return
        geometry = self._settings.value("dashboard/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def showEvent(self, event: QShowEvent) -> None:
        """Start on Refresh: focus on a figure would frame it as if it were chosen."""
        super().showEvent(event)
        self.reload_button.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember where the window was."""
        if self._settings is not None:
            self._settings.setValue("dashboard/geometry", self.saveGeometry())
        super().closeEvent(event)

    # --- loading --------------------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        """Return True while a load is running."""
        return self._loading

    def reload(self) -> None:
        """Read the figures off the GUI thread; only the newest answer is shown."""
        self._generation += 1
        generation = self._generation
        self._loading = True
        self.status.setText(self.tr("Loading…"))
        run_in_background(
            lambda: dashboard(self._database),
            lambda data: self._loaded(generation, data),
            lambda error: self._failed(generation, error),
            context=self,
        )

    def _loaded(self, generation: int, data: Dashboard) -> None:
        if generation != self._generation:
            return  # an older load answered after a newer one started
        self._loading = False
        self.display(data)
        self.loaded.emit(data)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.status.setText(self.tr("Could not load the figures"))
        show_error(self, self.tr("Dashboard"), error)

    # --- showing --------------------------------------------------------------------------

    def display(self, data: Dashboard) -> None:
        """Show a set of figures."""
        self.data = data
        self.expiring_30.set_value(data.expiring_30, urgent=True)
        self.expiring_90.set_value(data.expiring_90)
        self.open_jobs.set_value(
            data.open_jobs,
            detail=self.tr("{n} openings left to fill").format(n=f"{data.openings_left:,}"),
        )
        self._show_stages(data.stages)
        self._show_months(data.months)
        live = sum(count for _stage, count in data.stages)
        self.status.setText(
            self.tr(
                "{n} live candidates. Click a bar or a figure to see the list behind it."
            ).format(n=f"{live:,}")
        )

    def _show_stages(self, stages: tuple[tuple[Stage, int], ...]) -> None:
        self._stages = tuple(stage for stage, _count in stages)
        # The count goes with the name: a bar's own label would also print the other set's 0.
        names = [
            self.tr("{name}  {n}").format(name=stage.name, n=f"{count:,}")
            for stage, count in stages
        ]
        self.stage_axis.clear()
        self.stage_axis.append(names)
        self.main_set.remove(0, self.main_set.count())
        self.exit_set.remove(0, self.exit_set.count())
        for stage, count in stages:
            self.main_set.append(0 if stage.closed else count)
            self.exit_set.append(count if stage.closed else 0)
        _nice_axis(self.stage_count_axis, max((count for _s, count in stages), default=0))

    def _show_months(self, months: tuple[MonthCount, ...]) -> None:
        locale = QLocale()
        days = [QDate(int(m.month[:4]), int(m.month[5:7]), 1) for m in months]  # "2026-11"
        # Twelve bars share the width: the month alone fits, the years go in the title.
        self.month_axis.clear()
        self.month_axis.append([locale.toString(day, "MMM") for day in days])
        self.submittal_set.remove(0, self.submittal_set.count())
        self.placement_set.remove(0, self.placement_set.count())
        for month in months:
            self.submittal_set.append(month.submittals)
            self.placement_set.append(month.placements)
        largest = max((max(m.submittals, m.placements) for m in months), default=0)
        _nice_axis(self.month_count_axis, largest)
        if days:
            # An empty grid alone reads like a chart that failed to load: the title says why.
            title = (
                self.tr("Submittals and placements, {first} – {last}")
                if largest
                else self.tr("No submittals or placements, {first} – {last}")
            )
            self.month_chart.setTitle(
                title.format(
                    first=locale.toString(days[0], "MMM yyyy"),
                    last=locale.toString(days[-1], "MMM yyyy"),
                )
            )

    # --- click-through --------------------------------------------------------------------

    def stage_ids(self) -> list[int]:
        """Return the stage ids in the order the bars show them."""
        return [stage.id for stage in self._stages]

    def request_stage(self, index: int) -> None:
        """Ask for the list of the stage shown at a bar's index."""
        if 0 <= index < len(self._stages):
            self.stageRequested.emit(self._stages[index].id)

    def _month_clicked(self, _index: int) -> None:
        self.submittalsRequested.emit()
