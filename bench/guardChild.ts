/** Child process of phase 7 (spend guard): keeps its emulator and node runs apart from the others. */
import { childMain } from './lib/child';
import { runSpendGuard, type SpendGuardConfig, type SpendGuardResult } from './phases/spendGuard';

childMain(
	async (config: SpendGuardConfig): Promise<SpendGuardResult> => await runSpendGuard(config),
);
