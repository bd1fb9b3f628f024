export declare const ELECTRON_NATIVE_DIR: string
export declare const NATIVE_FILE: string
export declare const ELECTRON_HEADERS_URL: string

export interface NativeTarget {
  projectRoot: string
  electronVersion: string
  platform: string
  arch: string
}

export interface ElectronNativePaths {
  dir: string
  binary: string
  stampFile: string
  currentBinary: string
  scratchDir: string
}

export declare function electronNativePaths(target: NativeTarget): ElectronNativePaths
export declare function electronBuildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>
export declare function prebuildInstallArgs(target: Omit<NativeTarget, 'projectRoot'>): string[]
export declare function nodeGypArgs(target: Pick<NativeTarget, 'electronVersion' | 'arch'>): string[]
