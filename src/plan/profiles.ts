/** Which compose profiles a run starts: -p/--profile flags, TOVRUN_PROFILES, and tovrun.yaml's compose.profiles. */

/** The names in TOVRUN_PROFILES ("a,b" or "a b"), trimmed, empty ones dropped. */
export function profilesFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((name) => name !== '');
}

/** Every requested profile once, in order: flags first, then TOVRUN_PROFILES, then tovrun.yaml. */
export function requestedProfiles(flags: readonly string[], env: NodeJS.ProcessEnv, configured: readonly string[]): string[] {
  return [...new Set([...flags, ...profilesFromEnv(env.TOVRUN_PROFILES), ...configured])];
}
