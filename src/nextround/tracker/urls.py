from django.urls import path

from nextround.tracker.views import activity, applications, people, rows

app_name = "tracker"

urlpatterns = [
    path("", activity.dashboard, name="dashboard"),
    path("applications/", applications.application_list, name="application_list"),
    path("applications/board/", applications.board, name="board"),
    path("applications/new/", applications.application_create, name="application_create"),
    path("applications/<int:pk>/", applications.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", rows.edit, {"pages": rows.APPLICATIONS}, name="application_edit"),
    path(
        "applications/<int:pk>/delete/", rows.delete, {"pages": rows.APPLICATIONS}, name="application_delete"
    ),
    path("applications/<int:pk>/stage/", applications.application_stage, name="application_stage"),
    path("applications/<int:pk>/timeline/", applications.application_timeline, name="application_timeline"),
    path(
        "applications/<int:pk>/contacts/",
        applications.application_link_contact,
        name="application_link_contact",
    ),
    path(
        "applications/<int:pk>/contacts/<int:link_pk>/unlink/",
        applications.application_unlink_contact,
        name="application_unlink_contact",
    ),
    path(
        "applications/<int:pk>/people/new/",
        applications.application_add_person,
        name="application_add_person",
    ),
    path("applications/<int:pk>/checklist/", applications.checklist_add, name="checklist_add"),
    path(
        "applications/<int:pk>/checklist/<int:item_pk>/",
        applications.checklist_toggle,
        name="checklist_toggle",
    ),
    path("companies/", people.company_list, name="company_list"),
    path("companies/new/", people.company_create, name="company_create"),
    path("companies/<int:pk>/", people.company_detail, name="company_detail"),
    path("companies/<int:pk>/edit/", rows.edit, {"pages": rows.COMPANIES}, name="company_edit"),
    path("companies/<int:pk>/delete/", rows.delete, {"pages": rows.COMPANIES}, name="company_delete"),
    path("contacts/", people.contact_list, name="contact_list"),
    path("contacts/new/", people.contact_create, name="contact_create"),
    path("contacts/search/", people.contact_search, name="contact_search"),
    path("contacts/<int:pk>/", people.contact_detail, name="contact_detail"),
    path("contacts/<int:pk>/edit/", rows.edit, {"pages": rows.CONTACTS}, name="contact_edit"),
    path("contacts/<int:pk>/delete/", rows.delete, {"pages": rows.CONTACTS}, name="contact_delete"),
    path("interactions/new/", activity.interaction_create, name="interaction_create"),
    path("interactions/<int:pk>/edit/", activity.interaction_edit, name="interaction_edit"),
    path("interactions/<int:pk>/delete/", activity.interaction_delete, name="interaction_delete"),
    path("follow-ups/", activity.follow_up_list, name="follow_up_list"),
    path("follow-ups/new/", activity.follow_up_create, name="follow_up_create"),
    path("follow-ups/<int:pk>/edit/", activity.follow_up_edit, name="follow_up_edit"),
    path("follow-ups/<int:pk>/delete/", activity.follow_up_delete, name="follow_up_delete"),
    path("follow-ups/<int:pk>/status/", activity.follow_up_status, name="follow_up_status"),
]
