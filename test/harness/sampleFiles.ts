/** Small but genuine media files a previous n8n node could hand to ours. */
const PNG_1X1 = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

function mp4(): Buffer {
	const ftyp = Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f326d703431', 'hex');
	const free = Buffer.alloc(64);
	free.writeUInt32BE(64, 0);
	free.write('free', 4, 'latin1');
	return Buffer.concat([ftyp, free]);
}

function mp3(): Buffer {
	// Two MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz: 417 bytes each.
	const frame = Buffer.alloc(417);
	frame.set([0xff, 0xfb, 0x90, 0x64]);
	return Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1'), frame, frame]);
}

export function sampleFile(mimeType: string): Buffer {
	if (mimeType.startsWith('image/')) return PNG_1X1;
	if (mimeType.startsWith('video/')) return mp4();
	if (mimeType.startsWith('audio/')) return mp3();
	return Buffer.from('sample');
}
