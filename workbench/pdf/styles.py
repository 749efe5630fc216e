"""The profile's paragraph styles: one type scale in DejaVu Sans, tinted by the agency's accent."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from workbench.pdf.fonts import BOLD, REGULAR
from workbench.pdf.profile_document import DEFAULT_ACCENT

_INK = colors.HexColor("#1D232B")
_MUTED = colors.HexColor("#5B6573")
_VERIFIED = colors.HexColor("#1E7B45")


@dataclass(frozen=True)
class Styles:
    """Every paragraph style a profile uses, and its accent colour."""

    accent: colors.Color
    name: ParagraphStyle
    role: ParagraphStyle
    facts: ParagraphStyle
    contact: ParagraphStyle
    section: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    item: ParagraphStyle
    job_title: ParagraphStyle
    job_meta: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    verified: ParagraphStyle
    cert_note: ParagraphStyle
    agency: ParagraphStyle
    header_small: ParagraphStyle
    footer: ParagraphStyle


def accent_colour(text: str) -> colors.Color:
    """Return the agency's accent colour, or the default blue when the text is not a colour."""
    try:
        return colors.HexColor(text)
    except (ValueError, TypeError):
        return colors.HexColor(DEFAULT_ACCENT)


@cache
def make_styles(accent_text: str) -> Styles:
    """Return the styles for an accent colour (built once per colour)."""
    accent = accent_colour(accent_text)
    base = ParagraphStyle("wb-base", fontName=REGULAR, fontSize=9.2, leading=13, textColor=_INK)

    def style(name: str, **overrides: object) -> ParagraphStyle:
        """Return a style derived from the base with these changes."""
        return ParagraphStyle(f"wb-{name}", parent=base, **overrides)

    return Styles(
        accent=accent,
        name=style("name", fontName=BOLD, fontSize=20, leading=24),
        role=style("role", fontSize=12.5, leading=16, textColor=accent, spaceAfter=1.5),
        facts=style("facts", fontSize=9.5, leading=13, textColor=_INK),
        contact=style("contact", fontSize=8.8, leading=12, textColor=_MUTED),
        section=style("section", fontName=BOLD, fontSize=10.5, leading=13, textColor=accent),
        body=style("body", spaceAfter=4),
        bullet=style("bullet", leftIndent=10, bulletIndent=1, spaceAfter=1.5),
        item=style("item", spaceAfter=2),
        job_title=style("job-title", fontName=BOLD, fontSize=9.8, leading=13, spaceBefore=5),
        job_meta=style("job-meta", fontSize=8.6, leading=12, textColor=_MUTED, spaceAfter=2),
        label=style("label", fontName=BOLD, fontSize=8.4, leading=12, textColor=_MUTED),
        value=style("value", fontSize=9, leading=12.5),
        verified=style("verified", fontSize=8.6, leading=12, textColor=_VERIFIED),
        cert_note=style("cert-note", fontSize=8.6, leading=12, textColor=_MUTED),
        agency=style("agency", fontName=BOLD, fontSize=12, leading=14, textColor=accent),
        header_small=style("header-small", fontSize=7.8, leading=10, textColor=_MUTED),
        footer=style("footer", fontSize=6.8, leading=8.6, textColor=_MUTED),
    )


__all__ = ["DEFAULT_ACCENT", "Styles", "accent_colour", "make_styles"]
