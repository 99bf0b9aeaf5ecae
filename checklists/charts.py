"""SVG charts drawn on the server: pages stay readable without JavaScript and print into the PDF as they are.

Pure functions returning markup strings; every label is escaped, every chart has a title and a text equivalent
(the tables beside it), so screen readers lose nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

BAR_COLOURS = ("#1b6b4a", "#1f5f99", "#8a4b0f")  # dark enough for white text and AA contrast on white


def bars(title: str, rows: Sequence[tuple[str, float | None, float | None]], *, width: int = 560) -> Markup:
    """Horizontal bars 0-100 %: per row a self-assessed (light) and a reviewed (dark) bar."""
    row_height, label_width, top = 44, 150, 8
    height = top + row_height * len(rows) + 24
    scale = (width - label_width - 50) / 100
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'class="checklists-chart" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for index, (label, own, reviewed) in enumerate(rows):
        y = top + index * row_height
        colour = BAR_COLOURS[index % len(BAR_COLOURS)]
        parts.append(f'<text x="0" y="{y + 18}" font-size="13" fill="#222">{escape(label)}</text>')
        for offset, value, opacity in ((0, own, "0.45"), (18, reviewed, "1")):
            if value is None:
                continue
            length = max(1.0, value * scale)
            parts.append(
                f'<rect x="{label_width}" y="{y + offset}" width="{length:.1f}" height="14" fill="{colour}" '
                f'fill-opacity="{opacity}"/>'
                f'<text x="{label_width + length + 4:.1f}" y="{y + offset + 12}" font-size="12" fill="#222">'
                f"{value:.0f} %</text>"
            )
    for tick in (0, 25, 50, 75, 100):
        x = label_width + tick * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 20}" stroke="#bbb" stroke-dasharray="2 3"/>'
            f'<text x="{x:.1f}" y="{height - 6}" font-size="11" fill="#444" text-anchor="middle">{tick}</text>'
        )
    parts.append("</svg>")
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
    left, right, top, bottom = 36, 12, 12, 24
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
    for i, (year, value) in enumerate(points):
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="3" fill="#1f5f99"/>'
            f'<text x="{x(i):.1f}" y="{height - 6}" font-size="11" text-anchor="middle" fill="#444">{year}</text>'
            f'<text x="{x(i):.1f}" y="{y(value) - 6:.1f}" font-size="10" text-anchor="middle" fill="#222">'
            f"{value:g}{escape(unit and ' ' + unit)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - escaped labels, numbers
