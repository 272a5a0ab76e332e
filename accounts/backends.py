from django.contrib.auth.backends import ModelBackend


class SectionAwareModelBackend(ModelBackend):
    """Loads the signed-in user with their section in one query: every page shows it."""

    def get_user(self, user_id):
        user = (
            self.user_model_class()
            ._default_manager.select_related("section")
            .filter(pk=user_id)
            .first()
        )
        return user if self.user_can_authenticate(user) else None

    @staticmethod
    def user_model_class():
        from django.contrib.auth import get_user_model

        return get_user_model()
