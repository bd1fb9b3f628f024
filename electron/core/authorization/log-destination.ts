/**
 * Where a navigation was going, for the log: the origin of a web URL, else its scheme only. A full
 * URL is never logged — on the callback it carries the code and the state.
 */
export function destinationForLog(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : parsed.protocol
  } catch {
    return '(unparsable url)'
  }
}
