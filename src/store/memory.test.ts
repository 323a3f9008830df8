import { MemoryStore } from './memory.js';
import { storeConformance } from './conformance.js';

storeConformance('memory', async () => new MemoryStore());
