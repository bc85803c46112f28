/** vitest setupFiles: runs in each test file's context before its tests. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './tmp.js';

afterAll(removeTempDirs);
