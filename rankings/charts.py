"""Small charts drawn on the server as inline SVG: no JavaScript, no chart library."""

from django.utils.html import format_html, format_html_join


def sparkline(values, *, width=120, height=28, label=""):
    """A line of `values`, scaled to the box; flat at the bottom when all are zero."""
    if not values:
        return ""
    top = max(values) or 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(
        f"{i * step:.1f},{height - 2 - (v / top) * (height - 4):.1f}" for i, v in enumerate(values)
    )
    return format_html(
        '<svg class="sparkline" width="{}" height="{}" viewBox="0 0 {} {}" role="img" '
        'aria-label="{}"><title>{}</title><polyline points="{}" fill="none" '
        'stroke="currentColor" stroke-width="1.5"/></svg>',
        width,
        height,
        width,
        height,
        label,
        label,
        points,
    )


def bar_chart(bars, *, width=640, height=120, label="", widest_bar=24):
    """Bars for (caption, value) pairs; each bar's caption and value are its tooltip."""
    if not bars:
        return ""
    top = max(value for _, value in bars) or 1
    slot = min(width / len(bars), widest_bar)
    width = round(slot * len(bars))
    rects = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
        (
            (
                f"{i * slot + 1:.1f}",
                f"{height - (value / top) * (height - 14):.1f}",
                f"{max(slot - 2, 1):.1f}",
                f"{(value / top) * (height - 14):.1f}",
                caption,
                value,
            )
            for i, (caption, value) in enumerate(bars)
        ),
    )
    return format_html(
        '<svg class="bar-chart" width="{}" height="{}" viewBox="0 0 {} {}" role="img" '
        'aria-label="{}"><title>{}</title><text x="0" y="10" class="bar-chart__max">{}</text>'
        "{}</svg>",
        width,
        height,
        width,
        height,
        label,
        label,
        f"max {top}",
        rects,
    )
