/**
 * A jest reporter for CI logs: one line per n8n version and check,
 * "n8n 1.123.81  PASS  Create an image and save it: … (4.1 s)". The version is the test's
 * outer describe ("n8n 1.123.81"), else the reporter option `version` (the pinned n8n of the e2e).
 */
class LineReporter {
	constructor(_globalConfig, options = {}) {
		this.version = options.version ? `n8n ${options.version}` : '';
	}

	onTestResult(_test, result) {
		for (const test of result.testResults) {
			const [outer, ...rest] = test.ancestorTitles;
			const version = outer?.startsWith('n8n ') ? outer : this.version;
			const titles = outer?.startsWith('n8n ') ? rest : test.ancestorTitles;
			const seconds = ((test.duration ?? 0) / 1000).toFixed(1);
			const status = test.status === 'passed' ? 'PASS' : test.status.toUpperCase();
			process.stdout.write(
				`${version.padEnd(13)} ${status.padEnd(5)} ${[...titles, test.title].join(' > ')} (${seconds} s)\n`,
			);
			for (const message of test.failureMessages ?? [])
				process.stdout.write(`${message.split('\n').slice(0, 30).join('\n')}\n`);
		}
		if (result.testExecError)
			process.stdout.write(`FAIL  ${result.testFilePath}: ${result.testExecError.message}\n`);
	}
}

module.exports = LineReporter;
