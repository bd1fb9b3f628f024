/** What a seller does on the mock Lazada authorization page, as the guide's step tells them to. */
import type { Page } from 'playwright-core'

/**
 * Picks the country, signs in, agrees to the terms and submits, then waits for the integrator's
 * callback page (headed with the app's name) that the mock redirects to.
 */
export async function authorizeAsSeller(page: Page, seller: { email: string; password: string; country?: string; appName?: string }): Promise<void> {
  await page.getByLabel('Country').selectOption(seller.country ?? 'sg')
  await page.getByLabel('E-mail').fill(seller.email)
  await page.getByLabel('Password').fill(seller.password)
  await page.getByLabel('I agree to the Authorization Terms & Agreement').check()
  await page.getByRole('button', { name: 'Submit' }).click()
  await page.getByRole('heading', { name: seller.appName ?? 'Anchanto OM' }).waitFor()
}
