#!/usr/bin/env node
// pcmig-generate: builds a rehearsal deployment (see docs/generator.md).
import { runGenerate } from './run-generate.js';

process.exitCode = await runGenerate(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
