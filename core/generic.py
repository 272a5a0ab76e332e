"""Generic list, detail, history, create and edit views: each model's views are a few lines
that name a queryset, a filterset, a table and a form (CONVENTIONS.md, "Views are
declarations"). A form may come with inline formsets (``InlineFormsetsMixin``), which read
their rows and choices once (``RowChoicesInlineFormSet``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Model
from django.forms.models import ModelChoiceIterator
from django.http import HttpResponseBadRequest
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from .exports import EXPORT_FORMATS, export_response, table_rows
from .history import history_entries
from .permissions import SUPERVISORS, RoleRequiredMixin, has_role
from .tables import BoundedPaginator

PAGE_SIZE = 25
TABLE_TARGET = "object-table"


class ObjectListView(RoleRequiredMixin, SingleTableMixin, FilterView):
    """Filter (django-filter), sort and paginate (django-tables2); an htmx request gets the
    table fragment only; ``?export=csv`` or ``xlsx`` downloads exactly the filtered rows and
    the table's exported columns."""

    template_name = "generic/object_list.html"
    fragment_template_name = "includes/table.html"
    table_pagination = {"per_page": PAGE_SIZE}
    # SingleTableMixin hands the view's paginator class to the table.
    paginator_class = BoundedPaginator
    # FilterView: an invalid filter shows no rows rather than everything, with the errors.
    strict = True
    title = ""
    export_stem = "export"
    add_url_name = ""
    import_url_name = ""
    add_roles: frozenset = frozenset()

    def get_queryset(self):
        return self.queryset.all()

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export is not None and export not in EXPORT_FORMATS:
            return HttpResponseBadRequest(
                _("Unknown export format. Choose csv or xlsx."), content_type="text/plain"
            )
        response = super().get(request, *args, **kwargs)
        if export:
            return self.export(export)
        # The same address answers a whole page or, to htmx, the table alone: say so, or the
        # browser's Back button shows a cached bare table.
        patch_vary_headers(response, ["HX-Request"])
        return response

    def export(self, fmt: str):
        table = self.table_class(self.object_list, request=self.request, **self.export_kwargs())
        header, rows = table_rows(table)
        self.exported(len(rows), fmt)
        return export_response(header, rows, fmt=fmt, stem=self.export_stem)

    def export_kwargs(self) -> dict:
        return {}

    def exported(self, count: int, fmt: str) -> None:
        """Hook: lists of personal details record who exported how many rows."""

    def get_template_names(self):
        htmx = getattr(self.request, "htmx", None)
        if htmx and htmx.target == TABLE_TARGET:
            return [self.fragment_template_name]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            title=self.title,
            table_target=TABLE_TARGET,
            export_formats=EXPORT_FORMATS,
            add_url_name=self.add_url_name if user.role in self.add_roles else "",
            import_url_name=self.import_url_name if user.role in self.add_roles else "",
        )
        return context


class KnownCountPaginator(BoundedPaginator):
    """A paginator told how many rows there are, when the page has already counted them
    (with its totals, say), so it does not run a second COUNT over every filtered row."""

    def __init__(self, object_list, per_page, *args, count: int, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.count = count  # Paginator.count is a cached_property: this is its value.


class ObjectDetailView(RoleRequiredMixin, DetailView):
    """One object; ``get_queryset`` narrows to what the user may see (else 404). The page
    links to the object's history for those who may read it (``can_read_history``)."""

    def get_queryset(self):
        return self.queryset.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_read_history"] = has_role(self.request.user, ObjectHistoryView.allowed_roles)
        return context


class ObjectHistoryView(RoleRequiredMixin, DetailView):
    """A supervisor reads who changed what on a record, and when (``core.history``)."""

    allowed_roles = SUPERVISORS
    template_name = "generic/object_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = history_entries(self.object)
        return context


class VersionCheckedFormMixin:
    """Two people editing one record never overwrite each other: the form carries the
    version it was opened at, and a save whose version is no longer current is refused with
    the typed values kept."""

    conflict_message = gettext_lazy(
        "Someone else saved this record while you were editing it. Your changes are still "
        "in the form below: open the record in a new tab to see theirs, then save again."
    )

    def form_valid(self, form):
        versioned = any(f.name == "version" for f in type(form.instance)._meta.concrete_fields)
        with transaction.atomic():
            if form.instance.pk and versioned:
                current = (
                    type(form.instance)
                    .objects.select_for_update()
                    .values_list("version", flat=True)
                    .get(pk=form.instance.pk)
                )
                if str(current) != str(self.request.POST.get("version")):
                    form.add_error(None, self.conflict_message)
                    return self.form_invalid(form)
                form.instance.version = current + 1
            response = super().form_valid(form)
        messages.success(self.request, self.success_message % {"object": self.object})
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["version"] = self.request.POST.get("version") or getattr(self.object, "version", "")
        return context


class ObjectCreateView(RoleRequiredMixin, VersionCheckedFormMixin, CreateView):
    template_name = "generic/object_form.html"
    success_message = gettext_lazy("“%(object)s” was saved.")


class ObjectUpdateView(RoleRequiredMixin, VersionCheckedFormMixin, UpdateView):
    template_name = "generic/object_form.html"
    success_message = gettext_lazy("“%(object)s” was saved.")

    def get_queryset(self):
        return self.queryset.all()


class InlineFormsetsMixin:
    """A create or edit page whose form comes with inline formsets (an activity's follow-ups,
    an event's speakers): each is in the context under its name (also its prefix), checked
    with the form, and saved with it in one transaction, or not at all."""

    formset_classes: dict[str, type[forms.BaseInlineFormSet]] = {}

    def get_formsets(self, instance: Model) -> dict[str, forms.BaseInlineFormSet]:
        data = self.request.POST if self.request.method == "POST" else None
        return {
            name: formset_class(data, instance=instance, prefix=name)
            for name, formset_class in self.formset_classes.items()
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        formsets = getattr(self, "formsets", None) or self.get_formsets(
            getattr(self, "object", None) or self.model()
        )
        for name, formset in formsets.items():
            context.setdefault(name, formset)
        return context

    def form_invalid(self, form):
        self.formsets = self.get_formsets(form.instance)
        return super().form_invalid(form)

    def form_valid(self, form):
        formsets = self.formsets = self.get_formsets(form.instance)
        if not all(formset.is_valid() for formset in formsets.values()):
            return self.form_invalid(form)
        response = self.before_save(form)
        if response is not None:
            return response
        with transaction.atomic():
            response = super().form_valid(form)
            if response.status_code != 302:  # an edit conflict: nothing was saved
                return response
            for formset in formsets.values():
                formset.instance = self.object
                formset.save()
            self.after_save(form)
        return response

    def before_save(self, form):
        """Hook, once the form and its formsets are valid: a response to show instead of
        saving (a warning to confirm), or None to save."""
        return None

    def after_save(self, form) -> None:
        """Hook: more writes in the same transaction, once the object and its rows are saved."""


# --- Formsets whose queries do not grow with their rows ---------------------------------------


class RowChoiceIterator(ModelChoiceIterator):
    """The choices of a ``RowChoiceField``, from its rows rather than a query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.field.rows:
            yield self.choice(row)

    def __len__(self):
        return len(self.field.rows) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.rows)


class RowChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` that lists and checks its choices in ``rows``, read beforehand,
    so that every form of a formset shares one read."""

    iterator = RowChoiceIterator

    def __init__(self, queryset, *, rows: list[Model], **kwargs):
        self.rows = rows
        super().__init__(queryset, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = self.to_field_name or "pk"
        wanted = str(getattr(value, key) if isinstance(value, Model) else value)
        for row in self.rows:
            if str(getattr(row, key)) == wanted:
                return row
        raise forms.ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class RowChoicesInlineFormSet(forms.BaseInlineFormSet):
    """An inline formset (an activity's follow-ups, an event's speakers) that runs the same
    queries for one row as for fifty. Django's own, for each form, lists the choices of every
    select, looks up the row the form edits (its hidden id) and checks each chosen row twice
    (the form's field, then the model). Here the formset's rows are read once, and so are the
    choices of each select (the form must give every instance the same queryset); the forms
    list and check them without a query. A form with selects of its own uses
    ``RowChoicesFormMixin``, or the model checks each chosen row again."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name, field in list(form.fields.items()):
            if type(field) is forms.ModelChoiceField:
                form.fields[name] = RowChoiceField(
                    field.queryset,
                    rows=self.rows_of(name, field),
                    empty_label=field.empty_label,
                    required=field.required,
                    widget=field.widget,
                    label=field.label,
                    initial=field.initial,
                    help_text=field.help_text,
                    to_field_name=field.to_field_name,
                    disabled=field.disabled,
                    error_messages=field.error_messages,
                    validators=field.validators,
                )

    def rows_of(self, name: str, field: forms.ModelChoiceField) -> list[Model]:
        if not hasattr(self, "_rows"):
            self._rows = {}
        if name not in self._rows:
            # The hidden id chooses among the formset's own rows (also what it shows).
            own = name == self.model._meta.pk.name
            self._rows[name] = list(self.get_queryset() if own else field.queryset)
        return self._rows[name]


class RowChoicesFormMixin:
    """The form of a ``RowChoicesInlineFormSet``: a row its ``RowChoiceField`` found among
    those read for the formset is not looked up again by the model's own validation."""

    def _get_validation_exclusions(self):
        # Django's hook for what model validation skips (private, but pinned by the query
        # count tests of the pages with formsets: a change there shows as more queries).
        exclude = super()._get_validation_exclusions()
        exclude.update(n for n, f in self.fields.items() if isinstance(f, RowChoiceField))
        return exclude
