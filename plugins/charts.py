"""Charts as server-side SVG: turnout through polling day, and sparklines for lists.

No JavaScript and no network: the SVG is written into the page (or served as an .svg file), with
a <title> and <desc> for screen readers, axis labels, and a <title> on every point so a pointer
shows the figure. Every text that comes from the database is escaped here.

Pure functions: data in, SVG text out.
"""
from __future__ import annotations

from html import escape

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
           "#bcbd22", "#7f7f7f"]
OVERALL_COLOUR = "#111111"
FONT = 16  # chart text size, in chart units
LEGEND_ROW = 22
CHAR_W = 0.64  # a generous average character width, in em (Cyrillic and bold-free Latin fit in it)
MANY_COLOUR = "#9aa5b1"


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def pct(value) -> str:
    """91.32 -> '91.32%', as printed (no rounding)."""
    if value is None:
        return ""
    return f"{value:g}%"


def hour_label(hour) -> str:
    return f"{int(hour)}:00" if hour is not None else "final"


def line_chart(series: list[dict], *, title: str, desc: str = "", x_label: str = "Hour of polling day (local time)",
               y_label: str = "Voters who had voted (%)", chart_id: str = "chart", width: int = 480,
               height: int = 300, y_max: float = 100.0, hour_text=None) -> str:
    """A line chart of per-cent figures by hour.

    `series`: [{"name": str, "points": [(hour, pct), ...], "emphasis": bool}], drawn in order, the
    emphasised one (overall turnout) thick and black. Up to len(PALETTE) other lines get colours and
    a legend entry; beyond that they are drawn thin and grey, with one legend entry for all of them.
    Text is 16 units high in a 480-unit-wide chart, so it stays at least 11 px on a 390 px phone.
    `hour_text(h)` writes a figure's hour in the pointer titles (default "19:00"; "final" for None).
    """
    hour_text = hour_text or hour_label
    series = [s for s in series if s.get("points")]
    hours = sorted({h for s in series for h, _ in s["points"]})
    left, right, top, bottom = 70, 20, 34, 46
    many = sum(1 for s in series if not s.get("emphasis")) > len(PALETTE)
    legend_rows = []
    colour_i = 0
    for s in series:
        if s.get("emphasis"):
            s["_colour"], s["_width"] = OVERALL_COLOUR, 3
            legend_rows.append((s["name"], OVERALL_COLOUR, 3))
        elif many:
            s["_colour"], s["_width"] = MANY_COLOUR, 1
        else:
            s["_colour"], s["_width"] = PALETTE[colour_i % len(PALETTE)], 2
            colour_i += 1
            legend_rows.append((s["name"], s["_colour"], 2))
    if many:
        legend_rows.append((f"each grey line: one of {sum(1 for s in series if not s.get('emphasis'))} areas",
                            MANY_COLOUR, 1))
    # two legend columns for short names; one, from the chart's left edge, for long ones (cut with
    # "…" where a name would run out of the chart: the full name is in the line's <title>)
    legend_cols = 2 if max((len(r[0]) for r in legend_rows), default=0) <= 20 else 1
    legend_h = LEGEND_ROW * ((len(legend_rows) + legend_cols - 1) // legend_cols)
    total_h = height + legend_h + 8
    plot_w, plot_h = width - left - right, height - top - bottom
    if hours:
        lo, hi = hours[0], hours[-1]
    else:
        lo, hi = 7, 19
    if hi == lo:
        lo, hi = lo - 1, hi + 1

    def x(h):
        return left + (h - lo) / (hi - lo) * plot_w

    def y(v):
        return top + plot_h - min(max(v, 0), y_max) / y_max * plot_h

    tid, did = f"{chart_id}-title", f"{chart_id}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {total_h}" '
        f'width="{width}" height="{total_h}" role="img" aria-labelledby="{tid} {did}" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}">',
        f'<title id="{tid}">{escape(title)}</title>',
        f'<desc id="{did}">{escape(desc or title)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{total_h}" fill="#ffffff"/>',
        f'<text class="chart-title" x="8" y="20" font-size="{FONT + 1}" font-weight="bold" fill="#111">{escape(title)}</text>',
    ]
    # grid and y axis
    out.append('<g class="y-axis" fill="#444">')
    for v in range(0, int(y_max) + 1, 20):
        yy = _num(y(v))
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{yy}" y2="{yy}" stroke="#dde3ea" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{_num(y(v) + 4)}" text-anchor="end">{v}%</text>')
    out.append("</g>")
    # x axis
    out.append('<g class="x-axis" fill="#444">')
    out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{_num(top + plot_h)}" y2="{_num(top + plot_h)}" stroke="#555"/>')
    for h in hours:
        xx = _num(x(h))
        out.append(f'<line x1="{xx}" x2="{xx}" y1="{_num(top + plot_h)}" y2="{_num(top + plot_h + 5)}" stroke="#555"/>')
        out.append(f'<text x="{xx}" y="{_num(top + plot_h + 20)}" text-anchor="middle">{int(h)}</text>')
    out.append("</g>")
    out.append(f'<text class="axis-label" x="{_num(left + plot_w / 2)}" y="{height - 6}" text-anchor="middle" '
               f'fill="#222">{escape(x_label)}</text>')
    out.append(f'<text class="axis-label" transform="translate(14 {_num(top + plot_h / 2)}) rotate(-90)" '
               f'text-anchor="middle" fill="#222">{escape(y_label)}</text>')
    # lines: grey ones first so coloured and emphasised lines stay on top
    ordered = sorted(series, key=lambda s: (bool(s.get("emphasis")), s["_colour"] != MANY_COLOUR))
    for s in ordered:
        pts = sorted(s["points"])
        coords = " ".join(f"{_num(x(h))},{_num(y(v))}" for h, v in pts)
        name = escape(s["name"])
        out.append(f'<g class="series{" series-overall" if s.get("emphasis") else ""}">')
        out.append(f'<title>{name}</title>')
        if len(pts) > 1:
            out.append(f'<polyline points="{coords}" fill="none" stroke="{s["_colour"]}" '
                       f'stroke-width="{s["_width"]}" stroke-linejoin="round" stroke-linecap="round"/>')
        r = 3.5 if s.get("emphasis") else (2.5 if s["_width"] > 1 else 1.5)
        for h, v in pts:
            out.append(f'<circle cx="{_num(x(h))}" cy="{_num(y(v))}" r="{r}" fill="{s["_colour"]}">'
                       f'<title>{name}, {escape(hour_text(h))}: {escape(pct(v))}</title></circle>')
        out.append("</g>")
    # legend
    out.append('<g class="legend" fill="#222">')
    legend_left = left if legend_cols == 2 else 8
    col_w = (width - legend_left - right) / legend_cols
    fits = int((col_w - 30) / (FONT * CHAR_W))  # characters that fit beside the swatch
    for i, (name, colour, w) in enumerate(legend_rows):
        lx = legend_left + (i % legend_cols) * col_w
        ly = height + 8 + LEGEND_ROW * (i // legend_cols)
        shown = name if len(name) <= fits else name[:fits - 1].rstrip() + "…"
        out.append(f'<line x1="{_num(lx)}" x2="{_num(lx + 22)}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="{w + 1}"/>')
        out.append(f'<text x="{_num(lx + 28)}" y="{ly + 4}"><title>{escape(name)}</title>{escape(shown)}</text>')
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def sparkline(points: list[tuple[float, float]], *, label: str, width: int = 120, height: int = 28,
              y_max: float = 100.0) -> str:
    """A small line of turnout through the day (no axes), with the figures in its <title>."""
    pts = sorted(p for p in points if p[1] is not None)
    text = label + ": " + ", ".join(f"{hour_label(h)} {pct(v)}" for h, v in pts) if pts else label + ": no figures"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="{escape(text)}">',
           f"<title>{escape(text)}</title>",
           f'<line x1="0" x2="{width}" y1="{height - 1}" y2="{height - 1}" stroke="#dde3ea"/>']
    if pts:
        lo, hi = pts[0][0], pts[-1][0]
        span = (hi - lo) or 1

        def x(h):
            return 3 + (h - lo) / span * (width - 6) if hi != lo else width / 2

        def y(v):
            return height - 2 - min(max(v, 0), y_max) / y_max * (height - 4)

        coords = " ".join(f"{_num(x(h))},{_num(y(v))}" for h, v in pts)
        if len(pts) > 1:
            out.append(f'<polyline points="{coords}" fill="none" stroke="{PALETTE[0]}" stroke-width="2"/>')
        h, v = pts[-1]
        out.append(f'<circle cx="{_num(x(h))}" cy="{_num(y(v))}" r="2.5" fill="{PALETTE[0]}"/>')
    out.append("</svg>")
    return "".join(out)


def bar_chart(rows: list[tuple[str, dict]], series: list[tuple[str, str, str]], *, title: str, desc: str = "",
              chart_id: str = "bars", width: int = 480) -> str:
    """Horizontal stacked bars: one bar per row (label, {series key: count}), segments in the order
    of `series` [(key, legend name, colour)], the total at the end of each bar, and a legend.
    Every segment has a <title> with its figure; text is FONT units (>= 11 px at 390 px)."""
    row_h, right, top = 26, 48, 34
    left = int(max([48] + [12 + FONT * CHAR_W * len(label) for label, _ in rows]))  # room for the row labels
    longest = max((len(name) for _, name, _ in series), default=0)
    cols = 3 if longest <= 11 else 2 if longest <= 19 else 1  # legend columns the names fit in
    legend_h = LEGEND_ROW * ((len(series) + cols - 1) // cols)
    height = top + row_h * len(rows) + 10 + legend_h
    plot_w = width - left - right
    biggest = max([sum(v for v in counts.values()) for _, counts in rows] + [1])
    tid, did = f"{chart_id}-title", f"{chart_id}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{tid} {did}" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}">',
        f'<title id="{tid}">{escape(title)}</title>',
        f'<desc id="{did}">{escape(desc or title)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text class="chart-title" x="4" y="20" font-size="{FONT + 1}" font-weight="bold" fill="#111">{escape(title)}</text>',
    ]
    for i, (label, counts) in enumerate(rows):
        y = top + i * row_h
        out.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end" fill="#222">{escape(label)}</text>')
        x = float(left)
        for key, name, colour in series:
            n = counts.get(key, 0)
            if not n:
                continue
            w = n / biggest * plot_w
            out.append(f'<rect x="{_num(x)}" y="{y + 3}" width="{_num(max(w, 1))}" height="{row_h - 6}" fill="{colour}">'
                       f'<title>{escape(label)}, {escape(name)}: {n}</title></rect>')
            x += w
        out.append(f'<text x="{_num(x + 6)}" y="{y + 17}" fill="#222">{sum(counts.values())}</text>')
    ly = top + row_h * len(rows) + 10
    col_w = (width - 8) / cols
    for i, (key, name, colour) in enumerate(series):
        lx = 4 + (i % cols) * col_w
        yy = ly + LEGEND_ROW * (i // cols)
        out.append(f'<rect x="{_num(lx)}" y="{yy}" width="14" height="14" fill="{colour}"/>')
        out.append(f'<text x="{_num(lx + 20)}" y="{yy + 13}" fill="#222">{escape(name)}</text>')
    out.append("</svg>")
    return "\n".join(out)
