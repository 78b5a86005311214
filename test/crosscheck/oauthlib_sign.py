"""Signs a batch of requests with Python's oauthlib, an implementation
independent of ours, for test/crosscheck/oauthlib.test.ts.

Input on stdin, one JSON document:
  {"rsaKey": PEM or null, "cases": [{"id", "method", "url", "authorization",
   "formBody" (str or null: only a form-encoded body is a parameter source),
   "otherBody" (str or null: a body to hash for oauth_body_hash),
   "signatureMethod", "consumerSecret", "tokenSecret"}]}
Output on stdout, one JSON document:
  {"oauthlib": version, "results": [{"id", "baseStringUri", "normalized",
   "baseString", "signature", "bodyHash"} or {"id", "error"}]}

Only oauthlib's own functions compute: collect_parameters (which also parses
the Authorization header we built), normalize_parameters, base_string_uri,
signature_base_string and the sign_*_with_client functions.
"""
import base64
import hashlib
import json
import sys
import urllib.parse

import oauthlib
from oauthlib.common import urldecode
from oauthlib.oauth1.rfc5849 import signature


class Client:
    """The attributes the sign_*_with_client functions read."""

    def __init__(self, case, rsa_key):
        self.client_secret = case["consumerSecret"]
        self.resource_owner_secret = case["tokenSecret"]
        self.rsa_key = rsa_key


SIGNERS = {
    "HMAC-SHA1": signature.sign_hmac_sha1_with_client,
    "HMAC-SHA256": signature.sign_hmac_sha256_with_client,
    "HMAC-SHA512": signature.sign_hmac_sha512_with_client,
    "RSA-SHA1": signature.sign_rsa_sha1_with_client,
    "RSA-SHA256": signature.sign_rsa_sha256_with_client,
    "RSA-SHA512": signature.sign_rsa_sha512_with_client,
    "PLAINTEXT": signature.sign_plaintext_with_client,
}


def body_hash(content, method):
    # OAuth Request Body Hash draft §3.1: SHA-1 for the SHA-1 methods and
    # PLAINTEXT; the method's own digest for the others (Mastercard: SHA-256).
    digest = hashlib.sha512 if method.endswith("SHA512") else hashlib.sha256 if method.endswith("SHA256") else hashlib.sha1
    return base64.b64encode(digest(content.encode("utf-8")).digest()).decode("ascii")


def sign(case, rsa_key):
    query = urllib.parse.urlparse(case["url"]).query
    # urldecode raises on a body it cannot read, where collect_parameters
    # would silently drop it: decode here so a bad body is an error, not a pass.
    body = urldecode(case["formBody"]) if case["formBody"] is not None else None
    params = signature.collect_parameters(
        uri_query=query, body=body, headers={"Authorization": case["authorization"]}
    )
    normalized = signature.normalize_parameters(params)
    uri = signature.base_string_uri(case["url"])
    base_string = signature.signature_base_string(case["method"], uri, normalized)
    signer = SIGNERS[case["signatureMethod"]]
    result = {
        "id": case["id"],
        "baseStringUri": uri,
        "normalized": normalized,
        "baseString": base_string,
        "signature": signer(base_string, Client(case, rsa_key)),
    }
    if case.get("otherBody") is not None:
        result["bodyHash"] = body_hash(case["otherBody"], case["signatureMethod"])
    return result


def load_rsa_key(pem):
    """Parses the batch's PEM once: cryptography validates an RSA key on every
    load (tens of ms), and PyJWT's prepare_key, which oauthlib calls, passes an
    already-loaded key through unchanged."""
    if pem is None:
        return None
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    return load_pem_private_key(pem.encode("ascii"), password=None)


def main():
    batch = json.load(sys.stdin)
    rsa_key = load_rsa_key(batch.get("rsaKey"))
    results = []
    for case in batch["cases"]:
        try:
            results.append(sign(case, rsa_key))
        except Exception as error:  # reported per case, with its id
            results.append({"id": case["id"], "error": f"{type(error).__name__}: {error}"})
    json.dump({"oauthlib": oauthlib.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
