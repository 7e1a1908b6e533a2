; Bow Out per-user installer (no administrator rights).
; Built by `python packaging/build.py nsis`, which passes:
;   /DVERSION=1.2.3  /DPAYLOAD=<one-folder app, dist\bowout>  /DOUTFILE=<setup .exe>  /DICON=<.ico>
; The uninstaller removes the program only: the user's history lives in %LOCALAPPDATA%\BowOut
; (platformdirs), which this script never touches.
; Compiled for amd64 (build.py passes -XTarget amd64-unicode): a 64-bit installer for a
; 64-bit app.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
; Windows reports its true version only to programs whose manifest names it (else 10 looks
; like 8): the version check in .onInit relies on the Windows 10 entry this adds.
ManifestSupportedOS all
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef PAYLOAD
  !error "pass /DPAYLOAD=path\to\dist\bowout"
!endif
!ifndef OUTFILE
  !define OUTFILE "bowout-${VERSION}-windows-x64-setup.exe"
!endif

!define APPNAME "Bow Out"
!define EXENAME "bowout.exe"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\BowOut"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"

; Windows 10 version 1903 (build 18362) or later: Qt 6 links icuuc.dll, the ICU that Windows
; ships since then, and nh3's Rust code takes its random numbers from ProcessPrng
; (bcryptprimitives.dll). On older Windows the app could not start, so the installer refuses.
!define MIN_WINDOWS_BUILD 18362
!define MIN_WINDOWS_NAME "Windows 10 version 1903"

Name "${APPNAME}"
OutFile "${OUTFILE}"
; Per user: %LOCALAPPDATA%\Programs is where per-user apps go, writable without elevation.
InstallDir "$LOCALAPPDATA\Programs\BowOut"
InstallDirRegKey HKCU "Software\BowOut" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APPNAME} installer"
VIAddVersionKey "LegalCopyright" "Bow Out maintainers"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXENAME}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APPNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_WINDOWS_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "${APPNAME} needs ${MIN_WINDOWS_NAME} or later. \
      This computer has an older version of Windows, so ${APPNAME} was not installed." /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
FunctionEnd

Section "!${APPNAME}" SecApp
  SectionIn RO
  SetShellVarContext current
  ; A previous version's files go first, so removed libraries do not linger.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${EXENAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Uninstall ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\BowOut" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Bow Out maintainers"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXENAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXENAME}"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "The ${APPNAME} program and its Start Menu entry."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "A shortcut on your desktop."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  SetShellVarContext current
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  ; Only what the installer put there: the history in %LOCALAPPDATA%\BowOut stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXENAME}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\BowOut"
SectionEnd
