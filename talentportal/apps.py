from django.apps import AppConfig


class TalentPortalConfig(AppConfig):
    name = "talentportal"
    verbose_name = "TalentPortal"

    def ready(self) -> None:
        from django.core.signals import request_finished
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from talentportal.observability import forget_request_id, watch_for_slow_queries
        from talentportal.reference import load_after_migrate

        # In the web processes, the worker and every command alike.
        connection_created.connect(watch_for_slow_queries, dispatch_uid="watch_for_slow_queries")
        request_finished.connect(forget_request_id, dispatch_uid="forget_request_id")
        # Once per migrate (this app's signal), after every app's migrations.
        post_migrate.connect(load_after_migrate, sender=self, dispatch_uid="load_reference_data")
