import type { PackageRecord } from '../utils/store/types';

export function localDay(ms: number): string;
export function scaleNumber(i: number): string;
export function scaleRecords(count: number, active: number, now: number): PackageRecord[];
