from django.urls import path

from nextround.checker.web import views

app_name = "checker"
urlpatterns = [
    path("check/", views.check_page, name="check"),
    path("check/inline/", views.inline, name="inline"),
    path("api/check", views.api_check, name="api_check"),
]
