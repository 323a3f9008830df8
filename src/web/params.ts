/**
 * Query-string parameters of the API and the pages, validated in one place: a bad value is an `HttpError`
 * (400, naming the parameter and the reason) that the API answers as JSON and the pages as an error page.
 */

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 422,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_LIMIT = 500;

/** A whole number in [min, max], or `fallback` when absent or empty. */
export function intParam(q: Query, name: string, fallback: number, min: number, max: number): number {
  const v = q[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new HttpError(400, `${name} must be a whole number from ${min} to ${max}, not "${v}"`, name);
  return Number(v);
}

/** An ISO day (YYYY-MM-DD) that exists, or undefined when absent or empty. */
export function dayParam(q: Query, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  if (!DAY.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) throw new HttpError(400, `${name} must be an ISO date (YYYY-MM-DD), not "${v}"`, name);
  return v;
}

/** One of `choices`, or `fallback`. */
export function enumParam<T extends string>(q: Query, name: string, choices: readonly T[], fallback: T): T;
export function enumParam<T extends string>(q: Query, name: string, choices: readonly T[], fallback?: undefined): T | undefined;
export function enumParam<T extends string>(q: Query, name: string, choices: readonly T[], fallback?: T): T | undefined {
  const v = q[name];
  if (v === undefined || v === '') return fallback;
  if (!(choices as readonly string[]).includes(v)) throw new HttpError(400, `${name} must be one of ${choices.join(', ')}, not "${v}"`, name);
  return v as T;
}

/** A non-empty string of at most `max` characters, or undefined. */
export function textParam(q: Query, name: string, max = 200): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (v.length > max) throw new HttpError(400, `${name} is longer than ${max} characters`, name);
  return v;
}

/** The filters lists and search share, with the range checked. */
export function filterParams(q: Query): { from?: string; to?: string; outlet?: string; actor?: string } {
  const from = dayParam(q, 'from');
  const to = dayParam(q, 'to');
  if (from && to && from > to) throw new HttpError(400, `from (${from}) is after to (${to})`, 'from');
  return { from, to, outlet: textParam(q, 'outlet'), actor: textParam(q, 'actor') };
}

export function pageParams(q: Query, fallback = 50): { limit: number; offset: number } {
  return { limit: intParam(q, 'limit', fallback, 1, MAX_LIMIT), offset: intParam(q, 'offset', 0, 0, 1_000_000) };
}

/** Refuse parameters a route does not know: a misspelt filter must not silently return everything. */
export function onlyParams(q: Query, known: readonly string[]): void {
  for (const k of Object.keys(q)) {
    if (!known.includes(k)) throw new HttpError(400, `unknown parameter "${k}" (known: ${known.join(', ') || 'none'})`, k);
  }
}
