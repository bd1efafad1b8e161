from django.contrib import admin

from quizbank.models import Choice, Question, QuestionEvent, QuestionVersion, Tag, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "sort_order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(QuestionVersion)
class QuestionVersionAdmin(admin.ModelAdmin):
    list_display = ["question", "number", "kind", "is_used", "created_at"]
    list_filter = ["kind", "is_used"]
    inlines = [ChoiceInline]
    search_fields = ["text"]

    def has_change_permission(self, request, obj=None):
        # A used version is a record of what attempts showed: never edit it here.
        if obj is not None and obj.is_used:
            return False
        return super().has_change_permission(request, obj)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["pk", "topic", "kind", "difficulty", "audience", "status", "updated_at"]
    list_filter = ["status", "kind", "difficulty", "audience", "topic"]
    search_fields = ["search_text"]
    list_select_related = ["topic"]
    readonly_fields = ["current_version", "search_text", "fingerprint"]


@admin.register(QuestionEvent)
class QuestionEventAdmin(admin.ModelAdmin):
    list_display = ["question", "action", "actor", "at"]
    list_filter = ["action"]
