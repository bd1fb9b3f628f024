/**
 * The main window's size and place, remembered across restarts in a small JSON file. The file is
 * checked before use: a hand-edited, truncated or stale file (a monitor that is gone) must never
 * open the window off screen or at a useless size.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export const MIN_WINDOW_SIZE = { width: 1100, height: 700 } as const
const MAX_WINDOW_EDGE = 16_384
/** How much of the window must be on some display for the saved position to be kept. */
const MIN_VISIBLE = { width: 200, height: 100 } as const

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  /** Absent when the OS should choose (first start, or the saved place is off every display). */
  position?: { x: number; y: number }
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false }

const coordinate = z.number().int().min(-MAX_WINDOW_EDGE).max(MAX_WINDOW_EDGE)
const edge = z.number().int().min(1).max(MAX_WINDOW_EDGE)
const savedStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: edge,
  height: edge,
  maximized: z.boolean()
})

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

/** Turns whatever was saved into a usable state for the current displays' work areas. */
export function parseWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const parsed = savedStateSchema.safeParse(saved)
  if (!parsed.success) return DEFAULT_WINDOW_STATE
  const { x, y, maximized } = parsed.data
  const width = Math.max(parsed.data.width, MIN_WINDOW_SIZE.width)
  const height = Math.max(parsed.data.height, MIN_WINDOW_SIZE.height)
  const state: WindowState = { width, height, maximized }
  if (x === undefined || y === undefined) return state
  const visible = workAreas.some((area) => {
    const shared = overlap({ x, y, width, height }, area)
    return shared.width >= MIN_VISIBLE.width && shared.height >= MIN_VISIBLE.height
  })
  return visible ? { ...state, position: { x, y } } : state
}

/** Reads the saved state; a missing or unreadable file means the defaults. */
export function loadWindowState(filePath: string, workAreas: readonly Rect[]): WindowState {
  let saved: unknown
  try {
    saved = JSON.parse(fs.readFileSync(filePath, 'utf8'))
  } catch {
    return DEFAULT_WINDOW_STATE
  }
  return parseWindowState(saved, workAreas)
}

/** Writes through a temporary file so a crash mid-write leaves the previous state, not half a file. */
export function saveWindowState(filePath: string, bounds: Rect, maximized: boolean): void {
  const saved: z.input<typeof savedStateSchema> = {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized
  }
  fs.mkdirSync(path.dirname(filePath), { recursive: true })
  const temporary = `${filePath}.tmp`
  fs.writeFileSync(temporary, `${JSON.stringify(saved, null, 2)}\n`)
  fs.renameSync(temporary, filePath)
}
