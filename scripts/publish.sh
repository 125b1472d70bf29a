#!/usr/bin/env bash
# Builds self-contained gatewayd bundles for the box.
#
#   scripts/publish.sh                      # linux-arm64 and linux-x64
#   scripts/publish.sh linux-arm64          # just the given runtime ids
#
# For each runtime id RID:
#   artifacts/publish/RID/        dotnet publish output (gatewayd + runtime)
#   artifacts/gatewayd-RID.tar.gz the bundle to copy to the box:
#     gatewayd-RID/
#       install.sh                run as root on the box
#       RID                       the runtime id, checked by install.sh
#       app/                      the publish output, goes to /opt/gatewayd
#       systemd/                  gatewayd.service, avahi/gatewayd.service
#       hardware/udev/            udev rules for the radio dongles
#       hardware/README.md
# publish.ps1 at the repository root does the same in PowerShell.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

if [[ $# -gt 0 ]]; then
    rids=("$@")
else
    rids=(linux-arm64 linux-x64)
fi

artifacts="$repo_root/artifacts"
mkdir -p "$artifacts"

for rid in "${rids[@]}"; do
    publish_dir="$artifacts/publish/$rid"
    echo "==> dotnet publish for $rid -> ${publish_dir#"$repo_root"/}"
    rm -rf "$publish_dir"
    dotnet publish src/Gateway.Daemon -c Release -r "$rid" --self-contained true \
        -p:PublishSingleFile=false -o "$publish_dir"

    if [[ ! -x "$publish_dir/gatewayd" ]]; then
        echo "error: $publish_dir/gatewayd is missing or not executable" >&2
        exit 1
    fi

    stage_root="$artifacts/stage/$rid"
    bundle="$stage_root/gatewayd-$rid"
    rm -rf "$stage_root"
    mkdir -p "$bundle/hardware"
    cp -a "$publish_dir" "$bundle/app"
    cp -a systemd "$bundle/systemd"
    cp -a hardware/udev "$bundle/hardware/udev"
    cp hardware/README.md "$bundle/hardware/README.md"
    install -m 0755 scripts/install.sh "$bundle/install.sh"
    printf '%s\n' "$rid" > "$bundle/RID"

    tarball="$artifacts/gatewayd-$rid.tar.gz"
    echo "==> packing ${tarball#"$repo_root"/}"
    tar -C "$stage_root" -czf "$tarball" "gatewayd-$rid"
    rm -rf "$stage_root"
done

rmdir "$artifacts/stage" 2>/dev/null || true
echo "==> done:"
for rid in "${rids[@]}"; do
    ls -l "$artifacts/gatewayd-$rid.tar.gz"
done
