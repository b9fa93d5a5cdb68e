import type { Database } from '../db/types.ts';
import type { ServerConfig } from '../config.ts';
import type { MailContext } from '../mail/compose.ts';
import type { Viewer } from '../shared/viewer.ts';

export type { Viewer };

export interface AppVariables {
  db: Database;
  config: ServerConfig;
  viewer: Viewer | null;
  clientAddress: string;
  requestId: string;
  /** How writes mail their consequences; null when this server sends no mail. */
  mail: MailContext | null;
}

export interface AppEnv {
  Variables: AppVariables;
}
