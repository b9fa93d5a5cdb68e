import type { Database } from '../db/types.ts';
import type { ServerConfig } from '../config.ts';

/** The signed-in member, or null for anonymous requests. */
export interface Viewer {
  memberId: string;
}

export interface AppVariables {
  db: Database;
  config: ServerConfig;
  viewer: Viewer | null;
  clientAddress: string;
  requestId: string;
}

export interface AppEnv {
  Variables: AppVariables;
}
