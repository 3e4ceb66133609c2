app_name = "transfer"
urlpatterns = []
