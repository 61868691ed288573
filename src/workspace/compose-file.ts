/** What tovrun knows of the workspace's compose file, as plain data: each service's profiles, image and published ports. */

/** A published port: the host side (null when compose picks one) and the container side. */
export interface PublishedPort {
  published: number | null;
  target: number;
  /** The variable that alone sets the published port (`${POSTGRES_PORT:-5432}:5432`), null for a literal or none: how an instance moves it. */
  variable?: string | null;
}

/** One service of the compose file. */
export interface ComposeServiceInfo {
  name: string;
  /** Empty for services of the default profile (always enabled). */
  profiles: string[];
  image: string | null;
  ports: PublishedPort[];
  hasHealthcheck: boolean;
}

/** What tovrun knows of a compose file (read by compose/compose-model.ts). */
export interface ComposeModel {
  file: string;
  services: ComposeServiceInfo[];
  /** Every profile some service declares, sorted. */
  profiles: string[];
}
