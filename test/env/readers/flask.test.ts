import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../src/env/parse.js';
import { readAsFlask, resolvePythonDotenv } from '../../../src/env/readers/flask.js';

describe('the python-dotenv model', () => {
  it('resolves ${NAME} from keys above, then the environment, then the default; $NAME stays literal', () => {
    const values = resolvePythonDotenv(parseEnv('A=a\nB=${A}-${HOME_X}-${NONE:-d}-$A\n'), { HOME_X: 'h' });
    expect(values.get('B')).toBe('a-h-d-$A');
  });

  it('treats a key without "=" as set to nothing for references, and leaves it out of what Flask gets', () => {
    const parsed = parseEnv('A\nB=${A:-d}\n');
    expect(resolvePythonDotenv(parsed).get('A')).toBeNull();
    expect(resolvePythonDotenv(parsed).get('B')).toBe('');
    expect(readAsFlask(parsed).values.has('A')).toBe(false);
  });
});
