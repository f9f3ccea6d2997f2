import { checkFileLinks, fsErrors, type LinkProblem } from '@pcmig/file-sync';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import type { FileLinkCheckValues } from '../cmdlets/test-cs-persistent-chat-file-link.js';

/** Problems shown as warnings one by one (all of them are in the result object). */
const PROBLEMS_SHOWN = 50;

function describeProblem(problem: LinkProblem): string {
  if (problem.code === 'unreadable-folder') return `unreadable-folder: ${problem.path} (${problem.reason})`;
  return `${problem.code}: ${problem.path} — room ${problem.room}, chat ${problem.chatId}, posted ${problem.postedAt}`;
}

/**
 * Test-CsPersistentChatFileLink: one result object; each problem is also a warning, and a failed
 * check writes one error (exit code 1, $? false) so that scripts stop before decommissioning.
 */
export async function runFileLinkCheck(values: FileLinkCheckValues, context: CmdletContext): Promise<void> {
  const result = await checkFileLinks({
    dbInstance: values.DBInstance,
    ...(values.DBName !== undefined ? { dbName: values.DBName } : {}),
    destination: values.Destination,
    onProgress: (event) => context.writeProgress(event),
  });
  for (const problem of result.problems.slice(0, PROBLEMS_SHOWN)) context.writeWarning(describeProblem(problem));
  if (result.problems.length > PROBLEMS_SHOWN) context.writeWarning(`${result.problems.length - PROBLEMS_SHOWN} more problems: see the result's Problems.`);
  context.writeObject({
    Status: result.status,
    ExitCode: result.exitCode,
    Destination: result.destination,
    Database: result.database,
    Rooms: result.rooms,
    Messages: result.messages,
    MessagesWithLinks: result.messagesWithLinks,
    Links: result.links,
    Resolved: result.resolved,
    ResolvedIgnoringCase: result.resolvedIgnoringCase,
    UnreferencedFiles: result.unreferencedFiles,
    Problems: result.problems.map((problem) =>
      problem.code === 'unreadable-folder'
        ? { Code: problem.code, Path: problem.path, Reason: problem.reason }
        : { Code: problem.code, Path: problem.path, Room: problem.room, ChatId: problem.chatId, PostedAt: problem.postedAt },
    ),
    ElapsedSeconds: Math.round(result.elapsedMs) / 1000,
  });
  if (result.status === 'Failed') {
    context.writeError(
      fsErrors.create('PCMIG-FS-016', {
        message: `${result.problems.length} file link problem(s) in ${result.database} against ${result.destination}: ${result.resolved} of ${result.links} links resolve.`,
        target: result.destination,
        reason: { problems: result.problems.length, links: result.links, resolved: result.resolved },
      }),
    );
  }
}
