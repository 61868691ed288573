import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/check-text.js';

const template =
  '# @required\nFLASK_ENV=development\n# @secret\nSECRET_KEY=dev-only-example\nDATABASE_URL=postgresql://u:dev-only-pw@localhost/db\n# NODE_ENV=\n';

describe('production rules', () => {
  it('env/node-env-production is an error in development and a warning in production', () => {
    expect(findingsOf('node-env-production', 'FLASK_ENV=development\nNODE_ENV=production\n', template)).toMatchObject([{ status: 'error', line: 2 }]);
    expect(findingsOf('node-env-production', 'FLASK_ENV=production\nNODE_ENV=production\n', template)).toMatchObject([{ status: 'warn' }]);
    expect(findingsOf('node-env-production', 'FLASK_ENV=development\nNODE_ENV=development\n', template)).toEqual([]);
  });

  it('env/production-secret rejects example, placeholder and weak secrets only when FLASK_ENV=production', () => {
    const env = 'SECRET_KEY=dev-only-example\nDATABASE_URL=postgresql://u:<password>@db/db\n';
    expect(findingsOf('production-secret', `FLASK_ENV=development\n${env}`, template)).toEqual([]);
    const found = findingsOf('production-secret', `FLASK_ENV=production\n${env}`, template);
    expect(found.map((item) => [item.line, item.message])).toEqual([
      [2, 'SECRET_KEY is not fit for production (FLASK_ENV=production): it is still the example value from .env.template.'],
      [3, 'DATABASE_URL is not fit for production (FLASK_ENV=production): it is a placeholder.'],
    ]);
    expect(found[1]?.hint).toContain('real password in the URL');
    expect(
      findingsOf(
        'production-secret',
        'FLASK_ENV=production\nSECRET_KEY=Zq8vR2mX7pL4kW9tN3bY6cH1\nDATABASE_URL=postgresql://u:Zq8vR2mX7pL4kW9tN3bY6cH1@db/db\n',
        template,
      ),
    ).toEqual([]);
  });
});
