package main

import "github.com/wailsapp/wails/v2/pkg/options/windows"

// webview2Runtime is the file IT staff use to install the runtime without
// internet (docs/INSTALL.md).
const webview2Runtime = "MicrosoftEdgeWebView2RuntimeInstallerX64.exe"

// windowsOptions gives Windows users a message in Indonesian and English
// that says what to do when the WebView2 runtime is missing, including on a
// laptop without internet, instead of Wails' English-only download prompt.
// The UI language is the web page's choice, and there is no page without the
// runtime: both languages are shown.
func windowsOptions() *windows.Options {
	const offline = "Tanpa internet: tekan Cancel, lalu minta bagian TI memasang " + webview2Runtime +
		" (Evergreen Standalone Installer x64), atau letakkan berkas itu di folder installer Kembang dan jalankan installer Kembang lagi."
	const offlineEN = "Without internet: press Cancel and ask IT to install " + webview2Runtime +
		" (Evergreen Standalone Installer x64), or put that file in the folder of the Kembang installer and run the Kembang installer again."
	return &windows.Options{
		Messages: &windows.Messages{
			InstallationRequired: "Kembang membutuhkan Microsoft Edge WebView2 Runtime, yang belum ada di laptop ini.\n" +
				"Dengan internet: tekan OK untuk mengunduh dan memasangnya (tunggu sebentar).\n" + offline +
				"\n\nKembang needs the Microsoft Edge WebView2 Runtime, which this laptop does not have.\n" +
				"With internet: press OK to download and install it (please wait).\n" + offlineEN,
			UpdateRequired: "Microsoft Edge WebView2 Runtime di laptop ini terlalu lama untuk Kembang.\n" +
				"Dengan internet: tekan OK untuk memperbaruinya.\n" + offline +
				"\n\nThe Microsoft Edge WebView2 Runtime on this laptop is too old for Kembang.\n" +
				"With internet: press OK to update it.\n" + offlineEN,
			MissingRequirements:  "Kembang: WebView2 Runtime diperlukan / required",
			Webview2NotInstalled: "WebView2 Runtime belum terpasang / is not installed",
			Error:                "Kembang",
			FailedToInstall: "WebView2 Runtime gagal dipasang (tidak ada internet?). " + offline +
				"\n\nThe WebView2 Runtime could not be installed (no internet?). " + offlineEN,
			DownloadPage: "Kembang membutuhkan Microsoft Edge WebView2 Runtime. Tekan OK untuk membuka halaman unduhan.\n" +
				"Kembang needs the Microsoft Edge WebView2 Runtime. Press OK to open the download page.\nMinimum: ",
			PressOKToInstall: "\nTekan OK untuk memasang. / Press OK to install.",
			ContactAdmin: "Kembang membutuhkan Microsoft Edge WebView2 Runtime. Hubungi bagian TI: " + webview2Runtime + ".\n" +
				"Kembang needs the Microsoft Edge WebView2 Runtime. Please contact IT: " + webview2Runtime + ".",
			InvalidFixedWebview2: "WebView2 Runtime yang ditentukan tidak valid. / The specified WebView2 Runtime is not valid.",
			WebView2ProcessCrash: "Tampilan Kembang (WebView2) berhenti. Tutup lalu buka Kembang lagi; data Anda aman.\n" +
				"Kembang's view (WebView2) stopped. Close and open Kembang again; your data is safe.",
		},
	}
}
