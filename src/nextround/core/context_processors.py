from django.urls import NoReverseMatch, reverse

# (label, URL name) of the main navigation; entries whose view is not installed are left out.
# The board is a view of Applications (linked from its page), so it has no entry of its own.
NAVIGATION = (
    ("Today", "tracker:dashboard"),
    ("Applications", "tracker:application_list"),
    ("Follow-ups", "tracker:follow_up_list"),
    ("Contacts", "tracker:contact_list"),
    ("Companies", "tracker:company_list"),
    ("Insights", "insights:index"),
    ("Mail", "mail:index"),
    ("Check a message", "checker:check"),
    ("Import & export", "transfer:index"),
)


def navigation(request):
    items = []
    for label, name in NAVIGATION:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "current": False})
    # The longest entry prefixing the path is current ("/applications/board/" is Board, not both).
    matches = [
        item
        for item in items
        if request.path == item["url"] or (item["url"] != "/" and request.path.startswith(item["url"]))
    ]
    if matches:
        max(matches, key=lambda item: len(item["url"]))["current"] = True
    return {"navigation": items}
