import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeServicesTouched, shownCommand } from '../../src/devloop/compose-changes.js';

const root = path.resolve('/work/app');
const text = [
  'services:',
  '  db:',
  '    image: postgres:16',
  '    environment:',
  '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
  '  cache:',
  '    image: redis:${REDIS_TAG:-7}',
  '  mail:',
  '    image: mailpit',
  '    env_file: .env',
  '  other:',
  '    image: x',
].join('\n');
const compose = { text, file: path.join(root, 'docker-compose.yml'), services: ['db', 'cache', 'mail'], envFile: path.join(root, '.env') };

describe('composeServicesTouched', () => {
  it('names the run services whose interpolated definition changed', () => {
    expect(composeServicesTouched(compose, { DB_PASSWORD: 'a' }, { DB_PASSWORD: 'b' }, false)).toEqual(['db']);
    expect(composeServicesTouched(compose, { DB_PASSWORD: 'a' }, { DB_PASSWORD: 'a', REDIS_TAG: '8' }, false)).toEqual(['cache']);
  });

  it('names a service reading the .env with env_file whenever its values changed', () => {
    expect(composeServicesTouched(compose, { OTHER: '1' }, { OTHER: '2' }, true)).toEqual(['mail']);
  });

  it('shows the recreate command with arguments quoted when needed', () => {
    expect(shownCommand('docker', ['compose', '-f', '/my app/compose.yml', 'up', '-d', '--force-recreate', 'db'])).toBe(
      'docker compose -f "/my app/compose.yml" up -d --force-recreate db',
    );
  });
});
