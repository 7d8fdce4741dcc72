"""The dashboard as a CSV file that is safe to open in a spreadsheet."""

import csv

from django.http import HttpResponse
from django.utils.text import slugify

from articles.formatting import newsroom_time

# A cell starting with one of these is read as a formula by Excel, LibreOffice or
# Google Sheets (OWASP, "CSV Injection"); Japanese Excel also takes the full-width
# forms, and the desk works in Tokyo.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def spreadsheet_text(value):
    """Text a spreadsheet shows as it is: a leading quote makes a formula plain text."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def dashboard_csv(data, *, period, section):
    """What the dashboard shows, one row per article; every text cell neutralised."""
    name = slugify(f"ranking {section or 'all sections'} {period}")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(["rank", "headline", "section", "published", "views", "share", "change", "url"])
    for row in data["rows"]:
        writer.writerow(
            [
                row.rank,
                spreadsheet_text(row.headline),
                spreadsheet_text(row.section),
                spreadsheet_text(newsroom_time(row.published_at)),
                row.views,
                spreadsheet_text(f"{row.share:.2%}"),
                spreadsheet_text(row.change),
                spreadsheet_text(row.url),
            ]
        )
    return response
