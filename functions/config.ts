/**
 * Configuration read from the environment, in one module. Each setting is a
 * small function of the environment so the Lambda entry, the local server,
 * the CLI and the tests read it the same way.
 */
import { DEFAULT_TIME_ZONE, isTimeZone } from "../templates/time";

export type Env = Readonly<Record<string, string | undefined>>;

/** How times are shown to people: `HUIZONG_TIME_ZONE` (an IANA zone), default Asia/Shanghai. */
export interface TimeConfig {
  timeZone: string;
}

/** `HUIZONG_TIME_ZONE` when it names a zone this runtime knows, else {@link DEFAULT_TIME_ZONE}. */
export function timeConfig(env: Env = process.env): TimeConfig {
  const zone = env.HUIZONG_TIME_ZONE?.trim();
  return { timeZone: zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE };
}
