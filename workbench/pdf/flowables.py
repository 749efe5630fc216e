"""The profile's own flowables and canvas: badges, section headings, rows, deferred pages."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from workbench.pdf.fonts import BOLD, markup
from workbench.pdf.styles import Styles

BADGES = {  # fill, text, label
    "verified": (colors.HexColor("#1E7B45"), colors.white, "\u2713 VERIFIED"),
    "claimed": (colors.HexColor("#E4E8ED"), colors.HexColor("#3C4652"), "CLAIMED"),
    "lapsed": (colors.HexColor("#F6DEDC"), colors.HexColor("#9B2C22"), "LAPSED"),
}
BADGE_WIDTH = 24 * mm


class FixedTime:
    """A reportlab timestamp pinned to the generation date, so the PDF's dates are repeatable."""

    def __init__(self, day: date) -> None:
        moment = (day.year, day.month, day.day, 0, 0, 0)
        self.t = float(calendar.timegm((*moment, 0, 0, 0)))
        self.lt = (*moment, day.weekday(), day.timetuple().tm_yday, 0)
        self.YMDhms = moment
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


class StartProfile(Flowable):
    """An invisible mark telling the canvas that the following pages belong to one profile."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def draw(self) -> None:
        """Record the profile on the canvas; nothing is drawn."""
        self.canv.profile_index = self.index


class Badge(Flowable):
    """A small rounded label saying whether the agency verified a certification."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.fill, self.ink, self.label = BADGES[kind]
        self.width, self.height = BADGE_WIDTH - 3 * mm, 4.6 * mm

    def draw(self) -> None:
        """Draw the filled label."""
        canvas = self.canv
        canvas.setFillColor(self.fill)
        canvas.roundRect(0, 0, self.width, self.height, 1.2 * mm, stroke=0, fill=1)
        canvas.setFillColor(self.ink)
        canvas.setFont(BOLD, 6.8)
        canvas.drawCentredString(self.width / 2, 1.45 * mm, self.label)


class SectionHeading(Flowable):
    """A section title with a thin accent rule under it, always kept with what follows."""

    def __init__(self, text: str, styles: Styles) -> None:
        super().__init__()
        self.paragraph = Paragraph(markup(text), styles.section)
        self.accent = styles.accent
        self.keepWithNext = 1
        self.spaceBefore, self.spaceAfter = 5 * mm, 2 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Measure the title and leave room for the rule."""
        _, height = self.paragraph.wrap(available_width, available_height)
        self.width, self.height = available_width, height + 1.6 * mm
        return self.width, self.height

    def draw(self) -> None:
        """Draw the title, then the rule under it."""
        self.paragraph.drawOn(self.canv, 0, 1.6 * mm)
        self.canv.setStrokeColor(self.accent)
        self.canv.setLineWidth(0.8)
        self.canv.line(0, 0.3 * mm, self.width, 0.3 * mm)


class Rows(Flowable):
    """Label-and-text rows in two columns: a Table's look at a fraction of its cost.

    It splits between rows, so a long list of certifications flows onto the next page.
    """

    def __init__(
        self, rows: Sequence[tuple[Flowable, list[Flowable]]], label_width: float, gap: float
    ) -> None:
        super().__init__()
        self.rows, self.label_width, self.gap = list(rows), label_width, gap
        self._heights: list[float] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Measure every row; a row is as tall as its taller column."""
        text_width = available_width - self.label_width
        self._heights = []
        for label, parts in self.rows:
            label_h = label.wrap(self.label_width - 2 * mm, available_height)[1]
            text_h = sum(part.wrap(text_width, available_height)[1] for part in parts)
            self._heights.append(max(label_h, text_h) + self.gap)
        self.width, self.height = available_width, sum(self._heights)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Return the rows that fit and the rest, never cutting a row in two."""
        self.wrap(available_width, available_height)
        used, count = 0.0, 0
        for height in self._heights:
            if used + height > available_height:
                break
            used, count = used + height, count + 1
        if count == len(self.rows):
            return []
        if count == 0:
            return self._split_first_row(available_width, available_height)
        return [
            Rows(self.rows[:count], self.label_width, self.gap),
            Rows(self.rows[count:], self.label_width, self.gap),
        ]

    def _split_first_row(self, available_width: float, available_height: float) -> list[Flowable]:
        """Split a row taller than the space left (a very long list) inside its text."""
        label, parts = self.rows[0]
        text_width, room = available_width - self.label_width, available_height - self.gap
        if label.wrap(self.label_width - 2 * mm, room)[1] > room:
            return []
        for index, part in enumerate(parts):
            height = part.wrap(text_width, room)[1]
            if height <= room:
                room -= height
                continue
            pieces = part.split(text_width, room)
            if len(pieces) != 2:
                return []
            head = (label, [*parts[:index], pieces[0]])
            tail = (Spacer(1, 0), [pieces[1], *parts[index + 1 :]])
            return [
                Rows([head], self.label_width, self.gap),
                Rows([tail, *self.rows[1:]], self.label_width, self.gap),
            ]
        return []

    def draw(self) -> None:
        """Draw each row's label and text from the top down."""
        top = self.height
        for (label, parts), height in zip(self.rows, self._heights, strict=True):
            label.drawOn(self.canv, 0, top - label.height)
            y = top
            for part in parts:
                y -= part.height
                part.drawOn(self.canv, self.label_width, y)
            top -= height


class DeferredCanvas(Canvas):
    """A canvas that draws headers and footers last, when each profile's page count is known."""

    def __init__(
        self, *args: Any, decorate: Callable[[Canvas, int, int, int], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.profile_index = 0
        self._decorate = decorate
        self._pages: list[tuple[dict[str, Any], int]] = []

    def showPage(self) -> None:
        """Keep the finished page's drawing aside instead of writing it."""
        self._pages.append((dict(self.__dict__), self.profile_index))
        self._startPage()

    def save(self) -> None:
        """Decorate every page with 'Page n of N' for its own profile, then write the file."""
        totals = Counter(index for _, index in self._pages)
        seen: Counter[int] = Counter()
        for state, index in self._pages:
            self.__dict__.update(state)
            seen[index] += 1
            self._decorate(self, index, seen[index], totals[index])
            super().showPage()
        super().save()


__all__ = [
    "BADGES",
    "BADGE_WIDTH",
    "Badge",
    "DeferredCanvas",
    "FixedTime",
    "Rows",
    "SectionHeading",
    "StartProfile",
]
