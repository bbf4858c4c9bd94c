from django.apps import AppConfig


class TalentPortalConfig(AppConfig):
    name = "talentportal"
    verbose_name = "TalentPortal"
