from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Community, Contact, ContactExportLog, Partner


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name", "sort_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["name", "role", "email", "phone", "consent_to_contact"]


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "status", "ward", "is_sensitive", "is_archived"]
    list_filter = ["kind", "status", "sections", "communities", "is_sensitive", "is_archived"]
    search_fields = ["name", "name_key", "notes"]
    filter_horizontal = ["communities", "sections"]
    autocomplete_fields = ["relationship_lead"]
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partner", "role", "email", "preferred_language", "consent_to_contact"]
    list_filter = ["preferred_language", "consent_to_contact"]
    search_fields = ["name", "email", "partner__name"]
    autocomplete_fields = ["partner"]


@admin.register(ContactExportLog)
class ContactExportLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "format", "rows", "query"]
    list_filter = ["format", "at"]
    search_fields = ["user__username", "query"]
    readonly_fields = ["user", "at", "format", "rows", "query"]
