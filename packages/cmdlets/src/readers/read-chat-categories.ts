import type { CmdletContext } from '../definition/cmdlet-context.js';
import { identityOf, matchIdentity, notFound } from './match-identity.js';
import { withTargetStore } from './open-target-store.js';
import { PrincipalNames } from './principal-names.js';
import type { CategoryQuery } from '../cmdlets/get-cs-persistent-chat-category.js';

/** Get-CsPersistentChatCategory: the categories of a Persistent Chat database, as CategoryObject-shaped objects. */
export async function readChatCategories(query: CategoryQuery, context: CmdletContext): Promise<void> {
  await withTargetStore(query, context, async (store) => {
    const pool = query.PersistentChatPoolFqdn;
    let categories = await store.categories();
    if (query.Identity !== undefined) {
      const match = matchIdentity(categories, query.Identity, pool);
      if (!match) {
        context.writeError(notFound('category', query.Identity, store.description));
        return;
      }
      categories = [match];
    }
    const names = await PrincipalNames.load(store);
    for (const category of categories) {
      context.writeObject({
        Identity: identityOf(category.name, pool),
        Name: category.name,
        Description: category.description,
        Invites: category.invitations,
        FileUpload: category.fileUpload,
        ChatHistory: category.chatHistory,
        AllowedMembers: names.names(category.allowedMembers, query.AsObject),
        DeniedMembers: names.names(category.deniedMembers, query.AsObject),
        Creators: names.names(category.creators, query.AsObject),
        PersistentChatPoolFqdn: pool ?? null,
      });
    }
  });
}
