/**
 * The renderer's Content-Security-Policy, sent as a response header by the `app://` handler (a
 * header cannot be removed by the page, a `<meta>` tag can). Only the bundle's own files run;
 * inline styles stay allowed because the component library sets style attributes at runtime.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
