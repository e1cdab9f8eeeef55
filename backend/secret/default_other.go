//go:build !windows

package secret

// Linux and macOS run Kembang on developer machines and in tests: secrets
// stay readable there, marked "plain:".
func platformDefault() Protector { return Plain{} }
