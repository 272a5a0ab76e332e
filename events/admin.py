from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ChecklistTemplate,
    ChecklistTemplateItem,
    Event,
    EventTask,
    Observance,
    RunOfShowItem,
    Speaker,
)


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 0


class RunOfShowInline(admin.TabularInline):
    model = RunOfShowItem
    extra = 0


class EventTaskInline(admin.TabularInline):
    model = EventTask
    extra = 0
    autocomplete_fields = ["owner"]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "section", "starts_at", "status", "role", "funds_raised"]
    list_filter = ["section", "status", "role", "starts_at"]
    search_fields = ["title", "venue", "description"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["partners", "copied_from"]
    inlines = [SpeakerInline, RunOfShowInline, EventTaskInline]


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "organization", "topic"]
    search_fields = ["name", "organization", "topic", "event__title"]
    list_filter = ["event__section"]


@admin.register(RunOfShowItem)
class RunOfShowItemAdmin(admin.ModelAdmin):
    list_display = ["event", "position", "starts_at", "title"]
    search_fields = ["title", "event__title"]
    list_filter = ["event__section"]


@admin.register(EventTask)
class EventTaskAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "owner", "due_on", "done"]
    list_filter = ["done", "due_on"]
    search_fields = ["title", "event__title"]
    autocomplete_fields = ["event", "owner"]


class ChecklistTemplateItemInline(admin.TabularInline):
    model = ChecklistTemplateItem
    extra = 1


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name", "description"]
    inlines = [ChecklistTemplateItemInline]


@admin.register(ChecklistTemplateItem)
class ChecklistTemplateItemAdmin(admin.ModelAdmin):
    list_display = ["title", "template", "offset_days"]
    list_filter = ["template"]
    search_fields = ["title"]


@admin.register(Observance)
class ObservanceAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on"]
    list_filter = ["communities", "starts_on"]
    search_fields = ["name", "notes"]
    date_hierarchy = "starts_on"
    filter_horizontal = ["communities"]
