"""Through Caddy (deploy/Caddyfile) to gunicorn: the app sees each client's own address, a
forged X-Forwarded-For changes nothing, sign-in lockout and every rate limit count per
client, HTML arrives compressed, and an evidence-sized request body gets through."""

import uuid

import pytest
from axes.models import AccessAttempt

from tests.conftest import PASSWORD

from .conftest import CLIENT_ADDRESSES

pytestmark = pytest.mark.proxy

SIGN_IN = "/staff/sign-in/"
A, B = CLIENT_ADDRESSES


def sign_in(visitor, user, password=PASSWORD, **kwargs):
    visitor.get(SIGN_IN)  # the CSRF cookie
    return visitor.post(SIGN_IN, {"username": user.email, "password": password}, **kwargs)


def forged(address="198.51.100.7"):
    return {"X-Forwarded-For": address}


def test_proxy_app_records_the_clients_own_address(proxy, spoc_a):
    response = sign_in(proxy.visitor(A), spoc_a, password="wrong", headers=forged(B))

    assert response.status == 200
    # django-axes recorded the address the client connected from, not the proxy's
    # (127.0.0.1) and not the one it claimed.
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [A]


def test_proxy_sign_in_lockout_is_per_client(proxy, spoc_a):
    a, b = proxy.visitor(A), proxy.visitor(B)
    for _ in range(5):
        sign_in(a, spoc_a, password="wrong")

    locked = sign_in(a, spoc_a)
    elsewhere = sign_in(b, spoc_a)

    assert locked.status == 429, proxy.logs()
    assert "Too many attempts" in locked.text()
    # The right password from another client gets on to the second factor.
    assert elsewhere.status == 302
    assert elsewhere.headers["Location"].startswith("/staff/sign-in/")


def test_proxy_forged_forwarded_for_escapes_no_lockout(proxy, spoc_a):
    a, b = proxy.visitor(A), proxy.visitor(B)
    for n in range(5):
        # A new made-up address on every try; Caddy replaces the header with the real one.
        sign_in(a, spoc_a, password="wrong", headers=forged(f"198.51.100.{n}"))

    assert sign_in(a, spoc_a, headers=forged("203.0.113.99")).status == 429
    # Claiming to be the locked-out client does not lock B out either.
    assert sign_in(b, spoc_a, headers=forged(A)).status == 302


def test_proxy_journey_answer_limit_is_per_client(proxy):
    # REPORT_ANSWER_RATE is 3 an hour for these tests.
    a, b = proxy.visitor(A), proxy.visitor(B)
    a.get("/en/report/who/")
    b.get("/en/report/who/")
    answered = [
        a.post("/en/report/who/", {"reporter_role": "victim"}, headers=forged(f"10.0.0.{n}"))
        for n in range(4)
    ]

    assert [r.status for r in answered] == [302, 302, 302, 429], proxy.logs()
    assert b.post("/en/report/who/", {"reporter_role": "victim"}).status == 302


def test_proxy_tracking_limit_is_per_client(proxy):
    # TRACKING_FREE_TRIES_PER_CLIENT is 3 for these tests; every reference differs, so only
    # the per-client delay can refuse.
    a, b = proxy.visitor(A), proxy.visitor(B)
    a.get("/en/track/")
    b.get("/en/track/")

    def attempt(visitor, **kwargs):
        reference = f"HR-{uuid.uuid4().hex[:4].upper()}-{uuid.uuid4().hex[:4].upper()}"
        form = {"reference": reference, "passphrase": "not the passphrase"}
        return visitor.post("/en/track/", form, **kwargs).status

    tries = [attempt(a, headers=forged(f"10.0.1.{n}")) for n in range(4)]

    assert tries == [200, 200, 200, 429], proxy.logs()
    assert attempt(b) == 200


@pytest.mark.parametrize("encoding", ["gzip", "zstd"])
def test_proxy_compresses_html(proxy, encoding):
    visitor = proxy.visitor(A)

    plain = visitor.get("/en/")
    compressed = visitor.get("/en/", headers={"Accept-Encoding": encoding})

    assert plain.status == compressed.status == 200
    assert "Content-Encoding" not in plain.headers
    assert compressed.headers["Content-Encoding"] == encoding
    assert compressed.headers["Content-Type"].startswith("text/html")
    assert len(compressed.body) < len(plain.body) / 2
    if encoding == "gzip":
        assert compressed.text() == plain.text().replace(
            # The CSRF token is masked afresh on every response.
            _token(plain.text()),
            _token(compressed.text()),
        )


def _token(html: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    return html.split(marker, 1)[1].split('"', 1)[0] if marker in html else ""


def multipart(size: int) -> tuple[bytes, dict]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="clip.mp4"\r\n'
            "Content-Type: video/mp4\r\n\r\n"
        ).encode()
        + b"\0" * size
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_proxy_passes_an_evidence_sized_body_and_refuses_more(proxy, settings):
    visitor = proxy.visitor(A)
    visitor.get(SIGN_IN)  # the CSRF cookie
    body, headers = multipart(settings.EVIDENCE_MAX_BYTES + 64 * 1024)
    too_big, too_big_headers = multipart(settings.EVIDENCE_MAX_BYTES + 2 * 1024 * 1024)

    through = visitor.request("POST", SIGN_IN, body=body, headers=headers)
    refused = visitor.request("POST", SIGN_IN, body=too_big, headers=too_big_headers)

    # The sign-in view read the whole form and showed the page again: the body got through.
    assert through.status == 200, proxy.logs()
    assert "Sign in" in through.text()
    assert refused.status == 413
