/**
 * Names the OS uses to tie notifications, the taskbar and the launcher to this app.
 * tests/core/main/electron-builder-config.test.ts holds them equal to electron-builder.yml.
 */

/** electron-builder's `appId`; on Windows also the AppUserModelID its installer gives the shortcut. */
export const APP_ID = 'com.storewatch.desktop'

/** The .desktop file electron-builder writes for Linux (`linux.executableName` + ".desktop"). */
export const LINUX_DESKTOP_FILE = 'storewatch.desktop'

/**
 * Windows shows a toast only for an AppUserModelID that a Start Menu shortcut carries (NOTIF-01).
 * The installer's shortcut carries APP_ID; an unpackaged run has no such shortcut, so it uses the
 * Electron executable's path, which works once that executable is pinned to Start (Electron's
 * notification guide).
 */
export function appUserModelId(options: { isPackaged: boolean; execPath: string }): string {
  return options.isPackaged ? APP_ID : options.execPath
}
