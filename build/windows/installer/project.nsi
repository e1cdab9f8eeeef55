Unicode true

####
## Kembang's Windows installer (NSIS 3.08+). `make windows` builds it through
## `wails build -platform windows/amd64 -nsis`, which regenerates
## wails_tools.nsh from wails.json and calls
##   makensis -DARG_WAILS_AMD64_BINARY=<abs path of kembang.exe> project.nsi
## in this folder. See docs/INSTALL.md for what it does on a laptop.
##
## - Per-user install, no administrator: $LOCALAPPDATA\Programs\Kembang,
##   shortcuts in the user's Start menu and on the desktop, an entry in
##   "Apps & features" (HKCU). Silent: Kembang-amd64-installer.exe /S [/D=DIR]
## - Upgrade in place: a new installer over an old one reuses its folder and
##   never touches the data folder ($APPDATA\Kembang, os.UserConfigDir); the
##   app backs the database up and migrates it itself on its next start.
## - WebView2: detected from the Evergreen runtime's registry keys (per
##   machine and per user). When missing, MicrosoftEdgeWebView2RuntimeInstallerX64.exe
##   (the Evergreen Standalone Installer) next to this installer is run;
##   otherwise a message says what to do (exit code 10 when silent).
## - Uninstall keeps the data unless the user ticks "remove my data"
##   (silent: uninstall.exe /S /REMOVEDATA).
## - Signing: build/scripts/sign-windows.sh signs the app exe, the uninstaller
##   and the installer when KEMBANG_SIGN_CERT is set, and does nothing otherwise.
## - KEMBANG_WEBVIEW2_BOOTSTRAPPER=1 in the environment of makensis builds the
##   "-online" variant that also carries Microsoft's WebView2 bootstrapper
##   (which downloads the runtime, so it needs internet).
####

!define REQUEST_EXECUTION_LEVEL "user"
!define UNINST_KEY_NAME "Kembang"
!define PRODUCT_EXECUTABLE "Kembang.exe"
!include "wails_tools.nsh"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WordFunc.nsh"
!include "nsDialogs.nsh"

# The data folder of the app: os.UserConfigDir() + "Kembang" (backend/store),
# i.e. %APPDATA%\Kembang; WebView2 keeps its profile (the UI language) in
# %APPDATA%\<exe name>.
!define DATA_DIR "$APPDATA\Kembang"
!define WEBVIEW_PROFILE_DIR "$APPDATA\${PRODUCT_EXECUTABLE}"

# Evergreen WebView2 Runtime: client GUID, the minimum version Wails v2 needs,
# the Standalone Installer's file name, the exit code of a silent install
# that could not provide it.
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_MIN_VERSION "94.0.992.31"
!define WEBVIEW2_OFFLINE_INSTALLER "MicrosoftEdgeWebView2RuntimeInstallerX64.exe"
!define EXIT_WEBVIEW2_MISSING 10
!define EXIT_APP_RUNNING 11

!if "$%KEMBANG_WEBVIEW2_BOOTSTRAPPER%" == "1"
    !define WITH_WEBVIEW2_BOOTSTRAPPER
    !define INSTALLER_SUFFIX "-online"
!else
    !define INSTALLER_SUFFIX ""
!endif

# Authenticode signing (a no-op without KEMBANG_SIGN_CERT). makensis on
# Windows has no POSIX shell: there, sign with signtool after the build.
!ifndef NSIS_WIN32_MAKENSIS
    !define SIGN_CMD "bash ../../scripts/sign-windows.sh"
    !system '${SIGN_CMD} "${ARG_WAILS_AMD64_BINARY}"' = 0
    !finalize '${SIGN_CMD} "%1"' = 0
    !uninstfinalize '${SIGN_CMD} "%1"' = 0
!endif

Name "${INFO_PRODUCTNAME}"
OutFile "..\..\bin\${INFO_PROJECTNAME}-${ARCH}-installer${INSTALLER_SUFFIX}.exe"
InstallDir "$LOCALAPPDATA\Programs\${INFO_PRODUCTNAME}"
# An earlier installation is upgraded where it is (/D= still wins).
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
ShowInstDetails show
ShowUninstDetails show
BrandingText "${INFO_PRODUCTNAME} ${INFO_PRODUCTVERSION}"
ManifestDPIAware true

# The version information needs four parts.
VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"
VIAddVersionKey /LANG=0 "CompanyName"      "${INFO_COMPANYNAME}"
VIAddVersionKey /LANG=0 "FileDescription"  "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey /LANG=0 "ProductVersion"   "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=0 "FileVersion"      "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright"   "${INFO_COPYRIGHT}"
VIAddVersionKey /LANG=0 "ProductName"      "${INFO_PRODUCTNAME}"
VIAddVersionKey /LANG=0 "OriginalFilename" "${INFO_PROJECTNAME}-${ARCH}-installer${INSTALLER_SUFFIX}.exe"

Var Upgrade          ; "1" when an installation was found
Var OldVersion       ; its DisplayVersion
Var RemoveData       ; uninstaller: "1" removes the data folder too
Var DataCheckbox

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_NOAUTOCLOSE
!define MUI_UNFINISHPAGE_NOAUTOCLOSE
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"

!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

# The first language is the fallback; Windows in English gets English.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString WebView2Found ${LANG_INDONESIAN} "Microsoft Edge WebView2 Runtime ditemukan: versi"
LangString WebView2Found ${LANG_ENGLISH} "Microsoft Edge WebView2 Runtime found: version"
LangString WebView2Installing ${LANG_INDONESIAN} "Memasang Microsoft Edge WebView2 Runtime dari"
LangString WebView2Installing ${LANG_ENGLISH} "Installing Microsoft Edge WebView2 Runtime from"
LangString WebView2Missing ${LANG_INDONESIAN} "Kembang sudah terpasang, tetapi belum bisa dibuka: laptop ini belum memiliki Microsoft Edge WebView2 Runtime (versi ${WEBVIEW2_MIN_VERSION} atau lebih baru).$\r$\n$\r$\nCara memasangnya tanpa internet: minta berkas ${WEBVIEW2_OFFLINE_INSTALLER} (Evergreen Standalone Installer x64) dari bagian TI, letakkan di folder yang sama dengan installer Kembang, lalu jalankan installer Kembang lagi. Dengan internet: jalankan Kembang, lalu tekan OK untuk mengunduhnya.$\r$\n$\r$\n---$\r$\n$\r$\nKembang is installed but cannot open yet: this laptop has no Microsoft Edge WebView2 Runtime (version ${WEBVIEW2_MIN_VERSION} or later). Without internet: get ${WEBVIEW2_OFFLINE_INSTALLER} (Evergreen Standalone Installer x64) from IT, put it in the same folder as the Kembang installer and run the Kembang installer again. With internet: start Kembang and press OK to download it."
LangString WebView2Missing ${LANG_ENGLISH} "Kembang is installed but cannot open yet: this laptop has no Microsoft Edge WebView2 Runtime (version ${WEBVIEW2_MIN_VERSION} or later).$\r$\n$\r$\nWithout internet: get ${WEBVIEW2_OFFLINE_INSTALLER} (Evergreen Standalone Installer x64) from IT, put it in the same folder as the Kembang installer and run the Kembang installer again. With internet: start Kembang and press OK to download it.$\r$\n$\r$\n---$\r$\n$\r$\nKembang sudah terpasang, tetapi belum bisa dibuka: laptop ini belum memiliki Microsoft Edge WebView2 Runtime. Tanpa internet: minta berkas ${WEBVIEW2_OFFLINE_INSTALLER} dari bagian TI, letakkan di folder yang sama dengan installer Kembang, lalu jalankan installer Kembang lagi."
LangString WebView2MissingShort ${LANG_INDONESIAN} "WebView2 Runtime tidak ada: Kembang belum bisa dibuka (lihat docs/INSTALL.md)."
LangString WebView2MissingShort ${LANG_ENGLISH} "WebView2 Runtime missing: Kembang cannot open yet (see docs/INSTALL.md)."
LangString AppRunning ${LANG_INDONESIAN} "Kembang sedang berjalan. Tutup semua jendela Kembang, lalu tekan Retry (Coba lagi)."
LangString AppRunning ${LANG_ENGLISH} "Kembang is running. Close every Kembang window, then press Retry."
LangString Upgrading ${LANG_INDONESIAN} "Memperbarui Kembang yang sudah terpasang (versi"
LangString Upgrading ${LANG_ENGLISH} "Upgrading the installed Kembang (version"
LangString DataUntouched ${LANG_INDONESIAN} "Data tidak diubah oleh installer:"
LangString DataUntouched ${LANG_ENGLISH} "Data is not touched by the installer:"
LangString DataTitle ${LANG_INDONESIAN} "Data Kembang"
LangString DataTitle ${LANG_ENGLISH} "Kembang data"
LangString DataSubtitle ${LANG_INDONESIAN} "Simpan atau hapus data Anda."
LangString DataSubtitle ${LANG_ENGLISH} "Keep or remove your data."
LangString DataText ${LANG_INDONESIAN} "Data Kembang (basis data pegawai, penilaian, pelatihan, dan cadangannya) ada di:$\r$\n${DATA_DIR}$\r$\n$\r$\nData ini TETAP DISIMPAN kecuali Anda mencentang kotak di bawah. Jika Kembang dipasang lagi, data ini langsung dipakai."
LangString DataText ${LANG_ENGLISH} "Kembang's data (the database of employees, assessments, training, and its backups) is in:$\r$\n${DATA_DIR}$\r$\n$\r$\nIt is KEPT unless you tick the box below. When Kembang is installed again, it uses this data right away."
LangString DataRemove ${LANG_INDONESIAN} "Hapus juga data Kembang saya (tidak bisa dibatalkan)"
LangString DataRemove ${LANG_ENGLISH} "Also remove my Kembang data (cannot be undone)"
LangString DataRemoveConfirm ${LANG_INDONESIAN} "Semua data Kembang di laptop ini akan dihapus, termasuk cadangannya. Data yang belum tersinkron ke server akan hilang.$\r$\n$\r$\nLanjutkan?"
LangString DataRemoveConfirm ${LANG_ENGLISH} "All Kembang data on this laptop will be removed, backups included. Data not yet synced to the server will be lost.$\r$\n$\r$\nContinue?"
LangString DataKept ${LANG_INDONESIAN} "Data disimpan di"
LangString DataKept ${LANG_ENGLISH} "Data kept in"
LangString DataRemoved ${LANG_INDONESIAN} "Data dihapus:"
LangString DataRemoved ${LANG_ENGLISH} "Data removed:"

# Sets $0 to the installed Evergreen WebView2 Runtime's version when it is at
# least WEBVIEW2_MIN_VERSION, else to "". Per-machine installs are registered
# in the 32-bit view of HKLM, per-user installs in HKCU; "0.0.0.0" or an
# empty pv means a broken or removed runtime.
Function WebView2Version
    Push $1
    SetRegView 64
    ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
    SetRegView default
    ${If} $0 == ""
    ${OrIf} $0 == "0.0.0.0"
        ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
    ${EndIf}
    ${If} $0 == "0.0.0.0"
        StrCpy $0 ""
    ${EndIf}
    ${If} $0 != ""
        ${VersionCompare} $0 "${WEBVIEW2_MIN_VERSION}" $1
        ${If} $1 == 2
            DetailPrint "WebView2 Runtime $0 < ${WEBVIEW2_MIN_VERSION}"
            StrCpy $0 ""
        ${EndIf}
    ${EndIf}
    Pop $1
FunctionEnd

# Makes sure the runtime is there: the Standalone Installer beside this
# installer (IT's offline copy) first, then the embedded bootstrapper of the
# -online variant, else a message (or exit code 10 when silent).
Function EnsureWebView2
    Call WebView2Version
    ${If} $0 != ""
        DetailPrint "$(WebView2Found) $0"
        Return
    ${EndIf}

    ${If} ${FileExists} "$EXEDIR\${WEBVIEW2_OFFLINE_INSTALLER}"
        DetailPrint "$(WebView2Installing) $EXEDIR\${WEBVIEW2_OFFLINE_INSTALLER}"
        ExecWait '"$EXEDIR\${WEBVIEW2_OFFLINE_INSTALLER}" /silent /install' $1
        DetailPrint "${WEBVIEW2_OFFLINE_INSTALLER}: exit code $1"
        Call WebView2Version
        ${If} $0 != ""
            DetailPrint "$(WebView2Found) $0"
            Return
        ${EndIf}
    ${EndIf}

    !ifdef WITH_WEBVIEW2_BOOTSTRAPPER
        DetailPrint "$(WebView2Installing) MicrosoftEdgeWebview2Setup.exe (internet)"
        InitPluginsDir
        SetOutPath "$PLUGINSDIR\webview2"
        File "tmp\MicrosoftEdgeWebview2Setup.exe"
        ExecWait '"$PLUGINSDIR\webview2\MicrosoftEdgeWebview2Setup.exe" /silent /install' $1
        DetailPrint "MicrosoftEdgeWebview2Setup.exe: exit code $1"
        SetOutPath "$INSTDIR"
        Call WebView2Version
        ${If} $0 != ""
            DetailPrint "$(WebView2Found) $0"
            Return
        ${EndIf}
    !endif

    DetailPrint "$(WebView2MissingShort)"
    SetErrorLevel ${EXIT_WEBVIEW2_MISSING}
    IfSilent +2
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(WebView2Missing)"
FunctionEnd

# Waits until the installed exe is not running: Windows refuses to open a
# running image for writing. Silent installs stop with exit code 11.
!macro CHECK_NOT_RUNNING un
Function ${un}CheckNotRunning
    ${IfNot} ${FileExists} "$INSTDIR\${PRODUCT_EXECUTABLE}"
        Return
    ${EndIf}
    retry:
    ClearErrors
    FileOpen $0 "$INSTDIR\${PRODUCT_EXECUTABLE}" a
    ${IfNot} ${Errors}
        FileClose $0
        Return
    ${EndIf}
    IfSilent 0 +3
        SetErrorLevel ${EXIT_APP_RUNNING}
        Quit
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" IDRETRY retry
    Quit
FunctionEnd
!macroend
!insertmacro CHECK_NOT_RUNNING ""
!insertmacro CHECK_NOT_RUNNING "un."

Function .onInit
    !insertmacro wails.checkArchitecture
    SetShellVarContext current
    StrCpy $Upgrade "0"
    ReadRegStr $OldVersion HKCU "${UNINST_KEY}" "DisplayVersion"
    ReadRegStr $0 HKCU "${UNINST_KEY}" "InstallLocation"
    ${If} $0 != ""
    ${AndIf} ${FileExists} "$0\${PRODUCT_EXECUTABLE}"
        StrCpy $Upgrade "1"
    ${EndIf}
FunctionEnd

Function SkipDirectoryOnUpgrade
    ${If} $Upgrade == "1"
        Abort
    ${EndIf}
FunctionEnd

Section "Kembang" SecMain
    SectionIn RO
    SetShellVarContext current
    ${If} $Upgrade == "1"
        DetailPrint "$(Upgrading) $OldVersion → ${INFO_PRODUCTVERSION}) $INSTDIR"
    ${EndIf}
    DetailPrint "$(DataUntouched) ${DATA_DIR}"
    Call CheckNotRunning

    SetOutPath "$INSTDIR"
    File "/oname=${PRODUCT_EXECUTABLE}" "${ARG_WAILS_AMD64_BINARY}"
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" "$INSTDIR\${PRODUCT_EXECUTABLE}" 0
    # An upgrade does not bring back a desktop shortcut the user deleted.
    ${If} $Upgrade != "1"
    ${OrIf} ${FileExists} "$DESKTOP\${INFO_PRODUCTNAME}.lnk"
        CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" "$INSTDIR\${PRODUCT_EXECUTABLE}" 0
    ${EndIf}

    WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${INFO_PRODUCTNAME}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${INFO_PRODUCTVERSION}"
    WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${INFO_COMPANYNAME}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${PRODUCT_EXECUTABLE}"
    WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"

    Call EnsureWebView2
SectionEnd

Function un.onInit
    SetShellVarContext current
    StrCpy $RemoveData "0"
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "/REMOVEDATA" $R1
    ${IfNot} ${Errors}
        StrCpy $RemoveData "1"
    ${EndIf}
FunctionEnd

Function un.DataPage
    !insertmacro MUI_HEADER_TEXT "$(DataTitle)" "$(DataSubtitle)"
    nsDialogs::Create 1018
    Pop $0
    ${If} $0 == error
        Abort
    ${EndIf}
    ${NSD_CreateLabel} 0 0 100% 72u "$(DataText)"
    Pop $0
    ${NSD_CreateCheckbox} 0 80u 100% 12u "$(DataRemove)"
    Pop $DataCheckbox
    ${If} $RemoveData == "1"
        ${NSD_Check} $DataCheckbox
    ${EndIf}
    nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
    ${NSD_GetState} $DataCheckbox $0
    ${If} $0 == ${BST_CHECKED}
        MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(DataRemoveConfirm)" IDYES +2
        Abort
        StrCpy $RemoveData "1"
    ${Else}
        StrCpy $RemoveData "0"
    ${EndIf}
FunctionEnd

Section "uninstall"
    SetShellVarContext current
    Call un.CheckNotRunning

    # Only what the installer put there: the folder may hold other files.
    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"
    DeleteRegKey HKCU "${UNINST_KEY}"

    ${If} $RemoveData == "1"
        RMDir /r "${DATA_DIR}"
        RMDir /r "${WEBVIEW_PROFILE_DIR}"
        DetailPrint "$(DataRemoved) ${DATA_DIR}"
    ${Else}
        DetailPrint "$(DataKept) ${DATA_DIR}"
    ${EndIf}
SectionEnd
