def pytest_configure(config):
    from django.conf import settings

    # Hashing with the production hasher costs ~0.3 s a login; tests need none of that strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
