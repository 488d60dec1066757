/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * A real HTTP listener on a loopback port that records every request it gets (method, URL,
 * headers) and answers with the handler a test gives it: the "internal service" an attacker
 * aims at, the host a redirect points to, a server that hands out files.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
}

export type RecordingHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RecordingServer {
	/** `http://127.0.0.1:<port>` */
	origin: string;
	requests: RecordedRequest[];
	stop(): Promise<void>;
}

const answerSecret: RecordingHandler = (_req, res) => {
	res.writeHead(200, { 'content-type': 'text/plain' }).end('internal secret');
};

export async function startRecordingServer(
	handler: RecordingHandler = answerSecret,
): Promise<RecordingServer> {
	const requests: RecordedRequest[] = [];
	const server = http.createServer((req, res) => {
		requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
		req.resume();
		handler(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		requests,
		stop: async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
