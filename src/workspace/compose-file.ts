/** What tovrun knows of the workspace's compose file, as plain data: each service's profiles, image and published ports. */

/** A published port: the host side (null when compose picks one) and the container side. */
export interface PublishedPort {
  published: number | null;
  target: number;
  /** The variable that alone sets the published port (`${POSTGRES_PORT:-5432}:5432`), null for a literal or none: how an instance moves it. */
  variable?: string | null;
}

/** A bind mount: a path of the engine's host (absolute, resolved against the compose file's folder) mounted at target. */
export interface BindMount {
  source: string;
  target: string;
  readOnly: boolean;
}

/** One service of the compose file. */
export interface ComposeServiceInfo {
  name: string;
  /** Empty for services of the default profile (always enabled). */
  profiles: string[];
  image: string | null;
  ports: PublishedPort[];
  /** Its bind mounts (named volumes are not listed). */
  binds: BindMount[];
  /** Whether extra_hosts maps a name to host-gateway (host.docker.internal): it reaches the engine's host. */
  hostGateway: boolean;
  hasHealthcheck: boolean;
}

/** What tovrun knows of a compose file (read by compose/compose-model.ts). */
export interface ComposeModel {
  file: string;
  services: ComposeServiceInfo[];
  /** Every profile some service declares, sorted. */
  profiles: string[];
}
