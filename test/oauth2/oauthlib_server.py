"""An independent OAuth 2.0 authorization server for the flow tests: Python
oauthlib's endpoints (Debian python3-oauthlib) behind http.server on
127.0.0.1. Code with PKCE (S256), client credentials, refresh with rotation,
revocation (RFC 7009), introspection (RFC 7662), RFC 8414 metadata and a
bearer-protected /me (RFC 6750); the authorization endpoint approves at once. Prints one JSON line {"issuer": …}."""
import base64
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote_plus

from oauthlib.oauth2 import (IntrospectEndpoint, MetadataEndpoint, RequestValidator, RevocationEndpoint, Server)
from oauthlib.oauth2.rfc6749.errors import OAuth2Error

CLIENT_ID = "py-client"
CLIENT_SECRET = "py-secret value/+"
codes, tokens, refresh_tokens = {}, {}, {}


class Validator(RequestValidator):
    def client_authentication_required(self, request, *args, **kwargs):
        return True

    def authenticate_client(self, request, *args, **kwargs):
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            cid, _, secret = base64.b64decode(auth[6:]).decode("utf-8").partition(":")
            cid, secret = unquote_plus(cid), unquote_plus(secret)
        else:
            cid, secret = request.client_id, getattr(request, "client_secret", None)
        if cid == CLIENT_ID and secret == CLIENT_SECRET:
            request.client = type("Client", (), {"client_id": cid})()
            request.client_id = cid
            return True
        return False

    def authenticate_client_id(self, client_id, request, *args, **kwargs):
        return False

    def validate_client_id(self, client_id, request, *args, **kwargs):
        return client_id == CLIENT_ID

    def validate_redirect_uri(self, client_id, redirect_uri, request, *args, **kwargs):
        return redirect_uri.startswith("http://127.0.0.1:")

    def get_default_redirect_uri(self, client_id, request, *args, **kwargs):
        return None

    def validate_response_type(self, client_id, response_type, client, request, *args, **kwargs):
        return response_type == "code"

    def validate_scopes(self, client_id, scopes, client, request, *args, **kwargs):
        return all(s in ("api", "read") for s in scopes)

    def get_default_scopes(self, client_id, request, *args, **kwargs):
        return ["api"]

    def is_pkce_required(self, client_id, request):
        return True

    def save_authorization_code(self, client_id, code, request, *args, **kwargs):
        codes[code["code"]] = {"client_id": client_id, "redirect_uri": request.redirect_uri, "scopes": request.scopes,
                               "challenge": request.code_challenge, "method": request.code_challenge_method}

    def validate_code(self, client_id, code, client, request, *args, **kwargs):
        record = codes.get(code)
        if not record or record["client_id"] != client_id:
            return False
        request.scopes = record["scopes"]
        request.user = "alice"
        return True

    def get_code_challenge(self, code, request):
        return codes.get(code, {}).get("challenge")

    def get_code_challenge_method(self, code, request):
        return codes.get(code, {}).get("method")

    def confirm_redirect_uri(self, client_id, code, redirect_uri, client, request, *args, **kwargs):
        return codes.get(code, {}).get("redirect_uri") == redirect_uri

    def invalidate_authorization_code(self, client_id, code, request, *args, **kwargs):
        codes.pop(code, None)

    def validate_grant_type(self, client_id, grant_type, client, request, *args, **kwargs):
        return grant_type in ("authorization_code", "client_credentials", "refresh_token")

    def save_bearer_token(self, token, request, *args, **kwargs):
        tokens[token["access_token"]] = {"scope": token.get("scope", ""), "active": True}
        if "refresh_token" in token:
            refresh_tokens[token["refresh_token"]] = {"scopes": request.scopes, "active": True}

    def validate_refresh_token(self, refresh_token, client, request, *args, **kwargs):
        record = refresh_tokens.get(refresh_token)
        if not record or not record["active"]:
            return False
        request.user = "alice"
        return True

    def get_original_scopes(self, refresh_token, request, *args, **kwargs):
        return refresh_tokens[refresh_token]["scopes"]

    def rotate_refresh_token(self, request):
        return True

    def revoke_token(self, token, token_type_hint, request, *args, **kwargs):
        for table in (tokens, refresh_tokens):
            if token in table:
                table[token]["active"] = False

    def validate_bearer_token(self, token, scopes, request):
        record = tokens.get(token)
        if not record or not record["active"]:
            return False
        request.client_id, request.user, request.scopes = CLIENT_ID, "alice", scopes
        return True

    def introspect_token(self, token, token_type_hint, request, *args, **kwargs):
        record = tokens.get(token)
        if not record or not record["active"]:
            return None
        return {"scope": record["scope"], "client_id": CLIENT_ID}


validator = Validator()
server = Server(validator)
revocation = RevocationEndpoint(validator)
introspection = IntrospectEndpoint(validator)
issuer = ""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, headers, body, status):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body.encode("utf-8")) if body else 0))
        self.end_headers()
        if body:
            self.wfile.write(body.encode("utf-8"))

    def do_GET(self):
        uri = issuer + self.path
        if self.path.startswith("/.well-known/oauth-authorization-server") or self.path.startswith("/.well-known/openid-configuration"):
            metadata = MetadataEndpoint([server, revocation, introspection], claims={
                "issuer": issuer,
                "authorization_endpoint": issuer + "/authorize",
                "token_endpoint": issuer + "/token",
                "revocation_endpoint": issuer + "/revoke",
                "introspection_endpoint": issuer + "/introspect",
                "code_challenge_methods_supported": ["S256"],
            }, raise_errors=False)  # oauthlib wants https issuers; this one is on loopback
            if self.path.startswith("/.well-known/openid-configuration"):
                return self.answer({"Content-Type": "text/plain"}, "not an OpenID provider", 404)
            return self.answer(*metadata.create_metadata_response(uri, "GET"))
        if self.path.startswith("/authorize"):
            try:
                scopes, credentials = server.validate_authorization_request(uri, "GET", None, dict(self.headers))
                headers, body, status = server.create_authorization_response(uri, "GET", None, dict(self.headers), scopes, credentials)
            except OAuth2Error as error:
                return self.answer({"Content-Type": "application/json"}, error.json, error.status_code)
            return self.answer(headers, body, status)
        if self.path.startswith("/me"):
            # A resource: oauthlib's ResourceEndpoint checks the bearer token (RFC 6750 §2.1); a refusal says invalid_token (§3.1).
            valid, request = server.verify_request(uri, "GET", None, dict(self.headers), scopes=[])
            if not valid:
                return self.answer({"Content-Type": "application/json", "WWW-Authenticate": 'Bearer error="invalid_token"'}, json.dumps({"error": "invalid_token"}), 401)
            return self.answer({"Content-Type": "application/json"}, json.dumps({"sub": request.user}), 200)
        self.answer({}, "", 404)

    def do_POST(self):
        uri = issuer + self.path
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8")
        headers = dict(self.headers)
        if self.path == "/token":
            return self.answer(*server.create_token_response(uri, "POST", body, headers))
        if self.path == "/revoke":
            return self.answer(*revocation.create_revocation_response(uri, "POST", body, headers))
        if self.path == "/introspect":
            return self.answer(*introspection.create_introspect_response(uri, "POST", body, headers))
        self.answer({}, "", 404)


httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
issuer = "http://127.0.0.1:%d" % httpd.server_address[1]
print(json.dumps({"issuer": issuer, "clientId": CLIENT_ID, "clientSecret": CLIENT_SECRET}), flush=True)
threading.Thread(target=lambda: (sys.stdin.read(), httpd.shutdown()), daemon=True).start()
httpd.serve_forever()
