"""An independent OAuth 2.0 client (Authlib's requests client, Debian's
python3-authlib) that drives the usual refusals against `serve --oauth2` over
127.0.0.1 and prints each raw answer (status, Content-Type, body) as JSON.

Input on stdin: {"issuer", "client_id", "client_secret", "accept"}.
The provider runs with --auto-approve; the admin endpoint shortens the code
lifetime for the expired-code case and restores it after.
"""
import json
import sys
import time
from urllib.parse import parse_qs, urlsplit

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session

REDIRECT_URI = "http://127.0.0.1/callback"


def raw(response):
    return {
        "status": response.status_code,
        "content_type": response.headers.get("content-type", ""),
        "www_authenticate": response.headers.get("www-authenticate"),
        "body": response.text,
    }


def main():
    config = json.load(sys.stdin)
    issuer = config["issuer"]
    client_id = config["client_id"]
    secret = config["client_secret"]
    headers = {"Accept": config["accept"]} if config.get("accept") else {}
    meta = requests.get(issuer + "/.well-known/openid-configuration", timeout=10).json()
    token_url = meta["token_endpoint"]

    def session():
        return OAuth2Session(client_id, secret, scope="openid offline_access", redirect_uri=REDIRECT_URI,
                             code_challenge_method="S256", token_endpoint_auth_method="client_secret_basic")

    def redirect_for(client, verifier):
        """Follows the authorization redirects to the client's redirect URI and returns its query."""
        url, _state = client.create_authorization_url(meta["authorization_endpoint"], code_verifier=verifier, prompt="consent")
        for _ in range(10):
            answer = client.get(url, allow_redirects=False, timeout=10, withhold_token=True)
            url = answer.headers.get("location", "")
            if url.startswith(REDIRECT_URI):
                return urlsplit(url).query
            if not url:
                raise RuntimeError("authorization stopped at %s: %s" % (answer.status_code, answer.text[:200]))
            if url.startswith("/"):
                url = issuer + url
        raise RuntimeError("too many redirects")

    def code_for(client, verifier):
        return parse_qs(redirect_for(client, verifier))["code"][0]

    def exchange(code, verifier, redirect_uri=REDIRECT_URI, auth=(client_id, secret)):
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
        if verifier is not None:
            form["code_verifier"] = verifier
        return requests.post(token_url, data=form, auth=auth, headers=headers, timeout=10)

    def refresh(token):
        return requests.post(token_url, data={"grant_type": "refresh_token", "refresh_token": token},
                             auth=(client_id, secret), headers=headers, timeout=10)

    out = {}

    def tokens():
        client = session()
        verifier = generate_token(48)
        code = code_for(client, verifier)
        return code, verifier, client.fetch_token(token_url, grant_type="authorization_code", code=code, code_verifier=verifier)

    # A code redeemed twice: the first by Authlib itself, the second by hand (the engine then revokes the grant).
    code, verifier, _token = tokens()
    out["reused_code"] = raw(exchange(code, verifier))

    # A rotated refresh token replayed: R1 -> R2, then R1 again, then R2 (its family revoked by the replay).
    _code, _verifier, token = tokens()
    first = token["refresh_token"]
    rotated = refresh(first)
    if rotated.status_code != 200:
        raise RuntimeError("the first refresh failed: %s %s" % (rotated.status_code, rotated.text))
    out["replayed_refresh"] = raw(refresh(first))
    out["family_revoked"] = raw(refresh(rotated.json()["refresh_token"]))

    client = session()
    verifier = generate_token(48)
    code = code_for(client, verifier)
    out["wrong_verifier"] = raw(exchange(code, generate_token(48)))

    client = session()
    verifier = generate_token(48)
    code = code_for(client, verifier)
    out["missing_verifier"] = raw(exchange(code, None))

    client = session()
    verifier = generate_token(48)
    code = code_for(client, verifier)
    out["redirect_mismatch"] = raw(exchange(code, verifier, redirect_uri=REDIRECT_URI + "/elsewhere"))

    client = session()
    verifier = generate_token(48)
    code = code_for(client, verifier)
    out["wrong_secret"] = raw(exchange(code, verifier, auth=(client_id, secret + "x")))

    # An expired code: a 1 s lifetime for this one, then back.
    admin = issuer + "/admin/settings"
    before = requests.get(issuer + "/admin/state", timeout=10).json()["settings"]["codeTtlSec"]
    requests.post(admin, data={"codeTtlSec": "1"}, timeout=10).raise_for_status()
    try:
        client = session()
        verifier = generate_token(48)
        code = code_for(client, verifier)
        time.sleep(2.2)
        out["expired_code"] = raw(exchange(code, verifier))
    finally:
        requests.post(admin, data={"codeTtlSec": str(before)}, timeout=10)

    # The person denies consent: the error parameters of the authorization redirect.
    requests.post(admin, data={"consentDenied": "true"}, timeout=10).raise_for_status()
    try:
        query = redirect_for(session(), generate_token(48))
        out["denied"] = {"status": 0, "content_type": "application/x-www-form-urlencoded", "www_authenticate": None, "body": query}
    finally:
        requests.post(admin, data={"consentDenied": "false"}, timeout=10)

    # The device flow polled before anyone approved (RFC 8628 §3.5).
    device = requests.post(meta["device_authorization_endpoint"], data={"scope": "openid"}, auth=(client_id, secret), timeout=10)
    device.raise_for_status()
    out["device_pending"] = raw(requests.post(token_url, data={"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": device.json()["device_code"]},
                                              auth=(client_id, secret), headers=headers, timeout=10))

    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
