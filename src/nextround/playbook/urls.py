app_name = "playbook"
urlpatterns = []
