// Child process for the crash test: runs a lookup URI move whose endpoint creation never
// returns, announces that the user account is deleted, and waits to be killed.
import { openDeployment } from '../deployment/open-deployment.js';
import { moveLookupUri } from '../engine/move-lookup-uri.js';
import { withFaults } from './faulty-directory.js';

const folder = process.argv[2];
const deployment = await openDeployment(folder);
const hanging = withFaults(deployment, {
  beforeAdd: async () => {
    process.stdout.write('user-removed\n');
    await new Promise(() => undefined);
  },
});
await moveLookupUri({ deployment: hanging });
process.stdout.write('finished\n');
