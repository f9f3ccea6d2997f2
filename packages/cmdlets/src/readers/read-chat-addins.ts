import type { CmdletContext } from '../definition/cmdlet-context.js';
import { identityOf, matchIdentity, notFound } from './match-identity.js';
import { withTargetStore } from './open-target-store.js';
import type { AddinQuery } from '../cmdlets/get-cs-persistent-chat-addin.js';

/** Get-CsPersistentChatAddin: the registered add-ins, as AddinObject-shaped objects. */
export async function readChatAddins(query: AddinQuery, context: CmdletContext): Promise<void> {
  await withTargetStore(query, context, async (store) => {
    const pool = query.PersistentChatPoolFqdn;
    let addins = await store.addins();
    if (query.Identity !== undefined) {
      const match = matchIdentity(addins, query.Identity, pool);
      if (!match) {
        context.writeError(notFound('add-in', query.Identity, store.description));
        return;
      }
      addins = [match];
    }
    for (const addin of addins) {
      context.writeObject({ Identity: identityOf(addin.name, pool), Name: addin.name, Url: addin.url, PersistentChatPoolFqdn: pool ?? null });
    }
  });
}
