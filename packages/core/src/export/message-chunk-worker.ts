import { parentPort, workerData } from 'node:worker_threads';
import type { ChunkProducerTask } from './message-chunk-protocol.js';
import { produceMessageChunks } from './message-chunk-producer.js';

// The worker thread's entry (MessageChunkThread starts it): the producer, on the parent's port.
if (parentPort) void produceMessageChunks(parentPort, workerData as ChunkProducerTask);
