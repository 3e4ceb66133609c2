from django.urls import path

from nextround.playbook import views

app_name = "playbook"

urlpatterns = [
    path("applications/<int:pk>/plan/", views.plan, name="plan"),
    path("applications/<int:pk>/plan/refresh/", views.plan_refresh, name="plan_refresh"),
    path("plans/<int:pk>/upset/", views.plan_upset, name="plan_upset"),
    path("plans/<int:pk>/reflection/", views.plan_reflection, name="plan_reflection"),
    path("plan-steps/<int:pk>/status/", views.step_status, name="step_status"),
    path("plan-steps/<int:pk>/draft/", views.step_draft, name="step_draft"),
    path("plan-steps/<int:pk>/log/", views.step_log, name="step_log"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
