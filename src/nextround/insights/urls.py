from django.urls import path

from nextround.insights import views

app_name = "insights"
urlpatterns = [
    path("insights/", views.index, name="index"),
    path("insights/no-answer/", views.mark_ghosted, name="mark_ghosted"),
]
