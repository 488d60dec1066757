/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { crc32 } from 'node:zlib';
import { planMedia, type MediaSpec } from '../../emulator/media';

const specs: Record<string, MediaSpec> = {
	png: { ext: 'png', mime: 'image/png', kind: 'image' },
	jpg: { ext: 'jpg', mime: 'image/jpeg', kind: 'image' },
	gif: { ext: 'gif', mime: 'image/gif', kind: 'image' },
	mp4: { ext: 'mp4', mime: 'video/mp4', kind: 'video' },
	mov: { ext: 'mov', mime: 'video/quicktime', kind: 'video' },
	webm: { ext: 'webm', mime: 'video/webm', kind: 'video' },
	wav: { ext: 'wav', mime: 'audio/wav', kind: 'audio' },
	mp3: { ext: 'mp3', mime: 'audio/mpeg', kind: 'audio' },
};

function bytesOf(ext: string, size: number): Buffer {
	const plan = planMedia(specs[ext], size);
	const buf = Buffer.concat([...plan.pieces()]);
	expect(buf.length).toBe(plan.size);
	return buf;
}

/** Structural walkers: each throws unless the whole file parses and ends exactly at its last byte. */
const walk: Record<string, (b: Buffer) => void> = {
	png(b) {
		expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
		let at = 8;
		const types: string[] = [];
		while (at < b.length) {
			const len = b.readUInt32BE(at);
			const type = b.subarray(at + 4, at + 8);
			const crc = b.readUInt32BE(at + 8 + len);
			expect(crc).toBe(crc32(b.subarray(at + 8, at + 8 + len), crc32(type)) >>> 0);
			types.push(type.toString('latin1'));
			at += 12 + len;
		}
		expect(at).toBe(b.length);
		expect(types[0]).toBe('IHDR');
		expect(types).toContain('IDAT');
		expect(types.at(-1)).toBe('IEND');
	},
	jpg(b) {
		expect(b.subarray(0, 3).toString('hex')).toBe('ffd8ff');
		let at = 2;
		const markers: number[] = [];
		for (;;) {
			expect(b[at]).toBe(0xff);
			const marker = b[at + 1];
			markers.push(marker);
			const len = b.readUInt16BE(at + 2);
			at += 2 + len;
			if (marker === 0xda) break;
		}
		expect(markers).toEqual(expect.arrayContaining([0xe0, 0xdb, 0xc0, 0xc4, 0xda]));
		expect(b.subarray(-2).toString('hex')).toBe('ffd9');
		expect(b.length - at).toBe(3); // one byte of scan data + EOI
	},
	gif(b) {
		expect(b.subarray(0, 6).toString('latin1')).toBe('GIF89a');
		const packed = b[10];
		let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
		const skipSubBlocks = () => {
			while (b[at] !== 0) at += 1 + b[at];
			at += 1;
		};
		for (;;) {
			const intro = b[at];
			if (intro === 0x3b) break;
			if (intro === 0x21) {
				at += 2;
				skipSubBlocks();
			} else {
				expect(intro).toBe(0x2c);
				at += 10 + 1; // descriptor + LZW minimum code size
				skipSubBlocks();
			}
		}
		expect(at).toBe(b.length - 1);
	},
	mp4(b) {
		let at = 0;
		const types: string[] = [];
		while (at < b.length) {
			let size = b.readUInt32BE(at);
			if (size === 1) size = Number(b.readBigUInt64BE(at + 8));
			types.push(b.subarray(at + 4, at + 8).toString('latin1'));
			expect(size).toBeGreaterThanOrEqual(8);
			at += size;
		}
		expect(at).toBe(b.length);
		expect(types.slice(0, 2)).toEqual(['ftyp', 'moov']);
	},
	mov(b) {
		walk.mp4(b);
		expect(b.subarray(8, 12).toString('latin1')).toBe('qt  ');
	},
	webm(b) {
		expect(b.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
		const headerLen = 5 + (b[4] & 0x7f);
		expect(b.subarray(headerLen, headerLen + 4).toString('hex')).toBe('18538067');
		const segmentSize = Number(b.readBigUInt64BE(headerLen + 4) & 0x00ffffffffffffffn);
		expect(headerLen + 12 + segmentSize).toBe(b.length);
	},
	wav(b) {
		expect(b.subarray(0, 4).toString('latin1')).toBe('RIFF');
		expect(b.subarray(8, 12).toString('latin1')).toBe('WAVE');
		expect(b.readUInt32LE(4)).toBe(b.length - 8);
		expect(b.subarray(36, 40).toString('latin1')).toBe('data');
		expect(b.readUInt32LE(40)).toBe(b.length - 44);
	},
	mp3(b) {
		expect(b.subarray(0, 3).toString('latin1')).toBe('ID3');
		const tag = b.subarray(6, 10).reduce((n, x) => (n << 7) | x, 0);
		let at = 10 + tag;
		let frames = 0;
		while (at < b.length) {
			expect(b.readUInt32BE(at)).toBe(0xfffb90c0);
			at += 417;
			frames++;
		}
		expect(at).toBe(b.length);
		expect(frames).toBeGreaterThan(0);
	},
};

describe('media generators', () => {
	const sizes = [
		0,
		1,
		200,
		1000,
		4096,
		65_537 + 2,
		2 * 65_537 + 1,
		1_048_576 + 5,
		2 * 1_048_576 + 11,
		3_000_001,
	];

	it.each(Object.keys(specs))(
		'%s: structurally valid at every size, exact once above the minimum',
		(ext) => {
			let minimum = Infinity;
			for (const size of sizes) {
				const b = bytesOf(ext, size);
				walk[ext](b);
				minimum = Math.min(minimum, b.length);
				if (size >= 1000) expect(b.length).toBe(size);
			}
			expect(minimum).toBeLessThan(1000);
		},
	);

	it.each(Object.keys(specs))(
		'%s: multi-GB plans are exact and stream in ~1 MiB pieces without allocating them',
		(ext) => {
			const size = 3 * 1024 ** 3 + 12_345;
			const plan = planMedia(specs[ext], size);
			expect(plan.size).toBe(size);
			let total = 0;
			let largest = 0;
			const distinct = new Set<Buffer>();
			for (const piece of plan.pieces()) {
				total += piece.length;
				largest = Math.max(largest, piece.length);
				if (piece.length > 64 * 1024) distinct.add(piece);
			}
			expect(total).toBe(size);
			expect(largest).toBeLessThanOrEqual(1.1 * 1024 * 1024);
			// padding reuses a handful of shared buffers: memory does not grow with the size
			expect(distinct.size).toBeLessThanOrEqual(4);
		},
	);

	it('falls back on the MIME type, then on the kind, for unknown extensions', () => {
		const byMime = planMedia({ ext: 'bin', mime: 'image/gif', kind: 'image' }, 500);
		expect(
			Buffer.concat([...byMime.pieces()])
				.subarray(0, 6)
				.toString('latin1'),
		).toBe('GIF89a');
		const byKind = planMedia({ ext: 'xyz', mime: 'application/octet-stream', kind: 'audio' }, 500);
		expect(
			Buffer.concat([...byKind.pieces()])
				.subarray(0, 3)
				.toString('latin1'),
		).toBe('ID3');
		const jpeg = planMedia({ ext: 'jpeg', mime: 'image/jpeg', kind: 'image' }, 500);
		expect(jpeg.ext).toBe('jpeg');
		expect(
			Buffer.concat([...jpeg.pieces()])
				.subarray(0, 2)
				.toString('hex'),
		).toBe('ffd8');
	});
});
