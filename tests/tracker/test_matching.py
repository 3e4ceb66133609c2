import pytest

from nextround.tracker.matching import CompanyIndex, normalise_company, same_company, similar_company


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Acme Inc.", "ACME"),
        ("Société Générale", "Societe Generale Ltd"),
        ("Acme, Inc", "acme incorporated"),
        ("Northwind Analytics GmbH", "Northwind Analytics"),
        ("Quill & Vale Publishing", "Quill and Vale Publishing Ltd."),
        ("The Helix Bio Company", "Helix Bio"),
        ("Bluefin Robotics S.A.", "BLUEFIN ROBOTICS SA"),
    ],
)
def test_same_employer_written_differently(left, right):
    assert same_company(left, right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Capita One", "Capital One"),
        ("Accenture Strong", "Accenture Song"),
        ("Company 1235", "Company 1234"),
        ("Northwind Analytics", "Northwind Analytcs"),  # a typo, perhaps: the user says
    ],
)
def test_close_names_are_a_suggestion_never_a_match(left, right):
    assert not same_company(left, right)
    assert similar_company(left, right)
    index = CompanyIndex([(right, 7)])
    assert index.find(left) is None
    assert index.find_all(left) == []
    assert index.suggest(left) == 7


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Meta", "Metabase"),
        ("Ace", "Acme"),
        ("Google", "Google Cloud"),
        ("Apple", "Applied Materials"),
        ("", ""),
    ],
)
def test_different_employers_stay_apart(left, right):
    assert not same_company(left, right)
    assert not similar_company(left, right)


def test_normalise_keeps_non_latin_names_and_a_lone_suffix():
    assert normalise_company("株式会社ソニー") == "株式会社ソニー"
    assert normalise_company("Limited") == "limited"


def test_index_finds_every_spelling_of_one_company():
    index = CompanyIndex([("Acme Inc", 1), ("ACME", 2), ("Metabase", 3)])
    assert index.find("acme, inc.") == 1
    assert sorted(index.find_all("Acme Ltd")) == [1, 2]
    assert index.find("Meta") is None
