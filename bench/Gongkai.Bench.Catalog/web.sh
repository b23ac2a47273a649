#!/bin/sh
# Public column and item page throughput (issue 4: each ≥ 3,000 requests/s under wrk on 2 cores).
# Starts the web app in Release on a fresh SQLite database with the demo county, waits for it,
# runs wrk -t2 -c64 -d15s against a column page and an item page (anonymous, so the output cache
# serves them), then stops the app and deletes the data folder.
# Usage: sh bench/Gongkai.Bench.Catalog/web.sh [PORT]   (needs wrk: apt-get install wrk)
set -eu
cd "$(dirname "$0")/../.."
PORT=${1:-5391}
DATA=$(mktemp -d /tmp/gongkai-bench-web-XXXXXX)
dotnet build -c Release src/Gongkai.Web -v q -nologo >/dev/null
ASPNETCORE_URLS=http://127.0.0.1:$PORT Database__DataDir=$DATA Logging__LogLevel__Default=Warning \
  dotnet src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
i=0
until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
  i=$((i+1)); [ $i -gt 300 ] && { echo "app did not start"; cat "$DATA/app.log"; exit 1; }; sleep 1
done
COLUMN=/gk/mzj
ITEM=$(curl -fs "http://127.0.0.1:$PORT$COLUMN" | grep -o '/gk/mzj/items/[0-9a-f-]*' | head -1)
echo "column: $COLUMN  item: $ITEM"
for url in "$COLUMN" "$ITEM"; do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$url"   # warm-up (JIT, first render)
  wrk -t2 -c64 -d15s "http://127.0.0.1:$PORT$url" | grep -E "Requests/sec|Latency|Non-2xx|requests in"
done
