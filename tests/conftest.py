def pytest_configure(config):
    from django.conf import settings

    # Hashing with the production hasher costs ~0.3 s a login; tests need none of that strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Imports from the web page finish inside the request, so a test reads their outcome at once; the
    # thread and the progress page are tested on their own (tests/transfer/test_streaming.py).
    settings.IMPORTS_IN_BACKGROUND = False


def pytest_runtest_setup(item):
    from django.core.cache import cache

    # The cache lives in the process: a body cached by one test must not answer in the next.
    cache.clear()
