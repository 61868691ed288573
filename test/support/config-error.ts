// The ConfigError a piece of tovrun throws, for tests of clear errors.
import { ConfigError } from '../../src/errors.js';

/** The ConfigError fn throws; any other error is rethrown, and throwing nothing fails the test. */
export function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
