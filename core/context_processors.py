from .navigation import items_for


def navigation(request) -> dict:
    return {"nav_items": items_for(getattr(request, "user", None))}
