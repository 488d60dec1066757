/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/** Preloaded with `-r` so the clock can be scaled before any other module loads (BENCH_TIME_SCALE, default 1). */
import { installTimeWarp } from './timewarp';

installTimeWarp(Number(process.env.BENCH_TIME_SCALE ?? 1) || 1);
