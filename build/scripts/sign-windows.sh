#!/usr/bin/env bash
# Authenticode-signs one Windows executable in place with osslsigncode.
#   sign-windows.sh FILE.exe
# Does nothing (exit 0) unless KEMBANG_SIGN_CERT is set, so unsigned builds
# need no setup. The installer project calls it for the app exe before it is
# packed, for the uninstaller and for the finished installer.
#
#   KEMBANG_SIGN_CERT   a PKCS#12 file (.pfx/.p12), or a certificate (PEM/DER, or
#                       an SPC chain) when KEMBANG_SIGN_KEY is set
#   KEMBANG_SIGN_PASS   the password of the .pfx or of the private key (optional)
#   KEMBANG_SIGN_KEY    the private key (PEM/DER) for a key + certificate pair
#   KEMBANG_SIGN_TIMESTAMP  an RFC 3161 time-stamp URL (optional; needs network)
#   KEMBANG_SIGN_NAME   the description shown by Windows (default "Kembang")
set -euo pipefail
file=${1:?usage: sign-windows.sh FILE.exe}
[ -n "${KEMBANG_SIGN_CERT:-}" ] || exit 0

command -v osslsigncode >/dev/null || {
  echo "sign-windows: osslsigncode is missing (Debian: apt-get install osslsigncode)" >&2
  exit 1
}
[ -f "$file" ] || { echo "sign-windows: no such file: $file" >&2; exit 1; }
[ -r "$KEMBANG_SIGN_CERT" ] || { echo "sign-windows: cannot read KEMBANG_SIGN_CERT=$KEMBANG_SIGN_CERT" >&2; exit 1; }
if [ -n "${KEMBANG_SIGN_KEY:-}" ] && [ ! -r "$KEMBANG_SIGN_KEY" ]; then
  echo "sign-windows: cannot read KEMBANG_SIGN_KEY=$KEMBANG_SIGN_KEY" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A file that already carries a signature (the same exe packed into a second
# installer variant) is left as it is: signing it again would nest signatures.
if osslsigncode extract-signature -in "$file" -out "$tmp/sig" >/dev/null 2>&1; then
  echo "sign-windows: $(basename "$file") is already signed"
  exit 0
fi

args=(sign -h sha256 -n "${KEMBANG_SIGN_NAME:-Kembang}")
if [ -n "${KEMBANG_SIGN_KEY:-}" ]; then
  args+=(-certs "$KEMBANG_SIGN_CERT" -key "$KEMBANG_SIGN_KEY")
else
  args+=(-pkcs12 "$KEMBANG_SIGN_CERT")
fi
# The password goes through a file, never the command line (visible in ps).
if [ -n "${KEMBANG_SIGN_PASS:-}" ]; then
  (umask 077 && printf '%s' "$KEMBANG_SIGN_PASS" >"$tmp/pass")
  args+=(-readpass "$tmp/pass")
fi
if [ -n "${KEMBANG_SIGN_TIMESTAMP:-}" ]; then
  args+=(-ts "$KEMBANG_SIGN_TIMESTAMP")
fi

# The signed copy is written beside the file and renamed over it only when
# complete, so a failure never leaves a half-written exe.
signed="$file.signing"
trap 'rm -rf "$tmp" "$signed"' EXIT
if ! out=$(osslsigncode "${args[@]}" -in "$file" -out "$signed" 2>&1); then
  echo "sign-windows: signing $(basename "$file") failed:" >&2
  echo "$out" >&2
  exit 1
fi
chmod --reference="$file" "$signed"
mv -f "$signed" "$file"
echo "sign-windows: signed $(basename "$file")"
