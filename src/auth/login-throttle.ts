/** How many recent failures there were, and the limits that apply. */
export interface FailureCounts {
  forAccount: number;
  forAddress: number;
}

export interface ThrottleLimits {
  maxPerAccount: number;
  maxPerAddress: number;
}

/** A login is refused (429) once either count has reached its limit within the window. */
export function isThrottled(counts: FailureCounts, limits: ThrottleLimits): boolean {
  return counts.forAccount >= limits.maxPerAccount || counts.forAddress >= limits.maxPerAddress;
}
