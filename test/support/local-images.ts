// Local stand-ins for postgres:15 and redis:7, built FROM scratch from the host's binaries (no registry is needed):
// PostgreSQL 15 (initdb, postgres, pg_isready with their libraries and share files), Redis 7 (redis-server,
// redis-cli) and Debian's static busybox for sh. Each image carries a label with a hash of what went into it; an
// image whose label matches is reused, and an image of that tag without the label (a real one) is left alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { staticBusybox } from '../setup/engine.js';
import { repoRoot } from './processes.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'images');
const hashLabel = 'org.tovrun.test.content-hash';
/** Bump when the way images are assembled changes without any input file changing. */
const builderVersion = '1';
const busyboxApplets = ['sh', 'cat', 'echo', 'printf', 'rm', 'mkdir', 'ls', 'id', 'sleep'];

/** One file of an image: where it comes from on the host and where it goes in the image (absolute). */
interface ImageFile {
  from: string;
  to: string;
}

interface ImageSpec {
  tag: string;
  /** Folder under test/fixtures/images with the Dockerfile (and whatever else it needs). */
  fixture: string;
  files: ImageFile[];
  /** Folders to create (empty) in the image. */
  dirs: string[];
  /** Text files written into the image. */
  texts: { to: string; text: string }[];
}

const onPath = (name: string): string | undefined => {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
};

/** The shared libraries an ELF file needs, by the paths the host's loader resolves them to (ldd). */
function libraries(file: string): string[] {
  const result = spawnSync('ldd', [file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ldd ${file} failed: ${result.stderr || result.stdout}`);
  const found: string[] = [];
  for (const line of result.stdout.split('\n')) {
    if (/not found/.test(line)) throw new Error(`ldd ${file}: ${line.trim()}`);
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line);
    if (match?.[1]) found.push(match[1]);
  }
  return found;
}

/** The ELF files plus every library they need, each library at the path the host's loader found it at. */
function withLibraries(files: ImageFile[]): ImageFile[] {
  const all = new Map(files.map((file) => [file.to, file]));
  for (const file of files) for (const library of libraries(file.from)) all.set(library, { from: library, to: library });
  return [...all.values()];
}

const busybox = (): ImageFile[] => [{ from: staticBusybox, to: '/bin/busybox' }];
const passwd = (name: string, home: string) => [
  { to: '/etc/passwd', text: `root:x:0:0:root:/root:/bin/sh\n${name}:x:999:999:${name}:${home}:/bin/sh\n` },
  { to: '/etc/group', text: `root:x:0:\n${name}:x:999:\n` },
];

/** Where the host's PostgreSQL 15 is, or why it cannot be used. */
function postgresInstall(): { bindir: string; sharedir: string; pkglibdir: string } | string {
  const pgConfig = existsSync('/usr/lib/postgresql/15/bin/pg_config') ? '/usr/lib/postgresql/15/bin/pg_config' : onPath('pg_config');
  if (!pgConfig) return 'PostgreSQL 15 is not installed (no pg_config)';
  const ask = (flag: string) => execFileSync(pgConfig, [flag], { encoding: 'utf8' }).trim();
  const version = ask('--version');
  if (!/^PostgreSQL 15\./.test(version)) return `pg_config reports ${version}, not PostgreSQL 15`;
  const bindir = ask('--bindir');
  const absent = ['initdb', 'postgres', 'pg_isready'].filter((name) => !existsSync(path.join(bindir, name)));
  if (absent.length > 0) return `PostgreSQL 15 server binaries missing in ${bindir}: ${absent.join(', ')}`;
  return { bindir, sharedir: ask('--sharedir'), pkglibdir: ask('--pkglibdir') };
}

/** The host's redis-server and redis-cli, or why they cannot be used. */
function redisInstall(): { server: string; cli: string } | string {
  const server = onPath('redis-server');
  const cli = onPath('redis-cli');
  if (!server || !cli) return 'redis-server and redis-cli are not installed (apt-get install redis-server)';
  const version = spawnSync(server, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  if (!/ v=7\./.test(version)) return `redis-server is not Redis 7 (${version.trim()})`;
  return { server, cli };
}

/** Under CI only: installs Debian's redis-server (with redis-tools) when it is missing. */
function installRedisUnderCi(): void {
  if (process.env.CI !== 'true' || (onPath('redis-server') && onPath('redis-cli'))) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
}

/** Why the images cannot be built here (empty when they can). Cheap: meant for a describe.skipIf at collection. */
export function localImagesMissing(): string[] {
  const gaps: string[] = [];
  if (!existsSync(staticBusybox)) gaps.push(`no static busybox at ${staticBusybox}`);
  const postgres = postgresInstall();
  if (typeof postgres === 'string') gaps.push(postgres);
  const redis = redisInstall();
  if (typeof redis === 'string') gaps.push(redis);
  return gaps;
}

function postgresSpec(): ImageSpec {
  const install = postgresInstall();
  if (typeof install === 'string') throw new Error(`cannot build postgres:15: ${install}`);
  const { bindir, sharedir, pkglibdir } = install;
  const elves = [
    ...['initdb', 'postgres', 'pg_isready'].map((name) => ({ from: path.join(bindir, name), to: path.join(bindir, name) })),
    // initdb loads PL/pgSQL and the snowball dictionaries.
    ...['plpgsql.so', 'dict_snowball.so'].map((name) => ({ from: path.join(pkglibdir, name), to: path.join(pkglibdir, name) })),
  ];
  const zoneinfo = ['UTC', 'Etc/UTC', 'GMT']
    .filter((zone) => existsSync(`/usr/share/zoneinfo/${zone}`))
    .map((zone) => ({ from: `/usr/share/zoneinfo/${zone}`, to: `/usr/share/zoneinfo/${zone}` }));
  return {
    tag: 'postgres:15',
    fixture: 'postgres',
    files: [
      ...busybox(),
      ...withLibraries(elves),
      { from: sharedir, to: sharedir },
      ...zoneinfo,
      { from: path.join(fixtures, 'postgres', 'entrypoint.sh'), to: '/usr/local/bin/entrypoint.sh' },
    ],
    dirs: ['/var/lib/postgresql/data', '/var/run/postgresql', '/tmp'],
    texts: passwd('postgres', '/var/lib/postgresql'),
  };
}

function redisSpec(): ImageSpec {
  const install = redisInstall();
  if (typeof install === 'string') throw new Error(`cannot build redis:7: ${install}`);
  return {
    tag: 'redis:7',
    fixture: 'redis',
    files: [
      ...busybox(),
      ...withLibraries([
        { from: install.server, to: '/usr/local/bin/redis-server' },
        { from: install.cli, to: '/usr/local/bin/redis-cli' },
      ]),
    ],
    dirs: ['/data', '/tmp'],
    texts: passwd('redis', '/data'),
  };
}

/** Hash of everything that goes into the image: the fixture, the texts, and each host file's path, size and mtime. */
function contentHash(spec: ImageSpec): string {
  const hash = createHash('sha256').update(`${builderVersion}\n${spec.tag}\n`);
  hash.update(readFileSync(path.join(fixtures, spec.fixture, 'Dockerfile')));
  for (const file of spec.files) {
    const real = realpathSync(file.from);
    const stat = statSync(real);
    hash.update(`${file.to}<-${real}:${stat.size}:${stat.mtimeMs}\n`);
    if (!stat.isDirectory()) hash.update(readFileSync(real).subarray(0, 65_536));
  }
  for (const text of spec.texts) hash.update(`${text.to}\n${text.text}`);
  hash.update(spec.dirs.join('\n'));
  return hash.digest('hex').slice(0, 16);
}

/** The content-hash label of the image with this tag: undefined when absent, '' when it has none (a real image). */
function existingLabel(tag: string): string | undefined {
  const result = spawnSync('docker', ['image', 'inspect', '--format', `{{index .Config.Labels "${hashLabel}"}}`, tag], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const label = result.stdout.trim();
  return label === '<no value>' ? '' : label;
}

const imageId = (tag: string) => spawnSync('docker', ['image', 'inspect', '--format', '{{.Id}}', tag], { encoding: 'utf8' }).stdout.trim();

/** Builds one image unless an image of that tag with the same content hash (or a real one) exists; the context is removed after. */
function ensureImage(spec: ImageSpec): 'built' | 'cached' | 'real' {
  const hash = contentHash(spec);
  const label = existingLabel(spec.tag);
  if (label === '') return 'real';
  if (label === hash) return 'cached';
  const previous = label === undefined ? '' : imageId(spec.tag);
  const context = mkdtempSync(path.join(tmpdir(), `tovrun-image-${spec.fixture}-`));
  try {
    cpSync(path.join(fixtures, spec.fixture), context, { recursive: true });
    const rootfs = path.join(context, 'rootfs');
    const inside = (to: string) => path.join(rootfs, to);
    for (const dir of spec.dirs) mkdirSync(inside(dir), { recursive: true });
    for (const file of spec.files) {
      mkdirSync(path.dirname(inside(file.to)), { recursive: true });
      if (statSync(file.from).isDirectory()) cpSync(file.from, inside(file.to), { recursive: true, dereference: true });
      else copyFileSync(realpathSync(file.from), inside(file.to));
    }
    chmodSync(inside('/bin/busybox'), 0o755);
    for (const applet of busyboxApplets) symlinkSync('busybox', inside(`/bin/${applet}`));
    for (const text of spec.texts) {
      mkdirSync(path.dirname(inside(text.to)), { recursive: true });
      writeFileSync(inside(text.to), text.text);
    }
    const result = spawnSync('docker', ['build', '-q', '--label', `${hashLabel}=${hash}`, '-t', spec.tag, context], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    });
    if (result.status !== 0) throw new Error(`docker build of ${spec.tag} failed:\n${result.stderr}${result.stdout}`);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  // The image this tag pointed at before (one of ours, now stale) is dangling: remove it quietly.
  if (previous && previous !== imageId(spec.tag)) spawnSync('docker', ['rmi', previous], { stdio: 'ignore' });
  return 'built';
}

let ensured: Record<string, 'built' | 'cached' | 'real'> | undefined;

/**
 * Makes sure postgres:15 and redis:7 exist in the local engine (once per test run): built from the host's binaries
 * when absent or stale. Under CI=true a missing redis-server is installed first (apt-get). Throws when it cannot.
 */
export function ensurePresetImages(): Record<string, 'built' | 'cached' | 'real'> {
  if (ensured) return ensured;
  installRedisUnderCi();
  const gaps = localImagesMissing();
  if (gaps.length > 0) throw new Error(`cannot build the postgres:15 and redis:7 test images: ${gaps.join('; ')}`);
  ensured = { 'postgres:15': ensureImage(postgresSpec()), 'redis:7': ensureImage(redisSpec()) };
  return ensured;
}
