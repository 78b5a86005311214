"""An independent OAuth 1.0a client: Python oauthlib signs, urllib sends.

Runs the whole flow against the embedded provider and prints one JSON
object with what each step answered. Usage: oauthlib_flow.py BASE_URL KEY SECRET
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

from oauthlib.oauth1 import Client, SIGNATURE_HMAC_SHA1, SIGNATURE_TYPE_AUTH_HEADER, SIGNATURE_TYPE_BODY, SIGNATURE_TYPE_QUERY

BASE, KEY, SECRET = sys.argv[1], sys.argv[2], sys.argv[3]
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def send(method, url, headers=None, body=None):
    data = body.encode("utf-8") if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with opener.open(request) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def signed(client, method, url, body=None):
    headers = dict(FORM) if body is not None else {}
    uri, headers, body = client.sign(url, http_method=method, body=body, headers=headers)
    return send(method, uri, headers, body)


def step(status, headers, body):
    return {"status": status, "body": body, "www_authenticate": headers.get("WWW-Authenticate") or headers.get("www-authenticate")}


results = {}

# Happy path, protocol parameters in the Authorization header.
client = Client(KEY, client_secret=SECRET, callback_uri="http://127.0.0.1:9/cb", signature_method=SIGNATURE_HMAC_SHA1)
status, headers, body = signed(client, "POST", BASE + "/oauth/request_token")
results["request_token"] = step(status, headers, body)
temporary = dict(urllib.parse.parse_qsl(body))

status, headers, _ = send("GET", BASE + "/oauth/authorize?" + urllib.parse.urlencode({"oauth_token": temporary.get("oauth_token", ""), "action": "approve"}))
location = headers.get("Location") or headers.get("location") or ""
verifier = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query)).get("oauth_verifier", "")
results["authorize"] = {"status": status, "has_verifier": bool(verifier)}

client = Client(KEY, client_secret=SECRET, resource_owner_key=temporary.get("oauth_token"), resource_owner_secret=temporary.get("oauth_token_secret"), verifier=verifier)
status, headers, body = signed(client, "POST", BASE + "/oauth/access_token")
results["access_token"] = step(status, headers, body)
access = dict(urllib.parse.parse_qsl(body))

# The resource with query and form parameters, protocol parameters in each of the three places (RFC 5849 §3.5).
for name, signature_type in (("header", SIGNATURE_TYPE_AUTH_HEADER), ("body", SIGNATURE_TYPE_BODY), ("query", SIGNATURE_TYPE_QUERY)):
    client = Client(KEY, client_secret=SECRET, resource_owner_key=access.get("oauth_token"), resource_owner_secret=access.get("oauth_token_secret"), signature_type=signature_type)
    status, headers, body = signed(client, "POST", BASE + "/api/me?q=caf%C3%A9&tag=a+b", body="status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21&include_entities=true")
    results["resource_" + name] = step(status, headers, body)

# signature_invalid: the right key, the wrong secret.
client = Client(KEY, client_secret="not-the-secret", callback_uri="oob")
status, headers, body = signed(client, "POST", BASE + "/oauth/request_token")
results["signature_invalid"] = step(status, headers, body)

print(json.dumps(results))
