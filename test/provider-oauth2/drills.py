"""Drills an independent OAuth 2 client runs against `oauth-doctor serve --oauth2`.

Authlib 1.2 (Debian python3-authlib) for the code grant with PKCE, refresh,
revocation, introspection and client_secret_jwt; requests-oauthlib 1.3 /
oauthlib 3.2 (Debian) for a code grant and client credentials; requests for
the refusals, so the status and body are seen as sent. Each drill sets the
fault switches it needs through POST /admin/settings and puts them back.

Usage: drills.py CONFIG_JSON DRILL...   (prints one JSON object: drill -> result)
"""
import base64
import hashlib
import json
import os
import secrets
import sys
import time
import urllib.parse

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.integrations.base_client.errors import OAuthError
from authlib.oauth2.rfc7523 import ClientSecretJWT
from oauthlib.oauth2 import BackendApplicationClient
from requests_oauthlib import OAuth2Session as OAuthlibSession

# oauthlib refuses http:// unless told: this provider is on loopback only.
os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
CONFIG = json.loads(sys.argv[1])
ISSUER = CONFIG["issuer"]
CLIENT_ID = CONFIG["clientId"]
SECRET = CONFIG["secret"]
PUBLIC_ID = CONFIG["publicClientId"]
# Not listened on: the drills read the redirect's Location (a loopback port, RFC 8252 §7.3).
REDIRECT = "http://127.0.0.1:53682/callback"
META = requests.get(ISSUER + "/.well-known/openid-configuration", timeout=10).json()
TOKEN = META["token_endpoint"]
DEFAULTS = None


def admin(**settings):
    body = {k: (str(v).lower() if isinstance(v, bool) else str(v)) for k, v in settings.items()}
    r = requests.post(ISSUER + "/admin/settings", data=body, timeout=10)
    r.raise_for_status()
    return r.json()["settings"]


def state():
    return requests.get(ISSUER + "/admin/state", timeout=10).json()


def clear_truth():
    requests.post(ISSUER + "/admin/clear-ground-truth", timeout=10).raise_for_status()


def truth():
    """The engine's reasons since the drill began, without the grant.revoked consequences."""
    return [e for e in state()["groundTruth"] if e["event"] != "grant.revoked"]


def pkce_pair():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def follow(url):
    """Follows the provider's redirects (login and consent are auto-approved) to the redirect URI."""
    browser = requests.Session()
    for _ in range(10):
        r = browser.get(url, allow_redirects=False, timeout=10, headers={"accept": "text/html"})
        location = r.headers.get("location")
        if r.status_code not in (302, 303) or location is None:
            return {"page": r.status_code, "body": r.text[:2000]}
        url = urllib.parse.urljoin(url, location)
        if not url.startswith(ISSUER):
            query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
            return {"callback": url, "query": query}
    return {"page": "too many redirects"}


def authorize(client_id=None, redirect=REDIRECT, challenge=None, scope="openid profile offline_access"):
    params = {"response_type": "code", "client_id": client_id or CLIENT_ID, "redirect_uri": redirect, "scope": scope, "state": secrets.token_urlsafe(8), "prompt": "consent"}
    if challenge is not None:
        params.update(code_challenge=challenge, code_challenge_method="S256")
    return follow(META["authorization_endpoint"] + "?" + urllib.parse.urlencode(params))


def token_request(form, auth=(CLIENT_ID, SECRET)):
    r = requests.post(TOKEN, data=form, auth=auth, timeout=30)
    try:
        body = r.json()
    except ValueError:
        body = {"text": r.text[:500]}
    return {"status": r.status_code, "body": body, "contentType": r.headers.get("content-type", "")}


def code_form(code, verifier=None, redirect=REDIRECT):
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect}
    if verifier is not None:
        form["code_verifier"] = verifier
    return form


def fresh_code():
    verifier, challenge = pkce_pair()
    got = authorize(challenge=challenge)
    return got["query"]["code"], verifier


def authlib_session():
    return OAuth2Session(CLIENT_ID, SECRET, scope="openid profile offline_access", redirect_uri=REDIRECT, code_challenge_method="S256")


def authlib_tokens():
    session = authlib_session()
    verifier = secrets.token_urlsafe(48)
    url, _state = session.create_authorization_url(META["authorization_endpoint"], code_verifier=verifier, prompt="consent")
    got = follow(url)
    token = session.fetch_token(TOKEN, authorization_response=got["callback"], code_verifier=verifier)
    return session, token


# ---- the drills -------------------------------------------------------------------------------

def drill_code_pkce():
    """Authlib: code + PKCE, userinfo, introspection, refresh with rotation, revocation."""
    session, token = authlib_tokens()
    userinfo = session.get(META["userinfo_endpoint"]).json()
    introspected = session.introspect_token(META["introspection_endpoint"], token=token["access_token"]).json()
    first_refresh = token["refresh_token"]
    refreshed = session.refresh_token(TOKEN, refresh_token=first_refresh)
    revoked = session.revoke_token(META["revocation_endpoint"], token=refreshed["refresh_token"], token_type_hint="refresh_token")
    after = session.introspect_token(META["introspection_endpoint"], token=refreshed["refresh_token"]).json()
    return {
        "tokenType": token["token_type"], "idToken": "id_token" in token, "sub": userinfo.get("sub"),
        "active": introspected.get("active"), "rotated": refreshed["refresh_token"] != first_refresh,
        "revokeStatus": revoked.status_code, "activeAfterRevoke": after.get("active"),
    }


def drill_oauthlib_code_and_client_credentials():
    """requests-oauthlib: a confidential client's code grant (no PKCE) and client credentials."""
    session = OAuthlibSession(CLIENT_ID, redirect_uri=REDIRECT, scope=["openid"])
    url, _state = session.authorization_url(META["authorization_endpoint"], prompt="consent")
    got = follow(url)
    token = session.fetch_token(TOKEN, authorization_response=got["callback"], client_secret=SECRET, include_client_id=True)
    backend = OAuthlibSession(client=BackendApplicationClient(client_id=CLIENT_ID))
    cc = backend.fetch_token(TOKEN, client_id=CLIENT_ID, client_secret=SECRET, include_client_id=True)
    return {"code": "access_token" in token, "clientCredentials": "access_token" in cc, "ccRefresh": "refresh_token" in cc}


def drill_code_reuse():
    code, verifier = fresh_code()
    first = token_request(code_form(code, verifier))
    clear_truth()
    second = token_request(code_form(code, verifier))
    # RFC 6749 §4.1.2: tokens issued from a reused code SHOULD be revoked.
    intro = requests.post(META["introspection_endpoint"], data={"token": first["body"]["access_token"]}, auth=(CLIENT_ID, SECRET), timeout=10).json()
    return {"first": first["status"], "second": second, "firstTokenActive": intro.get("active"), "truth": truth(), "revoked": [e for e in state()["groundTruth"] if e["event"] == "grant.revoked"]}


def drill_code_expired():
    admin(codeTtlSec=1)
    try:
        code, verifier = fresh_code()
        time.sleep(2.1)
        clear_truth()
        return {"answer": token_request(code_form(code, verifier)), "truth": truth()}
    finally:
        admin(codeTtlSec=DEFAULTS["codeTtlSec"])


def drill_pkce_wrong_verifier():
    code, _verifier = fresh_code()
    clear_truth()
    return {"answer": token_request(code_form(code, pkce_pair()[0])), "truth": truth()}


def drill_pkce_lost_verifier():
    code, _verifier = fresh_code()
    clear_truth()
    return {"answer": token_request(code_form(code)), "truth": truth()}


def drill_pkce_required():
    admin(pkceRequired=True)
    try:
        clear_truth()
        without = authorize()
        with_pkce = authorize(challenge=pkce_pair()[1])
        return {"without": without.get("query"), "withPkce": "code" in with_pkce.get("query", {}), "truth": truth()}
    finally:
        admin(pkceRequired=False)


def drill_public_client_needs_pkce():
    clear_truth()
    return {"without": authorize(client_id=PUBLIC_ID).get("query"), "truth": truth()}


def drill_refresh_replay():
    _session, token = authlib_tokens()
    old = token["refresh_token"]
    rotated = token_request({"grant_type": "refresh_token", "refresh_token": old})
    new = rotated["body"]["refresh_token"]
    clear_truth()
    replay = token_request({"grant_type": "refresh_token", "refresh_token": old})
    replay_truth = truth()
    revoked = [e for e in state()["groundTruth"] if e["event"] == "grant.revoked"]
    clear_truth()
    # The whole family is gone: the newest refresh token no longer works either (RFC 9700 §4.14.2).
    family = token_request({"grant_type": "refresh_token", "refresh_token": new})
    return {"rotated": new != old, "replay": replay, "replayTruth": replay_truth, "revoked": revoked, "family": family, "familyTruth": truth()}


def drill_refresh_no_rotation():
    admin(rotateRefreshToken=False)
    try:
        _session, token = authlib_tokens()
        old = token["refresh_token"]
        first = token_request({"grant_type": "refresh_token", "refresh_token": old})
        second = token_request({"grant_type": "refresh_token", "refresh_token": old})
        return {"first": first["status"], "sameToken": first["body"].get("refresh_token", old) == old, "second": second["status"]}
    finally:
        admin(rotateRefreshToken=True)


def drill_refresh_expired():
    admin(refreshTokenTtlSec=1)
    try:
        _session, token = authlib_tokens()
        time.sleep(2.1)
        clear_truth()
        return {"answer": token_request({"grant_type": "refresh_token", "refresh_token": token["refresh_token"]}), "truth": truth()}
    finally:
        admin(refreshTokenTtlSec=DEFAULTS["refreshTokenTtlSec"])


def drill_access_token_expired():
    admin(accessTokenTtlSec=1)
    try:
        _session, token = authlib_tokens()
        # Time passes on the provider: its clock moves past the lifetime and the 5 s tolerance.
        admin(clockSkewSec=10)
        clear_truth()
        r = requests.get(META["userinfo_endpoint"], headers={"authorization": "Bearer " + token["access_token"]}, timeout=10)
        return {"status": r.status_code, "wwwAuthenticate": r.headers.get("www-authenticate", ""), "truth": truth()}
    finally:
        admin(accessTokenTtlSec=DEFAULTS["accessTokenTtlSec"], clockSkewSec=0)


def drill_revoke_grant():
    _session, token = authlib_tokens()
    grants = [g for g in state()["grants"] if g["artifacts"].get("RefreshToken")]
    grant_id = grants[-1]["grantId"]
    revoked = requests.post(ISSUER + "/admin/revoke-grant", data={"grantId": grant_id}, timeout=10)
    clear_truth()
    refresh = token_request({"grant_type": "refresh_token", "refresh_token": token["refresh_token"]})
    intro = requests.post(META["introspection_endpoint"], data={"token": token["access_token"]}, auth=(CLIENT_ID, SECRET), timeout=10).json()
    again = requests.post(ISSUER + "/admin/revoke-grant", data={"grantId": grant_id}, timeout=10)
    return {"revoked": revoked.status_code, "refresh": refresh, "active": intro.get("active"), "again": again.status_code, "truth": truth()}


def jwt_client_credentials(**claims):
    session = OAuth2Session(CLIENT_ID, SECRET, token_endpoint_auth_method=ClientSecretJWT(TOKEN, claims=claims or None))
    try:
        session.fetch_token(TOKEN, grant_type="client_credentials")
        return {"ok": True}
    except OAuthError as error:
        return {"ok": False, "error": error.error, "description": error.description}


def drill_clock_skew():
    results = {}
    # The provider's clock 10 minutes behind: an assertion with nbf = now is from its future.
    admin(clockSkewSec=-600)
    try:
        clear_truth()
        r = requests.get(ISSUER + "/.well-known/openid-configuration", timeout=10)
        results["dateOffset"] = round(time.mktime(time.strptime(r.headers["date"], "%a, %d %b %Y %H:%M:%S GMT")) - time.mktime(time.gmtime()))
        results["behind"] = jwt_client_credentials(nbf=int(time.time()))
        results["behindTruth"] = truth()
        # The provider's clock 10 minutes ahead: an assertion living 60 s is long expired there.
        admin(clockSkewSec=600)
        clear_truth()
        results["ahead"] = jwt_client_credentials(exp=int(time.time()) + 60)
        results["aheadTruth"] = truth()
        # ID token iat is the provider's.
        _session, token = authlib_tokens()
        payload = token["id_token"].split(".")[1]
        results["idTokenIatOffset"] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["iat"] - int(time.time())
    finally:
        admin(clockSkewSec=0)
    results["inTime"] = jwt_client_credentials()
    return results


def drill_consent_denied():
    admin(consentDenied=True)
    try:
        clear_truth()
        return {"query": authorize(challenge=pkce_pair()[1]).get("query"), "truth": truth()}
    finally:
        admin(consentDenied=False)


def drill_redirect_matching():
    any_port = authorize(challenge=pkce_pair()[1])
    admin(redirectMatching="exact")
    try:
        clear_truth()
        exact_other_port = authorize(challenge=pkce_pair()[1])
        exact_registered = authorize(redirect="http://127.0.0.1/callback", challenge=pkce_pair()[1])
        return {"anyPort": "code" in any_port.get("query", {}), "exactOtherPort": exact_other_port, "exactRegistered": "code" in exact_registered.get("query", {}), "truth": truth()}
    finally:
        admin(redirectMatching="loopback-any-port")


def drill_device_slow_down():
    admin(deviceIntervalSec=2)
    try:
        r = requests.post(META["device_authorization_endpoint"], data={"scope": "openid"}, auth=(CLIENT_ID, SECRET), timeout=10).json()
        poll = {"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": r["device_code"]}
        clear_truth()
        first = token_request(poll)
        second = token_request(poll)
        time.sleep(2.2)
        # The interval is now 2 + 5 s (RFC 8628 §3.5): 2.2 s later is still too soon.
        third = token_request(poll)
        return {"interval": r.get("interval"), "first": first["body"].get("error"), "second": second, "third": third["body"].get("error"), "truth": truth()}
    finally:
        admin(deviceIntervalSec=DEFAULTS["deviceIntervalSec"])


def drill_token_slow():
    admin(tokenSlowMs=700)
    try:
        started = time.monotonic()
        answer = token_request({"grant_type": "client_credentials"})
        return {"status": answer["status"], "seconds": time.monotonic() - started}
    finally:
        admin(tokenSlowMs=0)


def drill_token_outage():
    admin(tokenFailure=502)
    try:
        clear_truth()
        answer = token_request({"grant_type": "client_credentials"})
        return {"status": answer["status"], "contentType": answer["contentType"], "truth": truth()}
    finally:
        admin(tokenFailure="off")


def drill_wrong_secret():
    clear_truth()
    return {"answer": token_request({"grant_type": "client_credentials"}, auth=(CLIENT_ID, SECRET + "x")), "truth": truth()}


def drill_as_started():
    """No switch changed: what the flags alone do (a confidential client without PKCE, a loopback port, the clock)."""
    r = requests.get(ISSUER + "/.well-known/openid-configuration", timeout=10)
    offset = round(time.mktime(time.strptime(r.headers["date"], "%a, %d %b %Y %H:%M:%S GMT")) - time.mktime(time.gmtime()))
    device = requests.post(META["device_authorization_endpoint"], data={"scope": "openid"}, auth=(CLIENT_ID, SECRET), timeout=10).json()
    started = time.monotonic()
    cc = token_request({"grant_type": "client_credentials"})
    return {
        "withoutPkce": authorize(redirect="http://127.0.0.1/callback").get("query"),
        "otherPort": authorize(challenge=pkce_pair()[1]).get("page"),
        "registered": sorted(authorize(redirect="http://127.0.0.1/callback", challenge=pkce_pair()[1]).get("query", {}).keys()),
        "dateOffset": offset, "interval": device.get("interval"), "ccStatus": cc["status"], "ccSeconds": time.monotonic() - started,
        "ccExpiresIn": cc["body"].get("expires_in"),
    }


def main():
    global DEFAULTS
    DEFAULTS = state()["settings"]
    out = {}
    for name in sys.argv[2:]:
        try:
            out[name] = globals()["drill_" + name.replace("-", "_")]()
        except Exception as error:  # noqa: BLE001 -- reported to the test, which fails on it
            out[name] = {"exception": f"{type(error).__name__}: {error}"}
    print(json.dumps(out))


main()
