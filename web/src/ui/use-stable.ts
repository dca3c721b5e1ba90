import { useRef } from 'react';

/**
 * A callback that stays the same function from one drawing to the next while calling the latest one
 * given: memoised children handed it are not drawn again because their parent was.
 */
export function useStable<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  const latest = useRef(f);
  latest.current = f;
  return useRef((...args: A) => latest.current(...args)).current;
}
