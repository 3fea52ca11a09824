"""A local HTTP server that speaks GOV.UK Notify's API (v2), for the tests.

Not a mock of the client: `notifications-python-client` talks to it over HTTP exactly as it
talks to Notify, with a JSON Web Token signed by the API key's secret, which the server checks
(issuer = the service id, HS256, issued within 30 seconds). It answers the calls the product
makes, in Notify's shapes (https://docs.notifications.service.gov.uk/rest-api.html):

- POST /v2/notifications/sms and /v2/notifications/email: 201 with the new notification;
  400 ValidationError for a number that is not a UK mobile, an invalid address, a missing
  personalisation or an unknown template; 403 AuthError for a bad token;
- GET /v2/notifications (filters: reference, template_type, status) and
  GET /v2/notifications/<id>;
- and, as Notify does, delivery receipts POSTed to the service's callback address
  (`send_receipt`).

Faults for the tests: `fail_next` (status codes to answer the next sends with), `fail_lookups`
(answer lookups with 503), and `on_send`, called with each accepted message after it is
recorded and before the answer goes back (where a test restarts the database).
"""

import json
import re
import threading
import urllib.request
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from notifications_python_client.authentication import decode_jwt_token, get_token_issuer
from notifications_python_client.errors import TokenError

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"hatereport_test-{SERVICE_ID}-{SECRET}"
SMS_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"
EMAIL_TEMPLATE_ID = "9b3f0c0e-6b0f-4a5e-8f8e-2c9a8d6b7e11"

UK_MOBILE = re.compile(r"^(?:\+?44|0)7\d{9}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _error(status: int, error: str, message: str) -> tuple[int, dict]:
    return status, {"status_code": status, "errors": [{"error": error, "message": message}]}


class NotifyServer:
    def __init__(self):
        self.messages: list[dict] = []
        self.lookups: list[str] = []
        self.fail_next: list[int] = []
        self.fail_lookups = False
        self.on_send = None
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def start(self) -> "NotifyServer":
        self._thread.start()
        return self

    def stop(self):
        self._httpd.shutdown()
        self._httpd.server_close()

    def settings(self) -> dict[str, str]:
        """What the product needs to use this server, as settings or environment."""
        return {
            "NOTIFY_API_KEY": API_KEY,
            "NOTIFY_BASE_URL": self.url,
            "NOTIFY_SMS_TEMPLATE_ID": SMS_TEMPLATE_ID,
            "NOTIFY_EMAIL_TEMPLATE_ID": EMAIL_TEMPLATE_ID,
        }

    def send_receipt(self, message: dict, status: str, *, callback_url: str, token: str) -> int:
        """What Notify does when it finishes with a message: POST a delivery receipt to the
        service's callback address with the service's bearer token. Returns the status code."""
        message["status"] = status
        now = datetime.now(UTC).isoformat()
        receipt = {
            "id": message["id"],
            "reference": message["reference"],
            "to": message.get("phone_number") or message.get("email_address"),
            "status": status,
            "created_at": message["created_at"],
            "completed_at": now,
            "sent_at": now,
            "notification_type": message["type"],
            "template_id": message["template"]["id"],
            "template_version": 1,
        }
        request = urllib.request.Request(  # noqa: S310 - a local test address
            callback_url,
            data=json.dumps(receipt).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def references(self) -> list[str]:
        with self._lock:
            return [message["reference"] for message in self.messages]

    def sent(self, kind: str | None = None) -> list[dict]:
        with self._lock:
            return [m for m in self.messages if kind is None or m["type"] == kind]

    # --- The API ---------------------------------------------------------------------------

    def _authorise(self, header: str) -> tuple[int, dict] | None:
        if not header.startswith("Bearer "):
            return _error(401, "AuthError", "Unauthorized: authentication token must be provided")
        token = header.removeprefix("Bearer ")
        try:
            if get_token_issuer(token) != SERVICE_ID:
                return _error(403, "AuthError", "Invalid token: service not found")
            decode_jwt_token(token, SECRET)
        except TokenError as error:
            return _error(403, "AuthError", error.message)
        return None

    def _create(self, kind: str, body: dict) -> tuple[int, dict]:
        if self.fail_next:
            status = self.fail_next.pop(0)
            return _error(status, "ServerError" if status >= 500 else "RateLimitError", "Sorry")
        personalisation = body.get("personalisation") or {}
        if kind == "sms":
            if body.get("template_id") != SMS_TEMPLATE_ID:
                return _error(400, "BadRequestError", "Template not found")
            number = re.sub(r"[\s()-]", "", body.get("phone_number", ""))
            if not UK_MOBILE.match(number):
                return _error(400, "ValidationError", "phone_number Not a UK mobile number")
            missing = {"body"} - set(personalisation)
            to = {"phone_number": body["phone_number"]}
            content = {"body": personalisation.get("body"), "from_number": "GOVUK"}
        else:
            if body.get("template_id") != EMAIL_TEMPLATE_ID:
                return _error(400, "BadRequestError", "Template not found")
            if not EMAIL.match(body.get("email_address", "")):
                return _error(400, "ValidationError", "email_address Not a valid email address")
            missing = {"subject", "body"} - set(personalisation)
            to = {"email_address": body["email_address"]}
            content = {
                "body": personalisation.get("body"),
                "subject": personalisation.get("subject"),
                "from_email": "hate.report@notifications.service.gov.uk",
            }
        if missing:
            return _error(400, "BadRequestError", f"Missing personalisation: {', '.join(missing)}")
        message = {
            "id": str(uuid.uuid4()),
            "reference": body.get("reference"),
            "type": kind,
            "status": "created",
            "template": {"id": body["template_id"], "version": 1, "uri": "/template"},
            "created_at": datetime.now(UTC).isoformat(),
            "personalisation": personalisation,
            "content": content,
            **to,
        }
        with self._lock:
            self.messages.append(message)
        if self.on_send:
            self.on_send(message)
        answer = {
            "id": message["id"],
            "reference": message["reference"],
            "content": content,
            "uri": f"{self.url}/v2/notifications/{message['id']}",
            "template": message["template"],
        }
        return 201, answer

    def _public(self, message: dict) -> dict:
        shown = {key: value for key, value in message.items() if key != "content"}
        shown["body"] = message["content"]["body"]
        shown["subject"] = message["content"].get("subject")
        return shown

    def _list(self, query: dict) -> tuple[int, dict]:
        if self.fail_lookups:
            return _error(503, "ServerError", "Sorry")
        reference = query.get("reference", [None])[0]
        kind = query.get("template_type", [None])[0]
        status = query.get("status", [None])[0]
        with self._lock:
            self.lookups.append(reference)
            found = [
                self._public(m)
                for m in reversed(self.messages)
                if (reference is None or m["reference"] == reference)
                and (kind is None or m["type"] == kind)
                and (status is None or m["status"] == status)
            ]
        return 200, {"notifications": found, "links": {"current": f"{self.url}/v2/notifications"}}

    def _get(self, notification_id: str) -> tuple[int, dict]:
        with self._lock:
            for message in self.messages:
                if message["id"] == notification_id:
                    return 200, self._public(message)
        return _error(404, "NoResultFound", "No result found")

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, payload: dict):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                refused = server._authorise(self.headers.get("Authorization", ""))
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if refused:
                    return self._answer(*refused)
                path = urlsplit(self.path).path
                if path == "/v2/notifications/sms":
                    return self._answer(*server._create("sms", body))
                if path == "/v2/notifications/email":
                    return self._answer(*server._create("email", body))
                return self._answer(*_error(404, "NotFound", "Not found"))

            def do_GET(self):
                refused = server._authorise(self.headers.get("Authorization", ""))
                if refused:
                    return self._answer(*refused)
                parts = urlsplit(self.path)
                if parts.path == "/v2/notifications":
                    return self._answer(*server._list(parse_qs(parts.query)))
                if parts.path.startswith("/v2/notifications/"):
                    return self._answer(*server._get(parts.path.rsplit("/", 1)[-1]))
                return self._answer(*_error(404, "NotFound", "Not found"))

        return Handler
