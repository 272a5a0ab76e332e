"""Demo data for ``manage.py seed_demo``: static content in ``data``, the work in ``seed``."""
