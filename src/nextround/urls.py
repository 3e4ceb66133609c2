from django.contrib.auth import views as auth_views
from django.urls import include, path

from nextround.core import views as core_views

handler500 = "nextround.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("accounts/signup/", core_views.signup, name="signup"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("settings/", core_views.settings_page, name="settings"),
    path("", include("nextround.tracker.urls")),
    path("", include("nextround.playbook.urls")),
    path("", include("nextround.checker.web.urls")),
    path("", include("nextround.transfer.urls")),
    path("", include("nextround.insights.urls")),
    path("", include("nextround.mail.urls")),
]
