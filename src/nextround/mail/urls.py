from django.urls import path

from nextround.mail import views

app_name = "mail"
urlpatterns = [
    path("mail/", views.index, name="index"),
    path("mail/paste/", views.paste, name="paste"),
    path("mail/upload/", views.upload, name="upload"),
    path("mail/accept-all/", views.accept_all, name="accept_all"),
    path("mail/messages/<int:pk>/", views.message_detail, name="message"),
    path("mail/messages/<int:pk>/accept/", views.accept, name="accept"),
    path("mail/messages/<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path("mail/messages/<int:pk>/undo/", views.undo, name="undo"),
    path("mail/mailbox/", views.mailbox, name="mailbox"),
    path("mail/mailbox/sync/", views.sync, name="sync"),
    path("mail/mailbox/remove/", views.remove_mailbox, name="remove_mailbox"),
]
