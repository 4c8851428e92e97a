import { Container } from '@n8n/di';
// Not re-exported by n8n-core's index; it is the service whose 60 s cleanup interval keeps jest alive.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

afterAll(() => {
	if (!Container.has(SSHClientsManager)) return;
	const manager = Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout };
	if (manager.cleanupTimer) clearInterval(manager.cleanupTimer);
});
