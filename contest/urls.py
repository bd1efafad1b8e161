from django.urls import path

from contest import manage_views, views

urlpatterns = [
    path("c/<slug:slug>/", views.contest_detail, name="contest-detail"),
    path("c/<slug:slug>/rounds/<int:number>/", views.round_detail, name="contest-round-detail"),
    path("c/<slug:slug>/rounds/<int:number>/start/", views.round_start, name="contest-round-start"),
    path(
        "c/<slug:slug>/rounds/<int:number>/leaderboard/",
        views.leaderboard,
        name="contest-round-leaderboard",
    ),
    path("attempts/<int:attempt_id>/", views.attempt_page, name="contest-attempt"),
    path(
        "attempts/<int:attempt_id>/result/",
        views.attempt_result_page,
        name="contest-attempt-result",
    ),
    path("manage/", manage_views.manage_home, name="contest-manage"),
    path(
        "manage/campaigns/new/", manage_views.campaign_edit, name="contest-manage-campaign-create"
    ),
    path(
        "manage/campaigns/<int:pk>/",
        manage_views.campaign_edit,
        name="contest-manage-campaign-edit",
    ),
    path("manage/contests/new/", manage_views.contest_edit, name="contest-manage-contest-create"),
    path("manage/contests/<int:pk>/", manage_views.contest_manage, name="contest-manage-contest"),
    path(
        "manage/contests/<int:pk>/edit/",
        manage_views.contest_edit,
        name="contest-manage-contest-edit",
    ),
    path(
        "manage/contests/<int:contest_pk>/rounds/new/",
        manage_views.round_edit,
        name="contest-manage-round-create",
    ),
    path(
        "manage/contests/<int:contest_pk>/rounds/<int:pk>/edit/",
        manage_views.round_edit,
        name="contest-manage-round-edit",
    ),
    path("manage/rounds/<int:pk>/", manage_views.round_manage, name="contest-manage-round"),
    path(
        "manage/rounds/<int:pk>/ranking/",
        manage_views.round_ranking_view,
        name="contest-manage-ranking",
    ),
    path(
        "manage/rounds/<int:pk>/export.<str:fmt>",
        manage_views.round_export,
        name="contest-manage-export",
    ),
    path(
        "manage/rounds/<int:pk>/<str:action>/",
        manage_views.round_action,
        name="contest-manage-round-action",
    ),
]
