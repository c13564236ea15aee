"""A partner's test against the stateful mock, Python standard library only (no requests, no SDK).

Start the mock first (the binary, docker or npx: docs/mock-servers.md). PARTOO_URL and ARGYLE_URL default to
its ports.
"""
import base64
import json
import os
import urllib.error
import urllib.request

PARTOO = os.environ.get("PARTOO_URL", "http://127.0.0.1:4010")
ARGYLE = os.environ.get("ARGYLE_URL", "http://127.0.0.1:4011")
# Production's base URL is https://api.partoo.co/v2: the mock serves the same paths under /v2 and without it.
PARTOO_API = PARTOO + "/v2"
PARTOO_KEY = {"x-APIKey": "mock-partoo-api-key"}
ARGYLE_BASIC = base64.b64encode(b"mock-argyle-key-id:mock-argyle-key-secret").decode()
ARGYLE_AUTH = {"Authorization": "Basic " + ARGYLE_BASIC}
TEN_DAYS_MS = 10 * 24 * 60 * 60 * 1000


def call(method, url, headers=None, body=None):
    """The status and the JSON body, for an error status too (urllib raises on those)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={**(headers or {})})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def send(phone):
    invitation = {"business_id": "my-business", "target_phone": phone, "invite_content": "Thanks! @link"}
    return call("POST", PARTOO_API + "/review_booster/send_invitation", PARTOO_KEY, invitation)


def invitation_status(invitation_id):
    url = PARTOO_API + "/review_booster/invitation_status?invitation_id=" + invitation_id
    return call("GET", url, PARTOO_KEY)[1]["status"]


# Each test starts from an empty mock on a rewound clock.
call("POST", PARTOO + "/__mock/reset")

status, sent = send("+33601020304")
print("send:", status, sent["status"])
print("status:", invitation_status(sent["invitation_id"]))

# Partoo's 10-day rule: a second SMS to the same number is refused. Match on the status and the field.
status, refused = send("+33601020304")
print("repeat:", status, json.dumps(refused))

# The mock's clock, not the wall clock: 2 s takes the invitation CREATED -> SENT -> DELIVERED.
call("POST", PARTOO + "/__mock/advance-time", body={"ms": 2000})
print("status:", invitation_status(sent["invitation_id"]))

call("POST", PARTOO + "/__mock/advance-time", body={"ms": TEN_DAYS_MS})
status, again = send("+33601020304")
print("ten days later:", status, again["status"])

# Argyle's invites, 5 seeded, two per page: follow `next` until it is null.
url, pages = ARGYLE + "/v2/invites?limit=2", []
while url:
    status, page = call("GET", url, ARGYLE_AUTH)
    pages.append(len(page["results"]))
    url = page["next"]
print("argyle pages:", pages)

# Inspection: the SMS a number got, and the newest request of either API (method, path, status; never a header or
# body).
sent_to = PARTOO + "/__mock/sent?business_id=my-business&target_phone=%2B33601020304"
print("sms to +33601020304:", call("GET", sent_to)[1]["count"])
newest = call("GET", PARTOO + "/__mock/requests?limit=1")[1]["requests"][0]
print("last request:", newest["method"], newest["path"], newest["status"])

# A fault for the next send: the SMS goes out, then the answer fails, as a guard must check and never repeat.
call("POST", PARTOO + "/__mock/faults", body={"fault": "acted-then-500", "path": "/review_booster/send_invitation"})
status, _ = send("+33601020305")
acted = call("GET", PARTOO + "/__mock/sent?business_id=my-business&target_phone=%2B33601020305")[1]["count"]
left = call("GET", PARTOO + "/__mock/faults")[1]["faults"]
print("acted then 500:", status, "sms:", acted, "faults left:", len(left))

status, denied = call("GET", PARTOO_API + "/review_booster/template", {"x-APIKey": "wrong"})
print("wrong key:", status, json.dumps(denied))
