#!/usr/bin/env bash
# Tests sign-windows.sh on copies of a Windows exe with a throwaway
# self-signed code-signing certificate made here by openssl:
#   sign-windows-test.sh FILE.exe
# - without KEMBANG_SIGN_CERT nothing changes;
# - a .pfx with a password signs: osslsigncode verify sees the signature, the
#   digest matches, the chain is untrusted (self-signed) and verifies when the
#   test certificate is given as the trusted CA; a changed byte is detected;
# - a key + certificate pair signs too;
# - a wrong password fails and leaves the file unchanged;
# - an already signed file is left as it is.
set -euo pipefail
src=$(readlink -f "${1:?usage: sign-windows-test.sh FILE.exe}")
sign="$(cd "$(dirname "$0")" && pwd)/sign-windows.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
fail() { echo "sign-windows-test: FAIL: $*" >&2; exit 1; }
unset KEMBANG_SIGN_CERT KEMBANG_SIGN_PASS KEMBANG_SIGN_KEY KEMBANG_SIGN_TIMESTAMP

openssl req -x509 -newkey rsa:2048 -sha256 -days 2 -nodes -subj "/CN=Kembang Test Signing/O=Kembang" \
  -addext "extendedKeyUsage=codeSigning" -addext "keyUsage=digitalSignature" \
  -keyout key.pem -out cert.pem >/dev/null 2>&1 || fail "openssl could not make a certificate"
openssl pkcs12 -export -inkey key.pem -in cert.pem -out cert.pfx -passout pass:test-pass-1 >/dev/null 2>&1 ||
  fail "openssl could not make a .pfx"

# The input of a signed build carries its own signature: test on an unsigned copy.
if osslsigncode extract-signature -in "$src" -out sig.der >/dev/null 2>&1; then
  osslsigncode remove-signature -in "$src" -out unsigned.exe >/dev/null || fail "cannot remove the signature of $src"
  src="$tmp/unsigned.exe"
fi

# 1. No certificate: a no-op.
cp "$src" plain.exe
bash "$sign" plain.exe
cmp -s plain.exe "$src" || fail "the file changed without KEMBANG_SIGN_CERT"

# 2. .pfx + password.
cp "$src" pfx.exe
KEMBANG_SIGN_CERT=cert.pfx KEMBANG_SIGN_PASS=test-pass-1 bash "$sign" pfx.exe >/dev/null
out=$(osslsigncode verify -in pfx.exe 2>&1) && fail "a self-signed chain verified as trusted"
grep -q "Subject: /CN=Kembang Test Signing/O=Kembang" <<<"$out" || fail "no signer in: $out"
grep -q "self-signed certificate" <<<"$out" || fail "expected an untrusted self-signed chain: $out"
grep -q "MISMATCH" <<<"$out" && fail "digest mismatch right after signing"
cur=$(sed -n 's/^Current message digest *: *\([0-9A-F]*\).*/\1/p' <<<"$out")
calc=$(sed -n 's/^Calculated message digest *: *\([0-9A-F]*\).*/\1/p' <<<"$out")
[ -n "$cur" ] && [ "$cur" = "$calc" ] || fail "signed digest '$cur' != file digest '$calc'"
osslsigncode verify -CAfile cert.pem -in pfx.exe >verify.txt 2>&1 || fail "signature invalid with the test CA trusted: $(cat verify.txt)"
grep -q "Signature verification: ok" verify.txt || fail "no 'Signature verification: ok'"
# A changed byte breaks the signature.
cp pfx.exe tampered.exe
printf 'X' | dd of=tampered.exe bs=1 seek=4096 conv=notrunc 2>/dev/null
osslsigncode verify -CAfile cert.pem -in tampered.exe >tampered.txt 2>&1 && fail "a tampered file verified"
grep -q MISMATCH tampered.txt || fail "tampering not reported as a digest mismatch"

# 3. Key + certificate pair (no password).
cp "$src" pair.exe
KEMBANG_SIGN_CERT=cert.pem KEMBANG_SIGN_KEY=key.pem bash "$sign" pair.exe >/dev/null
osslsigncode verify -CAfile cert.pem -in pair.exe 2>&1 | grep -q "Signature verification: ok" ||
  fail "key + certificate signing did not verify"

# 4. Wrong password: an error, the file untouched, no leftovers.
cp "$src" wrong.exe
if KEMBANG_SIGN_CERT=cert.pfx KEMBANG_SIGN_PASS=nope bash "$sign" wrong.exe >wrong.txt 2>&1; then
  fail "signing with a wrong password succeeded"
fi
grep -q "signing wrong.exe failed" wrong.txt || fail "unclear error: $(cat wrong.txt)"
cmp -s wrong.exe "$src" || fail "a failed signing changed the file"
[ ! -e wrong.exe.signing ] || fail "a failed signing left wrong.exe.signing behind"

# 5. Already signed: left as it is.
cp pfx.exe again.exe
KEMBANG_SIGN_CERT=cert.pfx KEMBANG_SIGN_PASS=test-pass-1 bash "$sign" again.exe | grep -q "already signed" ||
  fail "an already signed file was not recognised"
cmp -s again.exe pfx.exe || fail "an already signed file was changed"

echo "sign-windows-test: ok: pfx and key+cert signing verify (untrusted self-signed chain, valid digest), wrong password and tampering detected"
