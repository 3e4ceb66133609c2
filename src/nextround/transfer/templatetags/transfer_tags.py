from django import template

from nextround.transfer.routes import contacts_at_company

register = template.Library()


@register.simple_tag
def connection_routes(application):
    """Contacts at the application's company for tracker's application page."""
    return contacts_at_company(owner=application.owner, company=application.company)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")
