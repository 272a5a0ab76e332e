from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Consultation, Distribution, Feedback, FeedbackTheme, Toolkit


@admin.register(FeedbackTheme)
class FeedbackThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "sort_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]


class ToolkitInline(admin.TabularInline):
    model = Toolkit
    extra = 0
    fields = ["name", "edition", "file"]


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "section", "status", "starts_on", "ends_on"]
    list_filter = ["section", "status"]
    search_fields = ["name", "purpose"]
    inlines = [ToolkitInline]


@admin.register(Toolkit)
class ToolkitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "edition", "consultation"]
    list_filter = ["consultation"]
    search_fields = ["name", "description"]


@admin.register(Distribution)
class DistributionAdmin(SimpleHistoryAdmin):
    list_display = ["partner", "toolkit", "sent_on", "status", "session_date", "participants"]
    list_filter = ["status", "toolkit__consultation", "sent_on"]
    search_fields = ["partner__name", "toolkit__name"]
    autocomplete_fields = ["partner", "sent_by"]
    list_select_related = ["partner", "toolkit"]


@admin.register(Feedback)
class FeedbackAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "consultation", "received_on", "group_agreed_to_be_named"]
    list_filter = ["consultation", "themes", "group_agreed_to_be_named"]
    search_fields = ["text", "quote"]
    filter_horizontal = ["themes"]
    autocomplete_fields = ["distribution", "activity"]
