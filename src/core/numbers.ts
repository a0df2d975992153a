/** Decimal-safe arithmetic for results shown with 2 decimals and for percent scaling. */

/** x × 10^k computed on the decimal representation (0.07 × 100 = 7, not 7.000000000000001). */
export function shiftDecimal(x: number, k: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const [mantissa, exp] = x.toExponential(14).split('e');
  return Number(`${mantissa}e${Number(exp) + k}`);
}

/**
 * Round half away from zero to 2 decimals, on the decimal value (1.005 → 1.01). From 2^52 on every
 * double is a whole number (and scaling it by 100 could overflow to Infinity), so it is kept.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  const sign = x < 0 ? -1 : 1;
  return sign * shiftDecimal(Math.round(shiftDecimal(Math.abs(x), 2)), -2);
}
