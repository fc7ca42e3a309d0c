#!/usr/bin/env node
// The command, present before the build: npm and pnpm link it at install, and `prepare` builds dist/ right after.
import "../dist/generator/cli.js";
