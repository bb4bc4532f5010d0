// The masked form of a CPR number, as Danish municipal scanners store matches: day and month kept,
// year and serial hidden (`010203-1234` -> `0102XX-XXXX`). The only form a match is ever shown in.

export function maskDigits(digits: string): string {
  return `${digits.slice(0, 4)}XX-XXXX`;
}
