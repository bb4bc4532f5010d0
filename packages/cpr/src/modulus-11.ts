// The old CPR check digit rule (weights 4,3,2,7,6,5,4,3,2,1; sum divisible by 11).
// Since 1 October 2007 the CPR office issues numbers that fail it, so it may only raise confidence.

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/** True when the ten digits pass modulus 11. A failure proves nothing (post-2007 numbers). */
export function passesModulus11(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return sum % 11 === 0;
}
