import { describe, expect, it } from 'vitest';
import { parseBind, parsePort, readComposeModel } from '../../src/compose/compose-model.js';
import { ConfigError } from '../../src/errors.js';

const text = `services:
  app:
    image: app:1
  db:
    image: postgres:15-alpine
    profiles: [local-db]
    ports: ["\${POSTGRES_PORT:-5432}:5432"]
    healthcheck:
      test: ["CMD", "pg_isready"]
  grafana:
    image: grafana/grafana
    profiles: [monitoring, all]
    ports:
      - target: 3000
        published: 3001
  loki:
    image: grafana/loki
    profiles: [monitoring]
    ports:
      - target: 3100
        published: "\${LOKI_PORT:-3100}"
      - "127.0.0.1:\${DEBUG_PORT-7000}:7000/udp"
      - "$\${NOT_A_VAR}:80"
`;

describe('readComposeModel', () => {
  it('refuses a service name compose does not allow, escaped, with its line (names label output and name log files)', () => {
    const read = () => readComposeModel('services:\n  app:\n    image: a\n  "db\u001b[31m/x":\n    image: b\n', '/ws/docker-compose.yml', () => undefined);
    expect(read).toThrow('the compose service name "db\\u001b[31m/x" is not allowed: compose names hold only letters, digits, ".", "_" and "-".');
    const error = (() => {
      try {
        return read();
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).location).toEqual({ file: '/ws/docker-compose.yml', line: 4 });
  });

  it('reads profiles, images, published ports (interpolated, with the variable that sets each) and healthchecks', () => {
    const model = readComposeModel(text, '/ws/docker-compose.yml', (name) => ({ POSTGRES_PORT: '15432' })[name]);
    expect(model.profiles).toEqual(['all', 'local-db', 'monitoring']);
    expect(model.services).toEqual([
      { name: 'app', profiles: [], image: 'app:1', ports: [], binds: [], hostGateway: false, hasHealthcheck: false },
      {
        name: 'db',
        profiles: ['local-db'],
        image: 'postgres:15-alpine',
        ports: [{ published: 15432, target: 5432, variable: 'POSTGRES_PORT' }],
        binds: [],
        hostGateway: false,
        hasHealthcheck: true,
      },
      {
        name: 'grafana',
        profiles: ['monitoring', 'all'],
        image: 'grafana/grafana',
        ports: [{ published: 3001, target: 3000, variable: null }],
        binds: [],
        hostGateway: false,
        hasHealthcheck: false,
      },
      {
        name: 'loki',
        profiles: ['monitoring'],
        image: 'grafana/loki',
        ports: [
          { published: 3100, target: 3100, variable: 'LOKI_PORT' },
          { published: 7000, target: 7000, variable: 'DEBUG_PORT' },
          { published: null, target: 80, variable: null },
        ],
        binds: [],
        hostGateway: false,
        hasHealthcheck: false,
      },
    ]);
  });

  it('names the file and line of broken YAML and of a required variable that is unset', () => {
    expect(() => readComposeModel('services:\n  a: [\n', '/ws/c.yml', () => undefined)).toThrow(ConfigError);
    try {
      readComposeModel('services:\n  db:\n    environment:\n      P: ${POSTGRES_PASSWORD:?set it}\n', '/ws/c.yml', () => undefined);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).location).toEqual({ file: '/ws/c.yml', line: 4 });
      expect((error as ConfigError).message).toContain('POSTGRES_PASSWORD');
    }
  });
});

describe('parsePort', () => {
  it('reads the short and long syntaxes', () => {
    expect(parsePort('8080:80')).toEqual({ published: 8080, target: 80 });
    expect(parsePort('127.0.0.1:8080:80/tcp')).toEqual({ published: 8080, target: 80 });
    expect(parsePort('80')).toEqual({ published: null, target: 80 });
    expect(parsePort(9000)).toEqual({ published: null, target: 9000 });
    expect(parsePort({ target: 80, published: '8081' })).toEqual({ published: 8081, target: 80 });
    expect(parsePort('not-a-port')).toBeNull();
  });
});

describe('parseBind', () => {
  it('reads bind mounts in the short and long syntaxes, resolved against the compose file folder, and skips named volumes', () => {
    expect(parseBind('./infra/prometheus:/etc/prometheus:ro', '/ws')).toEqual({ source: '/ws/infra/prometheus', target: '/etc/prometheus', readOnly: true });
    expect(parseBind('/var/run/docker.sock:/var/run/docker.sock', '/ws')).toEqual({
      source: '/var/run/docker.sock',
      target: '/var/run/docker.sock',
      readOnly: false,
    });
    expect(parseBind({ type: 'bind', source: 'conf', target: '/c', read_only: true }, '/ws')).toEqual({ source: '/ws/conf', target: '/c', readOnly: true });
    expect(parseBind('postgres-data:/var/lib/postgresql/data', '/ws')).toBeNull();
    expect(parseBind({ type: 'volume', source: 'data', target: '/d' }, '/ws')).toBeNull();
    expect(parseBind('/anonymous', '/ws')).toBeNull();
  });
});

describe('readComposeModel on hostile YAML', () => {
  it('throws a ConfigError for an unresolved alias', () => {
    expect(() => readComposeModel('services: *nope\n', '/ws/c.yml', () => undefined)).toThrow(ConfigError);
  });
});
