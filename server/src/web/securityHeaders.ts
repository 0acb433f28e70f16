// Security headers on every response (Hono's secureHeaders): scripts from this
// origin only, no framing of the app by anyone, no Referer leaving the app (a
// review URL names the review), no MIME sniffing. The report preview is a
// sandboxed srcdoc frame inside the app: it needs frame-src 'self' and inline
// styles (the exported report carries its own <style>), never scripts. A
// route's own stricter header (the HTML export's CSP) is kept.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      frameSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    // HSTS is the TLS proxy's call (it knows whether every subdomain serves https).
    strictTransportSecurity: false,
    crossOriginResourcePolicy: 'same-origin',
    // A route that sets its own (stricter) header keeps it: the HTML export allows no scripts at all.
    overwrite: false,
  });
}
