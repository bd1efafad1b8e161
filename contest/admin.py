from django.contrib import admin

from contest.models import Campaign, Contest


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
