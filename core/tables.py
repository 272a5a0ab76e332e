"""Shared django-tables2 settings so every list looks and behaves the same."""

from django.core.paginator import Paginator
from django_tables2 import RequestConfig

# ?per_page= may ask for 1 to this many rows.
MAX_PAGE_SIZE = 100

TABLE_ATTRS = {"class": "table table-sm table-striped align-middle"}
# The list's table is htmx-boosted so sorting and paging swap the table alone; a row's own
# links (to a partner, an activity) must open their page normally, not inside the table.
ROW_ATTRS = {"hx-boost": "false"}


class BoundedPaginator(Paginator):
    """A paginator whose page size, which ``?per_page=`` sets, stays between 1 and
    ``MAX_PAGE_SIZE``: django-tables2 passes the number on as it is, so a negative one was a
    server error and a huge one would render every row."""

    def __init__(self, object_list, per_page, *args, **kwargs):
        per_page = min(max(int(per_page), 1), MAX_PAGE_SIZE)
        super().__init__(object_list, per_page, *args, **kwargs)


def configured(table, request):
    """``table`` sorted and paged as ``request`` asks (a table built outside a list view)."""
    return RequestConfig(request, paginate={"paginator_class": BoundedPaginator}).configure(table)
