"""The 404 and 500 pages wear the site's layout and offer a way back; /favicon.ico is the site's icon."""

import pytest
from django.test import Client, override_settings
from django.urls import path

from nextround import urls as site_urls
from tests.personas import make_user


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", boom), *site_urls.urlpatterns]


@pytest.mark.django_db
def test_a_missing_page_has_the_layout_and_a_way_back_for_a_signed_in_user():
    client = Client()
    client.force_login(make_user("olive"))
    response = client.get("/applications/987654/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="site-header"' in page and "Skip to content" in page
    assert "We can't find that page" in page
    assert 'href="/">Go to Today' in page or ">Go to Today</a>" in page
    assert 'aria-label="Main"' in page  # the navigation is there too


@pytest.mark.django_db
def test_a_missing_page_offers_logging_in_to_a_visitor():
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()
    assert 'href="/accounts/login/"' in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_has_the_layout_and_a_way_back():
    client = Client(raise_request_exception=False)
    client.force_login(make_user("olive"))
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert 'class="site-header"' in page
    assert "Something went wrong on our side" in page
    assert 'href="/"' in page
    assert "a bug" not in page


@pytest.mark.django_db
def test_favicon_ico_is_the_site_icon():
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert "max-age" in response["Cache-Control"]
