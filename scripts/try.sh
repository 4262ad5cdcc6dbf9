#!/usr/bin/env bash
# Builds llmos, starts llmosd in user mode and shows it working with a real model.
#   scripts/try.sh [MODEL.gguf]
# The model defaults to the small test model in ../shared/models. The daemon keeps running
# afterwards (its PID and log are printed) so that the README's examples can be tried.
set -euo pipefail
cd "$(dirname "$0")/.."

model="${1:-../shared/models/stories260K.gguf}"
[ -f "$model" ] || { echo "no model at $model; pass a .gguf file: scripts/try.sh MODEL.gguf" >&2; exit 2; }
command -v dotnet >/dev/null || { echo "the .NET 10 SDK is needed (dotnet on PATH)" >&2; exit 2; }

out="$PWD/artifacts/llmos"
echo "== building into $out"
dotnet publish src/Daemon/llmosd/llmosd.csproj -c Release -o "$out" --nologo -v quiet
dotnet publish src/Client/llmosctl/llmosctl.csproj -c Release -o "$out" --nologo -v quiet

runtime="${XDG_RUNTIME_DIR:-/tmp/llmosd-$(id -un)}"
socket="$runtime/llmosd.sock"
log="$runtime/llmosd.log"
mkdir -p "$runtime" && chmod 700 "$runtime"
export LLMOSD_SOCKET="$socket"

if "$out/llmosctl" status >/dev/null 2>&1; then
    echo "== llmosd is already running on $socket"
else
    echo "== starting llmosd (user mode) on $socket, log in $log"
    nohup "$out/llmosd" --socket "$socket" >"$log" 2>&1 &
    for _ in $(seq 1 100); do
        "$out/llmosctl" status >/dev/null 2>&1 && break
        sleep 0.1
    done
fi

echo "== llmosctl models add $model --default"
"$out/llmosctl" models add "$(realpath "$model")" --default
echo "== llmosctl generate \"Once upon a time\" --max-tokens 60 --temperature 0"
"$out/llmosctl" generate "Once upon a time" --max-tokens 60 --temperature 0
echo "== curl --unix-socket $socket http://localhost/v1/health"
curl -s --unix-socket "$socket" http://localhost/v1/health; echo
echo "== llmosctl status"
"$out/llmosctl" status
echo "== llmosctl ask \"set a timer for two and a half minutes\""
"$out/llmosctl" ask "set a timer for two and a half minutes"
echo "== llmosctl ask \"remind me to call Anna tomorrow at 9\" --json"
"$out/llmosctl" ask "remind me to call Anna tomorrow at 9" --json; echo
echo "== llmosctl ask \"put on a countdown of 5 minutes\" --explain   (no template says this: the semantic stage finds timer.set)"
"$out/llmosctl" ask "put on a countdown of 5 minutes" --explain
# Images: the small ImageNet classifier of the test models, added with its labels; tesseract reads text (llmosctl image ocr FILE).
classifier="$(dirname "$model")/mobilenetv2-12-int8.onnx"
labels="$(dirname "$model")/imagenet-simple-labels.json"
photo="$(dirname "$model")/photos/eagle.jpg"
if [ -f "$classifier" ] && [ -f "$labels" ] && [ -f "$photo" ]; then
    echo "== llmosctl models add $classifier --name mobilenet --labels $labels"
    "$out/llmosctl" models add "$(realpath "$classifier")" --name mobilenet --labels "$(realpath "$labels")"
    echo "== llmosctl image classify $photo --top 3"
    "$out/llmosctl" image classify "$photo" --top 3
    echo "== llmosctl ask --image $photo \"what is in this picture?\""
    "$out/llmosctl" ask --image "$photo" "what is in this picture?"
else
    echo "== no image classifier beside $model: skipping the image examples"
fi
# On a desktop llmosd is also on the session bus (org.llmos.Daemon); without one it serves the socket alone.
if command -v gdbus >/dev/null && gdbus call --session -d org.llmos.Daemon -o /org/llmos/Daemon \
        -m org.freedesktop.DBus.Peer.Ping >/dev/null 2>&1; then
    echo "== gdbus call --session -d org.llmos.Daemon -o /org/llmos/Daemon -m org.llmos.Daemon1.Generate ..."
    gdbus call --session -d org.llmos.Daemon -o /org/llmos/Daemon -m org.llmos.Daemon1.Generate \
        "Once upon a time" "{'max_tokens': <30>, 'temperature': <0.0>}"
else
    echo "== no session bus here (or no gdbus): llmosd serves the socket only"
fi
echo
echo "llmosd keeps running (pid $(pgrep -f "$out/llmosd --socket $socket" | head -1)). Try:"
echo "  export LLMOSD_SOCKET=$socket PATH=\"$out:\$PATH\""
echo "  llmosctl generate \"The little dog\""
echo "Stop it with: pkill -f '$out/llmosd'"
