#!/usr/bin/env bash
# Builds the NativeAOT gatewayd bundles for the box: one native executable per CPU, no .NET runtime needed there.
#
#   scripts/publish.sh                      # linux-arm64 and linux-x64
#   scripts/publish.sh linux-arm64          # just the given runtime ids
#   SMOKE_TEST=0 scripts/publish.sh         # skip the smoke test of each binary
#   PREPARE_ONLY=1 scripts/publish.sh linux-arm64   # only install what building and smoke-testing it needs
#
# For each runtime id RID:
#   artifacts/publish/RID/        the publish output: gatewayd (native), libe_sqlite3.so, appsettings.json
#   artifacts/symbols/RID/        gatewayd.dbg, the debug symbols stripped from the binary (not shipped)
#   artifacts/gatewayd-RID.tar.gz the bundle to copy to the box:
#     gatewayd-RID/
#       install.sh                run as root on the box
#       RID                       the runtime id, checked by install.sh
#       app/                      the publish output, goes to /opt/gatewayd
#       systemd/                  gatewayd.service
#       hardware/udev/            udev rules for the radio dongles
#       hardware/README.md
#
# NativeAOT links with the platform toolchain. linux-x64 on an x64 host needs clang (or gcc) and zlib1g-dev;
# linux-arm64 on an x64 host cross-compiles with clang + lld and Debian's aarch64 cross binutils and libc, which are
# installed with apt-get when missing. Each binary is then started once (scripts/smoke-test.sh): the foreign-CPU one
# under qemu-aarch64, with its native libraries (OpenSSL) from Debian's arm64 multiarch packages.
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

sudo=""
[[ "$(id -u)" -ne 0 ]] && sudo="sudo"
apt_install() { # packages... (only the missing ones are installed)
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    echo "==> apt-get install ${missing[*]}" >&2
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

host_arch="$(uname -m)"
# The extra MSBuild properties a runtime id needs on this host, and the emulator that runs its binary here.
publish_properties() { # rid
    case "$1/$host_arch" in
        linux-arm64/x86_64)
            apt_install clang lld gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
            # ILCompiler passes --target to the compiler driver, which only clang understands; lld links for
            # aarch64 and the cross objcopy splits off the symbols.
            echo "-p:LinkerFlavor=lld -p:ObjCopyName=aarch64-linux-gnu-objcopy" ;;
        linux-x64/x86_64 | linux-arm64/aarch64)
            command -v clang >/dev/null || command -v gcc >/dev/null || apt_install clang
            apt_install zlib1g-dev ;;
        *) echo "error: publishing $1 on a $host_arch host is not set up in this script" >&2; return 1 ;;
    esac
}

# What running the RID's binary here needs: for a foreign CPU, qemu and the RID's native libraries through Debian
# multiarch (the loader, libc and OpenSSL beside the host's own; e_sqlite3 ships in the publish output).
install_smoke_dependencies() { # rid
    [[ "${SMOKE_TEST:-1}" == 0 ]] && return 0
    case "$1/$host_arch" in
        linux-arm64/x86_64)
            if ! dpkg --print-foreign-architectures | grep -qx arm64; then
                $sudo dpkg --add-architecture arm64
                $sudo apt-get update -qq >/dev/null
            fi
            apt_install qemu-user libc6:arm64 libssl3:arm64 libstdc++6:arm64 libgcc-s1:arm64 zlib1g:arm64 curl python3 ;;
    esac
}

smoke_test() { # rid publish_dir
    [[ "${SMOKE_TEST:-1}" == 0 ]] && return 0
    install_smoke_dependencies "$1"
    case "$1/$host_arch" in
        linux-x64/x86_64 | linux-arm64/aarch64) "$repo_root/scripts/smoke-test.sh" "$2/gatewayd" ;;
        linux-arm64/x86_64) "$repo_root/scripts/smoke-test.sh" "$2/gatewayd" qemu-aarch64 ;;
    esac
}

# PREPARE_ONLY=1: install the toolchains and emulation packages the given RIDs need, and build nothing.
if [[ "${PREPARE_ONLY:-0}" == 1 ]]; then
    for rid in "${rids[@]}"; do
        publish_properties "$rid" >/dev/null
        install_smoke_dependencies "$rid"
    done
    exit 0
fi

for rid in "${rids[@]}"; do
    publish_dir="$artifacts/publish/$rid"
    symbols_dir="$artifacts/symbols/$rid"
    properties_line="$(publish_properties "$rid")"
    read -r -a properties <<<"$properties_line"
    echo "==> dotnet publish (NativeAOT) for $rid -> ${publish_dir#"$repo_root"/}"
    rm -rf "$publish_dir" "$symbols_dir"
    dotnet publish src/Gateway.Daemon -c Release -r "$rid" -p:PublishAot=true "${properties[@]}" -o "$publish_dir"
    dotnet publish src/Gateway.Cli -c Release -r "$rid" -p:PublishAot=true "${properties[@]}" -o "$publish_dir"

    for executable in gatewayd gatewayctl; do
        if [[ ! -x "$publish_dir/$executable" ]]; then
            echo "error: $publish_dir/$executable is missing or not executable" >&2
            exit 1
        fi
    done
    mkdir -p "$symbols_dir"
    find "$publish_dir" -maxdepth 1 \( -name '*.dbg' -o -name '*.pdb' \) -exec mv -t "$symbols_dir" {} +
    smoke_test "$rid" "$publish_dir"

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
    ls -l "$artifacts/gatewayd-$rid.tar.gz" "$artifacts/publish/$rid/gatewayd" "$artifacts/publish/$rid/gatewayctl"
done
