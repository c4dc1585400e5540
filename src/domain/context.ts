import type { Config } from '../config/schema.ts';
import type { ClockContext } from './clocks.ts';

/** The part of the config the clocks engine reads. */
export const clockContext = (config: Config): ClockContext => ({ rules: config.rules, calendars: config.calendars });
