from django.urls import path

from accounts import views

urlpatterns = [
    path("profile/", views.profile, name="accounts-profile"),
    path("my-unit/", views.my_unit, name="accounts-my-unit"),
    path("units/", views.unit_list, name="accounts-unit-list"),
    path("users/", views.user_list, name="accounts-user-list"),
]
