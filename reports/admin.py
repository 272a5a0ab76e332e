from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ReportIntroduction


@admin.register(ReportIntroduction)
class ReportIntroductionAdmin(SimpleHistoryAdmin):
    list_display = ["section", "year", "updated_by", "updated_at"]
    list_filter = ["section", "year"]
    search_fields = ["text"]
    list_select_related = ["section", "updated_by"]
    readonly_fields = ["updated_by", "updated_at"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
