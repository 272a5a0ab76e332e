"""Shared django-tables2 settings so every list looks and behaves the same."""

TABLE_ATTRS = {"class": "table table-sm table-striped align-middle"}
# The list's table is htmx-boosted so sorting and paging swap the table alone; a row's own
# links (to a partner, an activity) must open their page normally, not inside the table.
ROW_ATTRS = {"hx-boost": "false"}
