#!/usr/bin/env node
// The pcmig command. Kept tiny: everything else loads on demand (docs/cmdlets.md).
import { runMain } from '../host/run-main.js';

await runMain();
