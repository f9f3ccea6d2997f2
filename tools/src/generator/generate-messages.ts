import type { Message, Ticks } from '@pcmig/core';
import type { TextComposer } from './compose-text.js';
import { effectiveRoomSetting } from './effective-settings.js';
import type { FileStoreWriter } from './file-store.js';
import type { PlannedRoom } from './legacy-plan.js';
import { ZipfPicker, type Random } from './random.js';
import { msToTicks } from './timeline.js';

export interface MessageTally {
  written: number;
  beforeCutoff: number;
  readonly beforeCutoffByRoom: Map<number, number>;
  readonly lastChatIds: Map<number, number>;
  /** Messages posted by each planted author (federated, foreign, unknown). */
  readonly byPlantedAuthor: Map<number, number>;
  filePosts: number;
  stories: number;
  alerts: number;
}

export interface MessageSettings {
  readonly random: Random;
  readonly composer: TextComposer;
  readonly fileStore: FileStoreWriter;
  readonly filePostRate: number;
  readonly cutoff: Ticks;
  readonly batchSize: number;
  /** Called before each room's messages (progress). */
  readonly onRoom?: (index: number, room: PlannedRoom) => void;
}

export function emptyTally(): MessageTally {
  return { written: 0, beforeCutoff: 0, beforeCutoffByRoom: new Map(), lastChatIds: new Map(), byPlantedAuthor: new Map(), filePosts: 0, stories: 0, alerts: 0 };
}

/**
 * The messages of every room, room by room in id order and chatId order within a room (the key
 * order of tblChat, so the load appends), in batches. Each room draws from its own random stream:
 * its messages do not depend on how many the rooms before it had.
 */
export function* generateMessages(rooms: readonly PlannedRoom[], settings: MessageSettings, tally: MessageTally): Generator<Message[]> {
  let batch: Message[] = [];
  for (let index = 0; index < rooms.length; index += 1) {
    const room = rooms[index] as PlannedRoom;
    settings.onRoom?.(index, room);
    const count = room.messages;
    if (count === 0) continue;
    const random = settings.random.fork(room.guid);
    // Sorted uniform instants from normalised exponential gaps: one pass, no sort.
    const gaps = new Float64Array(count + 1);
    let sum = 0;
    for (let i = 0; i <= count; i += 1) {
      const gap = -Math.log(1 - random.next());
      gaps[i] = gap;
      sum += gap;
    }
    const span = room.endMs - room.createdMs;
    const forced = new Map<number, number>();
    room.forcedAuthors.forEach((author, j) => forced.set(Math.floor(((j + 0.5) * count) / room.forcedAuthors.length), author));
    const picker = new ZipfPicker(room.authors.length, 0.9);
    const uploads = effectiveRoomSetting(room, 'fileUpload');
    let elapsed = 0;
    let last = -1n;
    let before = 0;
    for (let i = 0; i < count; i += 1) {
      elapsed += gaps[i] as number;
      let timestamp = msToTicks(room.createdMs + (span * elapsed) / sum, random.int(0, 9999));
      if (timestamp <= last) timestamp = last + 1n;
      last = timestamp;
      const planted = forced.get(i);
      const authorId = planted ?? (room.authors[picker.draw(random)] as number);
      if (planted !== undefined) tally.byPlantedAuthor.set(planted, (tally.byPlantedAuthor.get(planted) ?? 0) + 1);
      let content: string;
      if (uploads && random.chance(settings.filePostRate)) {
        const link = settings.fileStore.upload(random, room, room.language);
        content = random.chance(0.5) ? link : `${random.pick(room.language.phrases)} ${link}`;
        tally.filePosts += 1;
      } else if (random.chance(0.001)) {
        content = settings.composer.story(random, room.language);
        tally.stories += 1;
      } else {
        content = settings.composer.message(random, room.language);
      }
      const isAlert = random.chance(0.002);
      if (isAlert) tally.alerts += 1;
      if (timestamp < settings.cutoff) before += 1;
      batch.push({ roomId: room.id, chatId: i + 1, timestamp, authorId, isAlert, content, rtf: null });
      if (batch.length >= settings.batchSize) {
        yield batch;
        batch = [];
      }
    }
    tally.written += count;
    tally.lastChatIds.set(room.id, count);
    if (before > 0) tally.beforeCutoffByRoom.set(room.id, before);
    tally.beforeCutoff += before;
  }
  if (batch.length > 0) yield batch;
}
