#!/bin/sh
# The stateful mock from the shell: send, Partoo's 10-day 400, DELIVERED once the mock's clock moves, Argyle's
# invites. PARTOO_URL and ARGYLE_URL default to the mock's ports. Each line prints the body, then the status.
set -eu
PARTOO=${PARTOO_URL:-http://127.0.0.1:4010}
ARGYLE=${ARGYLE_URL:-http://127.0.0.1:4011}
KEY='x-APIKey: mock-partoo-api-key'
INVITATION='{"business_id": "my-business", "target_phone": "+33601020304", "invite_content": "Thanks! @link"}'
call() { curl -sS -w ' %{http_code}\n' "$@"; }

call -X POST "$PARTOO/__mock/reset"
sent=$(curl -sS -H "$KEY" -H 'content-type: application/json' -d "$INVITATION" \
  "$PARTOO/v2/review_booster/send_invitation")
echo "$sent"
id=$(echo "$sent" | sed 's/.*"invitation_id":"\([^"]*\)".*/\1/')
call -H "$KEY" -H 'content-type: application/json' -d "$INVITATION" "$PARTOO/v2/review_booster/send_invitation"
call -X POST -d '{"ms": 2000}' "$PARTOO/__mock/advance-time"
call -H "$KEY" "$PARTOO/v2/review_booster/invitation_status?invitation_id=$id"
# SMS sent to one number, as the mock counts them. In a query, + is %2B: a bare + is a space.
call "$PARTOO/__mock/sent?business_id=my-business&target_phone=%2B33601020304"
curl -sS -o /dev/null -w 'argyle invites: %{http_code}\n' -u mock-argyle-key-id:mock-argyle-key-secret \
  "$ARGYLE/v2/invites"
call -u mock-argyle-key-id:wrong "$ARGYLE/v2/invites"
