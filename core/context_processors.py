from .navigation import items_for

# Each language named in itself, so a reader finds theirs whatever the page's language.
LANGUAGE_ENDONYMS = {"en": "English", "fr-ca": "Français (Canada)"}


def navigation(request) -> dict:
    from django.conf import settings

    return {
        "nav_items": items_for(getattr(request, "user", None)),
        "language_choices": [
            (code, LANGUAGE_ENDONYMS.get(code, code)) for code, _name in settings.LANGUAGES
        ],
    }
