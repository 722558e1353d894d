/**
 * Request ids: every response carries `x-request-id`, and every log line about the
 * request names it. An incoming id is kept when it is a sane token (a load balancer's or
 * a client's, so a request can be followed across systems); anything else is replaced.
 * No server-only imports: proxy.ts uses this.
 */
export const REQUEST_ID_HEADER = "x-request-id";

const SANE = /^[A-Za-z0-9][A-Za-z0-9._:+=/-]{0,127}$/;

/** The incoming id when it is 1–128 characters of letters, digits and `._:+=/-`, else null. */
export function saneRequestId(value: string | null | undefined): string | null {
  const id = value?.trim();
  return id && SANE.test(id) ? id : null;
}

/** The request's id: the sane incoming header, else a new random UUID. */
export function requestIdOf(headers: Headers): string {
  return saneRequestId(headers.get(REQUEST_ID_HEADER)) ?? crypto.randomUUID();
}
