"""Independent checks of oauth-doctor's OAuth 2 values: Authlib computes PKCE
challenges, PyJWT verifies client assertions and reads Basic credentials the
way a server does. JSON on stdin, JSON on stdout."""
import base64
import json
import sys
from urllib.parse import unquote_plus

import authlib
import jwt
from authlib.oauth2.rfc7636 import create_s256_code_challenge

job = json.load(sys.stdin)
out = {"authlib": authlib.__version__, "pyjwt": jwt.__version__, "pkce": [], "assertions": [], "basic": []}
for verifier in job.get("pkce", []):
    out["pkce"].append(create_s256_code_challenge(verifier))
for case in job.get("assertions", []):
    try:
        claims = jwt.decode(case["jwt"], case["key"], algorithms=[case["alg"]], audience=case["aud"], issuer=case["iss"],
                            options={"require": ["exp", "iat", "jti", "sub", "iss", "aud"], "verify_iat": False})
        out["assertions"].append({"ok": True, "claims": claims, "header": jwt.get_unverified_header(case["jwt"])})
    except Exception as error:  # noqa: BLE001 - the test reads the class name
        out["assertions"].append({"ok": False, "error": type(error).__name__})
for header in job.get("basic", []):
    # RFC 6749 §2.3.1 as a server reads it: base64, split at the first colon, form-decode each half.
    decoded = base64.b64decode(header.split(" ", 1)[1]).decode("utf-8")
    cid, _, secret = decoded.partition(":")
    out["basic"].append([unquote_plus(cid), unquote_plus(secret)])
json.dump(out, sys.stdout)
