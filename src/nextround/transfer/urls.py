from django.urls import path, re_path

from nextround.transfer import views

app_name = "transfer"
urlpatterns = [
    path("import/", views.index, name="index"),
    path("import/linkedin/", views.linkedin, name="linkedin"),
    path("import/json/", views.restore_json, name="restore"),
    path("import/csv/", views.csv_upload, name="csv_upload"),
    path("import/csv/<int:pk>/", views.csv_map, name="csv_map"),
    path("import/csv/<int:pk>/stages/", views.csv_stages, name="csv_stages"),
    path("import/csv/<int:pk>/preview/", views.csv_preview, name="csv_preview"),
    path("import/csv/<int:pk>/discard/", views.csv_discard, name="csv_discard"),
    path("import/jobs/<int:pk>/", views.job, name="job"),
    path("import/same-company/", views.same_company, name="same_company"),
    path("export/nextround.json", views.export_json, name="export_json"),
    re_path(r"^export/(?P<what>applications|contacts)\.csv$", views.export_csv, name="export_csv"),
]
