from modeltranslation.translator import TranslationOptions, register

from .models import Centre, Strand, SupportService


@register(Strand)
class StrandTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Centre)
class CentreTranslation(TranslationOptions):
    fields = ("description", "opening_hours")


@register(SupportService)
class SupportServiceTranslation(TranslationOptions):
    fields = ("description",)
