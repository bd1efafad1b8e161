from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizbankConfig(AppConfig):
    name = "quizbank"
    verbose_name = _("Question bank")
