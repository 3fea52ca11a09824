from modeltranslation.translator import TranslationOptions, register

from .models import IncidentType, PlaceType


@register(IncidentType)
class IncidentTypeTranslation(TranslationOptions):
    fields = ("name", "hint")


@register(PlaceType)
class PlaceTypeTranslation(TranslationOptions):
    fields = ("name",)
