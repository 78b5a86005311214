"""Drills an independent OAuth 2 client runs against `oauth-doctor serve --oauth2`.

Authlib 1.2 (Debian python3-authlib) for the code grant with PKCE, refresh,
revocation, introspection, client_secret_jwt and private_key_jwt; PyJWT 2
(Debian python3-jwt) for the assertions Authlib does not make (ES256, a PAR
audience, a replayed jti); requests-oauthlib 1.3 / oauthlib 3.2 (Debian) for a
code grant and client credentials; requests for PAR (RFC 9126, which none of
them sends), the device grant's pages and the refusals, so the status and
body are seen as sent; html.parser for the pages a person fills in. Each
drill sets the fault switches it needs through POST /admin/settings and puts
them back.

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
from html.parser import HTMLParser

import jwt as pyjwt
import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.integrations.base_client.errors import OAuthError
from authlib.oauth2.rfc7523 import ClientSecretJWT, PrivateKeyJWT
from oauthlib.oauth2 import BackendApplicationClient
from requests_oauthlib import OAuth2Session as OAuthlibSession

# oauthlib refuses http:// unless told: this provider is on loopback only.
os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
CONFIG = json.loads(sys.argv[1])
ISSUER = CONFIG["issuer"]
CLIENT_ID = CONFIG["clientId"]
SECRET = CONFIG["secret"]
PUBLIC_ID = CONFIG["publicClientId"]
# private_key_jwt (RFC 7523 §2.2): a client registered with --client-jwks only, and its private keys (PEM);
# `wrong` is a key of the same type and kid that serve was never given.
KEY_CLIENT_ID = CONFIG.get("keyClientId")
KEYS = CONFIG.get("keys", {})
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
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


# ---- a person on the provider's pages --------------------------------------------------------

class Page(HTMLParser):
    """A page's title, text and forms (action, fields, buttons; a button or input outside its form joins it by form=ID)."""

    def __init__(self, html):
        super().__init__()
        self.title, self.text, self.forms = "", [], []
        self._form, self._in_title = None, False
        self.feed(html)
        self.text = " ".join(" ".join(self.text).split())

    def _target(self, attrs):
        owner = attrs.get("form")
        if owner:
            return next((f for f in self.forms if f["id"] == owner), None)
        return self._form

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "form":
            self._form = {"id": attrs.get("id"), "action": attrs.get("action", ""), "fields": {}, "buttons": []}
            self.forms.append(self._form)
        elif tag == "input" and attrs.get("name"):
            form = self._target(attrs)
            if form is not None and attrs.get("type") != "submit":
                form["fields"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "button":
            form = self._target(attrs)
            if form is not None:
                form["buttons"].append({"name": attrs.get("name"), "value": attrs.get("value", "")})

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        else:
            self.text.append(data)


def person(accounts=("alice",), consent="allow", user_codes=(), device="continue"):
    """How a person answers each page, by its title: the accounts typed in turn, Allow or Deny, the user codes typed in turn, Continue or Abort."""
    accounts, user_codes = list(accounts), list(user_codes)

    def choose(page):
        by_action = lambda end: next((f for f in page.forms if f["action"].endswith(end)), None)
        if page.title == "Submitting Callback":  # the engine's self-submitting form (a browser's script would post it)
            return page.forms[0], {}
        if page.title.startswith("Sign in"):
            return by_action("/login"), {"login": accounts.pop(0) if len(accounts) > 1 else accounts[0], "password": "anything"}
        if page.title == "Allow access?":
            return by_action("/confirm" if consent == "allow" else "/abort"), {}
        if page.title == "Connect a device" and user_codes:
            return page.forms[0], {"user_code": user_codes.pop(0)}
        if page.title == "Confirm the device":
            return page.forms[0], ({"abort": "yes"} if device == "abort" else {})
        return None

    return choose


def walk(url, choose, browser=None):
    """Opens url in a browser and acts as `choose` says on each page, up to the redirect URI or a page it leaves alone."""
    browser = browser or requests.Session()
    seen, texts = [], []
    r = browser.get(url, allow_redirects=False, timeout=10, headers={"accept": "text/html"})
    for _ in range(20):
        location = r.headers.get("location")
        if r.status_code in (302, 303) and location is not None:
            url = urllib.parse.urljoin(url, location)
            if not url.startswith(ISSUER):
                return {"callback": url, "query": dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)), "pages": seen, "texts": texts}
            r = browser.get(url, allow_redirects=False, timeout=10, headers={"accept": "text/html"})
            continue
        page = Page(r.text)
        seen.append(page.title)
        texts.append(page.text[page.text.find(page.title) + len(page.title):][:200].strip())
        pick = choose(page)
        if pick is None or pick[0] is None:
            return {"page": r.status_code, "title": page.title, "text": texts[-1], "pages": seen, "texts": texts}
        form, typed = pick
        url = urllib.parse.urljoin(url, form["action"])
        r = browser.post(url, data={**form["fields"], **typed}, allow_redirects=False, timeout=10, headers={"accept": "text/html"})
    return {"page": "too many steps", "pages": seen}


def authorization_url(client_id, challenge, scope="openid profile offline_access", **extra):
    params = {"response_type": "code", "client_id": client_id, "redirect_uri": REDIRECT, "scope": scope, "state": secrets.token_urlsafe(8), "prompt": "consent", "code_challenge": challenge, "code_challenge_method": "S256", **extra}
    return META["authorization_endpoint"] + "?" + urllib.parse.urlencode(params)


def drill_person_code_flow():
    """No --auto-approve: a person signs in (a wrong account is asked again), sees the scopes, and allows or denies."""
    admin(autoApprove=False)
    try:
        verifier, challenge = pkce_pair()
        allowed = walk(authorization_url(CLIENT_ID, challenge), person(accounts=("bob", "alice")))
        consent_text = walk(authorization_url(CLIENT_ID, pkce_pair()[1]), lambda page: person()(page) if page.title.startswith("Sign in") else None)
        token = token_request(code_form(allowed["query"].get("code", ""), verifier))
        clear_truth()
        denied = walk(authorization_url(CLIENT_ID, pkce_pair()[1]), person(consent="deny"))
        cancelled = walk(authorization_url(CLIENT_ID, pkce_pair()[1]), lambda page: (next(f for f in page.forms if f["action"].endswith("/abort")), {}) if page.title.startswith("Sign in") else None)
        return {
            "pages": allowed["pages"], "texts": allowed["texts"], "query": sorted(allowed.get("query", {}).keys()), "token": token["status"], "idToken": "id_token" in token["body"],
            "consentPage": consent_text, "denied": denied.get("query"), "cancelled": cancelled.get("query"), "truth": truth(),
        }
    finally:
        admin(autoApprove=True)


def device_authorization(auth=(CLIENT_ID, SECRET), data=None):
    r = requests.post(META["device_authorization_endpoint"], data={"scope": "openid offline_access", **(data or {})}, auth=auth, timeout=10)
    return r.json()


def drill_device_complete():
    """RFC 8628 to the end: the device asks and polls; the person types a wrong code, then the right one on the
    verification page (§3.3), signs in and allows; the next poll gets tokens (§3.5), a replay of the device code is refused.
    A second device, authenticated with private_key_jwt, is aborted by the person: its poll gets access_denied."""
    admin(autoApprove=False, deviceIntervalSec=1)
    try:
        started = time.monotonic()
        device = device_authorization()
        poll = {"grant_type": DEVICE_GRANT, "device_code": device["device_code"]}
        clear_truth()
        pending = token_request(poll)
        pages = walk(device["verification_uri"], person(user_codes=("WRONG-CODE", device["user_code"])))
        time.sleep(1.1)
        tokens = token_request(poll)
        refreshed = token_request({"grant_type": "refresh_token", "refresh_token": tokens["body"].get("refresh_token", "")})
        replay = token_request(poll)
        approved_truth = truth()
        # The second device: client authentication by private_key_jwt (Authlib's signer), at the device authorization endpoint.
        other = device_authorization(auth=None, data={"client_id": KEY_CLIENT_ID, "client_assertion_type": ASSERTION_TYPE, "client_assertion": private_key_assertion(KEYS["rsa"], META["device_authorization_endpoint"])})
        clear_truth()
        aborted_pages = walk(other["verification_uri_complete"], person(device="abort"))
        aborted = token_request({"grant_type": DEVICE_GRANT, "device_code": other["device_code"], "client_id": KEY_CLIENT_ID, "client_assertion_type": ASSERTION_TYPE, "client_assertion": private_key_assertion(KEYS["rsa"], TOKEN)}, auth=None)
        return {
            "pending": pending["body"].get("error"), "pages": pages["pages"], "texts": pages["texts"],
            "tokens": tokens["status"], "tokenKeys": sorted(tokens["body"].keys()), "refreshed": refreshed["status"], "replay": replay, "truth": approved_truth,
            "otherHasCode": "device_code" in other, "abortedPages": aborted_pages["pages"], "abortedText": aborted_pages.get("text"), "aborted": aborted, "abortedTruth": truth(), "seconds": time.monotonic() - started,
        }
    finally:
        admin(autoApprove=True, deviceIntervalSec=DEFAULTS["deviceIntervalSec"])


# ---- client authentication by assertion (RFC 7523 §2.2) -------------------------------------

def private_key_assertion(key, audience, alg="RS256", client_id=None, **claims):
    """A client assertion made by PyJWT (RFC 7523 §3: iss = sub = client_id, aud, exp, jti)."""
    now = int(time.time())
    client_id = client_id or KEY_CLIENT_ID
    body = {"iss": client_id, "sub": client_id, "aud": audience, "iat": now, "exp": now + 60, "jti": secrets.token_urlsafe(16), **claims}
    return pyjwt.encode(body, key, algorithm=alg)


def assertion_request(url, assertion, form, client_id=None):
    r = requests.post(url, data={**form, "client_id": client_id or KEY_CLIENT_ID, "client_assertion_type": ASSERTION_TYPE, "client_assertion": assertion}, timeout=10)
    try:
        body = r.json()
    except ValueError:
        body = {"text": r.text[:300]}
    return {"status": r.status_code, "body": body}


def drill_private_key_jwt():
    """A client registered with its JWK Set only: Authlib's PrivateKeyJWT (RS256) for client credentials, a code grant with PKCE,
    introspection and revocation; PyJWT's ES256 assertion for the other key; and the refusals, each with the engine's reason."""
    out = {}
    session = OAuth2Session(KEY_CLIENT_ID, KEYS["rsa"], token_endpoint_auth_method=PrivateKeyJWT(TOKEN), revocation_endpoint_auth_method=PrivateKeyJWT(META["revocation_endpoint"]),
                            scope="openid profile offline_access", redirect_uri=REDIRECT, code_challenge_method="S256")
    out["clientCredentials"] = "access_token" in session.fetch_token(TOKEN, grant_type="client_credentials")
    verifier = secrets.token_urlsafe(48)
    url, _state = session.create_authorization_url(META["authorization_endpoint"], code_verifier=verifier, prompt="consent")
    token = session.fetch_token(TOKEN, authorization_response=follow(url)["callback"], code_verifier=verifier)
    out["code"] = sorted(k for k in token.keys() if k in ("access_token", "id_token", "refresh_token"))
    introspect = OAuth2Session(KEY_CLIENT_ID, KEYS["rsa"], revocation_endpoint_auth_method=PrivateKeyJWT(META["introspection_endpoint"]))
    out["active"] = introspect.introspect_token(META["introspection_endpoint"], token=token["access_token"]).json().get("active")
    out["revoke"] = session.revoke_token(META["revocation_endpoint"], token=token["refresh_token"], token_type_hint="refresh_token").status_code
    out["refreshAfterRevoke"] = assertion_request(TOKEN, private_key_assertion(KEYS["rsa"], TOKEN), {"grant_type": "refresh_token", "refresh_token": token["refresh_token"]})["body"].get("error")
    # ES256 (the JWK Set's other key), the issuer as audience (RFC 7523 §3 allows the AS's issuer).
    out["es256"] = assertion_request(TOKEN, private_key_assertion(KEYS["ec"], ISSUER, alg="ES256"), {"grant_type": "client_credentials"})["status"]
    clear_truth()
    refusals = {
        "wrongKey": assertion_request(TOKEN, private_key_assertion(KEYS["wrong"], TOKEN), {"grant_type": "client_credentials"}),
        "wrongAudience": assertion_request(TOKEN, private_key_assertion(KEYS["rsa"], "https://elsewhere.example/token"), {"grant_type": "client_credentials"}),
        "expired": assertion_request(TOKEN, private_key_assertion(KEYS["rsa"], TOKEN, exp=int(time.time()) - 60), {"grant_type": "client_credentials"}),
    }
    replayed = private_key_assertion(KEYS["rsa"], TOKEN)
    assertion_request(TOKEN, replayed, {"grant_type": "client_credentials"})
    refusals["replayedJti"] = assertion_request(TOKEN, replayed, {"grant_type": "client_credentials"})
    refusals["secretInstead"] = token_request({"grant_type": "client_credentials"}, auth=(KEY_CLIENT_ID, "a-guessed-secret"))
    out["refusals"] = {name: {"status": r["status"], "error": r["body"].get("error")} for name, r in refusals.items()}
    out["truth"] = [e.get("detail") for e in truth()]
    return out


def drill_client_secret_jwt():
    """Authlib's ClientSecretJWT (HS256 with the client's secret) on a code grant, introspection and revocation; a wrong secret's assertion is refused."""
    session = OAuth2Session(CLIENT_ID, SECRET, token_endpoint_auth_method=ClientSecretJWT(TOKEN), revocation_endpoint_auth_method=ClientSecretJWT(META["revocation_endpoint"]),
                            scope="openid offline_access", redirect_uri=REDIRECT, code_challenge_method="S256")
    verifier = secrets.token_urlsafe(48)
    url, _state = session.create_authorization_url(META["authorization_endpoint"], code_verifier=verifier, prompt="consent")
    token = session.fetch_token(TOKEN, authorization_response=follow(url)["callback"], code_verifier=verifier)
    introspect = OAuth2Session(CLIENT_ID, SECRET, revocation_endpoint_auth_method=ClientSecretJWT(META["introspection_endpoint"]))
    active = introspect.introspect_token(META["introspection_endpoint"], token=token["access_token"]).json().get("active")
    revoke = session.revoke_token(META["revocation_endpoint"], token=token["access_token"], token_type_hint="access_token").status_code
    after = introspect.introspect_token(META["introspection_endpoint"], token=token["access_token"]).json().get("active")
    clear_truth()
    wrong = assertion_request(TOKEN, private_key_assertion(SECRET + "-not-it", TOKEN, alg="HS256", client_id=CLIENT_ID), {"grant_type": "client_credentials"}, client_id=CLIENT_ID)
    return {"code": "access_token" in token, "active": active, "revoke": revoke, "activeAfterRevoke": after, "wrong": {"status": wrong["status"], "error": wrong["body"].get("error")}, "truth": [e.get("detail") for e in truth()]}


# ---- PAR (RFC 9126) and the other endpoints' refusals ----------------------------------------

def drill_par():
    """RFC 9126: the authorization request pushed first (client_secret_basic; private_key_jwt with the issuer as audience, §2),
    then the authorization endpoint by request_uri only (§4), Authlib's code exchange; and PAR's refusals."""
    endpoint = META["pushed_authorization_request_endpoint"]
    verifier, challenge = pkce_pair()
    request = {"client_id": CLIENT_ID, "response_type": "code", "redirect_uri": REDIRECT, "scope": "openid profile", "state": "par-state", "code_challenge": challenge, "code_challenge_method": "S256"}
    pushed = requests.post(endpoint, data=request, auth=(CLIENT_ID, SECRET), timeout=10)
    body = pushed.json()
    by_reference = META["authorization_endpoint"] + "?" + urllib.parse.urlencode({"client_id": CLIENT_ID, "request_uri": body.get("request_uri", "")})
    got = follow(by_reference)
    session = authlib_session()
    token = session.fetch_token(TOKEN, authorization_response=got["callback"], code_verifier=verifier, state="par-state")
    _v, key_challenge = pkce_pair()
    key_request = {**request, "client_id": KEY_CLIENT_ID, "code_challenge": key_challenge, "client_assertion_type": ASSERTION_TYPE, "client_assertion": private_key_assertion(KEYS["ec"], ISSUER, alg="ES256")}
    key_pushed = requests.post(endpoint, data=key_request, timeout=10)
    key_got = follow(META["authorization_endpoint"] + "?" + urllib.parse.urlencode({"client_id": KEY_CLIENT_ID, "request_uri": key_pushed.json().get("request_uri", "")}))
    clear_truth()
    refusals = {
        "wrongSecret": requests.post(endpoint, data=request, auth=(CLIENT_ID, SECRET + "x"), timeout=10),
        "wrongKey": requests.post(endpoint, data={**key_request, "client_assertion": private_key_assertion(KEYS["wrong"], ISSUER)}, timeout=10),
        "unregisteredRedirect": requests.post(endpoint, data={**request, "redirect_uri": "https://elsewhere.example/callback"}, auth=(CLIENT_ID, SECRET), timeout=10),
    }
    made_up = follow(META["authorization_endpoint"] + "?" + urllib.parse.urlencode({"client_id": CLIENT_ID, "request_uri": "urn:ietf:params:oauth:request_uri:made-up"}))
    return {
        "pushed": pushed.status_code, "expiresIn": body.get("expires_in"), "requestUri": body.get("request_uri", "").startswith("urn:ietf:params:oauth:request_uri:"),
        "query": sorted(got.get("query", {}).keys()), "state": got.get("query", {}).get("state"), "token": "access_token" in token and "id_token" in token,
        "keyPushed": key_pushed.status_code, "keyCode": "code" in key_got.get("query", {}),
        "refusals": {name: {"status": r.status_code, "error": r.json().get("error")} for name, r in refusals.items()},
        "madeUp": [made_up.get("page"), "invalid_request_uri" in made_up.get("body", "")], "truth": [[e.get("step"), e.get("error"), e.get("detail") or e.get("description")] for e in truth()],
    }


def drill_par_required():
    """parRequired (RFC 9126 §5): discovery says so, a plain authorization request is refused, a pushed one still works."""
    admin(parRequired=True)
    try:
        discovery = requests.get(ISSUER + "/.well-known/openid-configuration", timeout=10).json()
        clear_truth()
        plain = authorize(challenge=pkce_pair()[1])
        plain_truth = [[e.get("step"), e.get("error"), e.get("description")] for e in truth()]
        verifier, challenge = pkce_pair()
        pushed = requests.post(META["pushed_authorization_request_endpoint"], data={"client_id": CLIENT_ID, "response_type": "code", "redirect_uri": REDIRECT, "scope": "openid", "code_challenge": challenge, "code_challenge_method": "S256"}, auth=(CLIENT_ID, SECRET), timeout=10).json()
        got = follow(META["authorization_endpoint"] + "?" + urllib.parse.urlencode({"client_id": CLIENT_ID, "request_uri": pushed.get("request_uri", "")}))
        token = token_request(code_form(got.get("query", {}).get("code", ""), verifier))
    finally:
        admin(parRequired=False)
    after = requests.get(ISSUER + "/.well-known/openid-configuration", timeout=10).json()
    return {
        "discovery": discovery.get("require_pushed_authorization_requests"), "plain": plain.get("query"), "truth": plain_truth,
        "pushedCode": "code" in got.get("query", {}), "token": token["status"], "after": after.get("require_pushed_authorization_requests"), "plainAfter": "code" in authorize(challenge=pkce_pair()[1]).get("query", {}),
    }


def drill_endpoint_refusals():
    """userinfo, introspection and revocation refuse what they must (RFC 6750 §3.1, RFC 7662 §2.2–2.3, RFC 7009 §2.2)."""
    _session, token = authlib_tokens()
    clear_truth()
    bogus = requests.get(META["userinfo_endpoint"], headers={"authorization": "Bearer not-a-token"}, timeout=10)
    none = requests.get(META["userinfo_endpoint"], timeout=10)
    intro_wrong = requests.post(META["introspection_endpoint"], data={"token": token["access_token"]}, auth=(CLIENT_ID, SECRET + "x"), timeout=10)
    revoke_wrong = requests.post(META["revocation_endpoint"], data={"token": token["access_token"]}, auth=(CLIENT_ID, SECRET + "x"), timeout=10)
    still = requests.get(META["userinfo_endpoint"], headers={"authorization": "Bearer " + token["access_token"]}, timeout=10)
    refusal_truth = [[e.get("step"), e.get("error"), e.get("detail")] for e in truth()]
    unknown_intro = requests.post(META["introspection_endpoint"], data={"token": "not-a-token"}, auth=(CLIENT_ID, SECRET), timeout=10).json()
    unknown_revoke = requests.post(META["revocation_endpoint"], data={"token": "not-a-token"}, auth=(CLIENT_ID, SECRET), timeout=10)
    revoked = requests.post(META["revocation_endpoint"], data={"token": token["access_token"], "token_type_hint": "access_token"}, auth=(CLIENT_ID, SECRET), timeout=10)
    after = requests.get(META["userinfo_endpoint"], headers={"authorization": "Bearer " + token["access_token"]}, timeout=10)
    return {
        "bogus": [bogus.status_code, bogus.headers.get("www-authenticate", "")], "none": [none.status_code, none.headers.get("www-authenticate", "")],
        "introWrong": [intro_wrong.status_code, intro_wrong.json().get("error")], "revokeWrong": [revoke_wrong.status_code, revoke_wrong.json().get("error")],
        "stillWorks": still.status_code, "truth": refusal_truth, "unknownIntrospection": unknown_intro, "unknownRevocation": unknown_revoke.status_code,
        "revoked": revoked.status_code, "afterRevoke": after.status_code,
    }


def main():
    global DEFAULTS
    DEFAULTS = state()["settings"]
    out = {}
    for name in sys.argv[2:]:
        started = time.monotonic()
        try:
            out[name] = globals()["drill_" + name.replace("-", "_")]()
        except Exception as error:  # noqa: BLE001 -- reported to the test, which fails on it
            out[name] = {"exception": f"{type(error).__name__}: {error}"}
        print(f"drill {name}: {time.monotonic() - started:.2f} s", file=sys.stderr)
    print(json.dumps(out))


main()
