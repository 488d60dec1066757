import { bodies, call, startFast, waitForStatus, type TestEmulator } from './emulatorHarness';

let emu: TestEmulator;

beforeAll(async () => {
	emu = await startFast({ credits: 1000 });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

describe('charges', () => {
	it('charges a video its estimate at create and the final charge once complete', async () => {
		emu.jobs.setDurationMs('/v1/text-to-video', 1000);
		emu.jobs.finalCreditsNext({ endpoint: '/v1/text-to-video', credits: 90 });
		const created = await call(emu, 'POST', '/v1/text-to-video', { body: bodies.video });
		// 5 s at 30 frames per second, 1 credit per frame
		expect(created.body.credits_charged).toBe(150);
		expect(emu.credits).toBe(850);
		const queued = await call(emu, 'GET', `/v1/video-projects/${created.body.id}`);
		expect(queued.body.credits_charged).toBe(150);
		const done = await waitForStatus(emu, 'video', created.body.id, ['complete']);
		expect(done.credits_charged).toBe(90);
		expect(emu.credits).toBe(910);
		expect(emu.counters()).toMatchObject({ creditsCharged: 150, creditsRefunded: 60 });
	});

	it('a final charge above the estimate takes the difference from the balance', async () => {
		emu.jobs.setDurationMs('/v1/text-to-video', 30);
		const control = await fetch(`${emu.baseUrl}/__emulator/jobs/final-credits-next`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ credits: 200 }),
		});
		expect(control.status).toBe(200);
		const created = await call(emu, 'POST', '/v1/text-to-video', { body: bodies.video });
		const done = await waitForStatus(emu, 'video', created.body.id, ['complete']);
		expect(done.credits_charged).toBe(200);
		expect(emu.credits).toBe(800);
		expect(emu.counters().creditsCharged).toBe(200);
	});
});
