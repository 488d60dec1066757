/** Small statistics helpers for the benchmarks. */
export function quantile(values: number[], q: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values: number[]) => quantile(values, 0.5);
export const p95 = (values: number[]) => quantile(values, 0.95);
export const mean = (values: number[]) =>
	values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;

/** Deterministic PRNG (mulberry32), so every run draws the same job durations. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Triangular distribution on [min, max] with its peak at `mode`. */
export function triangular(random: () => number, min: number, mode: number, max: number): number {
	const u = random();
	const split = (mode - min) / (max - min);
	return u < split
		? min + Math.sqrt(u * (max - min) * (mode - min))
		: max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

export const round = (value: number, digits = 1) => {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
};
