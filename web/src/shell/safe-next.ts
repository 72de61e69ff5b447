/**
 * Where to go after logging in: only a path on this site (`/account?tab=x`), never another origin
 * (`//evil.example`, `https://…`, `/\evil`), so the parameter cannot be used for open redirects.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** `/login?next=/account` for the current location. */
export function loginPathFor(location: { pathname: string; search: string; hash?: string }): string {
  const next = `${location.pathname}${location.search}${location.hash ?? ''}`;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
