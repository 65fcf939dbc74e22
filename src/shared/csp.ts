// The Content-Security-Policy for the renderer, in the desktop app and the browser host alike:
// no inline or eval'd script, no remote anything; styles allow inline attributes because
// ProseMirror and React set style attributes.
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')
