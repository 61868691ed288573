/** Loading the UI module (Ink, React) with React's production build, without changing the environment services get. */
import type * as TuiOutputModule from './tui-output.js';

/**
 * Imports tui-output.js. React picks its build from NODE_ENV when first loaded, and its development build is several
 * times slower on every redraw; so, unless the user set NODE_ENV, it is "production" for the import only and removed
 * again at once (services must not inherit it: NODE_ENV=production makes npm drop devDependencies).
 */
export async function loadTui(env: NodeJS.ProcessEnv = process.env): Promise<typeof TuiOutputModule> {
  if (env.NODE_ENV !== undefined) return import('./tui-output.js');
  env.NODE_ENV = 'production';
  try {
    return await import('./tui-output.js');
  } finally {
    delete env.NODE_ENV;
  }
}
