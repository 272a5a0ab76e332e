"""Server-rendered SVG charts: the one way Inroads draws a chart.

A chart is an ``<svg role="img">`` whose ``aria-label`` says in a sentence what it shows and
whose ``<title>`` names it. It is a picture of a table: the template always puts the same
numbers in a ``<table>`` with a ``<caption>`` beside or under it, so the page reads without
sight and prints. Nothing runs in the browser and nothing is styled inline (the Content
Security Policy forbids ``style=""``): colours are SVG presentation attributes, the size on
the page comes from ``static/css/charts.css``.

Every piece of markup is built with ``format_html`` so labels (activity types, communities:
editable lists) are escaped. Numbers are written as the reader's language groups them
("1,234", "1 234"), like the tables beside the charts. The sentences below (``bars_summary``,
``series_sentence``) are the ones every chart's ``aria-label`` is made of.

WeasyPrint draws the same SVG in the PDF: the print stylesheet sizes ``.svg-chart``, but
WeasyPrint reads the text's font from the SVG itself (``font-family``, the system's sans-serif
as the rest of the PDF); on a page ``charts.css`` sets the page's font instead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.templatetags.inroads import number

# Colours on the white page, with their contrast ratio against white. Each passes WCAG AA
# as text (4.5:1) and as a graphical object (3:1, success criterion 1.4.11).
INK = "#212529"  # 15.4:1: value labels
MUTED = "#595959"  # 7.0:1: axis labels and axis lines
GRID = "#d8dde2"  # decorative gridlines only: every value is also written out
BLUE = "#1d4f91"  # 8.1:1: the chosen year
BROWN = "#a34a00"  # 5.9:1: the year before; also dashed with square markers, so the two
# series differ by more than colour (success criterion 1.4.1)

FONT_SIZE = 12
# Long labels (activity types, communities) are cut to fit the label column; the table
# beside the chart has them in full.
LABEL_CHARS = 30
# A line chart of more categories (a period of years, month by month) is too dense for a
# marker on every value.
MARKERS_UNTIL = 36


@dataclass(frozen=True)
class Series:
    """One line of a line chart. ``None`` values (months still to come) are not drawn."""

    name: str
    values: Sequence[int | None]
    colour: str = BLUE
    dashed: bool = False


def px(value: float) -> str:
    """A coordinate with one decimal: enough for a screen, short in the page."""
    return f"{value:.1f}"


def nice_scale(largest: int) -> tuple[int, int]:
    """(axis maximum, tick step) for the largest value: a step of 1, 2 or 5 times a power of
    ten giving at most six ticks, so the gridlines fall on round numbers."""
    if largest <= 0:
        return 1, 1
    rough = largest / 5
    magnitude = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    step = max(1, int(step))
    return math.ceil(largest / step) * step, step


def shorten(label: str, limit: int = LABEL_CHARS) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _svg(*, title: str, summary: str, width: int, height: int, body: SafeString) -> SafeString:
    return format_html(
        '<svg class="svg-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="{}">'
        "<title>{}</title>{}</svg>",
        summary,
        width,
        height,
        FONT_SIZE,
        title,
        body,
    )


def bar_chart(
    *, title: str, summary: str, bars: Sequence[tuple[str, int]], colour: str = BLUE
) -> SafeString:
    """Horizontal bars, one per (label, value), in the order given; labels on the left,
    each value written at the end of its bar. An empty ``bars`` draws nothing."""
    if not bars:
        return SafeString("")
    width, label_width, value_room = 640, 200, 56
    row, bar, top, axis = 26, 16, 6, 22
    plot_left = label_width + 8
    plot_width = width - plot_left - value_room
    height = top + row * len(bars) + axis
    plot_bottom = top + row * len(bars)
    maximum, step = nice_scale(max(value for _label, value in bars))

    def x(value: int) -> float:
        return plot_left + plot_width * value / maximum

    grid = format_html_join(
        "",
        '<line x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="{grid}"/>'
        '<text x="{x}" y="{label_y}" text-anchor="middle" fill="{muted}">{tick}</text>',
        (
            {
                "x": px(x(tick)),
                "top": top,
                "bottom": plot_bottom,
                "grid": GRID,
                "label_y": plot_bottom + 16,
                "muted": MUTED,
                "tick": number(tick),
            }
            for tick in range(0, maximum + 1, step)
        ),
    )
    rows = format_html_join(
        "",
        '<text x="{label_x}" y="{text_y}" text-anchor="end" fill="{ink}">{label}</text>'
        '<rect x="{left}" y="{bar_y}" width="{bar_width}" height="{bar}" fill="{colour}"/>'
        '<text x="{value_x}" y="{text_y}" fill="{ink}">{value}</text>',
        (
            {
                "label_x": label_width,
                "text_y": px(top + row * i + row / 2 + 4),
                "ink": INK,
                "label": shorten(label),
                "left": plot_left,
                "bar_y": px(top + row * i + (row - bar) / 2),
                "bar_width": px(x(value) - plot_left),
                "bar": bar,
                "colour": colour,
                "value_x": px(x(value) + 4),
                "value": number(value),
            }
            for i, (label, value) in enumerate(bars)
        ),
    )
    axis_line = format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>',
        plot_left,
        top,
        plot_left,
        plot_bottom,
        MUTED,
    )
    body = format_html("{}{}{}", grid, rows, axis_line)
    return _svg(title=title, summary=summary, width=width, height=height, body=body)


def _marker(series_index: int, cx: float, cy: float, colour: str) -> SafeString:
    if series_index % 2:
        return format_html(
            '<rect x="{}" y="{}" width="8" height="8" fill="{}"/>', px(cx - 4), px(cy - 4), colour
        )
    return format_html('<circle cx="{}" cy="{}" r="4.5" fill="{}"/>', px(cx), px(cy), colour)


def line_chart(
    *,
    title: str,
    summary: str,
    categories: Sequence[str],
    series: Sequence[Series],
    legend: bool = True,
) -> SafeString:
    """One line per series over the categories (months), with a marker at each value and a
    legend above (``legend=False`` leaves it out, for one line that the title names); the
    second series is dashed with square markers. Each labelled category has a tick on the
    axis; one labelled "" has neither (a long period labels some months only). Past
    MARKERS_UNTIL categories only lone points keep their marker."""
    if not categories or not series:
        return SafeString("")
    width, height = 640, 280 if legend else 256
    left, right, top, bottom = 56, 16, 40 if legend else 16, 28
    plot_width, plot_height = width - left - right, height - top - bottom
    largest = max((v for s in series for v in s.values if v is not None), default=0)
    maximum, step = nice_scale(largest)
    gap = plot_width / max(1, len(categories) - 1)
    every_marker = len(categories) <= MARKERS_UNTIL

    def x(i: int) -> float:
        return left + gap * i

    def y(value: int) -> float:
        return top + plot_height - plot_height * value / maximum

    grid = format_html_join(
        "",
        '<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="{grid}"/>'
        '<text x="{label_x}" y="{text_y}" text-anchor="end" fill="{muted}">{tick}</text>',
        (
            {
                "left": left,
                "right": width - right,
                "y": px(y(tick)),
                "grid": GRID,
                "label_x": left - 6,
                "text_y": px(y(tick) + 4),
                "muted": MUTED,
                "tick": number(tick),
            }
            for tick in range(0, maximum + 1, step)
        ),
    )
    labels = format_html_join(
        "",
        '<line x1="{x}" y1="{axis}" x2="{x}" y2="{tick}" stroke="{muted}"/>'
        '<text x="{x}" y="{y}" text-anchor="middle" fill="{muted}">{label}</text>',
        (
            {
                "x": px(x(i)),
                "axis": top + plot_height,
                "tick": top + plot_height + 4,
                "y": height - 8,
                "muted": MUTED,
                "label": label,
            }
            for i, label in enumerate(categories)
            if label
        ),
    )
    lines = []
    keys = []
    for index, one in enumerate(series):
        dash = "6 4" if one.dashed else "none"
        # A line is broken where a value is missing (months still to come).
        runs: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(one.values):
            if value is None:
                runs.append([])
            else:
                runs[-1].append((x(i), y(value)))
        markers = []
        for run in runs:
            if len(run) > 1:
                lines.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5" '
                        'stroke-dasharray="{}"/>',
                        " ".join(f"{px(a)},{px(b)}" for a, b in run),
                        one.colour,
                        dash,
                    )
                )
            if every_marker or len(run) == 1:
                markers.extend(_marker(index, a, b, one.colour) for a, b in run)
        lines.extend(markers)
        if not legend:
            continue
        legend_x = left + 180 * index
        keys.append(
            format_html(
                '<line x1="{}" y1="14" x2="{}" y2="14" stroke="{}" stroke-width="2.5" '
                'stroke-dasharray="{}"/>{}<text x="{}" y="18" fill="{}">{}</text>',
                legend_x,
                legend_x + 28,
                one.colour,
                dash,
                _marker(index, legend_x + 14, 14, one.colour),
                legend_x + 34,
                INK,
                shorten(one.name, 24),
            )
        )
    axis_lines = format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>',
        left,
        top + plot_height,
        width - right,
        top + plot_height,
        MUTED,
    )
    body = format_html(
        "{}{}{}{}{}",
        grid,
        axis_lines,
        labels,
        format_html_join("", "{}", ((part,) for part in lines)),
        format_html_join("", "{}", ((part,) for part in keys)),
    )
    return _svg(title=title, summary=summary, width=width, height=height, body=body)


# The sentences of the aria-labels --------------------------------------------------------


def table_note() -> str:
    # "With", not "beside": on a narrow screen and in print the table is under the chart.
    return _("The numbers are also in the table with this chart.")


def bars_summary(kind: str, bars: Sequence[tuple[str, int]]) -> str:
    """What a bar chart shows, for readers who do not see it: ``kind`` ("Bar chart of ..."),
    how many bars, the longest (the first of the longest) and where the numbers are."""
    if not bars:
        return ""
    label, value = max(bars, key=lambda bar: bar[1])
    return " ".join(
        [
            kind,
            ngettext(
                "%(count)s bar, %(label)s, with %(value)s.",
                "%(count)s bars; the longest is %(label)s with %(value)s.",
                len(bars),
            )
            % {"count": number(len(bars)), "label": label, "value": number(value)},
            table_note(),
        ]
    )


def series_sentence(name: str, values: Sequence[int | None], categories: Sequence[str]) -> str:
    """One line of a line chart in words: "2018: 1,161 in all, most in March 2018 (125)."
    (the first of the highest), or "2018: none." ``categories`` name the values in full."""
    total = sum(value for value in values if value)
    if not total:
        return _("%(label)s: none.") % {"label": name}
    best = max(range(len(values)), key=lambda i: (values[i] or 0, -i))
    return _("%(label)s: %(total)s in all, most in %(month)s (%(most)s).") % {
        "label": name,
        "total": number(total),
        "month": categories[best],
        "most": number(values[best]),
    }


def types_chart(bars: Sequence[tuple[str, int]], *, label: str) -> SafeString:
    """Approved activities by type in ``label`` (a year, a period): the dashboard's and the
    report's chart alike."""
    return bar_chart(
        title=_("Approved activities by type, %(label)s") % {"label": label},
        summary=bars_summary(_("Bar chart of approved activities by type."), bars),
        bars=bars,
    )
