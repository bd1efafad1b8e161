from django.urls import path

from quizbank import views

urlpatterns = [
    path("", views.question_list, name="quizbank-question-list"),
    path("new/", views.question_create_view, name="quizbank-question-create"),
    path("<int:pk>/", views.question_detail, name="quizbank-question-detail"),
    path("<int:pk>/edit/", views.question_edit, name="quizbank-question-edit"),
    path("<int:pk>/status/", views.question_transition_view, name="quizbank-question-transition"),
    path("import/", views.question_import, name="quizbank-import"),
    path("import/template.<str:fmt>", views.import_template, name="quizbank-import-template"),
    path("export/", views.question_export, name="quizbank-export"),
    path("analysis/", views.item_analysis, name="quizbank-analysis"),
    path("topics/", views.topic_list, name="quizbank-topic-list"),
    path("topics/<int:pk>/", views.topic_edit, name="quizbank-topic-edit"),
]
