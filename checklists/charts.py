"""SVG charts drawn on the server: pages stay readable without JavaScript and print into the PDF as they are.

Pure functions returning markup strings; every label is escaped, every chart has a title and a text equivalent
(the tables beside it), so screen readers lose nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

BAR_COLOURS = ("#1b6b4a", "#1f5f99", "#8a4b0f")  # dark enough for white text and AA contrast on white


def bars(title: str, rows: Sequence[tuple[str, float | None, float | None]]) -> Markup:
    """Bars 0-100 % per row: the label and figures in HTML (they wrap on a narrow screen and read as text), the
    self-assessed (light) and reviewed (dark) bars as one small SVG per row on a 0-100 scale."""
    parts = [f'<figure class="checklists-chart" role="group" aria-label="{escape(title)}">']
    parts.append(f"<figcaption>{escape(title)}</figcaption>")
    for index, (label, own, reviewed) in enumerate(rows):
        colour = BAR_COLOURS[index % len(BAR_COLOURS)]
        figures = " / ".join("—" if v is None else f"{v:.0f} %" for v in (own, reviewed))
        rects = []
        for y, value, opacity in ((2, own, "0.45"), (20, reviewed, "1")):
            rects.append(f'<rect x="0" y="{y}" width="100" height="14" fill="#eef1f5"/>')
            if value is not None:
                rects.append(
                    f'<rect x="0" y="{y}" width="{max(0.5, min(100.0, value)):.1f}" height="14" fill="{colour}" '
                    f'fill-opacity="{opacity}"/>'
                )
        parts.append(
            f'<div class="checklists-bar"><span class="checklists-bar-label">{escape(label)}</span> '
            f'<span class="checklists-bar-figures">{figures}</span>'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 36" preserveAspectRatio="none" width="100%" '
            f'height="36" aria-hidden="true" focusable="false">{"".join(rects)}</svg></div>'
        )
    parts.append("</figure>")
    return Markup("".join(parts))  # noqa: S704 - every value above is escaped or a number


def trend(
    title: str, points: Sequence[tuple[int, float]], unit: str = "", *, width: int = 280, height: int = 120
) -> Markup:
    """A small line over the years (one point per year, the figure as given)."""
    if not points:
        return Markup("")
    values = [value for _, value in points]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    left, right, top, bottom = 8, 8, 8, 8
    x_span = max(1, len(points) - 1)

    def x(i: int) -> float:
        return left + i * (width - left - right) / x_span

    def y(v: float) -> float:
        return top + (1 - (v - low) / span) * (height - top - bottom)

    path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" role="img" '
        f'class="checklists-trend" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<path d="{path}" fill="none" stroke="#1f5f99" stroke-width="2"/>',
    ]
    # The years and figures are written beside the chart (the page's table): the line carries no text of its own,
    # so that it scales down on a phone without clipping anything.
    for i, (year, value) in enumerate(points):
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="3" fill="#1f5f99">'
            f"<title>{year}: {value:g}{escape(unit and ' ' + unit)}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - escaped labels, numbers
