"""/<lang>/track/feedback/: five questions about how the reporter's case was handled, asked
once it is closed; answered once, or skipped (casework/services/feedback.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from ..services import feedback as services
from .forms import FeedbackForm
from .views import tracking_required


@require_http_methods(["GET", "HEAD", "POST"])
@tracking_required
def feedback(request, report):
    if services.open_feedback_for(report) is None:
        return render(request, "casework/tracking/feedback_closed.html")
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_feedback(report=report, answers=form.answers())
        except ValidationError:
            return render(request, "casework/tracking/feedback_closed.html")
        messages.success(request, _("Thank you for telling us what you thought."))
        return redirect("tracking:status")
    return render(request, "casework/tracking/feedback.html", {"form": form})


@require_POST
@tracking_required
def skip_feedback(request, report):
    try:
        services.skip_feedback(report=report)
    except ValidationError:
        return redirect("tracking:status")
    messages.success(request, _("We will not ask you these questions again."))
    return redirect("tracking:status")
