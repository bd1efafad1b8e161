from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from config import views as config_views
from contest import views as contest_views
from contest.api import api

urlpatterns = [
    path("", contest_views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("accounts.urls")),
    path("bank/", include("quizbank.urls")),
    path("api/", api.urls),
    path("", include("contest.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("healthz", config_views.healthz, name="healthz"),
    path("ok", config_views.ok, name="ok"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
