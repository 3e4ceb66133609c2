"""The "Check a message" page, the live check under drafts, and the JSON API.

None of these store anything or read any user data, so none needs an account. The page and the live
check keep Django's CSRF protection (they are forms on our own pages); the API is for other tools and is
exempt, which is safe because it has no side effects and returns nothing but the check of what it is sent.
"""

import json

from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from nextround.checker import AUDIENCES, check
from nextround.checker.web.forms import MAX_TEXT_CHARS, CheckForm, InlineCheckForm, too_long_message
from nextround.checker.web.review import apply_suggestion, review

# A JSON body holding the longest allowed text, escaped, fits well within this.
MAX_BODY_BYTES = 64 * 1024


@require_http_methods(["GET", "HEAD", "POST"])
def check_page(request):
    """GET: the empty page. POST without script: the page with findings. POST from htmx: the results alone."""
    form = CheckForm(request.POST or None)
    context = {"form": form}
    status = 200
    if request.method != "POST":
        context.update(review("", "candidate"))
    else:
        if request.htmx and not request.POST.get("text", "").strip():
            # The writer cleared the box while typing: show the starting state, not an error.
            context.update(review("", _audience(request)), form=CheckForm())
        elif form.is_valid():
            text, audience = form.cleaned_data["text"], form.cleaned_data["audience"]
            if "apply" in request.POST and not request.htmx:
                text, context["applied"] = apply_suggestion(text, audience, request.POST["apply"])
                context["apply_missed"] = context["applied"] is None
                form = context["form"] = CheckForm({"audience": audience, "text": text})
                form.is_valid()  # re-bound on the new text, so the textarea shows it
            context.update(review(text, audience))
        else:
            status = 422 if request.htmx else 200
    template = "checker/_results.html" if request.htmx else "checker/check.html"
    return render(request, template, context, status=status)


def _audience(request) -> str:
    audience = request.POST.get("audience", "")
    return audience if audience in AUDIENCES else "candidate"


@require_POST
def inline(request):
    """The live check under a draft (see templates/checker/_live_check.html)."""
    data = request.POST.copy()
    data["text"] = request.POST.get(_text_key(request.POST), "")
    form = InlineCheckForm(data)
    if not form.is_valid():
        if "text" in form.errors:
            context = {"error": form.errors["text"][0]}
            return render(request, "checker/_inline_results.html", context, status=422)
        return HttpResponseBadRequest("The live check needs an audience (candidate or employer).")
    context = review(form.cleaned_data["text"], form.cleaned_data["audience"])
    context["target"] = form.cleaned_data["target"]
    return render(request, "checker/_inline_results.html", context)


def _text_key(post) -> str:
    """The POST key holding the draft: the draft's textarea keeps its own name, so the partial sends it as
    `field` (or checker.js does); failing that, Django's id_<name> convention for the textarea's id."""
    if post.get("field"):
        return post["field"]
    target = post.get("target", "")
    if target.startswith("id_") and target[3:] in post:
        return target[3:]
    return target if target in post else "text"


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@csrf_exempt
def api_check(request):
    """POST {"text": ..., "audience": ...} -> {"findings": [...]}; see docs/checker-web.md."""
    if request.method != "POST":
        response = _error('Use POST with a JSON body: {"text": "...", "audience": "candidate"}.', 405)
        response["Allow"] = "POST"
        return response
    # Refuse an oversized body before reading it, then again after (a chunked body has no length up front).
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES or len(request.body) > MAX_BODY_BYTES:
        return _error(
            f"The request body is too large: send at most {MAX_BODY_BYTES // 1024} KB of JSON, "
            f"with a text of up to {MAX_TEXT_CHARS:,} characters.",
            413,
        )
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except UnicodeDecodeError:
        return _error("The body is not UTF-8: send JSON encoded as UTF-8.", 400)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        return _error(f"The body is not valid JSON ({exc.msg} at {where}).", 400)
    if not isinstance(payload, dict):
        return _error('The body must be a JSON object with the fields "text" and "audience".', 400)
    text, audience = payload.get("text"), payload.get("audience")
    if "text" not in payload:
        return _error('The field "text" is missing: send the message to check as a string.', 400)
    if not isinstance(text, str):
        return _error('The field "text" must be a string.', 400)
    if audience not in AUDIENCES:
        got = "missing" if "audience" not in payload else f"{audience!r}"[:40]
        return _error(
            f'The field "audience" must be one of {", ".join(map(repr, AUDIENCES))} (got {got}).', 400
        )
    if len(text) > MAX_TEXT_CHARS:
        return _error(f'The field "text" is too long. {too_long_message(len(text))}', 413)
    return JsonResponse({"findings": [finding.to_dict() for finding in check(text, audience)]})
