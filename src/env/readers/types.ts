/** What one reader of the shared .env makes of it: the shapes every reader model returns. */

/** The three programs that read TovPlay's one .env. */
export type ReaderName = 'flask' | 'vite' | 'compose';

/** Variables from the surrounding process that `${NAME}` references may fall back to. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Values a reader ends up with, by key; a failure means the reader refuses the key (compose stops). */
export interface ReaderResult {
  values: Map<string, string>;
  failures: Map<string, string>;
}

/** How each reader is named to the user. */
export const readerLabels: Record<ReaderName, string> = {
  flask: 'Flask (python-dotenv)',
  vite: 'Vite (loadEnv)',
  compose: 'docker compose',
};
