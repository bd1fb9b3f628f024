/** Calls the core the way main does — through the dispatcher, payloads validated — for checklist and authorization tests. */
import type { AppCore } from '../../../electron/core/app-core'
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/shared/ipc-contract'
import type { IntegratorProfileInput } from '../../../electron/shared/integrator'
import type { AppErrorInfo } from '../../../electron/shared/result'

export async function call<C extends Channel>(core: AppCore, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await core.dispatcher.dispatch(channel, input, { emit: () => undefined })
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`)
  return result.value as ChannelOutput<C>
}

export async function refusal<C extends Channel>(core: AppCore, channel: C, input: ChannelInput<C>): Promise<AppErrorInfo> {
  const result = await core.dispatcher.dispatch(channel, input, { emit: () => undefined })
  if (result.ok) throw new Error(`${channel} should have failed`)
  return result.error
}

/** Saves the integrator profile (merged over the stored one) through settings:save. */
export async function setIntegrator(core: AppCore, profile: Partial<IntegratorProfileInput>): Promise<void> {
  const current = core.settings.get()
  await call(core, 'settings:save', { ...current, integrator: { ...current.integrator, ...profile } } as ChannelInput<'settings:save'>)
}

export const DAY = 24 * 60 * 60 * 1000
export const MINUTE = 60 * 1000

/** An instant written in Singapore time. */
export const sgt = (iso: string) => Date.parse(`${iso}+08:00`)
