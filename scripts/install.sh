#!/usr/bin/env bash
# Installs a gatewayd bundle (built by scripts/publish.sh) on the box.
#
#   tar xzf gatewayd-linux-arm64.tar.gz
#   sudo gatewayd-linux-arm64/install.sh            # the bundle it sits in
#   sudo scripts/install.sh path/to/gatewayd-RID    # or an explicit bundle
#
# Safe to run again (upgrades do exactly this): the user, folders and files are
# only created when missing or replaced as a whole, and a running daemon is
# restarted onto the new files. The data in /var/lib/gatewayd is never touched.
set -euo pipefail

readonly install_dir=/opt/gatewayd
readonly state_dir=/var/lib/gatewayd
readonly service_user=gatewayd
readonly unit_path=/etc/systemd/system/gatewayd.service
readonly udev_rules_path=/etc/udev/rules.d/99-gatewayd-dongles.rules
readonly avahi_services_dir=/etc/avahi/services
# A local configuration file in the install directory that survives upgrades.
readonly local_settings=appsettings.Production.json

die() { echo "install.sh: $*" >&2; exit 1; }
step() { echo "==> $*"; }

if [[ $EUID -ne 0 ]]; then
    die "must run as root (try: sudo $0 $*)"
fi

bundle="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")}" && pwd)"
[[ -x "$bundle/app/gatewayd" ]] || die "$bundle/app/gatewayd not found: pass the folder of an unpacked gatewayd-RID.tar.gz"
[[ -x "$bundle/app/gatewayctl" ]] || die "$bundle/app/gatewayctl not found: the bundle is older than gatewayctl; publish it again"
for f in systemd/gatewayd.service hardware/udev/99-gatewayd-dongles.rules; do
    [[ -f "$bundle/$f" ]] || die "$bundle/$f is missing from the bundle"
done

# Refuse a bundle built for another CPU: it would fail at start, not here.
if [[ -f "$bundle/RID" ]]; then
    rid="$(<"$bundle/RID")"
    case "$(uname -m)" in
        aarch64|arm64) want=linux-arm64 ;;
        x86_64|amd64)  want=linux-x64 ;;
        armv7l|armv6l) want=linux-arm ;;
        *)             want="" ;;
    esac
    if [[ -n "$want" && "$rid" != "$want" ]]; then
        die "this bundle is for $rid but this machine needs $want"
    fi
fi

command -v systemctl >/dev/null || die "systemctl not found: gatewayd is installed as a systemd service"

step "user $service_user"
getent group dialout >/dev/null || groupadd --system dialout
if ! id -u "$service_user" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$state_dir" --no-create-home \
        --shell /usr/sbin/nologin --comment "gatewayd home gateway daemon" "$service_user"
fi
usermod --append --groups dialout "$service_user"

step "state directory $state_dir"
install -d -o "$service_user" -g "$service_user" -m 0750 "$state_dir"

step "daemon files -> $install_dir"
# Build the new tree beside the old one and swap it in: overwriting the
# assemblies of a running daemon in place can crash it.
staging="$install_dir.new"
previous="$install_dir.old"
rm -rf "$staging" "$previous"
cp -a "$bundle/app" "$staging"
if [[ -f "$install_dir/$local_settings" && ! -e "$staging/$local_settings" ]]; then
    cp -a "$install_dir/$local_settings" "$staging/$local_settings"
fi
chown -R root:root "$staging"
chmod -R u=rwX,go=rX "$staging"
chmod 0755 "$staging/gatewayd" "$staging/gatewayctl"
if [[ -e "$install_dir" ]]; then
    mv "$install_dir" "$previous"
fi
mv "$staging" "$install_dir"
rm -rf "$previous"

step "gatewayctl -> /usr/local/bin/gatewayctl"
ln -sfn "$install_dir/gatewayctl" /usr/local/bin/gatewayctl

step "systemd unit -> $unit_path"
install -D -m 0644 "$bundle/systemd/gatewayd.service" "$unit_path"

step "udev rules -> $udev_rules_path"
install -D -m 0644 "$bundle/hardware/udev/99-gatewayd-dongles.rules" "$udev_rules_path"
if command -v udevadm >/dev/null; then
    udevadm control --reload-rules || echo "warning: udevadm control --reload-rules failed" >&2
    udevadm trigger --subsystem-match=tty || echo "warning: udevadm trigger failed" >&2
fi

# gatewayd advertises itself over mDNS (with its real pin); a static avahi file from an older install would
# announce a second service with an empty pin.
if [[ -f "$avahi_services_dir/gatewayd.service" ]]; then
    step "removing the old avahi service file (gatewayd now advertises itself)"
    rm -f "$avahi_services_dir/gatewayd.service"
fi

step "starting gatewayd"
was_active=no
systemctl is-active --quiet gatewayd && was_active=yes
systemctl daemon-reload
systemctl enable --now gatewayd
if [[ "$was_active" == yes ]]; then
    # enable --now leaves a running daemon on the old files.
    systemctl restart gatewayd
fi
systemctl --no-pager --lines=0 status gatewayd || true

cat <<EOT

gatewayd is installed in $install_dir, its data is in $state_dir.
  logs:    journalctl -u gatewayd -f   (also $state_dir/logs/)
  API:     https://$(hostname):8443/

Create an API token (printed once, keep it):
  sudo -u $service_user $install_dir/gatewayd token create --label NAME --Gateway:DataDirectory=$state_dir
List or revoke tokens:
  sudo -u $service_user $install_dir/gatewayd token list --Gateway:DataDirectory=$state_dir
  sudo -u $service_user $install_dir/gatewayd token revoke ID --Gateway:DataDirectory=$state_dir
EOT
