import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW_STATE, loadWindowState, parseWindowState, saveWindowState } from '../../../electron/core/window-state'
import { tempDir } from './temp-dirs'

const LAPTOP = [{ x: 0, y: 0, width: 1440, height: 877 }]
const TWO_SCREENS = [...LAPTOP, { x: 1440, y: 0, width: 2560, height: 1400 }]

describe('parseWindowState', () => {
  it('keeps a saved size and place that is on a display', () => {
    expect(parseWindowState({ x: 1600, y: 100, width: 1400, height: 900, maximized: true }, TWO_SCREENS)).toEqual({
      position: { x: 1600, y: 100 },
      width: 1400,
      height: 900,
      maximized: true
    })
  })

  it('drops the place when its display is gone, keeping the size', () => {
    expect(parseWindowState({ x: 1600, y: 100, width: 1400, height: 900, maximized: false }, LAPTOP)).toEqual({
      width: 1400,
      height: 900,
      maximized: false
    })
  })

  it('grows a size below the minimum', () => {
    expect(parseWindowState({ width: 300, height: 200, maximized: false }, LAPTOP)).toMatchObject({ width: 1100, height: 700 })
  })

  it.each([
    ['nothing', undefined],
    ['a string', 'big'],
    ['a missing height', { width: 1200, maximized: false }],
    ['a non-number width', { width: '1200', height: 800, maximized: false }],
    ['a fractional size', { width: 1200.5, height: 800, maximized: false }],
    ['an absurd size', { width: 1e9, height: 800, maximized: false }],
    ['NaN', { width: Number.NaN, height: 800, maximized: false }],
    ['a missing maximized flag', { width: 1200, height: 800 }]
  ])('falls back to the defaults for %s', (_what, saved) => {
    expect(parseWindowState(saved, LAPTOP)).toEqual(DEFAULT_WINDOW_STATE)
  })
})

describe('loadWindowState / saveWindowState', () => {
  it('round-trips through the file', () => {
    const file = path.join(tempDir(), 'nested', 'window-state.json')
    saveWindowState(file, { x: 10.4, y: 20, width: 1300, height: 800 }, false)
    expect(loadWindowState(file, LAPTOP)).toEqual({ position: { x: 10, y: 20 }, width: 1300, height: 800, maximized: false })
    expect(fs.existsSync(`${file}.tmp`)).toBe(false)
  })

  it('uses the defaults for a missing or damaged file', () => {
    const dir = tempDir()
    expect(loadWindowState(path.join(dir, 'none.json'), LAPTOP)).toEqual(DEFAULT_WINDOW_STATE)
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"width":')
    expect(loadWindowState(path.join(dir, 'bad.json'), LAPTOP)).toEqual(DEFAULT_WINDOW_STATE)
  })
})
