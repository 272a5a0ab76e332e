from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, ActivityReview, ActivityType, FollowUp


@admin.register(ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "sort_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    autocomplete_fields = ["owner"]


class ActivityReviewInline(admin.TabularInline):
    model = ActivityReview
    extra = 0
    readonly_fields = ["action", "by", "at", "comment"]
    can_delete = False


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["date", "title", "section", "type", "status", "people_reached", "staff_hours"]
    list_filter = ["section", "status", "type", "audience", "date"]
    search_fields = ["title", "summary", "partners__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["partners", "contacts", "staff", "event", "consultation", "created_by"]
    filter_horizontal = ["communities"]
    list_select_related = ["section", "type"]
    inlines = [FollowUpInline, ActivityReviewInline]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["text", "activity", "owner", "due_on", "done"]
    list_filter = ["done", "due_on"]
    search_fields = ["text", "activity__title"]
    autocomplete_fields = ["activity", "owner"]


@admin.register(ActivityReview)
class ActivityReviewAdmin(admin.ModelAdmin):
    list_display = ["activity", "action", "by", "at"]
    list_filter = ["action"]
    search_fields = ["activity__title", "comment"]
    autocomplete_fields = ["activity", "by"]
