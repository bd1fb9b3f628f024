/** One look for every confirmation and failure message the app shows. */
import { notifications } from '@mantine/notifications'
import type { ReactNode } from 'react'

export function toastSuccess(title: ReactNode, message?: ReactNode, options: { id?: string; autoClose?: number | false } = {}): string {
  return notifications.show({ color: 'teal', title, message, withBorder: true, autoClose: options.autoClose ?? 6000, ...(options.id ? { id: options.id } : {}) })
}

export function toastError(title: ReactNode, message?: ReactNode, options: { id?: string; autoClose?: number | false } = {}): string {
  return notifications.show({ color: 'red', title, message, withBorder: true, autoClose: options.autoClose ?? 10000, ...(options.id ? { id: options.id } : {}) })
}

export function hideToast(id: string): void {
  notifications.hide(id)
}
