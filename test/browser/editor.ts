/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/require-node-api-error -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Drives a real n8n editor in Debian's headless Chromium (playwright-core, no browser download)
 * for `npm run test:browser` and `npm run screenshots`:
 *
 *   const editor = await Editor.start();              // emulator + `n8n start` + Chromium
 *   await editor.signIn();                            // owner set up over REST, sign-in through the UI
 *   await editor.newWorkflow();
 *   await editor.openNodePanel();                     // the canvas's "+" (or a node's output "+")
 *   const hits = await editor.search('swap faces');   // names shown, in order
 *   await editor.pick('Magic Hour Video');            // a node of the results…
 *   await editor.pick('Swap faces in a video');       // …and one of its actions: the NDV opens
 *   await editor.shot('face-swap');                   // .cache/browser-shots/face-swap.png
 *   await editor.stop();
 *
 * Everything after the owner account goes through the UI. CHROMIUM_PATH overrides
 * /usr/bin/chromium; BROWSER_SHOTS overrides the (git-ignored) screenshot folder.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { start, type Emulator, type EmulatorOptions } from '../../emulator';
import {
	emulatorCredential,
	N8nInstance,
	REPO_ROOT,
	type Json,
	type N8nServer,
} from '../../scripts/e2e/n8n';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS_DIR = process.env.BROWSER_SHOTS ?? join(REPO_ROOT, '.cache', 'browser-shots');

/** Flags for a closed network: no background connections, no GPU, no sandbox as root. */
export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Browser-Tests-2026',
};

export interface EditorOptions {
	/** Emulator settings (default: 20× faster jobs, quiet). */
	emulator?: EmulatorOptions;
	/** Import the "Magic Hour account" credential (pointing at the emulator). Default true. */
	credential?: boolean;
	/** Workflows to import before `n8n start`. */
	workflows?: Json[];
	/** Copy examples/files into the instance's files folder (the examples read them). */
	copyExampleFiles?: boolean;
	/** The n8n user folder (default: a new temporary folder, deleted by stop()). */
	dir?: string;
	viewport?: { width: number; height: number };
}

/** One item of the node panel as shown: its name and, when it has one, its description. */
export interface PanelItem {
	name: string;
	description: string;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export class Editor {
	private constructor(
		readonly emulator: Emulator,
		readonly n8n: N8nInstance,
		readonly server: N8nServer,
		readonly context: BrowserContext,
		readonly page: Page,
		private readonly profileDir: string,
		private readonly ownsUserFolder: boolean,
	) {}

	get baseUrl(): string {
		return this.server.baseUrl;
	}

	/** Emulator, `n8n start` (package installed from `npm pack`) and Chromium with a fresh profile. */
	static async start(options: EditorOptions = {}): Promise<Editor> {
		const emulator = await start({ speed: 20, quiet: true, ...options.emulator });
		let n8n: N8nInstance | undefined;
		let context: BrowserContext | undefined;
		const profileDir = mkdtempSync(join(tmpdir(), 'mh-chromium-'));
		try {
			n8n = await N8nInstance.create({ dir: options.dir });
			if (options.copyExampleFiles) n8n.copyExampleFiles();
			if (options.credential ?? true) await n8n.importCredentials([emulatorCredential(emulator)]);
			if (options.workflows?.length) await n8n.importWorkflows(options.workflows);
			const server = await n8n.start();
			selectors.setTestIdAttribute('data-test-id');
			context = await chromium.launchPersistentContext(profileDir, {
				executablePath: CHROMIUM_PATH,
				args: CHROMIUM_FLAGS,
				viewport: options.viewport ?? { width: 1440, height: 900 },
				deviceScaleFactor: 1,
			});
			const page = context.pages()[0] ?? (await context.newPage());
			page.setDefaultTimeout(30_000);
			return new Editor(emulator, n8n, server, context, page, profileDir, !options.dir);
		} catch (error) {
			await context?.close().catch(() => undefined);
			rmSync(profileDir, { recursive: true, force: true });
			if (n8n) await (options.dir ? n8n.stopAll() : n8n.dispose());
			await emulator.stop();
			throw error;
		}
	}

	async stop(): Promise<void> {
		await this.context.close().catch(() => undefined);
		rmSync(this.profileDir, { recursive: true, force: true });
		await (this.ownsUserFolder ? this.n8n.dispose() : this.n8n.stopAll());
		await this.emulator.stop();
	}

	/** Creates the owner account over REST (as the e2e does), then signs in through the form. */
	async signIn(): Promise<void> {
		const setup = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!setup.ok) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
		const page = this.page;
		await page.goto(`${this.baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
		const form = page.getByTestId('signin-form');
		await form.waitFor();
		await form
			.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
			.first()
			.fill(OWNER.email);
		await form.locator('input[type="password"]').first().fill(OWNER.password);
		await form.locator('button').last().click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
	}

	/** Presses Escape a few times: closes n8n's welcome and promotion pop-ups. */
	async dismissPopups(): Promise<void> {
		for (let i = 0; i < 3; i++) {
			await this.page.keyboard.press('Escape').catch(() => undefined);
			await sleep(150);
		}
	}

	/** An empty new workflow on the canvas. */
	async newWorkflow(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
		await this.page
			.getByTestId('canvas-add-button')
			.or(this.page.getByTestId('canvas-node'))
			.first()
			.waitFor({ timeout: 60_000 });
		await this.dismissPopups();
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded' });
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
		await this.dismissPopups();
	}

	/**
	 * Opens the node panel: on an empty canvas "Add first step" (the trigger panel), otherwise the
	 * "+" on the output of `after` (the "What happens next?" panel) or the canvas's "+" button.
	 */
	async openNodePanel(after?: string): Promise<void> {
		const page = this.page;
		if (after) {
			await this.canvasNode(after).hover();
			await this.canvasNode(after).getByTestId('canvas-handle-plus').first().click();
		} else {
			const first = page.getByTestId('canvas-add-button');
			if (await first.isVisible().catch(() => false)) await first.click();
			else await page.getByTestId('node-creator-plus-button').first().click();
		}
		await this.searchBar().waitFor();
	}

	async closeNodePanel(): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.page
			.getByTestId('node-creator')
			.waitFor({ state: 'detached' })
			.catch(() => undefined);
	}

	private searchBar(): Locator {
		return this.page
			.locator(
				'[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]',
			)
			.first();
	}

	/** Types a phrase into the panel's search bar and returns what it lists (nodes, actions, sections skipped). */
	async search(phrase: string): Promise<PanelItem[]> {
		const bar = this.searchBar();
		await bar.fill('');
		await bar.fill(phrase);
		await bar.press('End'); // flushes n8n's debounced search
		await sleep(400);
		return await this.panelItems();
	}

	/** The items of the panel's current view, top to bottom. */
	async panelItems(): Promise<PanelItem[]> {
		const creator = this.page.getByTestId('node-creator');
		await creator
			.getByTestId('node-creator-item-name')
			.or(creator.getByTestId('node-creator-no-results'))
			.first()
			.waitFor()
			.catch(() => undefined);
		return await creator.getByTestId('item-iterator-item').evaluateAll((items) =>
			items
				.map((item) => ({
					name:
						item.querySelector('[data-test-id="node-creator-item-name"]')?.textContent?.trim() ??
						'',
					description:
						item
							.querySelector('[data-test-id="node-creator-item-description"]')
							?.textContent?.trim() ?? '',
				}))
				.filter((item) => item.name),
		);
	}

	/** Clicks the panel item with this exact name (a node opens its actions; an action adds the node). */
	async pick(name: string): Promise<void> {
		const creator = this.page.getByTestId('node-creator');
		await creator
			.getByTestId('item-iterator-item')
			.filter({
				has: this.page.getByTestId('node-creator-item-name').getByText(name, { exact: true }),
			})
			.first()
			.click();
		await sleep(300);
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	/** Names of the nodes on the canvas. */
	async canvasNodeNames(): Promise<string[]> {
		return await this.page
			.getByTestId('canvas-node')
			.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name') ?? ''));
	}

	ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	async openNdv(nodeName: string): Promise<void> {
		await this.canvasNode(nodeName).dblclick();
		await this.ndv().waitFor();
		await sleep(300);
	}

	async closeNdv(): Promise<void> {
		const close = this.page
			.getByTestId('ndv-close-button')
			.or(this.page.getByTestId('back-to-canvas'));
		if (
			await close
				.first()
				.isVisible()
				.catch(() => false)
		)
			await close.first().click();
		else await this.page.keyboard.press('Escape');
		await this.ndv()
			.waitFor({ state: 'hidden' })
			.catch(() => undefined);
	}

	/** The open NDV's node title. */
	async ndvTitle(): Promise<string> {
		const text = await this.ndv().getByTestId('node-title-container').first().innerText();
		return text.split('\n')[0].trim();
	}

	/** A parameter's row in the open NDV, by its label as shown. */
	parameter(label: string): Locator {
		return this.ndv()
			.getByTestId('parameter-item')
			.filter({ has: this.page.getByText(label, { exact: true }) })
			.first();
	}

	/** Types into a text parameter of the open NDV. */
	async fillParameter(label: string, value: string): Promise<void> {
		const input = this.parameter(label).locator('textarea, input').first();
		await input.click();
		await input.fill(value);
		await input.blur();
	}

	/** Chooses an option of a drop-down parameter by its shown name. */
	async selectOption(label: string, option: string): Promise<void> {
		await this.parameter(label).locator('input').first().click();
		await this.page
			.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
			.filter({ hasText: option })
			.first()
			.click();
	}

	/** "Execute step" in the open NDV; waits until the node ran (or failed). */
	async executeStep(timeoutMs = 120_000): Promise<void> {
		await this.ndv().getByTestId('node-execute-button').first().click();
		await this.page
			.getByTestId('ndv-executing')
			.waitFor({ state: 'detached', timeout: timeoutMs })
			.catch(() => undefined);
		await this.ndv()
			.getByTestId('ndv-output-panel')
			.or(this.ndv().getByTestId('output-panel'))
			.first()
			.waitFor({ timeout: timeoutMs });
	}

	/** A PNG of the page (or of one element) in the screenshot folder; returns its path. */
	async shot(name: string, target?: Locator): Promise<string> {
		mkdirSync(SHOTS_DIR, { recursive: true });
		const path = join(SHOTS_DIR, `${name}.png`);
		if (target) await target.screenshot({ path });
		else await this.page.screenshot({ path });
		return path;
	}
}
