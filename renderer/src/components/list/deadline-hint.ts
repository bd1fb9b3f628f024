/** A deadline's hint in list rows: its exact time in both clocks, worked out only when shown. */
import { exactDeadline } from '../../lib/deadline-cells'
import { defineHint, lazyHint } from './hints'

defineHint('deadline', (value) => {
  const [deadline, country] = value.split('|')
  return exactDeadline(Number(deadline), country ?? '', Date.now())
})

export function deadlineHint(deadline: number, country: string): { 'data-hint': string } {
  return lazyHint('deadline', `${deadline}|${country}`)
}
