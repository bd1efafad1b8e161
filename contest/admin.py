from django.contrib import admin

from contest.models import (
    Attempt,
    AttemptItem,
    BlueprintRule,
    Campaign,
    Contest,
    PrizeTier,
    Round,
    ScoreChange,
)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "year"]
    search_fields = ["name"]


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ["title", "campaign", "is_published", "opens_at", "closes_at"]
    list_filter = ["is_published", "campaign"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}


class BlueprintInline(admin.TabularInline):
    model = BlueprintRule
    extra = 0


class PrizeInline(admin.TabularInline):
    model = PrizeTier
    extra = 0


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["title", "contest", "number", "kind", "is_published", "opens_at", "closes_at"]
    list_filter = ["kind", "is_published", "contest"]
    inlines = [BlueprintInline, PrizeInline]
    exclude = ["access_password"]


class ItemInline(admin.TabularInline):
    model = AttemptItem
    extra = 0
    can_delete = False
    readonly_fields = [
        "position",
        "version",
        "choice_order",
        "selected",
        "number_answer",
        "answered_at",
        "is_correct",
    ]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    """Read-only: scores change only through the services, which log every change."""

    list_display = ["user", "round", "number", "status", "score", "started_at", "is_trial"]
    list_filter = ["status", "is_trial", "round"]
    search_fields = ["user__email", "user__full_name"]
    list_select_related = ["user", "round"]
    inlines = [ItemInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ScoreChange)
class ScoreChangeAdmin(admin.ModelAdmin):
    list_display = ["attempt", "old_score", "new_score", "changed_by", "reason", "at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
