/** Known failure patterns in a tool's output and the fix to suggest for each. */

/** A pattern in a tool's output and the hint it calls for. */
export interface OutputHint {
  pattern: RegExp;
  hint: string;
}

/** The hint of the first pattern found in output, if any. */
export function hintFor(output: string, hints: readonly OutputHint[]): string | undefined {
  return hints.find(({ pattern }) => pattern.test(output))?.hint;
}

/** Hints for `pip install -r` failures. */
export function pipHints(requirementsName: string): OutputHint[] {
  return [
    {
      pattern: /Could not find a version that satisfies|No matching distribution found/i,
      hint: `Check the spelling and version of that requirement in ${requirementsName}; pip found no matching release on its index.`,
    },
    {
      pattern: /Failed to establish a new connection|Temporary failure in name resolution|ProxyError|SSLError/i,
      hint: 'pip could not reach its package index: check the network connection, proxy or PIP_INDEX_URL.',
    },
    {
      pattern: /Microsoft Visual C\+\+|error: command 'gcc' failed|Failed building wheel/i,
      hint: 'A package had to be compiled and the build failed: install the compiler it names, or pin a version with a prebuilt wheel for your Python.',
    },
  ];
}

/** Hints for `npm install` failures; service names the tovrun.yaml key to change. */
export function npmHints(service: string): OutputHint[] {
  return [
    {
      pattern: /ERESOLVE/,
      hint: `npm could not resolve peer dependencies (ERESOLVE): set \`legacyPeerDeps: true\` under services.${service} in tovrun.yaml, or align the conflicting versions in package.json.`,
    },
    { pattern: /E404|404 Not Found/, hint: 'A package named in package.json does not exist on the registry: check its name and version.' },
    {
      pattern: /ENOTFOUND|ETIMEDOUT|ECONNREFUSED|ECONNRESET|EAI_AGAIN/,
      hint: 'npm could not reach its registry: check the network connection, proxy or the registry in .npmrc.',
    },
    {
      pattern: /EACCES|EPERM/,
      hint: 'npm was not allowed to write a file: check the permissions of node_modules (and close editors or servers using it on Windows).',
    },
  ];
}
