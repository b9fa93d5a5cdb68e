import type { Database } from '../db/types.ts';
import type { ServerConfig } from '../config.ts';
import type { Viewer } from '../shared/viewer.ts';

export type { Viewer };

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
